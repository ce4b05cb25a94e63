import { describe, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError, RuleError } from '../../../shared/errors/domain-errors.ts';
import { appealBody, appealDecisionBody, callbackBody, publicRatingBody, rectifyBody } from '../../../shared/ratings/model.ts';
import { ratePublic } from '../../../shared/ratings/rate.ts';
import { appeal, decideAppeal, getTask, listTasks, recordCallback, rectify } from '../../../shared/ratings/rectification.ts';
import { dueAlerts, scanRectifications } from '../../../shared/ratings/overdue.ts';
import type { RectificationAlert } from '../../../shared/ratings/ports.ts';
import { CLERK, HEAD, META, OFFICE, SUPERVISOR, at, principal, ratingWorld } from './fixtures.ts';

const OTHER_HEAD = principal({ userId: 'u-h2', username: 'head.dongpu', officeId: '411521-dongpu', roles: ['center_head'], scopes: HEAD.scopes });

/** A world with one 差评 (rated Monday 2026-11-09 10:00: callback by Tuesday 11-10, rectification by Monday 11-30). */
const withBadRating = async () => {
  const w = ratingWorld(at('2026-11-09'));
  const c = w.decided();
  await ratePublic(w.ports, { ...publicRatingBody.parse({ phone4: '5678', level: 1, reason: '服务态度不好' }), number: c.number }, META);
  const counts = async () => (await w.ports.ratings.counters('2026-11')).find((r) => r.kind === 'office' && r.officeId === OFFICE)?.counts;
  return { w, c, counts };
};

