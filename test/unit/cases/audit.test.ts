import { describe, expect, it } from 'vitest';
import { intake } from '../../../shared/cases/intake.ts';
import { lifecycle } from '../../../shared/cases/lifecycle.ts';
import { viewIdNumber } from '../../../shared/cases/queries.ts';
import { application, caseIn, CLERK, HEAD, META, OFFICE, world, type World } from './fixtures.ts';

/** Every mutation commits exactly one audit event, in the same commit, naming the actor and the request. */
const MUTATIONS: Array<[string, string, (w: World) => Promise<unknown>]> = [
  ['intake, accepted', 'case.intake.accepted', (w) => intake(w.ports, CLERK, { ...application(), idempotencyKey: crypto.randomUUID() }, META)],
  [
    'intake, awaiting supplement',
    'case.intake.awaiting_supplement',
    (w) => intake(w.ports, CLERK, { ...application({ materialsReceived: [] }), idempotencyKey: crypto.randomUUID() }, META),
  ],
  [
    'intake, not accepted',
    'case.intake.not_accepted',
    (w) =>
      intake(
        w.ports,
        CLERK,
        {
          ...application({ notAccepted: { ground: 'not-competent', reason: '不属本中心办理', referTo: '县市场监督管理局' } }),
          idempotencyKey: crypto.randomUUID(),
        },
        META,
      ),
  ],
  ...(
    [
      ['supplement', 'awaiting_supplement', { materialsReceived: ['申请表'] }],
      ['start', 'accepted', {}],
      ['suspend', 'in_progress', { procedure: '现场勘查', expectedDays: 2, notice: '勘查' }],
      ['resume', 'suspended', {}],
      ['extend', 'in_progress', { days: 2, reason: '需补充调查' }],
      ['fees', 'decided', { amount: 5, receiptNo: 'P-1' }],
      ['decide', 'in_progress', { result: 'refused', reason: '不符合条件' }],
      ['deliver', 'decided', { method: 'e_notice', signedBy: '张三丰' }],
      ['withdraw', 'awaiting_supplement', { reason: '撤回申请' }],
    ] as const
  ).map(([action, status, body]): [string, string, (w: World) => Promise<unknown>] => [
    action,
    `case.${action}`,
    (w) => {
      const c = caseIn(status);
      w.store.seed(c);
      return (lifecycle[action] as (...a: unknown[]) => Promise<unknown>)(w.ports, HEAD, { id: c.id, expectedVersion: c.version, ...body }, META);
    },
  ]),
  [
    'view the ID number',
    'case.view-id',
    async (w) => {
      const c = caseIn('accepted');
      w.store.seed({ ...c, applicant: { ...c.applicant, sealed: await w.ports.sealer.seal({ id: '11010519491231002X', phone: '13812345678' }) } });
      return viewIdNumber(w.ports, CLERK, { id: c.id }, META);
    },
  ],
];

describe('audit: one event per mutation, in the same commit', () => {
  it.each(MUTATIONS)('%s', async (_name, action, mutate) => {
    const w = world();
    await mutate(w);
    expect(w.store.commits).toBe(1);
    expect(w.store.audits).toHaveLength(1);
    const a = w.store.audits[0]!;
    expect(a).toMatchObject({ action, result: 'success', sourceIp: META.sourceIp, userAgent: META.userAgent, target: { type: 'case' } });
    expect(a.actor).toEqual(expect.objectContaining({ officeId: OFFICE }));
    expect(['u-clerk', 'u-head']).toContain((a.actor as { userId: string }).userId);
    // the detail names the case by its number, never the person
    expect(a.detail).toMatch(/^411521-\d{8}-\d{4}$/);
    expect(JSON.stringify(a)).not.toMatch(/11010519491231002X|13812345678|张三丰/);
  });
});
