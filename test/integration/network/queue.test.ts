import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { startPoller, type Poller } from '../../../local/poller.ts';
import { ROOT } from '../../../local/modules.ts';
import { demoItems } from '../../../shared/catalog/demo-catalog.ts';
import { casePorts } from '../../../shared/app/wiring.ts';
import { QUEUES, type QueueDef } from '../../../shared/platform/queues.ts';
import { pump, sqsOf } from './support.ts';

const run = promisify(execFile);
const DIBAO = demoItems().find((i) => i.name === '城乡最低生活保障对象认定')!;
const person = { type: 'person', name: '王五', idNumber: '11010519491231002X', phone: '13812345678' };

/**
 * Queue discipline against fauxqs with the real consumer behind the local poller: a poison
 * message fails alone (partial batch failure), rests in the DLQ with an error logged on its last
 * receive, and `npm run redrive -- delegation` brings it back, where it is applied once.
 */
describe('the delegation queue: partial batch failure, DLQ, redrive', () => {
  const ep = inject('emulators');
  let stack: TestStack;
  let sqs: SQSClient;
  let poller: Poller | undefined;
  let url = '';
  let dlqUrl = '';
  // every line this worker logged (test/support/capture-logs.ts tees them into .test-logs/)
  const logged = () => readFileSync(join(ROOT, '.test-logs', `worker-${process.pid}.log`), 'utf8').split('\n');
  // the delegation queue as defined, but with a 1 s visibility timeout, so five receives take seconds
  const def = { ...QUEUES.find((q) => q.id === 'delegation')!, envVar: 'QUEUE_NET_TEST', visibilityTimeoutSeconds: 1 } as const satisfies QueueDef;
  const json = (r: Response) => r.json() as Promise<any>;
  const until = async (what: string, ok: () => Promise<boolean>, ms = 30_000) => {
    const end = Date.now() + ms;
    while (!(await ok())) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 300));
    }
  };
  /** Waiting and in flight (a stopped poller's last long poll may still hold one for a second). */
  const depth = async (q: string) => {
    const a =
      (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: q, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] })))
        .Attributes ?? {};
    return Number(a.ApproximateNumberOfMessages ?? 0) + Number(a.ApproximateNumberOfMessagesNotVisible ?? 0);
  };

  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
    sqs = sqsOf();
    dlqUrl = (await sqs.send(new CreateQueueCommand({ QueueName: `${stack.prefix}-net-dlq` }))).QueueUrl!;
    const dlqArn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlqUrl, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn;
    url = (
      await sqs.send(
        new CreateQueueCommand({
          QueueName: `${stack.prefix}-net`,
          Attributes: { VisibilityTimeout: '1', RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: def.maxReceiveCount }) },
        }),
      )
    ).QueueUrl!;
  });
  afterAll(async () => {
    await poller?.stop();
    sqs.destroy();
    await stack.stop();
  });

  it('a poison message and a malformed one go to the DLQ while the good one in their batch lands once; redrive brings them back', async () => {
    const clerk = await stack.login('clerk.lingshan');
    const materials = DIBAO.materials.filter((m) => m.required).map((m) => m.name);
    const c = (
      await json(
        await stack.fetch('/api/cases', {
          method: 'POST',
          json: { itemCode: DIBAO.code, applicant: person, materialsReceived: materials },
          token: clerk,
          headers: { 'idempotency-key': crypto.randomUUID() },
        }),
      )
    ).case;
    expect(
      (
        await stack.fetch(`/api/cases/${c.id}/forward`, {
          method: 'POST',
          json: { expectedVersion: 1, toOfficeId: '411521-mzj', reason: '转报' },
          token: clerk,
        })
      ).status,
    ).toBe(202);
    // take the real hand-over off the stack's queue, and send it with a poison and a malformed message as one batch
    const real = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: stack.env.QUEUE_DELEGATION, WaitTimeSeconds: 2 }))).Messages![0]!;
    const good = JSON.parse(real.Body!) as Record<string, unknown>;
    const orphanCase = crypto.randomUUID();
    const poison = { ...good, hopId: crypto.randomUUID(), caseId: orphanCase };
    await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: url,
        Entries: [
          { Id: 'good', MessageBody: JSON.stringify(good) },
          { Id: 'poison', MessageBody: JSON.stringify(poison), MessageAttributes: { type: { DataType: 'String', StringValue: 'forward' } } },
          { Id: 'malformed', MessageBody: '{"type":"forward","caseId":"x"}' },
          // the good one again: SQS may deliver twice
          { Id: 'again', MessageBody: JSON.stringify(good) },
        ],
      }),
    );
    poller = startPoller({ endpoint: ep.fauxqs, region: ep.region, env: { QUEUE_NET_TEST: url }, log: () => undefined, queues: [def] });

    await until('the good hand-over to land', async () => (await json(await stack.fetch('/api/cases?view=inbox', { token: await mzj() }))).cases.length === 1);
    await until('two messages in the DLQ', async () => (await depth(dlqUrl)) === 2);
    await poller.stop();
    poller = undefined;
    const detail = await json(await stack.fetch(`/api/cases/${c.id}`, { token: clerk }));
    expect(detail.case.version).toBe(3);
    expect(detail.events.filter((e: any) => e.type === 'forwarded')).toHaveLength(1);
    // the poison's last receive is logged as an error, naming the hop (the DLQ's depth alarm pages in AWS)
    const alarms = logged().filter((l) => l.includes('to the DLQ'));
    expect(alarms.some((l) => l.includes(String(poison.hopId)) && l.includes('"level":"ERROR"'))).toBe(true);
    expect(await depth(url)).toBe(0);

    // the record it needed appears (say, a restore); the command moves both back
    const ports = casePorts();
    const { record } = (await ports.cases.get(c.id))!;
    await ports.cases.commit(
      [
        {
          op: 'create',
          case: {
            ...record,
            id: orphanCase,
            number: `${record.number}-R`,
            transfer: { ...record.transfer!, id: String(poison.hopId), phase: 'sent' },
            version: 2,
          },
          applicantHash: 'h',
          idempotency: { key: crypto.randomUUID(), bodyHash: 'x', expiresAt: new Date(Date.now() + 60_000) },
        },
      ],
      [],
    );
    const env = { ...process.env, AWS_ENDPOINT_URL_SQS: ep.fauxqs, AWS_REGION: ep.region, AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' };
    const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
    const dry = await run(tsx, ['scripts/redrive.ts', 'delegation', '--dry-run', '--queue-url', url], { cwd: ROOT, env });
    expect(dry.stdout).toContain('死信队列中有 2 条消息');
    const moved = await run(tsx, ['scripts/redrive.ts', 'delegation', '--queue-url', url], { cwd: ROOT, env });
    expect(moved.stdout).toContain('已将 2 条消息移回 delegation 队列；死信队列剩余 0 条');
    expect(await depth(dlqUrl)).toBe(0);
    expect(await depth(url)).toBe(2);

    // back on the queue: the once-poison hop lands now; the malformed one is still malformed
    poller = startPoller({ endpoint: ep.fauxqs, region: ep.region, env: { QUEUE_NET_TEST: url }, log: () => undefined, queues: [def] });
    await until('the redriven hop to land', async () => (await ports.cases.get(orphanCase))?.record.transfer?.phase === 'delivered');
    await until('the malformed one back in the DLQ', async () => (await depth(dlqUrl)) === 1);
    expect((await json(await stack.fetch('/api/cases?view=inbox', { token: await mzj() }))).cases).toHaveLength(2);
  });

  let mzjToken: string | undefined;
  const mzj = async () => (mzjToken ??= await stack.login('clerk.mzj'));
});

// keep the helper referenced: the transfer test pumps; this one runs the poller
void pump;
