import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { demoItems } from '../../../shared/catalog/demo-catalog.ts';
import { intake } from '../../../shared/cases/intake.ts';
import { casePorts } from '../../../shared/app/wiring.ts';
import type { Principal } from '../../../shared/identity/principal.ts';
import { DEFAULT_ROLE_SCOPES } from '../../../shared/platform/scopes.ts';
import { scanOverdue } from '../../../shared/supervision/overdue-scan.ts';
import { scanPorts, supervisionRules } from '../../../shared/supervision/wiring.ts';

/**
 * The inbox and 督办 through the real gateway, authorizer and handlers: GET /api/alerts, 确认,
 * the unread count, a 督办单 issued and answered, and its missed deadline raising the second red
 * card onto the accountability list and the case timeline. Cards come from the scan run with a
 * fake clock on the same tables.
 */
const item = demoItems().find((i) => i.name === '居民户口簿遗失补发')!;
const clerk: Principal = {
  userId: 'u1',
  username: 'clerk.lingshan',
  displayName: '窗口',
  officeId: '411521-lingshan',
  roles: ['window_clerk'],
  scopes: [...DEFAULT_ROLE_SCOPES.window_clerk],
  sessionId: 's',
};
const bj = (day: string, hhmm = '10:00') => new Date(`${day}T${hhmm}:00+08:00`);

