import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ChangeMessageVisibilityCommand, DeleteMessageCommand, ReceiveMessageCommand, type Message } from '@aws-sdk/client-sqs';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { startWebhookReceiver } from '../../support/webhook-receiver.ts';
import { dynamo, sqsClient } from '../../../shared/aws/clients.ts';
import { supervisionKeys } from '../../../shared/db/keys.ts';
import { demoItems } from '../../../shared/catalog/demo-catalog.ts';
import { intake } from '../../../shared/cases/intake.ts';
import { casePorts } from '../../../shared/app/wiring.ts';
import type { Principal } from '../../../shared/identity/principal.ts';
import { DEFAULT_ROLE_SCOPES } from '../../../shared/platform/scopes.ts';
import { scanOverdue } from '../../../shared/supervision/overdue-scan.ts';
import { scanPorts, supervisionRules, supervisionStore } from '../../../shared/supervision/wiring.ts';
import { resetRuntimeConfig } from '../../../shared/platform/runtime-config.ts';
import { loadCountyConfig } from '../../../infra/config/county-config.ts';
import { loadHandler } from '../../../local/modules.ts';
import { lambdaContext } from '../../../local/lambda-context.ts';
import { scheduledEvent } from '../../../local/scheduler.ts';
import { SCHEDULES } from '../../../shared/platform/schedules.ts';
import { subscribeQueue } from './topic-queue.ts';

/**
 * 电子监察 on DynamoDB Local + fauxqs with a fake clock: cases taken in by the real use cases on
 * the real tables, the scan run "as if at" chosen instants, the delivery queue read by hand and
 * given to its consumer, SNS seen through a subscribed queue, webhooks by a local receiver.
 */
const item = demoItems().find((i) => i.name === '居民户口簿遗失补发')!; // 5 working days promised
const clerk: Principal = {
  userId: 'u1',
  username: 'clerk.lingshan',
  displayName: '窗口',
  officeId: '411521-lingshan',
  roles: ['window_clerk'],
  scopes: [...DEFAULT_ROLE_SCOPES.window_clerk],
  sessionId: 's',
};
const meta = { sourceIp: '127.0.0.1', userAgent: 'vitest' };
const bj = (day: string, hhmm = '10:00') => new Date(`${day}T${hhmm}:00+08:00`);

