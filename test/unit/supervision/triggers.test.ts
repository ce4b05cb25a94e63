import { bjEndOfDay } from '../../../shared/platform/beijing-time.ts';
import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../../../shared/calendar/working-days.ts';
import { SEED_YEARS } from '../../../shared/calendar/seed-years.ts';
import { evaluate, levelOf, workdaysBefore, yellowAtOf } from '../../../shared/supervision/triggers.ts';
import { DEFAULT_RULES, rulesFrom } from '../../../shared/supervision/rules.ts';
import type { WatchedCase } from '../../../shared/supervision/watch.ts';

const cal = buildCalendar(SEED_YEARS);
const bj = (day: string, hhmm = '00:00') => new Date(`${day}T${hhmm}:00+08:00`).toISOString();

const kase = (over: Partial<WatchedCase> = {}): WatchedCase => ({
  id: 'c1',
  number: '411521-20261116-0001',
  itemCode: 'LS-1-1',
  itemName: '农村宅基地审批',
  officeId: '411521-lingshan',
  kind: 'promised',
  status: 'in_progress',
  acceptedAt: bj('2026-11-16', '09:00'),
  acceptedOn: '2026-11-16',
  dueDate: '2026-11-24',
  dueAt: bjEndOfDay('2026-11-24'),
  promisedDays: 6,
  suspensions: [],
  createdBy: 'clerk.lingshan',
  version: 2,
  ...over,
});

