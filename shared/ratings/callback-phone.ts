import { caseAudit } from '../cases/commit.ts';
import type { Sealer } from '../cases/ports.ts';
import type { CaseStore } from '../cases/ports.ts';
import { ForbiddenError, NotFoundError } from '../errors/domain-errors.ts';
import { hasScope, type Principal } from '../identity/principal.ts';
import type { RequestMeta } from '../platform/request-meta.ts';
import type { RatingStore } from './ports.ts';

/** What the phone reveal reads: the task (is there a 差评 to call back?), the case, and the sealer that opens it. */
export interface CallbackPhonePorts {
  ratings: Pick<RatingStore, 'task'>;
  cases: Pick<CaseStore, 'get' | 'commit'>;
  sealer: Pick<Sealer, 'unseal'>;
}

/**
 * POST /api/ratings/tasks/{caseId}/phone: the applicant's whole phone number, so the head of the
 * office that must call back (回访) can do so. Only for a case with a 差评 task of the caller's own
 * office, only on an explicit action, and audited as 查看完整手机号码（回访） on the case.
 */
export const callbackPhone = async (ports: CallbackPhonePorts, p: Principal, input: { caseId: string }, meta: RequestMeta) => {
  if (!hasScope(p, 'rating.rectify')) throw new ForbiddenError();
  const task = await ports.ratings.task(input.caseId);
  // another office's task, or none: the same answer (nothing to learn about which cases were rated badly)
  if (!task || task.officeId !== p.officeId) throw new NotFoundError('整改任务不存在');
  const c = (await ports.cases.get(input.caseId))?.record;
  if (!c) throw new NotFoundError('整改任务不存在');
  const { phone } = await ports.sealer.unseal<{ phone: string }>(c.applicant.sealed);
  await ports.cases.commit([], [caseAudit(p, 'case.view-phone', c, meta)]);
  return { phone };
};
