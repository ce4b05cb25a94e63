import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { SEED_YEARS } from '../../../shared/calendar/seed-years.ts';
import { addDays, buildCalendar, isWorkday } from '../../../shared/calendar/working-days.ts';
import { bjDay, bjEndOfDay } from '../../../shared/platform/beijing-time.ts';
import { actorLabel } from '../../../shared/audit/audit.ts';
import { dynamoAuditReader } from '../../../shared/audit/dynamo-audit-reader.ts';
import { auditSentence } from '../../../shared/audit/labels.ts';
import { addClerk } from '../network/support.ts';

/**
 * 上门服务 through the gateway on DynamoDB Local: 灵山镇's clerk sends the agent of 示例村一 to an
 * elderly villager on a working day; the agent (and only that village's) sees it as a to-do with
 * its date, closes it, and it is gone; another township cannot send 灵山镇's agents.
 */
describe('home visits (上门服务)', () => {
  let stack: TestStack;
  const t: Record<string, string> = {};
  const json = (r: Response) => r.json() as Promise<any>;
  const post = (path: string, body: unknown, who: string) => stack.fetch(path, { method: 'POST', json: body, token: t[who]! });
  const todos = async (who: string) => (await json(await stack.fetch('/api/todos', { token: t[who]! }))).todos as Array<Record<string, unknown>>;
  const cal = buildCalendar(SEED_YEARS);
  const workday = (from: string, step = 1) => {
    let d = from;
    for (let i = 0; i < 30 && !isWorkday(d, cal); i++) d = addDays(d, step);
    return d;
  };
  const nonWorkday = () => {
    let d = addDays(bjDay(new Date()), 1);
    for (let i = 0; i < 30 && isWorkday(d, cal); i++) d = addDays(d, 1);
    return d;
  };
  const visit = (over: Record<string, unknown> = {}) => ({
    stationId: '411521-lingshan-demo1',
    reason: 'elderly',
    name: '李秀英',
    phone: '13811112222',
    address: '示例村一组 12 号',
    need: '城乡居民养老保险待遇资格认证',
    date: workday(addDays(bjDay(new Date()), 1)),
    ...over,
  });

  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
    await addClerk('clerk.dongpu9', '411521-dongpu');
    for (const u of ['clerk.lingshan', 'agent.demo', 'clerk.dongpu9']) t[u] = await stack.login(u);
  });
  afterAll(() => stack.stop());

  it("灵山镇 sends the village's agent; the agent sees it with its date, closes it, and it is gone; audited in Chinese", async () => {
    const body = visit();
    const created = await post('/api/hall/home-visits', body, 'clerk.lingshan');
    expect(created.status).toBe(201);
    const v = (await json(created)).visit;
    expect(v).toMatchObject({ stationId: body.stationId, stationName: '示例村一（演示）', date: body.date, status: 'open', reason: 'elderly' });
    // masked wherever it is shown
    expect(JSON.stringify(v)).not.toContain('13811112222');
    expect(JSON.stringify(v)).not.toContain('李秀英');

    const mine = (await todos('agent.demo')).filter((x) => x.kind === 'home_visit');
    expect(mine).toEqual([
      expect.objectContaining({
        kind: 'home_visit',
        label: '上门服务：老年人',
        visitId: v.id,
        number: body.date,
        due: bjEndOfDay(body.date),
        late: false,
        link: '/agent?tab=visits',
      }),
    ]);
    expect(mine[0]!.detail).toContain('示例村一组 12 号');
    // the township's clerk has no such to-do: it is the agent's
    expect((await todos('clerk.lingshan')).some((x) => x.kind === 'home_visit')).toBe(false);

    const empty = await post(`/api/home-visits/${v.id}/done`, { result: '' }, 'agent.demo');
    expect(empty.status).toBe(400);
    expect((await json(empty)).error.fields[0].path).toBe('result');
    // a clerk cannot close an agent's visit
    expect((await post(`/api/home-visits/${v.id}/done`, { result: '已办' }, 'clerk.lingshan')).status).toBe(403);
    const done = await post(`/api/home-visits/${v.id}/done`, { result: '已上门完成资格认证' }, 'agent.demo');
    expect(done.status).toBe(200);
    expect((await json(done)).visit).toMatchObject({ status: 'done', doneBy: '演示代办员' });
    expect((await post(`/api/home-visits/${v.id}/done`, { result: '再次' }, 'agent.demo')).status).toBe(409);
    expect((await todos('agent.demo')).some((x) => x.kind === 'home_visit')).toBe(false);

    const { events } = await dynamoAuditReader().byTarget({ type: 'home-visit', id: v.id }, 10);
    expect(events.map((e) => auditSentence({ ...e, actorName: actorLabel(e.actor) })).reverse()).toEqual([
      `演示灵山窗口安排上门服务：上门服务 ${body.date} 示例村一（演示）（老年人，城乡居民养老保险待遇资格认证）。`,
      `演示代办员完成上门服务：上门服务 ${body.date} 示例村一（演示）（已上门完成资格认证）。`,
    ]);
  });

  it("refuses another township's village, a non-village, a day that is not a working day and a day in the past — each on its field", async () => {
    const other = await post('/api/hall/home-visits', visit(), 'clerk.dongpu9');
    expect(other.status).toBe(422);
    expect((await json(other)).error.fields[0].path).toBe('stationId');
    const township = await post('/api/hall/home-visits', visit({ stationId: '411521-lingshan' }), 'clerk.lingshan');
    expect((await json(township)).error.fields[0].path).toBe('stationId');
    const holiday = await post('/api/hall/home-visits', visit({ date: nonWorkday() }), 'clerk.lingshan');
    expect(holiday.status).toBe(422);
    expect((await json(holiday)).error.fields[0].path).toBe('date');
    const past = await post('/api/hall/home-visits', visit({ date: workday(addDays(bjDay(new Date()), -3), -1) }), 'clerk.lingshan');
    expect((await json(past)).error.fields[0].path).toBe('date');
    const bad = await post('/api/hall/home-visits', visit({ reason: 'rich', phone: '123', name: '' }), 'clerk.lingshan');
    expect(bad.status).toBe(400);
    expect(((await json(bad)).error.fields as Array<{ path: string }>).map((f) => f.path).sort()).toEqual(['name', 'phone', 'reason']);
  });
});
