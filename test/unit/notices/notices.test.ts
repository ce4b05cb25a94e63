import { describe, expect, it } from 'vitest';
import { memoryCaseStore } from '../../../shared/cases/memory-cases.ts';
import { memoryNoticeStore } from '../../../shared/notices/memory-notices.ts';
import { render, shortenList, segmentsOf } from '../../../shared/notices/templates.ts';
import { caseNotices, noticeEventsOf } from '../../../shared/notices/plan.ts';
import { quietUntil, backoffSeconds } from '../../../shared/notices/deliver.ts';
import { noticesSchema } from '../../../shared/notices/config.ts';
import { caseIn } from '../cases/fixtures.ts';
import { noticeStoreContract } from './store-contract.ts';

describe('the memory NoticeStore keeps the NoticeStore contract', () => {
  noticeStoreContract(() => {
    const cases = memoryCaseStore();
    return { cases, store: memoryNoticeStore(cases.outbox) };
  });
});

const config = noticesSchema.parse({
  provider: 'aliyun',
  signName: '罗山县政务服务',
  siteUrl: 'https://ls.example.gov.cn',
  templates: Object.fromEntries(
    ['accepted', 'supplement_required', 'refused', 'decided', 'delivered', 'rating_invite'].map((e, i) => [e, { code: `SMS_${i}`, approved: true }]),
  ),
});

describe('templates: rendered and checked before anything is sent', () => {
  it('a list too long for its variable is shortened to fit; other variables must fit as they are', () => {
    expect(shortenList(['居民身份证', '户口簿'], 35)).toBe('居民身份证、户口簿');
    const many = Array.from({ length: 12 }, (_v, i) => `第${i + 1}项证明材料`);
    const short = shortenList(many, 35);
    expect([...short].length).toBeLessThanOrEqual(35);
    expect(short).toMatch(/等12项$/);
    const r = render(config, 'supplement_required', { item: '城乡最低生活保障对象认定', missing: many });
    expect(r.ok).toBe(true);
    const long = render(config, 'accepted', { item: '很'.repeat(36), number: 'n', due: 'd', link: 'https://x' });
    expect(long).toMatchObject({ ok: false, reason: '模板变量 item 为 36 字，超过服务商限制的 35 字，未发送' });
  });

  it('segments: 70 characters one, then parts of 67; over the template’s segments it is refused; an unapproved template is refused', () => {
    expect([segmentsOf('字'.repeat(70)), segmentsOf('字'.repeat(71)), segmentsOf('字'.repeat(134)), segmentsOf('字'.repeat(135))]).toEqual([1, 2, 2, 3]);
    const one = { ...config, templates: { ...config.templates, decided: { ...config.templates.decided!, maxSegments: 1 } } };
    expect(render(one, 'decided', { item: '城乡最低生活保障对象认定', number: '411521-20261208-0001' })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('超过模板限制的 1 条'),
    });
    const unapproved = { ...config, templates: { ...config.templates, decided: { ...config.templates.decided!, approved: false } } };
    expect(render(unapproved, 'decided', { item: 'x', number: 'n' })).toMatchObject({ ok: false, reason: '短信模板 SMS_3 尚未审核通过，未发送' });
  });

  it('the events of a change: 受理 at intake or after 补正, 办结 with its rating invitation, 送达; none when declined', () => {
    const accepted = caseIn('accepted');
    expect(noticeEventsOf(undefined, accepted)).toEqual(['accepted']);
    expect(noticeEventsOf(caseIn('awaiting_supplement'), accepted)).toEqual(['accepted']);
    expect(noticeEventsOf(accepted, caseIn('in_progress'))).toEqual([]);
    expect(noticeEventsOf(caseIn('in_progress'), caseIn('decided'))).toEqual(['decided', 'rating_invite']);
    expect(noticeEventsOf(caseIn('decided'), caseIn('delivered'))).toEqual(['delivered']);
    expect(noticeEventsOf(undefined, { ...accepted, noticesDeclined: true })).toEqual([]);
    const writes = caseNotices(config, undefined, accepted, new Date('2026-12-08T02:00:00Z'));
    expect(writes).toMatchObject([
      { op: 'outbox', entry: { topic: 'notices', subject: accepted.id, id: 'accepted#sms#applicant', progress: { status: 'queued' } } },
    ]);
    expect(caseNotices({ ...config, provider: 'off' }, undefined, accepted, new Date())).toEqual([]);
  });
});

describe('quiet hours and backoff', () => {
  it('21:00–08:00 Beijing is held until 08:00 of the right day', () => {
    const bj = (s: string) => new Date(`${s}+08:00`);
    expect(quietUntil(bj('2026-12-08T20:59:59'))).toBeUndefined();
    expect(quietUntil(bj('2026-12-08T08:00:00'))).toBeUndefined();
    expect(quietUntil(bj('2026-12-08T21:00:00'))?.toISOString()).toBe(bj('2026-12-09T08:00:00').toISOString());
    expect(quietUntil(bj('2026-12-09T07:59:00'))?.toISOString()).toBe(bj('2026-12-09T08:00:00').toISOString());
    expect([1, 2, 3, 8, 20].map(backoffSeconds)).toEqual([30, 60, 120, 3600, 3600]);
  });
});
