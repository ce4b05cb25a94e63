import { scheduleHandler } from '../../shared/schedule/handler.ts';
import { dailyDigest } from '../../shared/supervision/daily-digest.ts';
import { digestPorts } from '../../shared/supervision/wiring.ts';

const ports = digestPorts();

/** 08:30 Beijing: due today, overdue and open 督办, to the supervisors and each office concerned. */
export const handler = scheduleHandler('daily-digest', (_event, { clock }) => dailyDigest({ ...ports, clock }));
