import * as z from 'zod';
import { configSection } from '../platform/runtime-config.ts';

/**
 * The hall of each service center, per county (`hall` in infra/counties/<code>.json, passed to the
 * functions as HALL_JSON): opening hours, slot length and the item groups booked into them, the
 * kiosk's queues and the windows that serve them; how far ahead and how late citizens may book or
 * cancel, and the no-show rule. One schema for the config file and the functions' environment.
 */
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式如 09:00');
const code = z.string().regex(/^[A-UW-Z]$/, '队列代码为一个大写字母（V 留给预约签到）');

const groupSchema = z.object({
  id: z.string().regex(/^[a-z0-9]{1,16}$/, '分组编号为 1-16 位小写字母或数字'),
  name: z.string().min(1).max(20),
  /** Bookings per slot. */
  capacity: z.number().int().min(1).max(200),
  /** The kiosk queue whose windows serve this group's appointments. */
  queue: code,
  /** Item codes booked into this group; empty: every item. */
  items: z.array(z.string().min(1).max(64)).max(500).default([]),
});

const officeHallSchema = z.object({
  officeId: z.string().min(1).max(64),
  /** Filled in from the office tree when the functions' environment is derived. */
  name: z.string().min(1).max(40).optional(),
  hours: z
    .array(z.object({ from: hhmm, to: hhmm }))
    .min(1)
    .max(4),
  slotMinutes: z.number().int().min(10).max(240).default(30),
  groups: z.array(groupSchema).min(1).max(10),
  queues: z
    .array(z.object({ code, name: z.string().min(1).max(20) }))
    .min(1)
    .max(10),
  windows: z
    .array(z.object({ no: z.string().regex(/^\d{1,3}$/, '窗口号为 1-3 位数字'), queues: z.array(code).min(1).max(10) }))
    .min(1)
    .max(60),
});

export const hallSettingsSchema = z
  .object({
    /** Working days open for booking, counting today (other halls: the next 5). */
    bookingDays: z.number().int().min(1).max(20).default(5),
    /** A slot can be booked until this many minutes before it starts. */
    latestBookingMinutes: z.number().int().min(0).max(1440).default(30),
    /** An appointment can be cancelled until this many minutes before its slot. */
    latestCancelMinutes: z.number().int().min(0).max(2880).default(120),
    /** Appointments one phone may hold on one day. */
    perPhonePerDay: z.number().int().min(1).max(5).default(1),
    /** `limit` no-shows within `withinDays` → no booking for `blockDays` from the last of them. */
    noShow: z
      .object({
        limit: z.number().int().min(1).max(10).default(2),
        withinDays: z.number().int().min(1).max(365).default(30),
        blockDays: z.number().int().min(0).max(365).default(30),
      })
      .default({ limit: 2, withinDays: 30, blockDays: 30 }),
    offices: z.array(officeHallSchema).max(200).default([]),
  })
  .superRefine((h, ctx) => {
    h.offices.forEach((o, i) => {
      const queues = new Set(o.queues.map((q) => q.code));
      if (queues.size !== o.queues.length) ctx.addIssue({ code: 'custom', path: ['offices', i, 'queues'], message: '队列代码重复' });
      o.groups.forEach((g, j) => {
        if (!queues.has(g.queue)) ctx.addIssue({ code: 'custom', path: ['offices', i, 'groups', j, 'queue'], message: `队列 ${g.queue} 未在 queues 中定义` });
      });
      o.windows.forEach((w, j) => {
        for (const q of w.queues)
          if (!queues.has(q)) ctx.addIssue({ code: 'custom', path: ['offices', i, 'windows', j, 'queues'], message: `队列 ${q} 未在 queues 中定义` });
      });
      if (new Set(o.windows.map((w) => w.no)).size !== o.windows.length)
        ctx.addIssue({ code: 'custom', path: ['offices', i, 'windows'], message: '窗口号重复' });
      if (new Set(o.groups.map((g) => g.id)).size !== o.groups.length)
        ctx.addIssue({ code: 'custom', path: ['offices', i, 'groups'], message: '分组编号重复' });
      o.hours.forEach((r, j) => {
        if (r.from >= r.to) ctx.addIssue({ code: 'custom', path: ['offices', i, 'hours', j, 'to'], message: '结束时间须晚于开始时间' });
      });
    });
    if (new Set(h.offices.map((o) => o.officeId)).size !== h.offices.length)
      ctx.addIssue({ code: 'custom', path: ['offices'], message: '同一机构只能配置一次' });
  });

export type HallSettings = z.output<typeof hallSettingsSchema>;
export type OfficeHall = HallSettings['offices'][number];
export type ItemGroup = OfficeHall['groups'][number];

export const DEFAULT_HALL: HallSettings = hallSettingsSchema.parse({});

export const officeHall = (s: HallSettings, officeId: string): OfficeHall | undefined => s.offices.find((o) => o.officeId === officeId);

/** The county's hall block as the functions read it (HALL_JSON; none: no hall). */
export const hallSettings = configSection('HALL_JSON', hallSettingsSchema, DEFAULT_HALL);
