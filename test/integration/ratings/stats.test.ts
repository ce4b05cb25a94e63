import { bjDay } from '../../../shared/platform/beijing-time.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';

import { readXlsx } from '../../../shared/sheets/xlsx.ts';
import { recompute, sumCounts } from '../../../shared/ratings/counters.ts';
import { dynamoRatingStore } from '../../../shared/ratings/dynamo-ratings.ts';
import type { RectificationTask } from '../../../shared/ratings/model.ts';
import { acceptCase, invoke } from './support.ts';

/** GET /api/ratings/stats reads counters kept with each change; they must equal a recomputation from the stored ratings. */
describe('rating statistics on the emulators', () => {
  let stack: TestStack;
  let clerk: string;
  let head: string;
  const month = bjDay(new Date()).slice(0, 7);

  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
    [clerk, head] = [await stack.login('clerk.lingshan'), await stack.login('head.lingshan')];
    // ratings of every level, a follow-up, a callback, a rectification and an upheld appeal
    const levels = [5, 5, 4, 3, 2, 1, 1, 4];
    const cases = [];
    for (const level of levels) {
      const c = await acceptCase(stack, clerk);
      const r = await invoke('public-rating', {
        params: { number: c.number },
        body: { phone4: '5678', level, ...(level <= 2 ? { reason: '办理时间长、等待久' } : {}), channel: 'web' },
      });
      expect(r.status).toBe(201);
      cases.push(c);
    }
    await invoke('public-rating-follow-up', {
      params: { number: cases[2]!.number },
      body: { phone4: '5678', text: '后来又跑了一趟', level: 2, reason: '材料反复要求、多次跑腿' },
    });
    const post = (path: string, json: unknown, token = head) => stack.fetch(path, { method: 'POST', json, token });
    expect((await post(`/api/ratings/tasks/${cases[4]!.id}/callback`, { expectedVersion: 1, note: '已电话回访并致歉' })).status).toBe(200);
    expect(
      (await post(`/api/ratings/tasks/${cases[4]!.id}/rectify`, { expectedVersion: 2, measures: '增加窗口、优化叫号', answer: '已整改并答复群众' })).status,
    ).toBe(200);
    expect((await post(`/api/ratings/tasks/${cases[5]!.id}/appeal`, { expectedVersion: 1, reason: '评价人与申请人不符，系恶意差评，有录像为证' })).status).toBe(
      200,
    );
    const supervisor = await stack.login('supervisor');
    expect(
      (await post(`/api/ratings/tasks/${cases[5]!.id}/appeal/decision`, { expectedVersion: 2, upheld: true, reason: '核实属恶意差评' }, supervisor)).status,
    ).toBe(200);
  });
  afterAll(() => stack.stop());

  it('equals a recomputation from the ratings and tasks stored', async () => {
    const store = dynamoRatingStore();
    const ratings = await store.ratingsOfOffice('411521-lingshan', month);
    expect(ratings).toHaveLength(8);
    const tasks = new Map<string, RectificationTask>();
    for (const r of ratings) {
      const t = await store.task(r.caseId);
      if (t) tasks.set(r.caseId, t);
    }
    const expected = sumCounts(recompute(ratings, tasks).filter((r) => r.kind === 'office'));
    const admin = await stack.login('admin');
    const res = await stack.fetch(`/api/ratings/stats?month=${month}`, { token: admin });
    expect(res.status).toBe(200);
    const body = await res.json();
    const office = body.offices.find((o: any) => o.officeId === '411521-lingshan');
    expect(office).toMatchObject({ officeName: '灵山镇', ...expected });
    // 8 rated, one voided by the appeal; a follow-up turned a 满意 into a 差评
    expect(office).toMatchObject({ count: 7, satisfied: 4, bad: 3, tasks: 3, callbacks: 1, rectified: 1 });
    expect(body.total.count).toBe(7);
  });

  it('serves the contract to the head of the office (own office only) and refuses a clerk', async () => {
    const res = await stack.fetch(`/api/ratings/stats?month=${month}`, { token: head });
    const body = await res.json();
    expect(body.offices.map((o: any) => o.officeId)).toEqual(['411521-lingshan']);
    // staff by the name people know (the directory's), the login name kept beside it
    expect(body.staff).toEqual(expect.arrayContaining([expect.objectContaining({ staff: 'clerk.lingshan', staffName: '演示灵山窗口', officeName: '灵山镇' })]));
    expect(Object.keys(body.offices[0])).toEqual(expect.arrayContaining(['officeId', 'count', 'satisfied', 'bad', 'rectified']));
    expect((await stack.fetch(`/api/ratings/stats?month=${month}`, { token: clerk })).status).toBe(403);
    const bad = await stack.fetch('/api/ratings/stats?month=2026-13', { token: head });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields[0].path).toBe('month');
  });

  it('exports the month to Excel with the same figures', async () => {
    const res = await stack.fetch(`/api/ratings/stats/export?month=${month}`, { token: head });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent(`好差评统计-${month}.xlsx`));
    const sheets = await readXlsx(new Uint8Array(await res.arrayBuffer()));
    const row = sheets[0]!.rows.find((r) => r.cells[0] === '411521-lingshan')!;
    expect(row.cells.slice(1, 3)).toEqual(['灵山镇', '7']);
  });
});
