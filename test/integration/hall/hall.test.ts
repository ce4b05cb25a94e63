import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { hallPorts } from '../../../shared/hall/wiring.ts';
import { bookAppointment, listSlots } from '../../../shared/hall/appointments.ts';
import { issueTicket } from '../../../shared/hall/tickets.ts';
import type { HallPorts } from '../../../shared/hall/ports.ts';
import { RuleError } from '../../../shared/errors/domain-errors.ts';
import { dynamoAuditReader } from '../../../shared/audit/dynamo-audit-reader.ts';
import { actorLabel } from '../../../shared/audit/audit.ts';
import { auditSentence } from '../../../shared/audit/labels.ts';
import { call, clerkAt, hallCounty, LINGSHAN } from './support.ts';

/**
 * The hall against DynamoDB Local through the handlers: capacity, numbering and calling decided by
 * conditional writes under concurrency; the calendar and the no-show rule with a fake clock.
 */
const ITEM = 'LS-01-002'; // 居民身份证核发 (demo catalog), booked into 综合受理
const phone = (i: number) => `139${String(10_000_000 + i).slice(-8)}`;

describe('the hall on DynamoDB Local', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ seed: true, county: hallCounty(5) });
  });
  afterAll(() => stack.stop());

  it('50 bookings at once for a slot of capacity 5: exactly 5 × 201 and 45 × 409; the slot then shows 0 left', async () => {
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const res = await call('hall-slots', { params: { officeId: LINGSHAN }, query: { from: today, days: '14', group: 'general' } });
    expect(res.status).toBe(200);
    const days = (res.json() as { days: Array<{ date: string; slots: Array<{ id: string; left: number; capacity: number }> }> }).days;
    const slot = days.flatMap((d) => d.slots).find((s) => s.left === 5)!;
    expect(slot.capacity).toBe(5);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        call('hall-book', { sourceIp: `10.1.${i}.1`, body: { officeId: LINGSHAN, slotId: slot.id, itemCode: ITEM, name: `测试${i}`, phone: phone(i) } }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.filter((s) => s === 409)).toHaveLength(45);
    const codes = answers.filter((a) => a.status === 201).map((a) => (a.json().appointment as { code: string }).code);
    expect(new Set(codes).size).toBe(5);
    // the booking shows the name and phone masked, never whole
    const one = answers.find((a) => a.status === 201)!.json().appointment as { name: string; phone: string };
    expect(one.phone).toMatch(/^139\*{4}\d{4}$/);
    expect(one.name).toMatch(/\*/);
    const after = await call('hall-slots', {
      params: { officeId: LINGSHAN },
      query: { from: slot.id.slice(0, 4) + '-' + slot.id.slice(4, 6) + '-' + slot.id.slice(6, 8), days: '1', group: 'general' },
    });
    const left = (after.json() as { days: Array<{ slots: Array<{ id: string; left: number }> }> }).days[0]!.slots.find((s) => s.id === slot.id)!.left;
    expect(left).toBe(0);
  });

  it('40 tickets at once: 40 distinct consecutive numbers', async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, () => call('hall-ticket', { params: { officeId: LINGSHAN }, body: { queue: 'B' } })));
    expect(answers.map((a) => a.status)).toEqual(Array(40).fill(201));
    const numbers = answers.map((a) => (a.json().ticket as { number: string }).number).sort();
    expect(numbers).toEqual(Array.from({ length: 40 }, (_, i) => `B${String(i + 1).padStart(3, '0')}`));
  });

  it('two clerks calling at once never get the same ticket; 204 when nobody waits', async () => {
    // windows 1 (B) and 3 (A, B) of 灵山镇 both serve the 40 B tickets above
    const one = clerkAt('u-call-1');
    const three = clerkAt('u-call-3');
    const got: string[] = [];
    for (let round = 0; round < 20; round++) {
      const [a, b] = await Promise.all([
        call('windows-call', { principal: one, body: { window: '1' } }),
        call('windows-call', { principal: three, body: { window: '3' } }),
      ]);
      for (const r of [a, b]) {
        expect(r.status).toBe(200);
        got.push((r.json().ticket as { number: string }).number);
      }
    }
    expect(new Set(got).size).toBe(40);
    expect((await call('windows-call', { principal: one })).status).toBe(204);
    // the screen shows the latest calls with their windows
    const screen = await call('hall-screen', { params: { officeId: LINGSHAN } });
    const calls = (screen.json() as { calls: Array<{ number: string; window: string }> }).calls;
    expect(calls.length).toBeGreaterThan(0);
    expect(['1', '3']).toContain(calls[0]!.window);
  });

  it('the window actions (call, recall, missed, transfer) are in the audit log as Chinese sentences naming the number', async () => {
    const clerk = { ...clerkAt('u-audit-1'), displayName: '王窗口' };
    const other = clerkAt('u-audit-3');
    const issued = await call('hall-ticket', { params: { officeId: LINGSHAN }, body: { queue: 'A' } });
    const number = (issued.json().ticket as { number: string }).number;
    const called = await call('windows-call', { principal: clerk, body: { window: '3' } });
    expect(called.status).toBe(200);
    const ticket = called.json().ticket as { id: string; number: string; date: string };
    expect(ticket.number).toBe(number);
    expect((await call('windows-recall', { principal: clerk })).status).toBe(200);
    expect((await call('windows-transfer', { principal: clerk, body: { window: '1' } })).status).toBe(200);
    const there = await call('windows-call', { principal: other, body: { window: '1' } });
    expect((there.json().ticket as { id: string }).id).toBe(ticket.id);
    expect((await call('windows-miss', { principal: other })).status).toBe(200);
    const { events } = await dynamoAuditReader().byTarget({ type: 'ticket', id: `${LINGSHAN}/${ticket.id}` }, 10);
    const sentences = events.map((e) => auditSentence({ ...e, actorName: actorLabel(e.actor) })).reverse();
    expect(sentences).toEqual([
      `王窗口叫号：号 ${number}（${ticket.date} 3 号窗口）。`,
      `王窗口重新呼叫：号 ${number}（${ticket.date} 3 号窗口，第 2 次呼叫）。`,
      `王窗口转窗口：号 ${number}（${ticket.date} 3 号窗口转至 1 号窗口）。`,
      `u-audit-3叫号：号 ${number}（${ticket.date} 1 号窗口，转来）。`,
      `u-audit-3过号：号 ${number}（${ticket.date} 1 号窗口）。`,
    ]);
  });

  describe('with a fake clock', () => {
    const at = (iso: string): HallPorts => {
      const real = hallPorts();
      return { hall: real.hall, sealer: real.sealer, catalog: real.catalog, calendar: real.calendar, settings: real.settings, clock: () => new Date(iso) };
    };

    it('a 调休 Saturday has slots, a 国庆 weekday has none; booking a 国庆 day is refused (422)', async () => {
      // 2026: 10-01..10-07 国庆, Saturday 10-10 a makeup working day
      const ports = at('2026-09-30T07:00:00+08:00');
      const { days } = await listSlots(ports, LINGSHAN, { from: '2026-09-30', days: 14 });
      const dates = days.map((d) => d.date);
      expect(dates).toEqual(['2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10', '2026-10-12']);
      expect(dates).not.toContain('2026-10-01');
      expect(days.find((d) => d.date === '2026-10-10')!.slots.length).toBeGreaterThan(0);
      const holiday = await bookAppointment(
        ports,
        { officeId: LINGSHAN, slotId: '20261001-0900-general', itemCode: ITEM, name: '国庆', phone: phone(900) },
        { sourceIp: '10.9.0.1', userAgent: 't' },
      ).catch((e: unknown) => e);
      expect(holiday).toBeInstanceOf(RuleError);
      expect((holiday as RuleError).code).toBe('NOT_A_WORKDAY');
      const sat = await bookAppointment(
        ports,
        { officeId: LINGSHAN, slotId: '20261010-0900-general', itemCode: ITEM, name: '调休', phone: phone(901) },
        { sourceIp: '10.9.0.2', userAgent: 't' },
      );
      expect(sat.appointment.date).toBe('2026-10-10');
    });

    it('2 no-shows within 30 days block booking for 30 days from the second; the day after, booking works again', async () => {
      const p = phone(777);
      const meta = { sourceIp: '10.7.7.7', userAgent: 't' };
      const book = (now: string, slotId: string) => bookAppointment(at(now), { officeId: LINGSHAN, slotId, itemCode: ITEM, name: '爽约', phone: p }, meta);
      // a no-show on 11-02; 11-03 checked in on its day (not a no-show); a second no-show on 11-10
      await book('2026-11-02T08:00:00+08:00', '20261102-1000-general');
      const kept = await book('2026-11-02T08:05:00+08:00', '20261103-1000-general');
      await issueTicket(at('2026-11-03T09:50:00+08:00'), LINGSHAN, { appointmentCode: kept.appointment.code }, meta);
      // one no-show does not block
      await book('2026-11-04T08:00:00+08:00', '20261110-1000-general');
      const second = await book('2026-11-10T11:00:00+08:00', '20261111-1000-general').catch((e: unknown) => e);
      expect((second as RuleError).code).toBe('NO_SHOW_BLOCKED');
      // blocked from 11-10 (the second no-show) for 30 days: until 12-09 inclusive, free on 12-10
      const refused = await book('2026-12-09T08:00:00+08:00', '20261209-1000-general').catch((e: unknown) => e);
      expect((refused as RuleError).code).toBe('NO_SHOW_BLOCKED');
      expect((refused as RuleError).message).toContain('2026-12-10');
      const again = await book('2026-12-10T08:00:00+08:00', '20261210-1000-general');
      expect(again.appointment.status).toBe('booked');
    });
  });
});
