import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, TooManyRequestsError } from '../../../shared/errors/domain-errors.ts';
import { publicRatingBody, followUpBody } from '../../../shared/ratings/model.ts';
import { followUpPublic, publicRatingState, ratePublic } from '../../../shared/ratings/rate.ts';
import { MISSES_PER_DAY } from '../../../shared/ratings/public-access.ts';
import { META, OFFICE, at, ratingWorld } from './fixtures.ts';

const rate = (w: ReturnType<typeof ratingWorld>, number: string, body: Record<string, unknown>, meta = META) =>
  ratePublic(w.ports, { ...publicRatingBody.parse(body), number }, meta);

describe('public rating (一事一评)', () => {
  it('rates a case once with the last four phone digits; the second rating is a conflict', async () => {
    const w = ratingWorld();
    const c = w.decided();
    const res = await rate(w, c.number, { phone4: '5678', level: 5, channel: 'qr' });
    expect(res.rating).toMatchObject({ number: c.number, level: 5, levelLabel: '非常满意', followUpAllowed: true });
    const stored = await w.ports.ratings.rating(c.id);
    expect(stored).toMatchObject({
      caseId: c.id,
      officeId: OFFICE,
      staff: 'clerk.lingshan',
      channel: 'qr',
      month: '2026-11',
      applicantType: 'person',
      itemCode: c.itemCode,
    });
    await expect(rate(w, c.number, { phone4: '5678', level: 4 })).rejects.toMatchObject({ code: 'RATING_EXISTS' });
    expect(w.ports.ratings.allRatings()).toHaveLength(1);
  });

  it('gives a wrong phone4 and an unknown number the same 404', async () => {
    const w = ratingWorld();
    const c = w.decided();
    const wrong = await rate(w, c.number, { phone4: '0000', level: 5 }).catch((e) => e);
    const unknown = await rate(w, '411521-20261102-9999', { phone4: '5678', level: 5 }).catch((e) => e);
    expect(wrong).toBeInstanceOf(NotFoundError);
    expect(unknown).toBeInstanceOf(NotFoundError);
    expect(wrong.message).toBe(unknown.message);
    expect(w.ports.ratings.allRatings()).toHaveLength(0);
  });

  it(`refuses even the right phone4 after ${MISSES_PER_DAY} wrong ones that day; the query code still works; the next day it opens again`, async () => {
    const w = ratingWorld(at('2026-11-09', '09:00'));
    const c = w.decided({ queryCode: 'K7Q2-MX9P' } as never);
    for (let i = 0; i < MISSES_PER_DAY; i++)
      await expect(rate(w, c.number, { phone4: String(1000 + i), level: 5 }, { ...META, sourceIp: `10.0.1.${i}` })).rejects.toBeInstanceOf(NotFoundError);
    await expect(publicRatingState(w.ports, { phone4: '5678', number: c.number }, META)).rejects.toBeInstanceOf(NotFoundError);
    await expect(rate(w, c.number, { phone4: '5678', level: 5 })).rejects.toBeInstanceOf(NotFoundError);
    // a wrong code is a 404 too, and does not count against the digits
    await expect(rate(w, c.number, { code: 'WRONG-CODE', level: 5 })).rejects.toBeInstanceOf(NotFoundError);
    const byCode = await rate(w, c.number, { code: 'k7q2-mx9p', level: 4 });
    expect(byCode.rating.level).toBe(4);
    w.setNow(at('2026-11-10', '09:00'));
    expect((await publicRatingState(w.ports, { phone4: '5678', number: c.number }, META)).rated).toBe(true);
  });

  it('limits look-ups per address and minute', async () => {
    const w = ratingWorld();
    const c = w.decided();
    for (let i = 0; i < 30; i++) await publicRatingState(w.ports, { phone4: '5678', number: c.number }, META);
    await expect(publicRatingState(w.ports, { phone4: '5678', number: c.number }, META)).rejects.toBeInstanceOf(TooManyRequestsError);
  });

  it('needs a reason for a 差评, with the field path', () => {
    const r = publicRatingBody.safeParse({ phone4: '5678', level: 2 });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toContain('reason');
    expect(publicRatingBody.safeParse({ phone4: '5678', level: 1, reason: '等了两个小时' }).success).toBe(true);
    expect(publicRatingBody.safeParse({ phone4: '5678', level: 3 }).success).toBe(true);
    expect(publicRatingBody.safeParse({ phone4: '5678', level: 6 }).success).toBe(false);
    expect(publicRatingBody.safeParse({ level: 5 }).error!.issues[0]!.path).toEqual(['phone4']);
    expect(publicRatingBody.safeParse({ phone4: '5678', level: 5, channel: 'fax' }).success).toBe(false);
    // a citizen without a login cannot claim the window's evaluator or a hotline call
    expect(publicRatingBody.safeParse({ phone4: '5678', level: 5, channel: 'window' }).error!.issues[0]!.path).toEqual(['channel']);
    expect(publicRatingBody.safeParse({ phone4: '5678', level: 5, channel: 'hotline' }).success).toBe(false);
  });

  it('opens a rectification task for a 差评 with working-day deadlines (holiday skipped)', async () => {
    // Wednesday 2026-11-04; Thursday 11-05 is a holiday: callback by Friday 11-06, 15 working days → Thursday 11-26
    const w = ratingWorld(at('2026-11-04', '16:00'));
    const c = w.decided();
    await rate(w, c.number, { phone4: '5678', level: 1, reason: '材料反复要求、多次跑腿', channel: 'web' });
    const t = await w.ports.ratings.task(c.id);
    expect(t).toMatchObject({
      status: 'open',
      officeId: OFFICE,
      level: 1,
      reason: '材料反复要求、多次跑腿',
      callbackDueDate: '2026-11-06',
      rectifyDueDate: '2026-11-26',
      version: 1,
      provisional: false,
    });
    expect(t!.callbackDueAt).toBe(new Date('2026-11-06T23:59:59.999+08:00').toISOString());
  });

  it('takes the county limits from its settings', async () => {
    const w = ratingWorld(at('2026-11-04', '16:00'), { callbackWorkdays: 2, rectifyWorkdays: 5 });
    const c = w.decided();
    await rate(w, c.number, { phone4: '5678', level: 2, reason: '服务态度不好' });
    expect(await w.ports.ratings.task(c.id)).toMatchObject({ callbackDueDate: '2026-11-09', rectifyDueDate: '2026-11-12' });
  });

  it('counts the handling office (谁办理谁负责): the office a case was handed to', async () => {
    const w = ratingWorld();
    const c = w.decided({ handedTo: '411521-gaj', decision: { result: 'approved', at: at('2026-11-05').toISOString(), onTime: true, by: 'clerk.gaj' } });
    await rate(w, c.number, { phone4: '5678', level: 2, reason: '办理时间长、等待久' });
    expect(await w.ports.ratings.rating(c.id)).toMatchObject({ officeId: '411521-gaj', acceptedBy: OFFICE, staff: 'clerk.gaj' });
    expect((await w.ports.ratings.task(c.id))!.officeId).toBe('411521-gaj');
  });

  it('retries while another transaction holds a counter, then commits once', async () => {
    const w = ratingWorld();
    const c = w.decided();
    w.ports.ratings.failNextCommits(3);
    await rate(w, c.number, { phone4: '5678', level: 5 });
    expect(w.ports.ratings.allRatings()).toHaveLength(1);
  });
});

