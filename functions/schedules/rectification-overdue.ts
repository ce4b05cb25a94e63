import { scheduleHandler } from '../../shared/schedule/handler.ts';
import { scanRectifications } from '../../shared/ratings/overdue.ts';
import { rectificationOverduePorts } from '../../shared/supervision/wiring.ts';

const ports = rectificationOverduePorts();

/** Hourly: 差评 callbacks and rectifications past their working-day deadlines become supervision alerts (once each). */
export const handler = scheduleHandler('rectification-overdue', (_event, { clock }) => scanRectifications({ ...ports, clock }));
