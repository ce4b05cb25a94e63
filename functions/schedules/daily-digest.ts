import { scheduleHandler } from '../../shared/schedule/handler.ts';
import { dailyDigest } from '../../shared/supervision/daily-digest.ts';
import { supervisionPorts } from '../../shared/supervision/wiring.ts';

const ports = supervisionPorts();

/** 08:30 Beijing: yesterday's figures to the supervisors. */
export const handler = scheduleHandler('daily-digest', (_event, { clock }) => dailyDigest({ ...ports, clock }));