describe('card rules (电子监察)', () => {
  it('counts working days back over a holiday: two before 2026-10-09 is 09-30 (10-01…10-07 off)', () => {
    expect(workdaysBefore('2026-10-09', 2, cal)).toBe('2026-09-30');
    expect(workdaysBefore('2026-11-24', 2, cal)).toBe('2026-11-20');
    expect(workdaysBefore('2026-11-24', 0, cal)).toBe('2026-11-24');
  });

  it('warns at the start of the Beijing day a lead of working days before the due day', () => {
    expect(yellowAtOf(kase(), DEFAULT_RULES, cal)).toBe(bj('2026-11-20'));
    expect(yellowAtOf(kase(), { ...DEFAULT_RULES, yellowLeadWorkdays: 0 }, cal)).toBe(bj('2026-11-24'));
  });

  it('with a share of the promised time, the earlier warning wins', () => {
    // 20 working days promised, 80 %: 4 working days before the due day, earlier than the lead of 2
    const long = kase({ promisedDays: 20, acceptedOn: '2026-10-27', dueDate: '2026-11-24', dueAt: bjEndOfDay('2026-11-24') });
    expect(yellowAtOf(long, rulesFrom({ yellowShare: 0.8 }), cal)).toBe(bj('2026-11-18'));
    // 6 days at 80 %: floor(1.2) = 1 day, later than the lead of 2: the lead wins
    expect(yellowAtOf(kase(), rulesFrom({ yellowShare: 0.8 }), cal)).toBe(bj('2026-11-20'));
  });

  it('never warns before the first working day after acceptance', () => {
    const short = kase({ promisedDays: 1, acceptedOn: '2026-11-20', dueDate: '2026-11-23', dueAt: bjEndOfDay('2026-11-23') });
    expect(yellowAtOf(short, DEFAULT_RULES, cal)).toBe(bj('2026-11-23'));
  });

  it('gives yellow, then red at the first instant past the limit, and says when to look next', () => {
    const c = kase();
    const before = evaluate(c, {}, DEFAULT_RULES, cal, bj('2026-11-19', '23:59'));
    expect(before).toMatchObject({ due: [], level: 'none', nextAt: bj('2026-11-20') });
    const yellow = evaluate(c, {}, DEFAULT_RULES, cal, bj('2026-11-20', '08:00'));
    expect(yellow.due.map((t) => t.key)).toEqual([`yellow:due:${c.dueAt}`]);
    expect(yellow).toMatchObject({ level: 'yellow', nextAt: bj('2026-11-25') });
    const given = { [`yellow:due:${c.dueAt}`]: 'x' };
    expect(evaluate(c, given, DEFAULT_RULES, cal, bjEndOfDay('2026-11-24')).due).toEqual([]);
    const red = evaluate(c, given, DEFAULT_RULES, cal, bj('2026-11-25'));
    expect(red.due).toEqual([expect.objectContaining({ card: 'red', trigger: 'due', reason: '已超过承诺时限（2026-11-24 到期）' })]);
    expect(red.level).toBe('red');
    expect(red.nextAt).toBeUndefined();
  });

  it('passes over the yellow card when the red one is due at the same look', () => {
    const e = evaluate(kase(), {}, DEFAULT_RULES, cal, bj('2026-11-26'));
    expect(e.due.map((t) => t.card)).toEqual(['red']);
    expect(e.skipped).toEqual([`yellow:due:${bjEndOfDay('2026-11-24')}`]);
  });

  it('a 即办件 not decided on its day: the county’s card at midnight, no yellow', () => {
    const imm = kase({ kind: 'immediate', promisedDays: 0, dueDate: '2026-11-16', dueAt: bjEndOfDay('2026-11-16') });
    expect(evaluate(imm, {}, DEFAULT_RULES, cal, bj('2026-11-16', '17:00'))).toMatchObject({ due: [], nextAt: bj('2026-11-17') });
    expect(evaluate(imm, {}, DEFAULT_RULES, cal, bj('2026-11-17')).due).toEqual([
      expect.objectContaining({ card: 'red', trigger: 'immediate', key: 'immediate:2026-11-16' }),
    ]);
    expect(evaluate(imm, {}, { ...DEFAULT_RULES, immediateCard: 'off' }, cal, bj('2026-11-17')).due).toEqual([]);
    // still overdue for the gauges, whatever the card
    expect(levelOf(imm, { ...DEFAULT_RULES, immediateCard: 'off' }, cal, bj('2026-11-17'))).toBe('red');
  });

  it('a suspended case: no limit cards, but one when the announced working days run out', () => {
    const s = kase({ status: 'suspended', suspensions: [{ procedure: '现场勘查', from: '2026-11-18', expectedDays: 3, notice: '勘查' }] });
    // 11-18, 11-19, 11-20 are its three working days
    expect(evaluate(s, {}, DEFAULT_RULES, cal, bj('2026-11-20', '23:00'))).toMatchObject({ due: [], level: 'none', nextAt: bj('2026-11-21') });
    expect(evaluate(s, {}, DEFAULT_RULES, cal, bj('2026-11-23', '09:00')).due).toEqual([
      expect.objectContaining({
        card: 'yellow',
        trigger: 'suspension',
        key: 'suspension:2026-11-18:3',
        reason: '特别程序（现场勘查）超过预计 3 个工作日（自 2026-11-18）',
      }),
    ]);
  });

  it('a phase over its own limit, for the office that must act, until it ends', () => {
    const phase = { id: 'fwd-1', label: '转报签收', officeId: '411521-zrzy', startedAt: bj('2026-11-17', '15:00'), limitWorkdays: 1 };
    const c = kase({ phases: [phase] });
    const e = evaluate(c, { [`yellow:due:${c.dueAt}`]: 'x' }, DEFAULT_RULES, cal, bj('2026-11-19', '00:00'));
    expect(e.due).toEqual([expect.objectContaining({ trigger: 'phase', card: 'yellow', officeId: '411521-zrzy', key: 'phase:fwd-1:1' })]);
    expect(evaluate(kase({ phases: [{ ...phase, endedAt: bj('2026-11-18', '10:00') }] }), {}, DEFAULT_RULES, cal, bj('2026-11-19')).due).toEqual([]);
    expect(evaluate(c, {}, { ...DEFAULT_RULES, phaseCard: 'red' }, cal, bj('2026-11-19')).due[0]?.card).toBe('red');
  });

  it('a finished case has nothing left to look at', () => {
    expect(evaluate(kase({ status: 'decided' }), {}, DEFAULT_RULES, cal, bj('2026-11-30'))).toEqual({ due: [], skipped: [], level: 'none' });
  });
});

describe('rules from the county config', () => {
  it('fills the documented defaults and keeps the legacy yellow lead', () => {
    expect(rulesFrom(undefined)).toEqual(DEFAULT_RULES);
    expect(rulesFrom(undefined, 3).yellowLeadWorkdays).toBe(3);
    expect(rulesFrom({ yellowLeadWorkdays: 1, yellowShare: 0.75, phaseCard: 'off' }, 3)).toMatchObject({
      yellowLeadWorkdays: 1,
      yellowShare: 0.75,
      phaseCard: 'off',
      immediateCard: 'red',
    });
    expect(() => rulesFrom({ yellowShare: 0.3 })).toThrow();
  });
});
