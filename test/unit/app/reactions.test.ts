import { describe, expect, it } from 'vitest';
import { caseReactions } from '../../../shared/app/reactions.ts';
import type { CaseWrite } from '../../../shared/cases/ports.ts';
import { noticesSchema } from '../../../shared/notices/config.ts';
import { at, caseIn } from '../cases/fixtures.ts';

const notices = noticesSchema.parse({
  provider: 'aliyun',
  signName: '罗山县政务服务',
  siteUrl: 'https://ls.example.gov.cn',
  templates: Object.fromEntries(
    ['accepted', 'supplement_required', 'refused', 'decided', 'delivered', 'rating_invite'].map((e, i) => [e, { code: `SMS_${i}`, approved: true }]),
  ),
});
const what = (w: CaseWrite) => (w.op === 'outbox' ? `${w.entry.topic}:${w.entry.id}` : w.op);

/** The one reaction set every case change commits (shared/app/reactions.ts), in its order. */
describe('the case reactions as production composes them', () => {
  it('a decision: supervision looks again, the applicant is told (办结 + 评价邀请), the archive builds, the province gets its stage', () => {
    const before = caseIn('in_progress');
    const after = { ...caseIn('decided', { id: before.id, number: before.number }), version: before.version + 1 };
    expect(caseReactions({ notices: () => notices })(before, after, at('2026-11-03')).map(what)).toEqual([
      'watch',
      'notices:decided#sms#applicant',
      'notices:rating_invite#sms#applicant',
      `archive:v${after.version}`,
      expect.stringMatching(/^exchange:/),
    ]);
  });

  it('without notices settings no texts are planned; a change nobody follows adds nothing', () => {
    const before = caseIn('in_progress');
    const after = { ...caseIn('decided', { id: before.id, number: before.number }), version: before.version + 1 };
    expect(caseReactions()(before, after, at('2026-11-03')).map(what)).toEqual(['watch', `archive:v${after.version}`, expect.stringMatching(/^exchange:/)]);
    const fees = { ...before, fees: { amount: 20, receiptNo: 'R1', at: at('2026-11-03').toISOString() }, version: before.version + 1 };
    expect(caseReactions({ notices: () => notices })(before, fees, at('2026-11-03'))).toEqual([]);
  });
});
