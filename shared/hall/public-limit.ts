import { TooManyRequestsError } from '../errors/domain-errors.ts';
import type { RequestMeta } from '../platform/request-meta.ts';
import type { HallPorts } from './ports.ts';

/** Per source address and minute, across containers (the counter is taken before any slow check). */
export const PUBLIC_LIMITS = {
  /** Booking and cancelling: a citizen needs a few; a script booking out a day is stopped. */
  booking: 10,
  /** The hall's kiosk issues every walk-in's ticket from one address. */
  ticket: 120,
} as const;

export const takePublicTurn = async (ports: Pick<HallPorts, 'hall' | 'clock'>, meta: RequestMeta, kind: keyof typeof PUBLIC_LIMITS): Promise<void> => {
  const now = ports.clock();
  const hits = await ports.hall.hitPublic(`${kind}#${meta.sourceIp}`, now.toISOString().slice(0, 16), new Date(now.getTime() + 300_000));
  if (hits > PUBLIC_LIMITS[kind]) throw new TooManyRequestsError('TOO_MANY_REQUESTS', '操作过于频繁，请稍后再试');
};
