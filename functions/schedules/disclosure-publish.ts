import { scheduleHandler } from '../../shared/schedule/handler.ts';
import { publishDisclosure } from '../../shared/ratings/disclosure.ts';
import { disclosurePorts } from '../../shared/ratings/wiring.ts';

const ports = disclosurePorts();

/** Every 30 minutes: 六公开 — recent results and monthly ratings per office, published without personal data. */
export const handler = scheduleHandler('disclosure-publish', (_event, { clock }) => publishDisclosure({ ...ports, clock }));