describe('差评整改', () => {
  it('has the right deadlines and is listed for the head of the handling office only', async () => {
    const { w, c } = await withBadRating();
    const { tasks } = await listTasks(w.ports, HEAD, { view: 'open' });
    expect(tasks.map((t) => t.caseId)).toEqual([c.id]);
    expect(tasks[0]).toMatchObject({ callbackDueDate: '2026-11-10', rectifyDueDate: '2026-11-30', statusLabel: '待整改', levelLabel: '非常不满意' });
    expect((await listTasks(w.ports, OTHER_HEAD, { view: 'open' })).tasks).toEqual([]);
    // the supervisor reads across the county
    expect((await listTasks(w.ports, SUPERVISOR, { view: 'open' })).tasks).toHaveLength(1);
    await expect(getTask(w.ports, OTHER_HEAD, { caseId: c.id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('goes callback → measures and answer → rectified, counting 回访 and 整改', async () => {
    const { w, c, counts } = await withBadRating();
    expect(await counts()).toMatchObject({ count: 1, bad: 1, tasks: 1, callbacks: 0, rectified: 0 });
    // rectification before a callback is refused
    await expect(
      rectify(
        w.ports,
        HEAD,
        { caseId: c.id, ...rectifyBody.parse({ expectedVersion: 1, measures: '窗口开展服务礼仪培训', answer: '已向您致歉并整改' }) },
        META,
      ),
    ).rejects.toMatchObject({ code: 'CALLBACK_FIRST' });
    w.setNow(at('2026-11-10', '09:30'));
    const cb = await recordCallback(
      w.ports,
      HEAD,
      { caseId: c.id, ...callbackBody.parse({ expectedVersion: 1, note: '群众反映窗口人员态度生硬，已致歉', reached: true }) },
      META,
    );
    expect(cb.task.callback).toMatchObject({
      by: 'head.lingshan',
      reached: true,
      note: '群众反映窗口人员态度生硬，已致歉',
      calledAt: at('2026-11-10', '09:30').toISOString(),
    });
    expect(await counts()).toMatchObject({ callbacks: 1, rectified: 0 });
    // the version the head saw is checked
    await expect(
      rectify(w.ports, HEAD, { caseId: c.id, ...rectifyBody.parse({ expectedVersion: 1, measures: '开展服务培训', answer: '已整改答复' }) }, META),
    ).rejects.toMatchObject({ code: 'TASK_STALE' });
    const done = await rectify(
      w.ports,
      HEAD,
      { caseId: c.id, ...rectifyBody.parse({ expectedVersion: 2, measures: '窗口开展服务礼仪培训', answer: '已向您致歉并整改' }) },
      META,
    );
    expect(done.task).toMatchObject({ status: 'rectified', rectification: { by: 'head.lingshan', measures: '窗口开展服务礼仪培训' }, version: 3 });
    expect(await counts()).toMatchObject({ bad: 1, tasks: 1, callbacks: 1, rectified: 1 });
    expect((await listTasks(w.ports, HEAD, { view: 'open' })).tasks).toEqual([]);
    expect((await listTasks(w.ports, HEAD, { view: 'closed', month: '2026-11' })).tasks.map((t) => t.caseId)).toEqual([c.id]);
    expect(w.ports.ratings.audits.map((a) => a.action)).toEqual(['rating.public', 'rating.callback', 'rating.rectify']);
    // the province hears of the rating and then of its rectification, in that order, with what was done
    const toProvince = [...w.ports.ratings.outbox.values()]
      .filter((e) => e.topic === 'exchange' && e.subject === c.id)
      .sort((a, b) => a.id.localeCompare(b.id));
    expect(toProvince.map((e) => e.payload.stage)).toEqual(['rated', 'rectified']);
    expect(toProvince[1]!.payload).toMatchObject({ rectification: '窗口开展服务礼仪培训', caseNumber: c.number });
  });

  it('only the handling office acts; a clerk lacks the grant; a supervisor reads but does not rectify', async () => {
    const { w, c } = await withBadRating();
    const body = { caseId: c.id, ...callbackBody.parse({ expectedVersion: 1, note: '已电话回访群众' }) };
    await expect(recordCallback(w.ports, OTHER_HEAD, body, META)).rejects.toBeInstanceOf(NotFoundError);
    await expect(recordCallback(w.ports, CLERK, body, META)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(recordCallback(w.ports, SUPERVISOR, body, META)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('an upheld appeal keeps the rating in the record and takes it out of the statistics', async () => {
    const { w, c, counts } = await withBadRating();
    await appeal(
      w.ports,
      HEAD,
      { caseId: c.id, ...appealBody.parse({ expectedVersion: 1, reason: '评价人并非申请人，且与窗口存在私人纠纷，有录像为证' }) },
      META,
    );
    expect((await listTasks(w.ports, SUPERVISOR, { view: 'appealed' })).tasks.map((t) => t.caseId)).toEqual([c.id]);
    // the head cannot decide their own appeal
    await expect(
      decideAppeal(w.ports, HEAD, { caseId: c.id, ...appealDecisionBody.parse({ expectedVersion: 2, upheld: true, reason: '自己批准' }) }, META),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const decided = await decideAppeal(
      w.ports,
      SUPERVISOR,
      { caseId: c.id, ...appealDecisionBody.parse({ expectedVersion: 2, upheld: true, reason: '经调取录像，属恶意差评' }) },
      META,
    );
    expect(decided.task).toMatchObject({ status: 'voided', appeal: { decision: { upheld: true, by: 'supervisor' } } });
    const kept = await w.ports.ratings.rating(c.id);
    expect(kept).toMatchObject({ level: 1, reason: '服务态度不好', voided: { by: 'supervisor', reason: '经调取录像，属恶意差评' } });
    expect(await counts()).toMatchObject({ count: 0, bad: 0, l1: 0, tasks: 0 });
    const county = (await w.ports.ratings.counters('2026-11')).find((r) => r.kind === 'county')!.counts;
    expect(county.count).toBe(0);
  });

  it('a rejected appeal sends the task back to open; a second appeal is refused', async () => {
    const { w, c, counts } = await withBadRating();
    await appeal(w.ports, HEAD, { caseId: c.id, ...appealBody.parse({ expectedVersion: 1, reason: '群众所述与事实不符，窗口已按规定一次性告知' }) }, META);
    // an appeal under review cannot be closed by rectifying
    await expect(
      rectify(w.ports, HEAD, { caseId: c.id, ...rectifyBody.parse({ expectedVersion: 2, measures: '开展服务培训', answer: '已答复群众' }) }, META),
    ).rejects.toBeInstanceOf(RuleError);
    const r = await decideAppeal(
      w.ports,
      SUPERVISOR,
      { caseId: c.id, ...appealDecisionBody.parse({ expectedVersion: 2, upheld: false, reason: '证据不足，应予整改' }) },
      META,
    );
    expect(r.task).toMatchObject({ status: 'open', appeal: { decision: { upheld: false } } });
    expect(await counts()).toMatchObject({ count: 1, bad: 1, tasks: 1 });
    await expect(
      appeal(w.ports, HEAD, { caseId: c.id, ...appealBody.parse({ expectedVersion: 3, reason: '再次申诉，请求重新复核此评价' }) }, META),
    ).rejects.toMatchObject({ code: 'APPEALED_BEFORE' });
  });
});

describe('overdue 差评 tasks become supervision alerts', () => {
  const collect = () => {
    const raised: RectificationAlert[] = [];
    return { raised, alerts: { raise: async (a: RectificationAlert) => void raised.push(a) } };
  };

  it('raises the callback alert after its day, the rectification alert after its day, each once', async () => {
    const { w, c } = await withBadRating();
    const { raised, alerts } = collect();
    const scan = (d: Date) => scanRectifications({ ratings: w.ports.ratings, alerts, clock: () => d });
    expect(await scan(at('2026-11-10', '23:00'))).toMatchObject({ read: 1, callback: 0, rectify: 0 });
    expect(await scan(at('2026-11-11', '09:00'))).toMatchObject({ callback: 1, rectify: 0 });
    expect(await scan(at('2026-11-11', '10:00'))).toMatchObject({ callback: 0, rectify: 0 });
    expect(raised).toEqual([expect.objectContaining({ kind: 'rating.callback-overdue', caseId: c.id, officeId: OFFICE, number: c.number })]);
    expect(await scan(at('2026-12-01', '09:00'))).toMatchObject({ callback: 0, rectify: 1 });
    expect(raised.map((a) => a.kind)).toEqual(['rating.callback-overdue', 'rating.rectify-overdue']);
    expect(JSON.stringify(raised)).not.toMatch(/5678|张/);
  });

  it('the rule: nothing for closed tasks; an appeal pauses the rectification alert, not the callback one', () => {
    const base = { callbackDueAt: '2026-11-10T15:59:59.999Z', rectifyDueAt: '2026-11-30T15:59:59.999Z', status: 'open' } as const;
    const late = '2026-12-02T00:00:00.000Z';
    expect(dueAlerts({ ...base } as never, late)).toEqual(['callback', 'rectify']);
    expect(dueAlerts({ ...base, status: 'appealed' } as never, late)).toEqual(['callback']);
    expect(dueAlerts({ ...base, status: 'rectified' } as never, late)).toEqual([]);
    expect(dueAlerts({ ...base, callback: { reached: false } } as never, late)).toEqual(['rectify']);
    expect(dueAlerts({ ...base, alerts: { callback: late, rectify: late } } as never, late)).toEqual([]);
  });
});
