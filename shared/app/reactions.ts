import type { CaseReactions } from '../cases/ports.ts';
import type { NoticesConfig } from '../notices/config.ts';
import { noticesReaction } from '../notices/plan.ts';
import { caseFollowUp } from '../supervision/case-follow-up.ts';
import { archiveWrites } from '../archive/trigger.ts';
import { exchangeWrites } from '../exchange/plan.ts';

/**
 * Every case change, wherever it is made (intake, the lifecycle, a hop of the network, a commission
 * taken in or delivered), commits the same reactions in its transaction, in this order:
 * supervision's watch, the texts to the applicant, the archive's trigger, the province's stage
 * records. Each reaction decides from the case before and after whether it adds anything.
 *
 * Without notices settings no texts are planned (the unit tests' county); production passes the
 * county's (shared/app/wiring.ts).
 */
export const caseReactions = (settings: { notices?: () => NoticesConfig } = {}): CaseReactions => {
  const all: CaseReactions[] = [caseFollowUp, ...(settings.notices ? [noticesReaction(settings.notices)] : []), archiveWrites, exchangeWrites];
  return (before, after, at) => all.flatMap((react) => react(before, after, at));
};
