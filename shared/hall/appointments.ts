import { randomInt } from 'node:crypto';
import { addDays, isWorkday } from '../calendar/working-days.ts';
import { bjDay } from '../platform/beijing-time.ts';
import { ConflictError, NotFoundError, RuleError, ValidationError } from '../errors/domain-errors.ts';
import { maskName, maskPhone } from '../privacy/mask.ts';
import type { RequestMeta } from '../platform/request-meta.ts';
import type { Appointment, BookInput, Slot, StoredAppointment } from './model.ts';
import { noShowBlock } from './no-show.ts';
import { type HallPorts } from './ports.ts';
import { HALL_CONFLICT, HallStoreConflict } from './conflicts.ts';
import { takePublicTurn } from './public-limit.ts';
import { officeHall, type OfficeHall } from './settings.ts';
import { bookableDays, daySlots, groupOfItem, parseSlot, slotKey, slotKeyOfId, stillBookable } from './slots.ts';

const hallOf = (ports: Pick<HallPorts, 'settings'>, officeId: string): OfficeHall => {
  const hall = officeHall(ports.settings, officeId);
  if (!hall) throw new NotFoundError('该服务中心暂未开通预约取号');
  return hall;
};

/** GET /api/public/offices/{officeId}/slots: the working days from `from` within the booking horizon, each with its slots. */
export const listSlots = async (
  ports: Pick<HallPorts, 'hall' | 'calendar' | 'clock' | 'settings'>,
  officeId: string,
  q: { from: string; days: number; group?: string | undefined },
): Promise<{ days: Array<{ date: string; slots: Slot[] }> }> => {
  const hall = hallOf(ports, officeId);
  const now = ports.clock();
  const { cal } = await ports.calendar();
  const open = new Set(bookableDays(ports.settings, cal, now));
  const dates: string[] = [];
  // `days` ≤ 31 (schema): a bounded walk over calendar days
  for (let i = 0, d = q.from; i < q.days; i++, d = addDays(d, 1)) if (isWorkday(d, cal) && open.has(d)) dates.push(d);
  const days = await Promise.all(
    dates.map(async (date) => ({ date, slots: daySlots(hall, date, await ports.hall.bookedCounts(officeId, date), ports.settings, now, q.group) })),
  );
  return { days };
};

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const newCode = (): string => Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

/** What the citizen, the kiosk and the window see: name and phone masked, nothing sealed. */
export const appointmentView = (a: StoredAppointment): Appointment => {
  const { phoneHash: _h, sealed: _s, ...view } = a;
  return view;
};

const field = (path: string, code: string, message: string) => new RuleError(code, message, [{ path, message }]);

/** POST /api/public/appointments: a booking code for a place in a slot, or 409 when the slot is full. */
export const bookAppointment = async (ports: HallPorts, input: BookInput, meta: RequestMeta): Promise<{ appointment: Appointment }> => {
  await takePublicTurn(ports, meta, 'booking');
  const hall = hallOf(ports, input.officeId);
  const slot = parseSlot(hall, input.slotId);
  if (!slot) throw new ValidationError('时段编号有误', [{ path: 'slotId', message: '该中心没有这个时段' }]);
  const now = ports.clock();
  const { cal } = await ports.calendar();
  if (!isWorkday(slot.date, cal)) throw field('slotId', 'NOT_A_WORKDAY', `${slot.date} 不是工作日，不办理预约`);
  if (!bookableDays(ports.settings, cal, now).includes(slot.date))
    throw field('slotId', 'OUT_OF_HORIZON', `只能预约今天起 ${ports.settings.bookingDays} 个工作日内的时段`);
  if (!stillBookable(slot.start, ports.settings, now)) throw field('slotId', 'TOO_LATE', `时段开始前 ${ports.settings.latestBookingMinutes} 分钟停止预约`);
  const item = await ports.catalog.getPublishedItem(input.itemCode);
  if (!item) throw field('itemCode', 'ITEM_UNKNOWN', '没有这个事项，或事项已停办');
  if (groupOfItem(hall, input.itemCode)?.id !== slot.group.id) throw field('slotId', 'ITEM_NOT_IN_GROUP', `该时段只预约「${slot.group.name}」的事项`);

  const phoneHash = await ports.sealer.lookupHash(`phone:${input.phone}`);
  const rule = ports.settings.noShow;
  const past = await ports.hall.appointmentsOfPhone(phoneHash, addDays(bjDay(now), -(rule.withinDays + rule.blockDays)));
  const blocked = noShowBlock(past, rule, now);
  if (blocked) throw field('phone', 'NO_SHOW_BLOCKED', `该手机号近 ${rule.withinDays} 天内 ${rule.limit} 次预约未到，${blocked} 起可再预约`);

  const sealed = await ports.sealer.seal({ name: input.name, phone: input.phone });
  const base = {
    officeId: input.officeId,
    slotId: input.slotId,
    date: slot.date,
    start: slot.start,
    end: slot.end,
    group: slot.group.id,
    itemCode: input.itemCode,
    itemName: item.item.name,
    name: maskName(input.name),
    phone: maskPhone(input.phone),
    status: 'booked' as const,
    bookedAt: now.toISOString(),
    phoneHash,
    sealed,
  };
  // a new code is drawn only when the drawn one exists already (31^8 codes: almost never twice)
  for (let attempt = 0; attempt < 5; attempt++) {
    const a: StoredAppointment = { code: newCode(), ...base };
    try {
      await ports.hall.book(a, { slotKey: slotKey(slot.group.id, slot.from), capacity: slot.group.capacity, perPhonePerDay: ports.settings.perPhonePerDay });
      return { appointment: appointmentView(a) };
    } catch (e) {
      if (!(e instanceof HallStoreConflict)) throw e;
      if (e.code === HALL_CONFLICT.SLOT_FULL) throw new ConflictError('SLOT_FULL', '该时段已约满，请选择其他时段');
      if (e.code === HALL_CONFLICT.PHONE_DAY_FULL) throw new ConflictError('PHONE_DAY_FULL', '该手机号当天已有预约');
      if (e.code === HALL_CONFLICT.BUSY) throw new ConflictError('HALL_BUSY', '预约人数较多，请稍后再试');
      if (e.code !== HALL_CONFLICT.CODE_TAKEN) throw e;
    }
  }
  throw new ConflictError('HALL_BUSY', '预约人数较多，请稍后再试');
};