describe('alert inbox and 督办 over HTTP', () => {
  let stack: TestStack;
  let sup: string;
  let head: string;
  let clerkToken: string;
  const json = async (r: Response) => ({ status: r.status, body: (await r.json()) as any });
  const get = (path: string, token: string) => stack.fetch(path, { token }).then(json);
  const post = (path: string, body: unknown, token: string) => stack.fetch(path, { method: 'POST', json: body, token }).then(json);

  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
    [sup, head, clerkToken] = [await stack.login('supervisor'), await stack.login('head.lingshan'), await stack.login('clerk.lingshan')];
  });
  afterAll(() => stack.stop());

  it('the supervisor reads the county’s alerts, the head his office’s; each acknowledges for himself', async () => {
    const k = (
      await intake(
        { ...casePorts(), clock: () => bj('2026-11-02') },
        clerk,
        {
          itemCode: item.code,
          applicant: { type: 'person', name: '李四', idNumber: '11010519491231002X', phone: '13812345678' },
          materialsReceived: item.materials.filter((m) => m.required).map((m) => m.name),
          idempotencyKey: crypto.randomUUID(),
        },
        { sourceIp: '127.0.0.1', userAgent: 't' },
      )
    ).case;
    await scanOverdue({ ...scanPorts(), clock: () => bj('2026-11-10', '00:05') }, supervisionRules());

    const list = await get(`/api/alerts?state=unread&caseId=${k.id}`, sup);
    expect(list.status).toBe(200);
    expect(list.body.alerts).toEqual([
      {
        id: expect.any(String),
        card: 'red',
        trigger: 'due',
        caseId: k.id,
        caseNumber: k.number,
        itemName: item.name,
        officeId: '411521-lingshan',
        reason: '已超过承诺时限（2026-11-09 到期）',
        at: expect.stringMatching(/^2026-11-09T16:05/),
        state: 'unread',
      },
    ]);
    expect(JSON.stringify(list.body)).not.toMatch(/李四|11010519491231002X|13812345678/);
    const id = list.body.alerts[0].id;
    expect((await get('/api/alerts/unread-count', sup)).body.unread).toBeGreaterThanOrEqual(1);
    const headUnread = (await get('/api/alerts/unread-count', head)).body.unread;

    expect((await post(`/api/alerts/${id}/ack`, {}, head)).status).toBe(200);
    expect((await get('/api/alerts/unread-count', head)).body.unread).toBe(headUnread - 1);
    expect((await get(`/api/alerts?caseId=${k.id}`, sup)).body.alerts[0].state).toBe('unread');
    expect((await get(`/api/alerts?caseId=${k.id}`, head)).body.alerts[0].state).toBe('acked');
    expect((await post(`/api/alerts/${id}/ack`, {}, sup)).body.alert.state).toBe('acked');
    // a clerk has no inbox; a bad filter is a 400 with the field
    expect((await get('/api/alerts', clerkToken)).status).toBe(403);
    const bad = await get('/api/alerts?state=gone', sup);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('state');
  });

  it('a 督办 issued, its deadline missed: the second red card, the 问责 list, the timeline; the late answer recorded', async () => {
    const k = (
      await intake(
        { ...casePorts(), clock: () => bj('2026-11-16') },
        clerk,
        {
          itemCode: item.code,
          applicant: { type: 'person', name: '王五', idNumber: '11010519491231002X', phone: '13812345678' },
          materialsReceived: item.materials.filter((m) => m.required).map((m) => m.name),
          idempotencyKey: crypto.randomUUID(),
        },
        { sourceIp: '127.0.0.1', userAgent: 't' },
      )
    ).case;
    const issued = await post('/api/supervision/orders', { caseId: k.id, requirement: '请说明办理进度并按期办结', deadlineWorkdays: 1 }, sup);
    expect(issued.status).toBe(201);
    const o = issued.body.order;
    expect(o).toMatchObject({ officeId: '411521-lingshan', state: 'open', caseNumber: k.number });
    // the head sees it addressed to his office; the clerk cannot answer
    expect((await get('/api/supervision/orders?state=open', head)).body.orders.map((x: any) => x.id)).toContain(o.id);
    expect((await post(`/api/supervision/orders/${o.id}/respond`, { response: '正在办理中' }, clerkToken)).status).toBe(403);
    const missing = await post('/api/supervision/orders', { caseId: k.id, requirement: '', deadlineWorkdays: 0 }, sup);
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.map((f: any) => f.path).sort()).toEqual(['deadlineWorkdays', 'requirement']);

    // the deadline passes unanswered: the scan (as if then) raises the second red card, once
    const after = new Date(Date.parse(o.deadlineAt) + 60_000);
    const runs = await Promise.all([1, 2].map(() => scanOverdue({ ...scanPorts(), clock: () => after }, supervisionRules())));
    expect(runs.reduce((n, r) => n + r.secondRed, 0)).toBe(1);
    const acct = await get('/api/supervision/accountability', sup);
    expect(acct.body.entries).toEqual([expect.objectContaining({ orderId: o.id, caseId: k.id, caseNumber: k.number })]);
    const alerts = (await get(`/api/alerts?caseId=${k.id}`, sup)).body.alerts;
    expect(alerts.filter((a: any) => a.trigger === 'order').map((a: any) => a.card)).toEqual(['red']);

    const answer = await post(`/api/supervision/orders/${o.id}/respond`, { response: '人员不足，已于今日办结' }, head);
    expect(answer.status).toBe(200);
    expect(answer.body.order.state).toBe('answered_late');
    const timeline = (await get(`/api/cases/${k.id}`, sup)).body.events.map((e: any) => e.type);
    expect(timeline).toEqual(expect.arrayContaining(['accepted', 'supervision_order', 'second_red_card', 'order_response']));
  });

  it('county-wide lists: the supervisor sees every office’s cases, with an office filter; a head may not', async () => {
    const all = await get('/api/supervision/cases?view=accepted', sup);
    expect(all.status).toBe(200);
    expect(all.body.cases.length).toBeGreaterThanOrEqual(2);
    expect(new Set(all.body.cases.map((c: any) => c.officeId))).toEqual(new Set(['411521-lingshan']));
    expect((await get('/api/supervision/cases?view=accepted&officeId=411521-dongpu', sup)).body.cases).toEqual([]);
    expect((await get('/api/supervision/cases?view=overdue', sup)).body.cases.length).toBeGreaterThanOrEqual(1);
    expect((await get('/api/supervision/cases?view=accepted', head)).status).toBe(403);
  });
});
