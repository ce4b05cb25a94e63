import { bjEndOfDay } from '../../../shared/platform/beijing-time.ts';
import { describe, expect, it } from 'vitest';
import { intake } from '../../../shared/cases/intake.ts';
import { getCase, listCases, publicStatus, PUBLIC_GUESSES_PER_DAY, PUBLIC_LOOKUPS_PER_MINUTE, viewIdNumber } from '../../../shared/cases/queries.ts';

import { ForbiddenError, NotFoundError, TooManyRequestsError } from '../../../shared/errors/domain-errors.ts';
import { application, at, caseIn, CLERK, META, OFFICE, OTHER_CLERK, OTHER_OFFICE, PERSON, SUPERVISOR, world } from './fixtures.ts';

const due = (day: string) => ({ dueDate: day, dueAt: bjEndOfDay(day) });

describe('work lists', () => {
  // Monday 11-09, 10:00: due soon = up to the end of the 2nd working day after today (Wed 11-11)
  const setUp = () => {
    const w = world(at('2026-11-09'));
    const cases = {
      overdue: caseIn('in_progress', due('2026-11-06')),
      dueToday: caseIn('accepted', due('2026-11-09')),
      dueWed: caseIn('in_progress', due('2026-11-11')),
      dueThu: caseIn('accepted', due('2026-11-12')),
      suspended: caseIn('suspended', due('2026-11-06')),
      decidedLate: caseIn('decided', due('2026-11-06')),
      otherOffice: caseIn('accepted', { ...due('2026-11-06'), officeId: OTHER_OFFICE }),
      handedToUs: caseIn('accepted', { ...due('2026-11-10'), officeId: OTHER_OFFICE, handedTo: OFFICE }),
    };
    for (const c of Object.values(cases)) w.store.seed(c);
    return { w, cases };
  };
  const numbers = (r: { cases: Array<{ number: string }> }) => r.cases.map((c) => c.number);

  it('overdue: open cases of the office (or handed to it) past their due instant, earliest first', async () => {
    const { w, cases } = setUp();
    expect(numbers(await listCases(w.ports, CLERK, { view: 'overdue' }))).toEqual([cases.overdue.number]);
  });

  it('due soon: open cases due from now to the end of the 2nd working day', async () => {
    const { w, cases } = setUp();
    expect(numbers(await listCases(w.ports, CLERK, { view: 'due_soon' }))).toEqual([cases.dueToday.number, cases.handedToUs.number, cases.dueWed.number]);
  });

  it('a holiday and a weekend stretch the due-soon horizon', async () => {
    // Wed 11-04 + 2 working days: Thu 11-05 is a holiday → Fri 11-06, Mon 11-09
    const w = world(at('2026-11-04'));
    const inside = caseIn('accepted', due('2026-11-09'));
    const outside = caseIn('accepted', due('2026-11-10'));
    w.store.seed(inside);
    w.store.seed(outside);
    expect(numbers(await listCases(w.ports, CLERK, { view: 'due_soon' }))).toEqual([inside.number]);
  });

  it("全部: every status of the office (不予受理 too), newest first, a page at a time; another office's cases never", async () => {
    const w = world();
    const mk = (status: Parameters<typeof caseIn>[0], hour: string, over = {}) => caseIn(status, { acceptedAt: at('2026-11-02', hour).toISOString(), ...over });
    const refused = mk('not_accepted', '08:00');
    const started = mk('in_progress', '09:00');
    const accepted = mk('accepted', '10:00');
    for (const c of [refused, started, accepted, mk('accepted', '11:00', { officeId: OTHER_OFFICE })]) w.store.seed(c);
    const all = await listCases(w.ports, CLERK, { view: 'all' });
    expect(numbers(all)).toEqual([accepted.number, started.number, refused.number]);
    expect(all).not.toHaveProperty('next');
    expect(numbers(await listCases(w.ports, CLERK, { view: 'not_accepted' }))).toEqual([refused.number]);
  });

  it('lists by status, newest first, masked', async () => {
    const w = world();
    const older = caseIn('accepted', { acceptedAt: at('2026-11-02', '09:00').toISOString() });
    const newer = caseIn('accepted', { acceptedAt: at('2026-11-02', '11:00').toISOString() });
    w.store.seed(older);
    w.store.seed(newer);
    w.store.seed(caseIn('in_progress'));
    const r = await listCases(w.ports, CLERK, { view: 'accepted' });
    expect(numbers(r)).toEqual([newer.number, older.number]);
    expect(r.cases[0]).toMatchObject({ applicantName: '张*丰', statusLabel: '已受理' });
    expect(JSON.stringify(r)).not.toContain(PERSON.idNumber);
    expect(r.cases[0]).not.toHaveProperty('applicant');
  });

  it('only county-wide readers may name another office', async () => {
    const { w, cases } = setUp();
    expect(numbers(await listCases(w.ports, SUPERVISOR, { view: 'overdue', officeId: OTHER_OFFICE }))).toEqual([cases.otherOffice.number]);
    // a township clerk naming another office still gets their own
    expect(numbers(await listCases(w.ports, CLERK, { view: 'overdue', officeId: OTHER_OFFICE }))).toEqual([cases.overdue.number]);
  });

  it('the office list pages with a cursor', async () => {
    const w = world();
    const all = [9, 10, 11, 12, 13].map((h) => caseIn('accepted', { acceptedAt: at('2026-11-02', `${String(h).padStart(2, '0')}:00`).toISOString() }));
    for (const c of all) w.store.seed(c);
    const first = await w.store.ofOffice(OFFICE, 'accepted', { limit: 2 });
    const second = await w.store.ofOffice(OFFICE, 'accepted', { limit: 2, cursor: first.cursor! });
    const third = await w.store.ofOffice(OFFICE, 'accepted', { limit: 2, cursor: second.cursor! });
    expect([...first.cases, ...second.cases, ...third.cases].map((c) => c.number)).toEqual(all.map((c) => c.number).reverse());
    expect(third.cursor).toBeUndefined();
  });

  it('needs case.read', async () => {
    const w = world();
    await expect(listCases(w.ports, { ...CLERK, scopes: ['session'] }, { view: 'accepted' })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('one case', () => {
  it('staff see it masked, with its timeline; another office gets 404; the county reads it', async () => {
    const w = world();
    const { case: c } = await intake(w.ports, CLERK, { ...application(), idempotencyKey: crypto.randomUUID() }, META);
    const r = await getCase(w.ports, CLERK, { id: c.id });
    expect(r.case).toMatchObject({ id: c.id, statusLabel: '已受理', applicant: { idMasked: '1101**********002X', nameMasked: '张*丰' } });
    expect(r.case.applicant).not.toHaveProperty('sealed');
    expect(r.case.applicant).not.toHaveProperty('phone4');
    expect(r.events.map((e) => e.type)).toEqual(['accepted']);
    await expect(getCase(w.ports, OTHER_CLERK, { id: c.id })).rejects.toBeInstanceOf(NotFoundError);
    expect((await getCase(w.ports, SUPERVISOR, { id: c.id })).case.id).toBe(c.id);
    // reading writes nothing
    expect(w.store.commits).toBe(1);
  });

  it('the full ID number only on an audited view', async () => {
    const w = world();
    const { case: c } = await intake(w.ports, CLERK, { ...application(), idempotencyKey: crypto.randomUUID() }, META);
    expect(await viewIdNumber(w.ports, CLERK, { id: c.id }, META)).toEqual({ idNumber: PERSON.idNumber });
    expect(w.store.audits.at(-1)).toEqual({
      actor: { userId: CLERK.userId, username: CLERK.username, officeId: OFFICE, displayName: CLERK.displayName },
      action: 'case.view-id',
      target: { type: 'case', id: c.id },
      result: 'success',
      sourceIp: META.sourceIp,
      userAgent: META.userAgent,
      detail: c.number,
    });
    await expect(viewIdNumber(w.ports, OTHER_CLERK, { id: c.id }, META)).rejects.toBeInstanceOf(NotFoundError);
    await expect(viewIdNumber(w.ports, SUPERVISOR, { id: c.id }, META)).rejects.toBeInstanceOf(ForbiddenError);
    expect(w.store.audits.filter((a) => a.action === 'case.view-id')).toHaveLength(1);
  });
});

describe('the public status page', () => {
  const setUp = async () => {
    const w = world();
    const { case: c } = await intake(w.ports, CLERK, { ...application(), idempotencyKey: crypto.randomUUID() }, META);
    return { w, c };
  };

  it('answers the number with the last four phone digits: masked name, no ids', async () => {
    const { w, c } = await setUp();
    const v = await publicStatus(w.ports, undefined, { number: c.number, phone4: '5678' }, META);
    expect(v).toEqual({
      number: c.number,
      itemName: c.itemName,
      status: 'accepted',
      statusLabel: '已受理',
      applicantName: '张*丰',
      acceptedAt: c.acceptedAt,
      dueDate: '2026-11-10',
      decidedAt: undefined,
      result: undefined,
      missingMaterials: [],
      refusalReason: undefined,
      notAccepted: undefined,
      timeline: [{ at: c.acceptedAt, label: '窗口已收件并受理' }],
    });
    expect(JSON.stringify(v)).not.toContain(c.id);
    // the timeline in plain words names no member of staff
    expect(JSON.stringify(v)).not.toContain(c.createdBy);
  });

  it('wrong digits and an unknown number get the very same answer', async () => {
    const { w, c } = await setUp();
    const wrong = await publicStatus(w.ports, undefined, { number: c.number, phone4: '0000' }, META).catch((e) => e);
    const unknown = await publicStatus(w.ports, undefined, { number: '411521-20000101-9999', phone4: '5678' }, META).catch((e) => e);
    expect(wrong).toBeInstanceOf(NotFoundError);
    expect(unknown).toBeInstanceOf(NotFoundError);
    expect({ code: wrong.code, message: wrong.message }).toEqual({ code: unknown.code, message: unknown.message });
    expect(wrong.message).toBe('未找到该办件，请核对受理编号和手机号后四位');
  });

  it(`allows ${PUBLIC_LOOKUPS_PER_MINUTE} look-ups a minute per address, found or not`, async () => {
    const { w, c } = await setUp();
    const look = (ip: string, phone4 = '5678') =>
      publicStatus(w.ports, undefined, { number: c.number, phone4 }, { sourceIp: ip, userAgent: 'kiosk' }).then(
        () => 'ok',
        (e) => e.constructor.name,
      );
    const answers: string[] = [];
    for (let i = 0; i < PUBLIC_LOOKUPS_PER_MINUTE; i++) answers.push(await look('1.2.3.4', i < 5 ? '0000' : '5678'));
    expect(answers.filter((a) => a === 'TooManyRequestsError')).toEqual([]);
    const over = await publicStatus(w.ports, undefined, { number: c.number, phone4: '5678' }, { sourceIp: '1.2.3.4', userAgent: 'kiosk' }).catch((e) => e);
    expect(over).toBeInstanceOf(TooManyRequestsError);
    expect(over).toMatchObject({ code: 'TOO_MANY_LOOKUPS', message: '查询过于频繁，请稍后再试' });
    // another address is not affected; the next minute starts again
    expect(await look('5.6.7.8')).toBe('ok');
    w.setNow(new Date(w.now().getTime() + 60_000));
    expect(await look('1.2.3.4')).toBe('ok');
  });

  it(`after ${PUBLIC_GUESSES_PER_DAY} wrong phone4 in a day, the right phone4 gets the same 404 while the 查询码 still opens it`, async () => {
    const { w, c } = await setUp();
    const look = (phone4: string, i: number) => publicStatus(w.ports, undefined, { number: c.number, phone4 }, { sourceIp: `10.0.0.${i}`, userAgent: 'x' });
    // a burst: every guess takes its slot before the comparison
    const wrong = await Promise.all(Array.from({ length: 25 }, (_, i) => look(String(1000 + i), i).catch((e) => e)));
    expect(wrong.every((e) => e instanceof NotFoundError)).toBe(true);
    const right = await look('5678', 99).catch((e) => e);
    expect(right).toBeInstanceOf(NotFoundError);
    expect(right.message).toBe('未找到该办件，请核对受理编号和手机号后四位');
    expect(c.queryCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(await publicStatus(w.ports, undefined, { number: c.number, code: c.queryCode! }, META)).toMatchObject({ number: c.number });
    expect(await publicStatus(w.ports, undefined, { number: c.number, code: c.queryCode!.toLowerCase() }, META)).toMatchObject({ number: c.number });
    await expect(publicStatus(w.ports, undefined, { number: c.number, code: 'ABCDEFGHJK' }, META)).rejects.toBeInstanceOf(NotFoundError);
    // the next China day the typed look-up works again
    w.setNow(new Date(w.now().getTime() + 86_400_000));
    expect(await look('5678', 7)).toMatchObject({ number: c.number });
  });

  it('a right phone4 gives its slot back: a citizen checking daily never runs out', async () => {
    const { w, c } = await setUp();
    for (let i = 0; i < PUBLIC_GUESSES_PER_DAY * 2; i++)
      expect(await publicStatus(w.ports, undefined, { number: c.number, phone4: '5678' }, { sourceIp: `10.1.0.${i}`, userAgent: 'x' })).toMatchObject({
        number: c.number,
      });
  });

  it('shows what is missing only while awaiting a supplement', async () => {
    const w = world();
    const { case: c } = await intake(w.ports, CLERK, { ...application({ materialsReceived: [] }), idempotencyKey: crypto.randomUUID() }, META);
    expect(await publicStatus(w.ports, undefined, { number: c.number, phone4: '5678' }, META)).toMatchObject({
      status: 'awaiting_supplement',
      statusLabel: '待补正',
      missingMaterials: ['申请表', '居民户口簿'],
    });
  });
});

describe("the citizen's keys stay with the office that took the case in", () => {
  it('the 查询码 and the last four phone digits: shown to the accepting office, hidden from an involved office and the supervisor', async () => {
    const w = world();
    const c = caseIn('in_progress', { queryCode: 'K7Q2-MX9P', parties: [OTHER_OFFICE] });
    w.store.seed(c);
    const own = (await getCase(w.ports, CLERK, { id: c.id })).case;
    expect(own.queryCode).toBe('K7Q2-MX9P');
    expect(own.applicant.phoneMasked).toMatch(/5678$/);
    for (const viewer of [OTHER_CLERK, SUPERVISOR]) {
      const seen = (await getCase(w.ports, viewer, { id: c.id })).case;
      expect(seen).not.toHaveProperty('queryCode');
      expect(seen.applicant.phoneMasked).toBe('138********');
      expect(JSON.stringify(seen)).not.toMatch(/K7Q2|5678/);
    }
  });
});
