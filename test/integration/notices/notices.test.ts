import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { startStreams, type StreamRunner } from '../../../local/streams.ts';
import { startFakeSms, type FakeSms } from '../../../local/fake-sms.ts';
import { fakeSmsEnv, withSite } from '../../../local/notices-env.ts';
import { applyEnv } from '../../../local/env.ts';
import { loadCountyConfig } from '../../../infra/config/county-config.ts';
import { demoItems } from '../../../shared/catalog/demo-catalog.ts';
import { deliverNotice } from '../../../shared/notices/deliver.ts';
import { deliverPorts } from '../../../shared/notices/wiring.ts';
import { bjDateLong } from '../../../shared/platform/beijing-time.ts';
import { sqsOf } from '../network/support.ts';

const DIBAO = demoItems().find((i) => i.name === '城乡最低生活保障对象认定')!;
const REQUIRED = DIBAO.materials.filter((m) => m.required).map((m) => m.name);

/**
 * Texts to applicants end to end on the emulators: intake writes the notice in its transaction,
 * DynamoDB Local's stream relays it to the notices queue (fauxqs), the use case sends it through
 * the Alibaba Cloud adapter to the local fake provider, which checks the signature. The clock is
 * a fake one (quiet hours are 21:00–08:00 Beijing).
 */
