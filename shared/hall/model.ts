import * as z from 'zod';
import { MOBILE_PHONE } from '../schema/phone.ts';
import type { Sealed } from '../cases/ports.ts';
import { calendarDate } from '../schema/date.ts';
import { plainText } from '../schema/text.ts';
import type { Appointment, Ticket } from './responses.ts';

/**
 * The hall: bookable slots (预约时段), appointments, queue tickets (取号/叫号) and home visits.
 * Times are ISO instants with the +08:00 offset where a person reads them (slots), UTC ISO when stored.
 */

/** `20261208-0900-general`: the day, the start on Beijing's clock and the item group. */
export const SLOT_ID = /^(\d{8})-(\d{4})-([a-z0-9]{1,16})$/;

// the views as published (./responses.ts): one definition for the server, the OpenAPI document and the web
export type { Appointment, AppointmentStatus, ScreenCall, Slot, Ticket, TicketStatus } from './responses.ts';

/** As stored: the whole name and phone only sealed; the phone found again by its keyed hash. */
export interface StoredAppointment extends Appointment {
  phoneHash: string;
  sealed: Sealed;
}

/** Where a waiting ticket stands in its lane: transfers, then appointments due, then by issue. */
export const laneOf = (t: Pick<Ticket, 'forWindow' | 'queue'>): string => (t.forWindow ? `W${t.forWindow}` : t.queue);
export const orderKey = (t: Pick<Ticket, 'slotStart' | 'issuedAt' | 'number'>): string =>
  t.slotStart ? `0#${t.slotStart}#${t.number}` : `1#${t.issuedAt}#${t.number}`;

export const phoneField = z.string().trim().max(11, '请填写 11 位手机号').regex(MOBILE_PHONE, '请填写 11 位手机号');
export const officeIdField = z
  .string()
  .max(64)
  .regex(/^\d{6}(-[a-z0-9]+)*$/, '机构编号有误');
export const appointmentCodeField = z
  .string()
  .trim()
  .max(8, '预约码为 8 位字母或数字')
  .toUpperCase()
  .regex(/^[A-Z2-9]{8}$/, '预约码为 8 位字母或数字');

export const slotsQuery = z.object({
  from: calendarDate,
  days: z.coerce.number().int().min(1, '至少 1 天').max(31, '最多 31 天').default(7),
  group: z
    .string()
    .max(16)
    .regex(/^[a-z0-9]{1,16}$/)
    .optional(),
});

export const bookBody = z.object({
  officeId: officeIdField,
  slotId: z.string().max(40).regex(SLOT_ID, '时段编号有误'),
  itemCode: z
    .string()
    .trim()
    .max(64)
    .regex(/^[0-9A-Za-z_.-]+$/, '事项编码有误'),
  name: plainText('姓名', 30),
  phone: phoneField,
});
export type BookInput = z.output<typeof bookBody>;

export const cancelBody = z.object({ phone: phoneField });

export const ticketBody = z.union(
  [
    z.object({
      queue: z
        .string()
        .max(1, '队列代码有误')
        .regex(/^[A-UW-Z]$/, '队列代码有误'),
    }),
    z.object({ appointmentCode: appointmentCodeField }),
  ],
  {
    error: '请选择业务类型或输入预约码',
  },
);

export const ticketIdField = z
  .string()
  .max(20, '号码有误')
  .regex(/^\d{8}-[A-Z]\d{3,5}$/, '号码有误');
export const callBody = z
  .object({
    window: z
      .string()
      .max(3, '窗口号有误')
      .regex(/^\d{1,3}$/, '窗口号有误')
      .optional(),
  })
  .optional();
export const transferBody = z.object({
  window: z
    .string()
    .max(3, '窗口号有误')
    .regex(/^\d{1,3}$/, '窗口号有误'),
});
export const linkCaseBody = z.object({ caseId: z.string().uuid('办件编号有误') });
export const seatBody = z.object({
  window: z
    .string()
    .max(3, '窗口号有误')
    .regex(/^\d{1,3}$/, '窗口号有误'),
});

/** 上门服务: who may ask for it — the elderly and the disabled of a village. */
export const HOME_VISIT_REASONS = { elderly: '老年人', disabled: '残疾人' } as const;
export type HomeVisitReason = keyof typeof HOME_VISIT_REASONS;
export type HomeVisitStatus = 'open' | 'done';

/** A home visit as the agent and the center see it: the name and phone masked. */
export interface HomeVisit {
  id: string;
  /** The village station whose agent goes. */
  stationId: string;
  stationName: string;
  reason: HomeVisitReason;
  name: string;
  phone: string;
  address: string;
  need: string;
  itemCode?: string;
  itemName?: string;
  /** The day of the visit (a working day, Beijing). */
  date: string;
  status: HomeVisitStatus;
  createdAt: string;
  createdBy: string;
  /** The center that took the request. */
  officeId: string;
  doneAt?: string;
  doneBy?: string;
  result?: string;
}

/** As stored: the whole name and phone only sealed. */
export interface StoredHomeVisit extends HomeVisit {
  sealed: Sealed;
}

export const homeVisitBody = z.object({
  stationId: officeIdField,
  reason: z.enum(['elderly', 'disabled'], { error: '请选择老年人或残疾人' }),
  name: plainText('姓名', 30),
  phone: phoneField,
  address: plainText('住址', 60),
  need: plainText('需办事项', 200),
  itemCode: z
    .string()
    .trim()
    .max(64)
    .regex(/^[0-9A-Za-z_.-]+$/, '事项编码有误')
    .optional(),
  date: calendarDate,
});
export type HomeVisitInput = z.output<typeof homeVisitBody>;

export const homeVisitDoneBody = z.object({ result: plainText('上门结果', 200) });
