import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { dynamo } from '../../../shared/aws/clients.ts';
import { caseKeys } from '../../../shared/db/keys.ts';
import { endOfChinaDay } from '../../../shared/calendar/working-days.ts';
import { calendarSource } from '../../../shared/calendar/wiring.ts';
import { dynamoSupervisionStore } from '../../../shared/supervision/dynamo-supervision.ts';
import { snsNotifier } from '../../../shared/supervision/sns-notifier.ts';
import { scanOverdue, type ScanPorts } from '../../../shared/supervision/overdue-scan.ts';
import { loadHandler } from '../../../local/modules.ts';
import { lambdaContext } from '../../../local/lambda-context.ts';
import { scheduledEvent } from '../../../local/scheduler.ts';
import { SCHEDULES } from '../../../shared/platform/schedules.ts';
import { subscribeQueue } from './topic-queue.ts';

/** 电子监察 on DynamoDB Local + fauxqs: the open-by-due index, conditional card marks, SNS → SQS. */
describe('overdue scan against the emulators', () => {
  let stack: TestStack;
  let mailbox: Awaited<ReturnType<typeof subscribeQueue>>;
  beforeAll(async () => {
    stack = await startTestStack();
    mailbox = await subscribeQueue(stack.env.TOPIC_SUPERVISION!);
  });
  afterAll(() => stack.stop());
  beforeEach(async () => {
    await mailbox.drain(0);
  });

  /** A case item as the cases context writes it: the open-by-due attributes only while it runs. */
  const putCase = async (dueDay: string, status: string, opts: { indexed?: boolean } = {}) => {
    const id = randomUUID();
    const dueAt = endOfChinaDay(dueDay);
    const running = status === 'accepted' || status === 'in_progress';
    await dynamo().send(
      new PutCommand({
        TableName: stack.env.TABLE_CASES,
        Item: {
          ...caseKeys.case(id),
          ...((opts.indexed ?? running) ? caseKeys.openByDue(id, dueAt) : {}),
          id,
          number: `411521-20261101-${id.slice(0, 4)}`,
          itemName: '农村宅基地审批',
          officeId: '411521-lingshan',
          status,
          dueAt,
          version: 1,
        },
      }),
    );
    return id;
  };
  const caseItem = async (id: string) => (await dynamo().send(new GetCommand({ TableName: stack.env.TABLE_CASES, Key: caseKeys.case(id), ConsistentRead: true }))).Item!;
  const portsAt = (now: Date): ScanPorts => ({ store: dynamoSupervisionStore(), notifier: snsNotifier(), calendar: calendarSource(), clock: () => now });

  it('writes each card once and delivers it to a queue subscribed to the topic', async () => {
    const friday = new Date('2026-11-20T02:00:00Z'); // 10:00 Beijing
    const soon = await putCase('2026-11-24', 'in_progress'); // Tuesday: within two working days
    const late = await putCase('2026-11-19', 'accepted');
    const later = await putCase('2026-11-26', 'accepted');
    const suspended = await putCase('2026-11-18', 'suspended');
    const decided = await putCase('2026-11-18', 'decided');

    const first = await scanOverdue(portsAt(friday), { yellowCardWorkdays: 2 });
    expect(first).toMatchObject({ yellow: 1, red: 1 });
    expect(first.consumedRcu).toBeGreaterThan(0);
    const notices = await mailbox.drain(2);
    expect(notices.map((n) => n.subject).sort()).toEqual(['红牌：办件已超期', '黄牌：办件即将到期']);
    expect(notices.map((n) => JSON.parse(n.message)).find((m) => m.card === 'red')).toEqual({
      card: 'red',
      caseId: late,
      number: expect.stringMatching(/^411521-20261101-/),
      itemName: '农村宅基地审批',
      officeId: '411521-lingshan',
      dueAt: '2026-11-19T15:59:59.999Z',
    });
    expect((await caseItem(soon)).yellowCardAt).toBe(friday.toISOString());
    expect((await caseItem(late)).redCardAt).toBe(friday.toISOString());
    expect((await caseItem(later)).yellowCardAt).toBeUndefined();
    for (const id of [suspended, decided]) expect(await caseItem(id)).not.toHaveProperty('redCardAt');

    // later scans, even at once: no card twice, no message twice
    const again = await Promise.all([1, 2].map(() => scanOverdue(portsAt(new Date(friday.getTime() + 900_000)), { yellowCardWorkdays: 2 })));
    expect(again.map((r) => r.yellow + r.red)).toEqual([0, 0]);
    expect(await mailbox.drain(0)).toEqual([]);
    expect((await caseItem(soon)).yellowCardAt).toBe(friday.toISOString());
  });

  it('refuses a card to a case the index still lists but that no longer runs', async () => {
    // the index lags the table (GSIs are eventually consistent): the case item is the truth
    const stale = await putCase('2026-11-18', 'suspended', { indexed: true });
    const r = await scanOverdue(portsAt(new Date('2026-11-20T02:00:00Z')), { yellowCardWorkdays: 2 });
    expect(r.read).toBeGreaterThanOrEqual(1);
    expect(await caseItem(stale)).not.toHaveProperty('redCardAt');
    expect((await mailbox.drain(0)).map((n) => JSON.parse(n.message).caseId)).not.toContain(stale);
  });

  it('the scheduled function runs "as if at" detail.now with the county threshold from its configuration', async () => {
    const saved = process.env.YELLOW_CARD_WORKDAYS;
    process.env.YELLOW_CARD_WORKDAYS = '1';
    try {
      const monday = await putCase('2027-03-01', 'accepted'); // a Monday
      const tuesday = await putCase('2027-03-02', 'accepted');
      const handler = await loadHandler('schedules', 'overdue-scan');
      const event = scheduledEvent(SCHEDULES.find((s) => s.id === 'overdue-scan')!, 'cn-north-1');
      // Friday 2027-02-26 10:00 Beijing: one working day on is Monday
      const r = await handler({ ...event, detail: { now: '2027-02-26T10:00:00+08:00' } }, lambdaContext('overdue-scan'));
      // the earlier tests' cases are long overdue by then (red); one yellow: Monday's
      expect(r).toMatchObject({ yellow: 1 });
      expect((await caseItem(monday)).yellowCardAt).toMatch(/^2027-02-26T02:00:0/);
      expect((await caseItem(tuesday)).yellowCardAt).toBeUndefined();
      const notices = (await mailbox.drain(1 + (r as { red: number }).red)).map((n) => JSON.parse(n.message));
      expect(notices.filter((m) => m.card === 'yellow').map((m) => m.caseId)).toEqual([monday]);
    } finally {
      if (saved === undefined) delete process.env.YELLOW_CARD_WORKDAYS;
      else process.env.YELLOW_CARD_WORKDAYS = saved;
    }
  });
});
