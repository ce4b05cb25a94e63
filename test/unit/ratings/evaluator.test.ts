import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, NotFoundError } from '../../../shared/errors/domain-errors.ts';
import { staffRatingBody } from '../../../shared/ratings/model.ts';
import { evaluatorPending, pushToEvaluator, rateByStaff } from '../../../shared/ratings/rate.ts';
import { CLERK, META, OTHER_CLERK, SUPERVISOR, at, ratingWorld } from './fixtures.ts';

const tap = (body: Record<string, unknown>) => staffRatingBody.parse(body);

describe('the window evaluator (一次一评 at the window)', () => {
  it('shows the case the clerk pushed until the citizen taps a face, then nothing', async () => {
    const w = ratingWorld(at('2026-11-09', '10:00'));
    const c = w.decided();
    expect((await evaluatorPending(w.ports, CLERK)).pending).toBeNull();
    await pushToEvaluator(w.ports, CLERK, { caseId: c.id }, META);
    expect((await evaluatorPending(w.ports, CLERK)).pending).toMatchObject({ caseId: c.id, number: c.number, itemName: c.itemName });
    // another window does not see it
    expect((await evaluatorPending(w.ports, { ...CLERK, userId: 'u-window-2' })).pending).toBeNull();
    const r = await rateByStaff(w.ports, CLERK, tap({ caseId: c.id, level: 5, dimensions: { efficiency: 5, attitude: 4 } }), META);
    expect(r.rating.level).toBe(5);
    expect(await w.ports.ratings.rating(c.id)).toMatchObject({ channel: 'window', enteredBy: 'clerk.lingshan', dimensions: { efficiency: 5, attitude: 4 } });
    expect((await evaluatorPending(w.ports, CLERK)).pending).toBeNull();
    expect(w.ports.ratings.audits.map((a) => a.action)).toEqual(['rating.evaluator.push', 'rating.window']);
    await expect(pushToEvaluator(w.ports, CLERK, { caseId: c.id }, META)).rejects.toBeInstanceOf(ConflictError);
  });

  it('forgets a push after 15 minutes', async () => {
    const w = ratingWorld(at('2026-11-09', '10:00'));
    const c = w.decided();
    await pushToEvaluator(w.ports, CLERK, { caseId: c.id }, META);
    w.setNow(at('2026-11-09', '10:16'));
    expect((await evaluatorPending(w.ports, CLERK)).pending).toBeNull();
  });

  it('takes a window rating only for the case on this window; another office cannot push; a supervisor has no evaluator', async () => {
    const w = ratingWorld();
    const c = w.decided();
    await expect(rateByStaff(w.ports, CLERK, tap({ caseId: c.id, level: 4 }), META)).rejects.toMatchObject({ code: 'NOT_ON_EVALUATOR' });
    await expect(pushToEvaluator(w.ports, OTHER_CLERK, { caseId: c.id }, META)).rejects.toBeInstanceOf(NotFoundError);
    await expect(pushToEvaluator(w.ports, SUPERVISOR, { caseId: c.id }, META)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('a 差评 at the window needs a reason and opens the task; a hotline entry needs no push', async () => {
    const w = ratingWorld();
    const c = w.decided();
    expect(staffRatingBody.safeParse({ caseId: c.id, level: 1 }).error!.issues[0]!.path).toEqual(['reason']);
    await rateByStaff(w.ports, CLERK, tap({ caseId: c.id, level: 2, reason: '办理时间长、等待久', channel: 'hotline' }), META);
    expect(await w.ports.ratings.rating(c.id)).toMatchObject({ channel: 'hotline', level: 2 });
    expect((await w.ports.ratings.task(c.id))!.status).toBe('open');
  });
});
