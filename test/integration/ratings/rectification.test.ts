import { bjDay } from '../../../shared/platform/beijing-time.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { loadHandler } from '../../../local/modules.ts';
import { lambdaContext } from '../../../local/lambda-context.ts';
import { scheduledEvent } from '../../../local/scheduler.ts';
import { SCHEDULES } from '../../../shared/platform/schedules.ts';

import { dynamoRatingStore } from '../../../shared/ratings/dynamo-ratings.ts';
import { deliverAlertsQueue, subscribeQueue } from '../supervision/topic-queue.ts';
import { acceptCase, invoke } from './support.ts';

/** 差评整改 end to end on the emulators, with the demo staff's real logins. */
describe('差评 → rectification task → callback, measures, answer; appeal; overdue alerts', () => {
  let stack: TestStack;
  let clerk: string;
  let head: string;
  let supervisor: string;
  const month = bjDay(new Date()).slice(0, 7);
  const officeCounts = async () => (await dynamoRatingStore().counters(month)).find((r) => r.kind === 'office' && r.officeId === '411521-lingshan')?.counts;
  const post = (path: string, json: unknown, token: string) => stack.fetch(path, { method: 'POST', json, token });
  const badRating = async () => {
    const c = await acceptCase(stack, clerk);
    const r = await invoke('public-rating', {
      params: { number: c.number },
      body: { phone4: '5678', level: 1, reason: '材料反复要求、多次跑腿', channel: 'qr' },
    });
    expect(r.status).toBe(201);
    return c;
  };

  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
    [clerk, head, supervisor] = [await stack.login('clerk.lingshan'), await stack.login('head.lingshan'), await stack.login('supervisor')];
  });
  afterAll(() => stack.stop());

  it('the head calls back, records the measures and the answer; the counts follow', async () => {
    const c = await badRating();
    const before = (await officeCounts())!;
    const list = await (await stack.fetch('/api/ratings/tasks?view=open', { token: head })).json();
    expect(list.tasks.map((t: any) => t.caseId)).toContain(c.id);
    // a clerk has no grant; the evaluator's scopes do not reach tasks
    expect((await post(`/api/ratings/tasks/${c.id}/callback`, { expectedVersion: 1, note: '已回访群众' }, clerk)).status).toBe(403);
    const early = await post(`/api/ratings/tasks/${c.id}/rectify`, { expectedVersion: 1, measures: '整改措施内容', answer: '答复群众内容' }, head);
    expect(early.status).toBe(422);
    const bad = await post(`/api/ratings/tasks/${c.id}/callback`, { expectedVersion: 1, note: '' }, head);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields[0].path).toBe('note');
    const cb = await post(
      `/api/ratings/tasks/${c.id}/callback`,
      { expectedVersion: 1, note: '群众反映需多次补交材料，已致歉并说明一次性告知制度', reached: true },
      head,
    );
    expect(cb.status).toBe(200);
    expect((await cb.json()).task.callback).toMatchObject({ by: 'head.lingshan', reached: true });
    const done = await post(
      `/api/ratings/tasks/${c.id}/rectify`,
      { expectedVersion: 2, measures: '组织窗口人员学习一次性告知制度，材料清单上墙', answer: '已整改，欢迎监督' },
      head,
    );
    expect(done.status).toBe(200);
    expect((await done.json()).task).toMatchObject({ status: 'rectified', statusLabel: '已整改' });
    const after = (await officeCounts())!;
    expect({ callbacks: after.callbacks - before.callbacks, rectified: after.rectified - before.rectified }).toEqual({ callbacks: 1, rectified: 1 });
    const detail = await (await stack.fetch(`/api/ratings/tasks/${c.id}`, { token: supervisor })).json();
    expect(detail.rating).toMatchObject({ level: 1, channel: 'qr', levelLabel: '非常不满意' });
  });

  it('an upheld appeal removes the rating from the statistics and keeps it in the record', async () => {
    const c = await badRating();
    const before = (await officeCounts())!;
    expect(
      (await post(`/api/ratings/tasks/${c.id}/appeal`, { expectedVersion: 1, reason: '评价人与申请人不符，且当日窗口录像显示服务规范' }, head)).status,
    ).toBe(200);
    // the head cannot decide; the supervisor can
    expect((await post(`/api/ratings/tasks/${c.id}/appeal/decision`, { expectedVersion: 2, upheld: true, reason: '自行决定' }, head)).status).toBe(403);
    const appealed = await (await stack.fetch('/api/ratings/tasks?view=appealed', { token: supervisor })).json();
    expect(appealed.tasks.map((t: any) => t.caseId)).toContain(c.id);
    const d = await post(`/api/ratings/tasks/${c.id}/appeal/decision`, { expectedVersion: 2, upheld: true, reason: '经调取录像核实，属恶意差评' }, supervisor);
    expect(d.status).toBe(200);
    const after = (await officeCounts())!;
    expect({ count: after.count - before.count, bad: after.bad - before.bad, tasks: after.tasks - before.tasks }).toEqual({ count: -1, bad: -1, tasks: -1 });
    const kept = await dynamoRatingStore().rating(c.id);
    expect(kept).toMatchObject({ level: 1, reason: '材料反复要求、多次跑腿', voided: { by: 'supervisor', reason: '经调取录像核实，属恶意差评' } });
    // the citizen still sees their rating
    const state = await invoke('public-rating-get', { params: { number: c.number }, query: { phone4: '5678' } });
    expect(state.json()).toMatchObject({ rated: true, rating: { level: 1 } });
  });

  it('turns overdue callbacks and rectifications into alerts in the inbox, once; e-mail gets them from the outbox', async () => {
    const c = await badRating();
    const mailbox = await subscribeQueue(stack.env.TOPIC_SUPERVISION!);
    const handler = await loadHandler('schedules', 'rectification-overdue');
    const event = scheduledEvent(
      SCHEDULES.find((s) => s.id === 'rectification-overdue')!,
      'cn-north-1',
    );
    // two months on, every open task of this county is past both deadlines
    const later = new Date(Date.now() + 60 * 86_400_000).toISOString();
    const first = await handler({ ...event, detail: { now: later } }, lambdaContext('rectification-overdue'));
    expect(first.callback).toBeGreaterThanOrEqual(1);
    expect(first.rectify).toBeGreaterThanOrEqual(1);
    // in the inbox of the supervisors and of the office's head
    for (const token of [supervisor, head]) {
      const inbox = await (await stack.fetch(`/api/alerts?caseId=${c.id}`, { token })).json();
      expect(inbox.alerts.map((a: any) => [a.card, a.trigger, a.caseNumber, a.state]).sort()).toEqual([
        ['red', 'rating', c.number, 'unread'],
        ['yellow', 'rating', c.number, 'unread'],
      ]);
    }
    const second = await handler({ ...event, detail: { now: later } }, lambdaContext('rectification-overdue'));
    expect(second).toMatchObject({ callback: 0, rectify: 0 });
    expect((await dynamoRatingStore().task(c.id))!.alerts).toEqual({ callback: expect.any(String), rectify: expect.any(String) });

    // the overdue scan relays the outbox; the delivery consumer sends each alert to the topic once
    const scan = await loadHandler('schedules', 'overdue-scan');
    const relayed = await scan(
      {
        ...scheduledEvent(
          SCHEDULES.find((s) => s.id === 'overdue-scan')!,
          'cn-north-1',
        ),
        detail: { now: later },
      },
      lambdaContext('overdue-scan'),
    );
    expect(relayed.relayed).toBeGreaterThanOrEqual(2);
    const delivered = await deliverAlertsQueue(stack.env.QUEUE_ALERTS!);
    const notices = await mailbox.drain(delivered);
    // (the case itself may be carded too, two months on: only the 差评整改 notices are counted here)
    const mine = notices.filter((n) => n.message.includes(c.number) && n.message.includes('类别：差评整改'));
    expect(mine.map((n) => n.subject).sort()).toEqual([`红牌：${c.number} 灵山镇`, `黄牌：${c.number} 灵山镇`]);
    expect(notices.map((n) => n.message).join()).not.toMatch(/13812345678|张三丰|5678"/);
  });
});