describe('追评 (one follow-up)', () => {
  it('adds one follow-up; a second is a conflict; none before a rating', async () => {
    const w = ratingWorld();
    const c = w.decided();
    const fu = (body: Record<string, unknown>) => followUpPublic(w.ports, { ...followUpBody.parse(body), number: c.number }, META);
    await expect(fu({ phone4: '5678', text: '补充：窗口很耐心' })).rejects.toBeInstanceOf(NotFoundError);
    await rate(w, c.number, { phone4: '5678', level: 4 });
    const res = await fu({ phone4: '5678', text: '补充：窗口很耐心', level: 5 });
    expect(res.rating).toMatchObject({ level: 5, followUpAllowed: false, followUp: { text: '补充：窗口很耐心', level: 5 } });
    const second = await fu({ phone4: '5678', text: '再补充一次' }).catch((e) => e);
    expect(second).toBeInstanceOf(ConflictError);
    expect(second.code).toBe('FOLLOW_UP_TAKEN');
  });

  it('a follow-up that turns the rating into a 差评 opens its task and moves the counts', async () => {
    const w = ratingWorld();
    const c = w.decided();
    await rate(w, c.number, { phone4: '5678', level: 4 });
    expect(followUpBody.safeParse({ phone4: '5678', text: '后来发现证件有误', level: 1 }).error!.issues[0]!.path).toEqual(['reason']);
    await followUpPublic(w.ports, { ...followUpBody.parse({ phone4: '5678', text: '后来发现证件有误', level: 1, reason: '其他' }), number: c.number }, META);
    expect(await w.ports.ratings.task(c.id)).toMatchObject({ status: 'open', level: 1 });
    const office = (await w.ports.ratings.counters('2026-11')).find((r) => r.kind === 'office')!;
    expect(office.counts).toMatchObject({ count: 1, l4: 0, l1: 1, satisfied: 0, bad: 1, tasks: 1 });
  });
});
