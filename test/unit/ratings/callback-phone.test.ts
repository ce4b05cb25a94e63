import { describe, expect, it } from 'vitest';
import { memorySealer } from '../../../shared/cases/memory-sealer.ts';
import { ForbiddenError, NotFoundError } from '../../../shared/errors/domain-errors.ts';
import { callbackPhone } from '../../../shared/ratings/callback-phone.ts';
import { publicRatingBody } from '../../../shared/ratings/model.ts';
import { ratePublic } from '../../../shared/ratings/rate.ts';
import { CLERK, HEAD, META, SUPERVISOR, at, principal, ratingWorld } from './fixtures.ts';

const OTHER_HEAD = principal({ userId: 'u-h2', username: 'head.dongpu', officeId: '411521-dongpu', roles: ['center_head'], scopes: HEAD.scopes });

/** A decided case whose applicant is sealed for real, optionally rated 非常不满意 (a 差评 task for its office). */
const world = async (bad: boolean) => {
  const w = ratingWorld(at('2026-11-09'));
  const sealer = memorySealer();
  const sealed = await sealer.seal({ id: '11010519491231002X', phone: '13812345678' });
  const c = w.decided();
  w.ports.cases.seed({ ...c, applicant: { ...c.applicant, sealed } });
  if (bad) await ratePublic(w.ports, { ...publicRatingBody.parse({ phone4: '5678', level: 1, reason: '服务态度不好' }), number: c.number }, META);
  return { ports: { ratings: w.ports.ratings, cases: w.ports.cases, sealer }, c, audits: w.ports.cases.audits };
};

describe('the phone for a 差评 回访', () => {
  it('the head of the handling office gets the whole number, and the reveal is audited on the case', async () => {
    const { ports, c, audits } = await world(true);
    expect(await callbackPhone(ports, HEAD, { caseId: c.id }, META)).toEqual({ phone: '13812345678' });
    expect(audits.at(-1)).toMatchObject({ action: 'case.view-phone', target: { type: 'case', id: c.id }, detail: c.number, result: 'success' });
  });

  it('no 差评 task, another office, a clerk or a supervisor: refused, and nothing opened or audited', async () => {
    const none = await world(false);
    await expect(callbackPhone(none.ports, HEAD, { caseId: none.c.id }, META)).rejects.toBeInstanceOf(NotFoundError);
    const { ports, c, audits } = await world(true);
    const before = audits.length;
    await expect(callbackPhone(ports, OTHER_HEAD, { caseId: c.id }, META)).rejects.toBeInstanceOf(NotFoundError);
    await expect(callbackPhone(ports, CLERK, { caseId: c.id }, META)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(callbackPhone(ports, SUPERVISOR, { caseId: c.id }, META)).rejects.toBeInstanceOf(ForbiddenError);
    expect(audits.length).toBe(before);
  });
});
