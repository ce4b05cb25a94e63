import * as z from 'zod';

/**
 * The hall's answers as published (shared/openapi/responses.ts): the booking page, the kiosk, the
 * calling screen and the clerk's window. One definition: the hall's view types (model.ts) are these,
 * the use cases' answers fit them (test/unit/openapi/responses.test.ts) and the web takes its types
 * from them.
 */
const id = z.string().max(64);
const name = z.string().max(200);
const instant = z.string().max(40);
const day = z.string().max(10);
const queue = z.object({ code: z.string().max(1), name: z.string().max(20) });

export const slotSchema = z.object({
  id: z.string().max(40).meta({ description: '时段编号：日期-开始时刻-分组' }),
  start: instant,
  end: instant,
  capacity: z.number().int().min(0),
  left: z.number().int().min(0),
  group: z.string().max(16),
  groupName: z.string().max(20),
});

export const APPOINTMENT_STATUSES = ['booked', 'cancelled', 'checked-in'] as const;

/** What the citizen and the window see of an appointment: the name and phone masked. */
export const appointmentSchema = z.object({
  code: z.string().max(8).meta({ description: '预约码' }),
  officeId: id,
  slotId: z.string().max(40),
  date: day,
  start: instant,
  end: instant,
  group: z.string().max(16),
  itemCode: z.string().max(64),
  itemName: name,
  name: z.string().max(30).meta({ description: '姓名（脱敏）' }),
  phone: z.string().max(11).meta({ description: '手机号（脱敏）' }),
  status: z.enum(APPOINTMENT_STATUSES),
  bookedAt: instant,
  cancelledAt: instant.optional(),
  checkedInAt: instant.optional(),
  ticketId: z.string().max(20).optional(),
});

export const TICKET_STATUSES = ['waiting', 'called', 'done', 'missed'] as const;

/** A queue ticket as the clerk's window sees it. */
export const ticketSchema = z.object({
  id: z.string().max(20).meta({ description: '20261208-A012：同一中心内唯一' }),
  officeId: id,
  date: day,
  number: z.string().max(8).meta({ description: 'A012、V003' }),
  queue: z.string().max(1).meta({ description: '由哪个队列的窗口办理（预约号：其分组的队列）' }),
  forWindow: z.string().max(3).optional().meta({ description: '转窗口：该窗口先叫它' }),
  status: z.enum(TICKET_STATUSES),
  issuedAt: instant,
  appointmentCode: z.string().max(8).optional(),
  slotStart: instant.optional().meta({ description: '预约时段开始：到点后优先叫号' }),
  calledAt: instant.optional(),
  calls: z.number().int().min(0).optional(),
  window: z.string().max(3).optional(),
  calledBy: z.string().max(100).optional(),
  doneAt: instant.optional(),
  cases: z.array(z.string().max(64)).max(20).optional(),
});

/** A call as the hall's screen shows it: no personal data. */
export const screenCallSchema = z.object({
  id: z.string().max(20),
  number: z.string().max(8),
  window: z.string().max(3),
  calledAt: instant,
  calls: z.number().int().min(0),
});

/** The kiosk's slip: the number, its queue and how many wait before it. */
export const ticketViewSchema = z.object({
  id: z.string().max(20),
  number: z.string().max(8),
  queue: z.string().max(1),
  queueName: z.string().max(20),
  ahead: z.number().int().min(0),
  issuedAt: instant,
  appointmentCode: z.string().max(8).optional(),
});

export const hallListResponse = z.object({ halls: z.array(z.object({ officeId: id, name })).max(200) });

export const hallOfficeResponse = z.object({
  hall: z.object({
    officeId: id,
    name,
    hours: z
      .array(z.object({ from: z.string().max(5), to: z.string().max(5) }))
      .max(4)
      .meta({ description: '开放时间（北京时间）' }),
    slotMinutes: z.number().int().min(0),
    groups: z
      .array(z.object({ id: z.string().max(16), name: z.string().max(20), capacity: z.number().int().min(0), items: z.array(z.string().max(64)).max(500) }))
      .max(10),
    queues: z.array(queue).max(10),
    windows: z.array(z.string().max(3)).max(60),
    bookingDays: z.number().int().min(0),
    latestBookingMinutes: z.number().int().min(0),
    latestCancelMinutes: z.number().int().min(0),
  }),
});

export const slotsResponse = z.object({ days: z.array(z.object({ date: day, slots: z.array(slotSchema).max(100) })).max(31) });
export const appointmentResponse = z.object({ appointment: appointmentSchema });
export const appointmentsResponse = z.object({ appointments: z.array(appointmentSchema).max(5000) });
export const ticketIssuedResponse = z.object({ ticket: ticketViewSchema });
export const screenResponse = z.object({ calls: z.array(screenCallSchema).max(12), now: instant });
export const ticketResponse = z.object({ ticket: ticketSchema });
export const seatResponse = z.object({ seat: z.object({ window: z.string().max(3) }) });

/** GET /api/windows/me: the clerk's hall (null: the office has none), seat, current ticket and who waits per lane. */
export const windowStateResponse = z.object({
  hall: z
    .object({
      officeId: id,
      queues: z.array(queue).max(10),
      windows: z.array(z.object({ no: z.string().max(3), queues: z.array(z.string().max(1)).max(10) })).max(60),
    })
    .nullable(),
  seat: z.object({ window: z.string().max(3) }).nullable(),
  current: ticketSchema.nullable(),
  waiting: z.record(z.string().max(4), z.number().int().min(0)).meta({ description: '各队列（W+窗口号：转来本窗口的）等候人数' }),
});

/** 大厅等候与办理时长 of a month per office, queue and window. */
export const timesRowSchema = z.object({
  officeId: id,
  officeName: name,
  dim: z.string().max(8).meta({ description: 'all、q<队列>或 w<窗口>' }),
  label: z.string().max(40),
  waited: z.number().int().min(0),
  avgWaitMin: z.number().min(0).nullable(),
  served: z.number().int().min(0),
  avgServiceMin: z.number().min(0).nullable(),
});
export const hallTimesResponse = z.object({ month: z.string().max(7), rows: z.array(timesRowSchema).max(20_000) });

export type Slot = z.infer<typeof slotSchema>;
export type Appointment = z.infer<typeof appointmentSchema>;
export type AppointmentStatus = Appointment['status'];
export type Ticket = z.infer<typeof ticketSchema>;
export type TicketStatus = Ticket['status'];
export type ScreenCall = z.infer<typeof screenCallSchema>;
export type TicketView = z.infer<typeof ticketViewSchema>;
export type TimesRow = z.infer<typeof timesRowSchema>;
export type HallInfo = z.infer<typeof hallOfficeResponse>['hall'];
export type WindowState = z.infer<typeof windowStateResponse>;