/** POST /api/public/appointments/{code}/cancel: with the phone it was booked with, until the county's latest cancel time. */
export const cancelAppointment = async (ports: HallPorts, code: string, phone: string, meta: RequestMeta): Promise<{ appointment: Appointment }> => {
  await takePublicTurn(ports, meta, 'booking');
  const a = await ports.hall.appointment(code);
  // a wrong phone reads as an unknown code: the page cannot be used to test phones against codes
  if (!a || a.phoneHash !== (await ports.sealer.lookupHash(`phone:${phone}`))) throw new NotFoundError('预约码或手机号不正确');
  if (a.status !== 'booked') throw new ConflictError('NOT_BOOKED', a.status === 'cancelled' ? '该预约已取消' : '该预约已签到取号，不能取消');
  const now = ports.clock();
  if (Date.parse(a.start) - now.getTime() < ports.settings.latestCancelMinutes * 60_000)
    throw new RuleError('TOO_LATE_TO_CANCEL', `时段开始前 ${ports.settings.latestCancelMinutes} 分钟内不能取消`);
  try {
    await ports.hall.cancel(a, slotKeyOfId(a.slotId), now.toISOString());
  } catch (e) {
    if (e instanceof HallStoreConflict && e.code === HALL_CONFLICT.NOT_BOOKED) throw new ConflictError('NOT_BOOKED', '该预约已取消或已签到');
    throw e;
  }
  return { appointment: appointmentView({ ...a, status: 'cancelled', cancelledAt: now.toISOString() }) };
};

/** What the booking page and the kiosk show of a hall: no staff, no counts. */
export const hallInfo = (ports: Pick<HallPorts, 'settings'>, officeId: string) => {
  const h = hallOf(ports, officeId);
  const s = ports.settings;
  return {
    hall: {
      officeId: h.officeId,
      name: h.name ?? h.officeId,
      hours: h.hours,
      slotMinutes: h.slotMinutes,
      groups: h.groups.map((g) => ({ id: g.id, name: g.name, capacity: g.capacity, items: g.items })),
      queues: h.queues,
      windows: h.windows.map((w) => w.no),
      bookingDays: s.bookingDays,
      latestBookingMinutes: s.latestBookingMinutes,
      latestCancelMinutes: s.latestCancelMinutes,
    },
  };
};

/** GET /api/public/halls: the centers that take bookings. */
export const hallList = (ports: Pick<HallPorts, 'settings'>) => ({
  halls: ports.settings.offices.map((o) => ({ officeId: o.officeId, name: o.name ?? o.officeId })),
});

/** GET /api/hall/appointments?date=: the office's appointments of a day, for the windows (masked). */
export const appointmentsOfDay = async (ports: Pick<HallPorts, 'hall' | 'clock'>, officeId: string, date?: string) => ({
  appointments: (await ports.hall.appointmentsOfDay(officeId, date ?? bjDay(ports.clock()))).map(appointmentView),
});
