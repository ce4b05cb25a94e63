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

  it("一次一评: a visit of several cases (a hall ticket's) shows them all; one tap rates each, passing over one already rated", async () => {
    const w = ratingWorld(at('2026-11-09', '10:00'));
    const [a, b, c] = [w.decided(), w.decided(), w.decided()];
    await rateByStaff(w.ports, CLERK, tap({ caseId: b.id, level: 3, channel: 'hotline' }), META);
    await pushToEvaluator(w.ports, CLERK, { caseId: c.id, caseIds: [a.id, b.id, c.id] }, META);
    const { pending } = await evaluatorPending(w.ports, CLERK);
    // b was rated already (一事一评): only a and c are on the evaluator, the pushed one first
    expect(pending!.cases!.map((x) => x.caseId)).toEqual([c.id, a.id]);
    expect(pending!.cases!.map((x) => x.number)).toEqual([c.number, a.number]);
    await rateByStaff(w.ports, CLERK, tap({ caseId: c.id, level: 2, reason: '办理时间长、等待久' }), META);
    expect(await w.ports.ratings.rating(a.id)).toMatchObject({ channel: 'window', level: 2 });
    expect(await w.ports.ratings.rating(c.id)).toMatchObject({ channel: 'window', level: 2 });
    expect(await w.ports.ratings.rating(b.id)).toMatchObject({ channel: 'hotline', level: 3 });
    // a 差评 opens each case's task
    expect((await w.ports.ratings.task(a.id))!.status).toBe('open');
    expect((await evaluatorPending(w.ports, CLERK)).pending).toBeNull();
    // another office can put none of them on its evaluator
    const d = w.decided();
    await expect(pushToEvaluator(w.ports, OTHER_CLERK, { caseId: d.id, caseIds: [a.id] }, META)).rejects.toBeInstanceOf(NotFoundError);
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
