import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { demoItems } from '../../../shared/catalog/demo-catalog.ts';
import { intake } from '../../../shared/cases/intake.ts';
import { casePorts } from '../../../shared/app/wiring.ts';
import type { Principal } from '../../../shared/identity/principal.ts';
import { DEFAULT_ROLE_SCOPES } from '../../../shared/platform/scopes.ts';
import { SCHEDULES } from '../../../shared/platform/schedules.ts';
import { loadHandler } from '../../../local/modules.ts';
import { lambdaContext } from '../../../local/lambda-context.ts';
import { scheduledEvent } from '../../../local/scheduler.ts';
import { deliverAlertsQueue, subscribeQueue } from './topic-queue.ts';

/**
 * The daily digest (08:30 Beijing) end to end: the scheduled function run "as if" then on the
 * emulators; each supervisor reads the county's digest in the app and gets it by e-mail (the
 * topic), the center head reads his office's; due today, overdue and open 督办 in both.
 */
const item = demoItems().find((i) => i.name === '居民户口簿遗失补发')!; // 5 working days
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

describe('daily digest at 08:30 Beijing', () => {
  let stack: TestStack;
  let sup: string;
  let head: string;
  let admin: string;
  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
    [sup, head, admin] = [await stack.login('supervisor'), await stack.login('head.lingshan'), await stack.login('admin')];
  });
  afterAll(() => stack.stop());
  const accept = async (at: Date) =>
    (
      await intake(
        { ...casePorts(), clock: () => at },
        clerk,
        {
          itemCode: item.code,
          applicant: { type: 'person', name: '赵六', idNumber: '11010519491231002X', phone: '13812345678' },
          materialsReceived: item.materials.filter((m) => m.required).map((m) => m.name),
          idempotencyKey: crypto.randomUUID(),
        },
        { sourceIp: '127.0.0.1', userAgent: 't' },
      )
    ).case;

  it('is scheduled for 08:30 Beijing (00:30 UTC)', () => {
    expect(SCHEDULES.find((s) => s.id === 'daily-digest')!.expression).toBe('cron(30 0 * * ? *)');
  });

  it('due today, overdue and open 督办: the county’s to the supervisors (app and e-mail), the office’s to its head; once a day', async () => {
    const overdue = await accept(bj('2026-11-02')); // due Monday 11-09
    const dueToday = await accept(bj('2026-11-05')); // due Thursday 11-12
    expect([overdue.dueDate, dueToday.dueDate]).toEqual(['2026-11-09', '2026-11-12']);
    const issued = await stack.fetch('/api/supervision/orders', {
      method: 'POST',
      token: sup,
      json: { caseId: overdue.id, requirement: '请说明超期原因并尽快办结', deadlineWorkdays: 2 },
    });
    expect(issued.status).toBe(201);
    const mailbox = await subscribeQueue(stack.env.TOPIC_SUPERVISION!);

    const handler = await loadHandler('schedules', 'daily-digest');
    const event = {
      ...scheduledEvent(
        SCHEDULES.find((s) => s.id === 'daily-digest')!,
        'cn-north-1',
      ),
      detail: { now: '2026-11-12T08:30:00+08:00' },
    };
    expect(await handler(event, lambdaContext('daily-digest'))).toMatchObject({
      day: '2026-11-12',
      dueToday: 1,
      overdue: 1,
      openOrders: 1,
      offices: 1,
      made: true,
    });

    // in the app: the supervisor reads the county's, the head his office's
    const read = async (token: string) => ((await (await stack.fetch('/api/alerts/digest?day=2026-11-12', { token })).json()) as { digest: any }).digest;
    const county = await read(sup);
    const office = await read(head);
    for (const d of [county, office]) {
      expect(d.day).toBe('2026-11-12');
      expect(d.dueToday.map((c: any) => c.number)).toEqual([dueToday.number]);
      expect(d.overdue.map((c: any) => c.number)).toEqual([overdue.number]);
      expect(d.openOrders.map((o: any) => o.caseNumber)).toEqual([overdue.number]);
    }
    expect((await stack.fetch('/api/alerts/digest?day=12-11', { token: sup })).status).toBe(400);
    // not for a reader without the inbox
    expect((await stack.fetch('/api/alerts/digest', { token: admin })).status).toBe(403);

    // by e-mail: the county's digest through the delivery queue, once
    expect(await deliverAlertsQueue(stack.env.QUEUE_ALERTS!)).toBe(1);
    const [mail, ...more] = await mailbox.drain(1);
    expect(more).toEqual([]);
    expect(mail!.subject).toBe('便民服务日报 2026-11-12');
    expect(mail!.message).toContain('今日到期 1 件；已超期 1 件；待反馈督办 1 件。');
    expect(mail!.message).toContain(`${dueToday.number}（灵山镇）`);
    expect(mail!.message).not.toMatch(/赵六|11010519491231002X|13812345678/);

    // a second run the same morning makes and sends nothing again
    expect(await handler(event, lambdaContext('daily-digest'))).toMatchObject({ made: false });
    expect(await deliverAlertsQueue(stack.env.QUEUE_ALERTS!)).toBe(0);
  });
});