describe('alerts that cannot be lost', () => {
  let stack: TestStack;
  let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let mailbox: Awaited<ReturnType<typeof subscribeQueue>>;

  beforeAll(async () => {
    hooks = await startWebhookReceiver();
    const base = loadCountyConfig('411521');
    stack = await startTestStack({
      seed: true,
      county: { ...base, alerts: { emails: [], webhooks: [hooks.url('/json'), { url: hooks.url('/wecom'), format: 'wecom' }] } },
    });
    mailbox = await subscribeQueue(stack.env.TOPIC_SUPERVISION!);
  });
  afterAll(async () => {
    await stack.stop();
    await hooks.stop();
  });
  beforeEach(async () => {
    await mailbox.drain(0);
    await drainQueue();
    hooks.received.length = 0;
  });

  const accept = async (now: Date) =>
    (
      await intake(
        { ...casePorts(), clock: () => now },
        clerk,
        {
          itemCode: item.code,
          applicant: { type: 'person', name: '张三丰', idNumber: '11010519491231002X', phone: '13812345678' },
          materialsReceived: item.materials.filter((m) => m.required).map((m) => m.name),
          idempotencyKey: crypto.randomUUID(),
        },
        meta,
      )
    ).case;
  const scanAt = (now: Date) => scanOverdue({ ...scanPorts(), clock: () => now }, supervisionRules());
  const receive = async (): Promise<Message[]> => {
    const out: Message[] = [];
    for (let polls = 0; polls < 3; polls++) {
      const r = await sqsClient().send(
        new ReceiveMessageCommand({ QueueUrl: stack.env.QUEUE_ALERTS, MaxNumberOfMessages: 10, WaitTimeSeconds: out.length ? 0 : 1 }),
      );
      out.push(...(r.Messages ?? []));
      if (!r.Messages?.length && out.length) break;
    }
    return out;
  };
  const drainQueue = async () => {
    for (const m of await receive()) await sqsClient().send(new DeleteMessageCommand({ QueueUrl: stack.env.QUEUE_ALERTS, ReceiptHandle: m.ReceiptHandle! }));
  };
  /** What the poller does: the batch to the consumer, delete what succeeded, leave the failures in flight. */
  const consume = async (messages: Message[]) => {
    const handler = await loadHandler('queues', 'alerts');
    const r = await handler(
      {
        Records: messages.map((m) => ({
          messageId: m.MessageId!,
          receiptHandle: m.ReceiptHandle!,
          body: m.Body!,
          attributes: {},
          messageAttributes: {},
          md5OfBody: '',
          eventSource: 'aws:sqs',
          eventSourceARN: 'arn',
          awsRegion: 'cn-north-1',
        })),
      },
      lambdaContext('alerts'),
    );
    const failed = new Set((r?.batchItemFailures ?? []).map((f: { itemIdentifier: string }) => f.itemIdentifier));
    for (const m of messages)
      if (!failed.has(m.MessageId!)) await sqsClient().send(new DeleteMessageCommand({ QueueUrl: stack.env.QUEUE_ALERTS, ReceiptHandle: m.ReceiptHandle! }));
    return messages.filter((m) => failed.has(m.MessageId!));
  };

  it('a case goes yellow, then red: exactly one alert each, however many scans run; the webhooks get JSON and 企业微信 markdown', async () => {
    const k = await accept(bj('2026-11-16')); // Monday: 5 working days → due Monday 11-23
    expect(k.dueDate).toBe('2026-11-23');
    // the watch was written with the case, in the same transaction
    const watch = (await dynamo().send(new GetCommand({ TableName: stack.env.TABLE_CASES, Key: supervisionKeys.watch(k.id) }))).Item!;
    expect(watch).toMatchObject({ caseVersion: 1, level: 'none', rev: 0 });
    expect(watch.case).not.toHaveProperty('applicant');

    expect(await scanAt(bj('2026-11-18'))).toMatchObject({ yellow: 0, red: 0 });
    const yellow = await Promise.all([scanAt(bj('2026-11-19', '08:00')), scanAt(bj('2026-11-19', '08:00'))]);
    expect(yellow.reduce((n, r) => n + r.yellow, 0)).toBe(1);
    for (const h of ['09:00', '12:00', '18:00']) expect(await scanAt(bj('2026-11-19', h))).toMatchObject({ looked: 0, yellow: 0 });
    const red = await Promise.all([1, 2, 3].map(() => scanAt(bj('2026-11-24', '00:05'))));
    expect(red.reduce((n, r) => n + r.red, 0)).toBe(1);
    expect(await scanAt(bj('2026-11-25'))).toMatchObject({ looked: 0, red: 0 });

    const { alerts } = await supervisionStore().alerts({ side: 'county', caseId: k.id, limit: 10 });
    expect(alerts.map((a) => a.card)).toEqual(['red', 'yellow']);

    const messages = await receive();
    expect(messages).toHaveLength(2);
    expect(await consume(messages)).toEqual([]);
    const notices = await mailbox.drain(2);
    expect(notices.map((n) => n.subject).sort()).toEqual([`红牌：${k.number} 灵山镇`, `黄牌：${k.number} 灵山镇`]);
    const json = hooks.received.filter((r) => r.path === '/json').map((r) => r.body);
    expect(json.map((b) => b.card).sort()).toEqual(['red', 'yellow']);
    expect(json.find((b) => b.card === 'red')).toMatchObject({
      type: 'alert',
      caseId: k.id,
      caseNumber: k.number,
      officeName: '灵山镇',
      reason: '已超过承诺时限（2026-11-23 到期）',
    });
    expect(hooks.received.filter((r) => r.path === '/wecom').map((r) => r.body.msgtype)).toEqual(['markdown', 'markdown']);
    expect(JSON.stringify(hooks.received)).not.toMatch(/张三丰|11010519491231002X|13812345678/);
  });

  it('SNS failing while the alert is delivered: it arrives once SNS is back, and no webhook gets it twice', async () => {
    await accept(bj('2026-11-02'));
    expect(await scanAt(bj('2026-11-10', '00:05'))).toMatchObject({ red: 1 });
    const topic = process.env.TOPIC_SUPERVISION!;
    process.env.TOPIC_SUPERVISION = `${topic}-gone`;
    resetRuntimeConfig();
    try {
      const first = await receive();
      expect(first).toHaveLength(1);
      expect(await consume(first)).toHaveLength(1); // failed: left for SQS to bring back
      expect(hooks.received).toHaveLength(2);
      // the visibility timeout passes (as SQS would after 5 minutes): it comes back, SNS still down
      await sqsClient().send(
        new ChangeMessageVisibilityCommand({ QueueUrl: stack.env.QUEUE_ALERTS, ReceiptHandle: first[0]!.ReceiptHandle!, VisibilityTimeout: 0 }),
      );
      const again = await receive();
      expect(await consume(again)).toHaveLength(1);
      await sqsClient().send(
        new ChangeMessageVisibilityCommand({ QueueUrl: stack.env.QUEUE_ALERTS, ReceiptHandle: again[0]!.ReceiptHandle!, VisibilityTimeout: 0 }),
      );
    } finally {
      process.env.TOPIC_SUPERVISION = topic;
      resetRuntimeConfig();
    }
    expect(await mailbox.drain(0)).toEqual([]);
    const back = await receive();
    expect(await consume(back)).toEqual([]);
    expect((await mailbox.drain(1)).map((n) => n.subject)).toEqual([expect.stringMatching(/^红牌：/)]);
    expect(hooks.received).toHaveLength(2);
  });

  it('the delivery queue down during the scan: the alert waits in the outbox and goes at the next scan', async () => {
    await accept(bj('2026-10-12'));
    const url = process.env.QUEUE_ALERTS!;
    process.env.QUEUE_ALERTS = `${url}-gone`;
    resetRuntimeConfig();
    try {
      expect(await scanAt(bj('2026-10-20', '00:05'))).toMatchObject({ red: 1, relayed: 0, waiting: 1 });
    } finally {
      process.env.QUEUE_ALERTS = url;
      resetRuntimeConfig();
    }
    expect(await receive()).toEqual([]);
    // the lease of the failed relay has passed by the next run
    expect(await scanAt(bj('2026-10-20', '00:20'))).toMatchObject({ red: 0, relayed: 1 });
    expect(await receive()).toHaveLength(1);
  });

  it('the scheduled function runs "as if at" detail.now with the county rules from its configuration', async () => {
    const k = await accept(bj('2027-01-18')); // 5 working days → 2027-01-25
    const handler = await loadHandler('schedules', 'overdue-scan');
    const event = scheduledEvent(
      SCHEDULES.find((s) => s.id === 'overdue-scan')!,
      'cn-north-1',
    );
    const r = await handler({ ...event, detail: { now: '2027-01-21T10:00:00+08:00' } }, lambdaContext('overdue-scan'));
    expect(r).toMatchObject({ yellow: 1, relayed: 1 });
    expect((await supervisionStore().alerts({ side: 'county', caseId: k.id, limit: 5 })).alerts.map((a) => a.at)).toEqual([
      expect.stringMatching(/^2027-01-21T02:00:0/),
    ]);
  });
});
