import * as z from 'zod';
import { CASE_CONFLICT, isConflict, type CasePorts } from './store.ts';
import { retryWhileBusy } from './commit.ts';

/**
 * 综合受理 / 交办: a case accepted at one office is handed to the office that decides it.
 * Delivered through the delegation queue, so a busy or failing receiver loses nothing.
 */
export const forwardMessage = z.object({
  caseId: z.string().min(1),
  fromOfficeId: z.string().min(1),
  toOfficeId: z.string().min(1),
  reason: z.string().max(500).default(''),
  forwardedAt: z.iso.datetime(),
  /** Idempotency: one message id per hand-over, replays are no-ops. */
  forwardId: z.string().min(1),
});
export type ForwardMessage = z.output<typeof forwardMessage>;

/**
 * Applies a hand-over once: a redelivered message is a no-op. A missing case throws (the message
 * is retried, then lands in the DLQ).
 */
export const applyForward = async (ports: Pick<CasePorts, 'cases'>, m: ForwardMessage): Promise<'applied' | 'duplicate'> => {
  try {
    await retryWhileBusy(() => ports.cases.commit([{ op: 'forward', handOver: m }], []));
    return 'applied';
  } catch (e) {
    if (isConflict(e, CASE_CONFLICT.alreadyApplied)) return 'duplicate';
    throw e;
  }
};
