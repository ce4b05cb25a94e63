import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { demoItems } from '../../../shared/catalog/demo-catalog.ts';
import { scanOverdue } from '../../../shared/supervision/overdue-scan.ts';
import { scanPorts, supervisionRules, supervisionStore } from '../../../shared/supervision/wiring.ts';
import { pump, sqsOf } from '../network/support.ts';

/**
 * A late 签收 earns its phase card end to end: a real 转报 through the gateway and the delegation
 * queue (fauxqs) writes the phase into supervision's watch; the real scan, run "as if" days later
 * on DynamoDB Local, gives exactly one card to the office that has not signed; 签收 closes the phase.
 */
const DIBAO = demoItems().find((i) => i.name === '城乡最低生活保障对象认定')!;
const MZJ = '411521-mzj';
const DAY = 86_400_000;

describe('phase card: a 转报 not signed for in time (签收, 1 working day in the demo county)', () => {
  let stack: TestStack;
  let sqs: SQSClient;
  const tokens: Record<string, string> = {};
  const json = (r: Response) => r.json() as Promise<any>;
  const post = (path: string, body: unknown, who: string) => stack.fetch(path, { method: 'POST', json: body, token: tokens[who]! });
  const scanAt = (now: Date) => scanOverdue({ ...scanPorts(), clock: () => now }, supervisionRules());
  const phaseCards = async (caseId: string) =>
    (await supervisionStore().alerts({ side: 'county', caseId, limit: 20 })).alerts.filter((a) => a.trigger === 'phase');

  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
    sqs = sqsOf();
    for (const u of ['clerk.lingshan', 'clerk.mzj']) tokens[u] = await stack.login(u);
  });
  afterAll(async () => {
    sqs.destroy();
    await stack.stop();
  });

  it('exactly one card for the receiving office however many scans run, and none once it has signed', async () => {
    const created = await stack.fetch('/api/cases', {
      method: 'POST',
      json: {
        itemCode: DIBAO.code,
        applicant: { type: 'person', name: '王五', idNumber: '11010519491231002X', phone: '13812345678' },
        materialsReceived: DIBAO.materials.filter((m) => m.required).map((m) => m.name),
      },
      token: tokens['clerk.lingshan']!,
      headers: { 'idempotency-key': crypto.randomUUID() },
    });
    expect(created.status).toBe(201);
    const c = (await json(created)).case;
    expect((await post(`/api/cases/${c.id}/forward`, { expectedVersion: 1, toOfficeId: MZJ, reason: '低保由县民政局审批' }, 'clerk.lingshan')).status).toBe(
      202,
    );
    await pump(sqs, stack);

    // within the limit: nothing
    await scanAt(new Date());
    expect(await phaseCards(c.id)).toEqual([]);

    // 20 days on (at least one working day passes even over the Spring Festival): late, twice over
    const late = new Date(Date.now() + 20 * DAY);
    await Promise.all([scanAt(late), scanAt(late)]);
    await scanAt(new Date(late.getTime() + 60_000));
    const cards = await phaseCards(c.id);
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({ card: supervisionRules().phaseCard, trigger: 'phase', caseNumber: c.number, officeId: MZJ });
    // the office at fault is the one that has not signed, not the township that sent it
    expect(cards[0]!.reason).toMatch(/^转报签收超过时限/);

    // 签收 closes the phase: later scans give no second phase card
    expect((await post(`/api/cases/${c.id}/receive`, { expectedVersion: 3 }, 'clerk.mzj')).status).toBe(200);
    await scanAt(new Date(late.getTime() + 2 * DAY));
    expect(await phaseCards(c.id)).toHaveLength(1);
  });
});