describe('notices to applicants', () => {
  const ep = inject('emulators');
  const county = loadCountyConfig('411521');
  let stack: TestStack;
  let sqs: SQSClient;
  let streams: StreamRunner;
  let fake: FakeSms;
  let clerk = '';
  let phoneSeq = 0;
  const logs: string[] = [];
  const pending: Array<{ subject: string; id: string; messageId: string; receives: number }> = [];
  const json = (r: Response) => r.json() as Promise<any>;
  const at = (beijing: string) => () => new Date(`${beijing}+08:00`);

  /** The notices queue's messages of a case (the relay's output). */
  const messagesOf = async (caseId: string, want = 1) => {
    const end = Date.now() + 40_000;
    while (pending.filter((m) => m.subject === caseId).length < want && Date.now() < end) {
      const r = await sqs.send(
        new ReceiveMessageCommand({ QueueUrl: stack.env.QUEUE_NOTICES!, MaxNumberOfMessages: 10, WaitTimeSeconds: 1, VisibilityTimeout: 600 }),
      );
      for (const m of r.Messages ?? []) {
        const b = JSON.parse(m.Body!) as { subject: string; id: string };
        pending.push({ subject: b.subject, id: b.id, messageId: m.MessageId!, receives: 1 });
      }
    }
    const got = pending.filter((m) => m.subject === caseId);
    expect(got.length, `messages of case ${caseId}: ${logs.join('\n')}`).toBeGreaterThanOrEqual(want);
    return got;
  };
  const intake = async (over: Record<string, unknown> = {}) => {
    phoneSeq += 1;
    const phone = `1390000${String(1000 + phoneSeq).slice(-4)}`;
    const res = await stack.fetch('/api/cases', {
      method: 'POST',
      token: clerk,
      headers: { 'idempotency-key': crypto.randomUUID() },
      json: { itemCode: DIBAO.code, applicant: { type: 'person', name: '王五', idNumber: '11010519491231002X', phone }, materialsReceived: REQUIRED, ...over },
    });
    expect(res.status).toBe(201);
    return (await json(res)).case as { id: string; number: string; dueDate: string };
  };
  const notices = async (caseId: string) => (await json(await stack.fetch(`/api/cases/${caseId}/notices`, { token: clerk }))).notices as any[];
  const deliver = (m: { subject: string; id: string; messageId: string }, clock: () => Date, receives = 1, claim = m.messageId) =>
    deliverNotice({ ...deliverPorts(), clock }, { caseId: m.subject, id: m.id }, { claim, receives, lastReceive: false });
  const textsOf = (number: string) => fake.received.filter((t) => t.vars.number === number);

  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
    fake = await startFakeSms(fakeSmsEnv.fakeOptions(county));
    applyEnv(Object.assign(stack.env, fakeSmsEnv.env(county, fake), withSite(stack.env, 'https://ls.example.gov.cn')));
    sqs = sqsOf();
    streams = startStreams({ endpoint: ep.dynamodb, region: ep.region, env: stack.env, log: (l) => logs.push(l), idleMs: 100 });
    clerk = await stack.login('clerk.lingshan');
  });
  afterAll(async () => {
    await streams.stop();
    await fake.stop();
    sqs.destroy();
    await stack.stop();
  });

  it('intake → exactly one 受理 text at the provider, with the case number and the promised date; a redelivered message sends no second', async () => {
    const c = await intake();
    const [m] = await messagesOf(c.id);
    expect(m!.id).toBe('accepted#sms#applicant');
    expect(await notices(c.id)).toMatchObject([{ event: 'accepted', channel: 'sms', status: 'queued', phoneMasked: expect.stringMatching(/^139\*{4}\d{4}$/) }]);

    expect(await deliver(m!, at('2026-12-08T10:00:00'))).toEqual({ done: true, outcome: 'sent' });
    const texts = textsOf(c.number);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatchObject({ provider: 'aliyun', signName: '罗山县政务服务', templateCode: 'SMS_DEMO_0001' });
    expect(texts[0]!.vars.due).toBe(bjDateLong(c.dueDate));
    expect(texts[0]!.text).toContain(c.number);
    expect(texts[0]!.text).toContain(bjDateLong(c.dueDate));
    expect(texts[0]!.vars.link).toMatch(new RegExp(`^https://ls\\.example\\.gov\\.cn/status/${c.number}\\?code=[0-9A-Z]{10}$`));
    expect(fake.refused).toEqual([]);

    // the same message again (SQS delivers at least once), and a copy under another message id
    expect(await deliver(m!, at('2026-12-08T10:01:00'))).toEqual({ done: true, outcome: 'already' });
    expect(await deliver(m!, at('2026-12-08T10:01:00'), 1, 'another-copy')).toEqual({ done: true, outcome: 'already' });
    expect(textsOf(c.number)).toHaveLength(1);
    const [n] = await notices(c.id);
    expect(n).toMatchObject({ event: 'accepted', channel: 'sms', status: 'sent', text: texts[0]!.text });
    expect(Object.keys(n).sort()).toEqual(['at', 'channel', 'event', 'phoneMasked', 'status', 'text']);
  });

  it('the provider down for a while: retried with a growing pause, sent once when it recovers', async () => {
    const c = await intake();
    const [m] = await messagesOf(c.id);
    fake.down(2);
    const first = await deliver(m!, at('2026-12-08T10:00:00'), 1);
    expect(first).toMatchObject({ done: false, retryAfterSeconds: 30 });
    expect((await notices(c.id))[0]).toMatchObject({ status: 'queued', reason: expect.stringContaining('稍后重试') });
    expect(await deliver(m!, at('2026-12-08T10:00:30'), 2)).toMatchObject({ done: false, retryAfterSeconds: 60 });
    expect(textsOf(c.number)).toHaveLength(0);
    expect(await deliver(m!, at('2026-12-08T10:01:30'), 3)).toEqual({ done: true, outcome: 'sent' });
    expect(await deliver(m!, at('2026-12-08T10:02:00'), 4)).toEqual({ done: true, outcome: 'already' });
    expect(textsOf(c.number)).toHaveLength(1);
    expect((await notices(c.id))[0]).toMatchObject({ status: 'sent' });
  });

  it('quiet hours: a text due at 22:30 Beijing waits until 08:00', async () => {
    const c = await intake();
    const [m] = await messagesOf(c.id);
    const held = await deliver(m!, at('2026-12-08T22:30:00'));
    expect(held).toEqual({ done: false, retryAfterSeconds: 9.5 * 3600, reason: 'quiet hours' });
    expect((await notices(c.id))[0]).toMatchObject({ status: 'queued', reason: '夜间免打扰，2026-12-09 08:00 发送' });
    expect(await deliver(m!, at('2026-12-09T07:59:00'), 2)).toMatchObject({ done: false, retryAfterSeconds: 60 });
    expect(textsOf(c.number)).toHaveLength(0);
    expect(await deliver(m!, at('2026-12-09T08:00:00'), 3)).toEqual({ done: true, outcome: 'sent' });
    expect(textsOf(c.number)).toHaveLength(1);
  });

  it('a text over the template’s limits is refused before sending, with the reason on the timeline; declined texts are not written', async () => {
    const notices0 = JSON.parse(stack.env.NOTICES_JSON!) as { templates: Record<string, object> };
    applyEnv(
      Object.assign(stack.env, {
        NOTICES_JSON: JSON.stringify({ ...notices0, templates: { ...notices0.templates, accepted: { ...notices0.templates.accepted, maxSegments: 1 } } }),
      }),
    );
    try {
      const c = await intake();
      const [n] = await notices(c.id);
      expect(n).toMatchObject({ event: 'accepted', status: 'failed', reason: expect.stringMatching(/超过模板限制的 1 条.*未发送/) });
      const [m] = await messagesOf(c.id);
      expect(await deliver(m!, at('2026-12-08T10:00:00'))).toEqual({ done: true, outcome: 'already' });
      expect(textsOf(c.number)).toHaveLength(0);
    } finally {
      applyEnv(Object.assign(stack.env, { NOTICES_JSON: JSON.stringify(notices0) }));
    }
    const declined = await intake({ declineNotices: true });
    expect(await notices(declined.id)).toEqual([]);
  });
});
