import { scheduleHandler } from '../../shared/schedule/handler.ts';
import { scanOverdue } from '../../shared/supervision/overdue-scan.ts';
import { scanPorts, supervisionRules } from '../../shared/supervision/wiring.ts';

const ports = scanPorts();

/** Every 15 minutes: the cards due (yellow, red, phase, 即办, 特别程序, 督办 second red), then the outbox to the delivery queue. */
export const handler = scheduleHandler('overdue-scan', (_event, { clock }) => scanOverdue({ ...ports, clock }, supervisionRules()));
