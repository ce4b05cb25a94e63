import { describe, expect, it } from 'vitest';
import { noticesSchema } from '../../../shared/notices/config.ts';
import { createCommission, supplementByAgent, takeIn } from '../../../shared/network/commissions.ts';
import { at, CLERK, META } from '../cases/fixtures.ts';
import { AGENT, DIBAO, world, type World } from './fixtures.ts';

/**
 * A case change the network makes commits the same reactions as one at the window (CasePorts
 * `reactions`, composed in shared/app): a commission taken in is watched by supervision as an
 * intake is, and 补交 by the agent that completes the materials tells the applicant 受理 as 补正 at
 * the window does.
 */
const notices = noticesSchema.parse({
  provider: 'aliyun',
  signName: '罗山县政务服务',
  siteUrl: 'https://ls.example.gov.cn',
  templates: Object.fromEntries(
    ['accepted', 'supplement_required', 'refused', 'decided', 'delivered', 'rating_invite'].map((e, i) => [e, { code: `SMS_${i}`, approved: true }]),
  ),
});
const applicant = { type: 'person' as const, name: '赵六', idNumber: '11010519491231002X', phone: '13912345678' };

const commissioned = async (w: World, materialsCollected: string[]) => {
  const { commission: k } = await createCommission(
    w.ports,
    AGENT,
    { itemCode: DIBAO.code, applicant, materialsCollected, consent: { given: true, method: 'signed' } } as never,
    META,
  );
  await w.deliver();
  return (await takeIn(w.ports, CLERK, { id: k.id, expectedVersion: 2 }, META)).case;
};
const outboxIds = (w: World, topic: string, caseId: string) =>
  [...w.store.outbox.values()].filter((e) => e.topic === topic && e.subject === caseId).map((e) => e.id);

describe('the network’s case changes commit every reaction', () => {
  it('a commission taken in: supervision watches the case, the province gets its 受理 stage, the applicant a text', async () => {
    const w = world(at('2026-11-02', '09:00'), { notices: () => notices });
    const c = await commissioned(w, ['申请表', '居民户口簿']);
    expect(c.status).toBe('accepted');
    expect(w.watches.get(c.id)).toMatchObject({ caseVersion: 1, case: { status: 'accepted' }, lookAt: at('2026-11-02', '09:00').toISOString() });
    expect(outboxIds(w, 'exchange', c.id)).toHaveLength(1);
    expect(outboxIds(w, 'notices', c.id)).toEqual(['accepted#sms#applicant']);
  });

  it('补交 by the agent that completes the materials: 受理 is told to the applicant, the case watched from then', async () => {
    const w = world(at('2026-11-02', '09:00'), { notices: () => notices });
    const c = await commissioned(w, []);
    expect(c.status).toBe('awaiting_supplement');
    expect(outboxIds(w, 'notices', c.id)).toEqual(['supplement_required#sms#applicant']);
    expect(w.watches.has(c.id)).toBe(false);
    await supplementByAgent(w.ports, AGENT, { id: c.commission!.id, expectedVersion: 1, materialsReceived: ['申请表', '居民户口簿'] }, META);
    expect(outboxIds(w, 'notices', c.id).sort()).toEqual(['accepted#sms#applicant', 'supplement_required#sms#applicant']);
    expect(w.watches.get(c.id)).toMatchObject({ caseVersion: 2, case: { status: 'accepted' } });
  });
});
