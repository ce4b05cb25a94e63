import { scheduleHandler } from '../../shared/schedule/handler.ts';
import { scanOverdue } from '../../shared/supervision/overdue-scan.ts';
import { supervisionPorts, supervisionSettings } from '../../shared/supervision/wiring.ts';

const ports = supervisionPorts();

/** Every 15 minutes: yellow and red cards for promised cases near or past their due date. */
export const handler = scheduleHandler('overdue-scan', (_event, { clock }) => scanOverdue({ ...ports, clock }, supervisionSettings()));
