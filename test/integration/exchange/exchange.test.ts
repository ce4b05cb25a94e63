import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { startStreams, type StreamRunner } from '../../../local/streams.ts';
import { startFakeProvince, type FakeProvince } from '../../../local/fake-province.ts';
import { applyEnv } from '../../../local/env.ts';
import { loadCountyConfig } from '../../../infra/config/county-config.ts';
import { demoItems } from '../../../shared/catalog/demo-catalog.ts';
import { deliverRecord } from '../../../shared/exchange/deliver.ts';
import { exchangePorts } from '../../../shared/exchange/wiring.ts';
import { bjDay } from '../../../shared/platform/beijing-time.ts';
import { sqsOf } from '../network/support.ts';
import { statusResponse } from '../../../shared/exchange/schemas.ts';

const ID_CARD = demoItems().find((i) => i.name === '居民身份证核发')!;

/**
 * The provincial exchange end to end on the emulators: each case change writes its stage record in
 * its own transaction, DynamoDB Local's stream relays it to the exchange queue (fauxqs), the use
 * case pushes it through the county's province adapter (罗山县: the 41 profile, HTTPS JSON with a
 * token) to the local fake province, which checks every field and code. Every message is handed to
 * the consumer three times.
 */
describe('the provincial exchange', () => {
  const ep = inject('emulators');
  const county = loadCountyConfig('411521');
  let stack: TestStack;
  let sqs: SQSClient;
  let streams: StreamRunner;
  let fake: FakeProvince;
  let clerk = '';
  let admin = '';
  const logs: string[] = [];
  const pending: Array<{ subject: string; id: string; messageId: string }> = [];
  const json = (r: Response) => r.json() as Promise<any>;

  /** The exchange queue's messages of a case (the relay's output). */
  const messagesOf = async (caseId: string, want: number) => {
    const end = Date.now() + 40_000;
    while (pending.filter((m) => m.subject === caseId).length < want && Date.now() < end) {
      const r = await sqs.send(
        new ReceiveMessageCommand({ QueueUrl: stack.env.QUEUE_EXCHANGE!, MaxNumberOfMessages: 10, WaitTimeSeconds: 1, VisibilityTimeout: 600 }),
      );
      for (const m of r.Messages ?? []) {
        const b = JSON.parse(m.Body!) as { subject: string; id: string };
        pending.push({ subject: b.subject, id: b.id, messageId: m.MessageId! });
      }
    }
    const got = pending.filter((m) => m.subject === caseId);
    expect(got.length, `messages of case ${caseId}: ${logs.join('\n')}`).toBe(want);
    return got.sort((a, b) => (a.id < b.id ? -1 : 1));
  };
  /** One message handed to the consumer's use case (as SQS would, a copy under its own claim). */
  const deliver = (m: { subject: string; id: string; messageId: string }, copy: number, receives = 1) =>
    deliverRecord(exchangePorts(), { caseId: m.subject, id: m.id }, { claim: `${m.messageId}/${copy}`, receives });
  const post = async (path: string, body: unknown, token = clerk) => stack.fetch(path, { method: 'POST', token, json: body });
  const intake = async () => {
    const res = await stack.fetch('/api/cases', {
      method: 'POST',
      token: clerk,
      headers: { 'idempotency-key': crypto.randomUUID() },
      json: {
        itemCode: ID_CARD.code,
        applicant: { type: 'person', name: '王五', idNumber: '11010519491231002X', phone: '13900001234' },
        materialsReceived: ['居民户口簿', '近期免冠照片'],
      },
    });
    expect(res.status).toBe(201);
    return (await json(res)).case as { id: string; number: string; version: number };
  };
  const step = async (id: string, action: string, v: number, body: object = {}) => {
    const r = await post(`/api/cases/${id}/${action}`, { expectedVersion: v, ...body });
    expect(r.status, `${action}: ${await r.clone().text()}`).toBe(200);
  };
  const atProvince = (number: string) => fake.received.filter((r) => r.caseNumber === number);
  const status = async (day = bjDay(new Date())) => json(await stack.fetch(`/api/exchange/status?day=${day}`, { token: admin }));

  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
    fake = await startFakeProvince({ province: county.exchange?.province });
    applyEnv(Object.assign(stack.env, { EXCHANGE_ENDPOINT_OVERRIDE: fake.url }));
    sqs = sqsOf();
    streams = startStreams({ endpoint: ep.dynamodb, region: ep.region, env: stack.env, log: (l) => logs.push(l), idleMs: 100 });
    clerk = await stack.login('clerk.county');
    admin = await stack.login('admin');
  });
  afterAll(async () => {
    await streams.stop();
    await fake.stop();
    sqs.destroy();
    await stack.stop();
  });

  it('taken in, decided, delivered and rated: 4 records at the province in order, each acknowledged once although every message came 3 times', async () => {
    const c = await intake();
    await step(c.id, 'decide', 1, { result: 'approved' });
    await step(c.id, 'deliver', 2, { method: 'pickup', signedBy: '王五' });
    const rated = await post('/api/ratings', { caseId: c.id, level: 5, channel: 'hotline' });
    expect(rated.status, await rated.clone().text()).toBe(201);
    const ms = await messagesOf(c.id, 4);
    expect(ms.map((m) => m.id)).toEqual(['000001-accepted', '000002-decided', '000003-delivered', '000003-rated']);
    // the last first, three copies of each (two of them at once)
    for (const m of [...ms].reverse()) {
      await Promise.all([deliver(m, 1), deliver(m, 2)]);
      await deliver(m, 3, 2);
    }
    const got = atProvince(c.number);
    const acked = got.filter((r) => r.answer === 'acknowledged');
    expect(acked.map((r) => r.stage)).toEqual(['SL', 'BJ', 'SD', 'PJ']);
    expect(got.filter((r) => r.answer === 'rejected')).toEqual([]);
    // the province's field names and codes: 即办件 1 / 承诺件 2, 县级 = 4, 窗口 = 10, 非常满意 = 5 in this profile; the name masked
    expect(acked[0]!.fields).toMatchObject({
      PROJID: c.number,
      TASK_TYPE: ID_CARD.kind === 'immediate' ? '1' : '2',
      USE_LEVEL: '4',
      APPLY_FROM: '10',
      APPLYER_NAME: '王*',
    });
    expect(acked[3]!.fields).toMatchObject({ EVALUATE_LEVEL: '5', EVALUATE_FROM: 'rx' });
    expect(JSON.stringify(got)).not.toMatch(/13900001234|11010519491231002X|王五/);

    const s = await status();
    expect(Object.keys(s).sort()).toEqual(['acknowledged', 'day', 'pending', 'pushed', 'records', 'rejected'].sort());
    expect(statusResponse.safeParse(s).success).toBe(true);
    const mine = s.records.filter((r: any) => r.caseNumber === c.number);
    expect(mine).toEqual([
      { caseNumber: c.number, stage: 'accepted', status: 'acknowledged' },
      { caseNumber: c.number, stage: 'decided', status: 'acknowledged' },
      { caseNumber: c.number, stage: 'delivered', status: 'acknowledged' },
      { caseNumber: c.number, stage: 'rated', status: 'acknowledged' },
    ]);
    expect(s.acknowledged).toBeGreaterThanOrEqual(4);
    expect(s.pushed).toBeGreaterThanOrEqual(s.acknowledged + s.rejected);
    // the province's own count of the day, where its interface gives one (this profile's does)
    const rec = await json(await stack.fetch(`/api/exchange/rejected?day=${s.day}`, { token: admin }));
    expect(rec.province).toEqual({ count: s.acknowledged, acknowledged: s.acknowledged, matches: true });
  });

  it('the province down for a while: nothing lost, every record arrives after it recovers, in order', async () => {
    const c = await intake();
    await step(c.id, 'decide', 1, { result: 'approved' });
    await step(c.id, 'deliver', 2, { method: 'pickup', signedBy: '王五' });
    const ms = await messagesOf(c.id, 3);
    fake.down(true);
    for (const m of ms) expect(await deliver(m, 1)).toMatchObject({ done: false, retryAfterSeconds: 30 });
    const during = (await status()).records.filter((r: any) => r.caseNumber === c.number);
    expect(during.map((r: any) => r.status)).toEqual(['pending', 'pending', 'pending']);
    fake.down(false);
    // the retries come back in any order: the later ones wait for the first, which then pulls them along
    for (const m of [...ms].reverse()) await deliver(m, 2, 2);
    for (const m of ms) await deliver(m, 3, 3);
    expect(
      atProvince(c.number)
        .filter((r) => r.answer === 'acknowledged')
        .map((r) => r.stage),
    ).toEqual(['SL', 'BJ', 'SD']);
  });

  it('a rejected record shows the province’s reason, holds its case’s later records, and is accepted after correction and re-sending', async () => {
    const c = await intake();
    await step(c.id, 'decide', 1, { result: 'approved' });
    const ms = await messagesOf(c.id, 2);
    fake.rejectItem(ID_CARD.code, `事项编码 ${ID_CARD.code} 不在省级事项库中`);
    try {
      expect(await deliver(ms[0]!, 1)).toEqual({ done: true, outcome: 'rejected' });
      expect(await deliver(ms[1]!, 1)).toMatchObject({ done: false });
    } finally {
      fake.rejectItem(ID_CARD.code, undefined);
    }
    const s = await status();
    expect(s.records.filter((r: any) => r.caseNumber === c.number)).toEqual([
      { caseNumber: c.number, stage: 'accepted', status: 'rejected', reason: `事项编码 ${ID_CARD.code} 不在省级事项库中` },
      { caseNumber: c.number, stage: 'decided', status: 'pending' },
    ]);
    const rejected = (await json(await stack.fetch(`/api/exchange/rejected?day=${s.day}`, { token: admin }))).records;
    const r = rejected.find((x: any) => x.caseNumber === c.number);
    expect(r).toMatchObject({ caseId: c.id, id: '000001-accepted', stageLabel: '受理', reason: expect.stringContaining('不在省级事项库中') });

    // a bad correction is refused on its field; a clerk may not re-send
    const bad = await post(`/api/exchange/records/${c.id}/${r.id}/resend`, { itemCode: '<x>', note: '' }, admin);
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.fields.map((f: any) => f.path).sort()).toEqual(['itemCode', 'note']);
    expect((await post(`/api/exchange/records/${c.id}/${r.id}/resend`, { note: '更正' })).status).toBe(403);

    const fixed = await post(`/api/exchange/records/${c.id}/${r.id}/resend`, { itemCode: `P${ID_CARD.code}`, note: '改为省级事项库中的编码' }, admin);
    expect(fixed.status, await fixed.clone().text()).toBe(200);
    expect((await json(fixed)).record).toMatchObject({ caseNumber: c.number, stage: 'accepted', status: 'acknowledged' });
    const after = (await status()).records.filter((x: any) => x.caseNumber === c.number);
    expect(after.map((x: any) => x.status)).toEqual(['acknowledged', 'acknowledged']);
    expect(
      atProvince(c.number)
        .filter((x) => x.answer === 'acknowledged')
        .map((x) => [x.stage, x.fields.TASK_CODE]),
    ).toEqual([
      ['SL', `P${ID_CARD.code}`],
      ['BJ', ID_CARD.code],
    ]);
    // the old message comes again: nothing pushed twice
    expect(await deliver(ms[0]!, 4, 4)).toEqual({ done: true, outcome: 'already' });
    expect(await post(`/api/exchange/records/${c.id}/${r.id}/resend`, { note: '再发一次' }, admin).then((x) => x.status)).toBe(422);
  });

  it('a bad day is refused with a Chinese message on its field; only the county admin reads the status', async () => {
    const bad = await stack.fetch('/api/exchange/status?day=2026-13-40', { token: admin });
    expect(bad.status).toBe(400);
    const b = await json(bad);
    expect(b.error.fields[0]).toMatchObject({ path: 'day', message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
    expect((await stack.fetch('/api/exchange/status', { token: admin })).status).toBe(400);
    expect((await stack.fetch(`/api/exchange/status?day=${bjDay(new Date())}`, { token: clerk })).status).toBe(403);
  });
});
