import { actorOf, type AuditInput } from '../audit/audit.ts';
import type { AuditAction } from '../audit/labels.ts';
import { bjDay } from '../platform/beijing-time.ts';
import { ForbiddenError, NotFoundError, RuleError } from '../errors/domain-errors.ts';
import type { Principal } from '../identity/principal.ts';
import type { RequestMeta } from '../platform/request-meta.ts';
import type { ScreenCall, Ticket } from './model.ts';
import type { TicketView } from './responses.ts';
import type { HallPorts, Seat } from './ports.ts';
import { HALL_CONFLICT, HallStoreConflict } from './conflicts.ts';
import { takePublicTurn } from './public-limit.ts';
import { officeHall, type OfficeHall } from './settings.ts';

/**
 * 取号/叫号. Numbers come from an atomic per-day counter (never twice); a call claims a waiting
 * ticket with a conditional write, so two windows calling at once get two different tickets.
 */
const compact = (date: string): string => date.replaceAll('-', '');
const pad = (n: number): string => String(n).padStart(3, '0');

const hallOf = (ports: Pick<HallPorts, 'settings'>, officeId: string): OfficeHall => {
  const hall = officeHall(ports.settings, officeId);
  if (!hall) throw new NotFoundError('该服务中心暂未开通预约取号');
  return hall;
};

export type { TicketView } from './responses.ts';

const queueName = (hall: OfficeHall, code: string): string => hall.queues.find((q) => q.code === code)?.name ?? code;

/** POST /api/public/offices/{officeId}/tickets: a walk-in's number of a queue, or an appointment's V number by its code (签到). */
export const issueTicket = async (
  ports: HallPorts,
  officeId: string,
  body: { queue: string } | { appointmentCode: string },
  meta: RequestMeta,
): Promise<{ ticket: TicketView }> => {
  await takePublicTurn(ports, meta, 'ticket');
  const hall = hallOf(ports, officeId);
  const now = ports.clock();
  const date = bjDay(now);
  let ticket: Omit<Ticket, 'id' | 'number'>;
  let prefix: string;
  let checkIn: { code: string; at: string } | undefined;
  if ('queue' in body) {
    if (!hall.queues.some((q) => q.code === body.queue))
      throw new RuleError('UNKNOWN_QUEUE', '本中心没有这个业务队列', [{ path: 'queue', message: '请选择业务类型' }]);
    prefix = body.queue;
    ticket = { officeId, date, queue: body.queue, status: 'waiting', issuedAt: now.toISOString() };
  } else {
    const a = await ports.hall.appointment(body.appointmentCode);
    const wrong = (message: string) => new RuleError('APPOINTMENT_NOT_VALID', message, [{ path: 'appointmentCode', message }]);
    if (!a || a.officeId !== officeId) throw wrong('预约码不正确，或不是本中心的预约');
    if (a.status === 'cancelled') throw wrong('该预约已取消');
    if (a.status === 'checked-in') throw wrong(`该预约已签到取号（${a.ticketId?.slice(9) ?? ''}）`);
    if (a.date !== date) throw wrong(`该预约在 ${a.date}，请当天来签到`);
    if (Date.parse(a.end) <= now.getTime()) throw wrong('预约时段已过，请重新取号');
    const group = hall.groups.find((g) => g.id === a.group);
    prefix = 'V';
    ticket = {
      officeId,
      date,
      queue: group?.queue ?? hall.queues[0]!.code,
      status: 'waiting',
      issuedAt: now.toISOString(),
      appointmentCode: a.code,
      slotStart: new Date(a.start).toISOString(),
    };
    checkIn = { code: a.code, at: now.toISOString() };
  }
  const n = await ports.hall.nextNumber(officeId, date, prefix);
  const number = `${prefix}${pad(n)}`;
  const t: Ticket = { ...ticket, id: `${compact(date)}-${number}`, number };
  try {
    await ports.hall.issue(t, checkIn);
  } catch (e) {
    if (e instanceof HallStoreConflict && e.code === HALL_CONFLICT.NOT_BOOKED)
      throw new RuleError('APPOINTMENT_NOT_VALID', '该预约已签到或已取消', [{ path: 'appointmentCode', message: '该预约已签到或已取消' }]);
    throw e;
  }
  const ahead = await ports.hall.ahead(t);
  return {
    ticket: {
      id: t.id,
      number: t.number,
      queue: t.queue,
      queueName: queueName(hall, t.queue),
      ahead,
      issuedAt: t.issuedAt,
      ...(t.appointmentCode ? { appointmentCode: t.appointmentCode } : {}),
    },
  };
};

/** The clerk's seat: the window given now (remembered), else the one remembered. */
const seatOf = async (ports: HallPorts, p: Principal, window?: string): Promise<Seat & { userId: string }> => {
  const hall = hallOf(ports, p.officeId);
  const stored = await ports.hall.seat(p.userId);
  if (window) {
    if (!hall.windows.some((w) => w.no === window))
      throw new RuleError('UNKNOWN_WINDOW', `本中心没有 ${window} 号窗口`, [{ path: 'window', message: '请选择本中心的窗口' }]);
    if (stored?.window !== window || stored.officeId !== p.officeId) {
      const seat: Seat = { officeId: p.officeId, window, ...(stored?.officeId === p.officeId && stored.current ? { current: stored.current } : {}) };
      await ports.hall.setSeat(p.userId, seat);
      return { ...seat, userId: p.userId };
    }
  }
  if (!stored || stored.officeId !== p.officeId) throw new RuleError('NO_WINDOW', '请先选择所在窗口');
  return { ...stored, userId: p.userId };
};

const currentOf = async (ports: HallPorts, seat: Seat): Promise<Ticket | undefined> => {
  if (!seat.current) return undefined;
  const t = await ports.hall.ticket(seat.officeId, seat.current);
  return t?.status === 'called' && t.window === seat.window ? t : undefined;
};

/** A window action as the audit log reads it: "张三叫号：号 A012（2026-12-08 3 号窗口）。" — the number, never the person. */
const windowAudit = (p: Principal, action: AuditAction, t: Ticket, detail: string, meta: RequestMeta): AuditInput => ({
  actor: actorOf(p),
  action,
  target: { type: 'ticket', id: `${t.officeId}/${t.id}`, label: t.number },
  result: 'success',
  sourceIp: meta.sourceIp,
  userAgent: meta.userAgent,
  detail: `${t.date} ${detail}`,
});

/** A few candidates per lane: enough to step past a ticket another window claims at the same moment. */
const PER_LANE = 3;
const MAX_CLAIMS = 12;

/**
 * POST /api/windows/call: the next ticket for this window — one transferred to it, then
 * appointments whose slot has come, then walk-ins by issue time over the window's queues, then
 * appointments checked in early. The window's current ticket is finished with it.
 */
export const callNext = async (
  ports: HallPorts,
  p: Principal,
  body: { window?: string | undefined } | undefined,
  meta: RequestMeta,
): Promise<{ ticket: Ticket | null }> => {
  const seat = await seatOf(ports, p, body?.window);
  const hall = hallOf(ports, p.officeId);
  const queues = hall.windows.find((w) => w.no === seat.window)!.queues;
  const tried = new Set<string>();
  for (let round = 0; round < MAX_CLAIMS; round++) {
    const now = ports.clock();
    const date = bjDay(now);
    const nowIso = now.toISOString();
    const [transfers, ...perQueue] = await Promise.all([
      ports.hall.waiting(p.officeId, date, `W${seat.window}`, { limit: PER_LANE }),
      ...queues.flatMap((q) => [
        ports.hall.waiting(p.officeId, date, q, { limit: PER_LANE, kind: 'appointment' }),
        ports.hall.waiting(p.officeId, date, q, { limit: PER_LANE, kind: 'walk-in' }),
      ]),
    ]);
    const all = perQueue.flat();
    const due = all.filter((t) => t.slotStart && t.slotStart <= nowIso).sort((a, b) => a.slotStart!.localeCompare(b.slotStart!));
    const walkIns = all.filter((t) => !t.slotStart).sort((a, b) => a.issuedAt.localeCompare(b.issuedAt));
    const early = all.filter((t) => t.slotStart && t.slotStart > nowIso).sort((a, b) => a.slotStart!.localeCompare(b.slotStart!));
    const next = [...transfers!, ...due, ...walkIns, ...early].find((t) => !tried.has(t.id));
    const current = await currentOf(ports, seat);
    if (!next) {
      if (current) await ports.hall.finish(current, seat, nowIso);
      return { ticket: null };
    }
    tried.add(next.id);
    try {
      const audit = windowAudit(p, 'hall.call', next, `${seat.window} 号窗口${next.forWindow ? '，转来' : ''}`, meta);
      const claimed = await ports.hall.claim({ ticket: next, seat, at: nowIso, audit, ...(current ? { finish: current } : {}) });
      seat.current = claimed.id;
      return { ticket: claimed };
    } catch (e) {
      // another window took it (or our current ticket moved): look again
      if (!(e instanceof HallStoreConflict)) throw e;
    }
  }
  throw new RuleError('HALL_BUSY', '叫号繁忙，请再按一次');
};

const ofWindow = async (ports: HallPorts, p: Principal): Promise<{ seat: Seat & { userId: string }; ticket: Ticket }> => {
  const seat = await seatOf(ports, p);
  const t = await currentOf(ports, seat);
  if (!t) throw new RuleError('NO_CURRENT_TICKET', '本窗口当前没有叫到的号');
  return { seat, ticket: t };
};

const atWindow = async <T>(f: () => Promise<T>): Promise<T> => {
  try {
    return await f();
  } catch (e) {
    if (e instanceof HallStoreConflict) throw new RuleError('NO_CURRENT_TICKET', '该号已不在本窗口，请刷新');
    throw e;
  }
};

/** POST /api/windows/recall: the screen calls the current ticket again. */
export const recallCurrent = async (ports: HallPorts, p: Principal, meta: RequestMeta) => {
  const { seat, ticket } = await ofWindow(ports, p);
  const audit = windowAudit(p, 'hall.recall', ticket, `${seat.window} 号窗口，第 ${(ticket.calls ?? 1) + 1} 次呼叫`, meta);
  return { ticket: await atWindow(() => ports.hall.recall(ticket, seat.window, ports.clock().toISOString(), audit)) };
};

/** POST /api/windows/miss: 过号 — the citizen did not come. */
export const missCurrent = async (ports: HallPorts, p: Principal, meta: RequestMeta) => {
  const { seat, ticket } = await ofWindow(ports, p);
  const audit = windowAudit(p, 'hall.miss', ticket, `${seat.window} 号窗口`, meta);
  return { ticket: await atWindow(() => ports.hall.miss(ticket, seat, ports.clock().toISOString(), audit)) };
};

/** POST /api/windows/finish: 办结 at this window without calling the next. */
export const finishCurrent = async (ports: HallPorts, p: Principal) => {
  const { seat, ticket } = await ofWindow(ports, p);
  return { ticket: await atWindow(() => ports.hall.finish(ticket, seat, ports.clock().toISOString())) };
};

/** POST /api/windows/transfer: 转窗口 — the ticket waits for that window, which calls it first. */
export const transferCurrent = async (ports: HallPorts, p: Principal, toWindow: string, meta: RequestMeta) => {
  const hall = hallOf(ports, p.officeId);
  const { seat, ticket } = await ofWindow(ports, p);
  if (!hall.windows.some((w) => w.no === toWindow) || toWindow === seat.window)
    throw new RuleError('UNKNOWN_WINDOW', '请选择本中心的其他窗口', [{ path: 'window', message: '请选择本中心的其他窗口' }]);
  const audit = windowAudit(p, 'hall.transfer', ticket, `${seat.window} 号窗口转至 ${toWindow} 号窗口`, meta);
  return { ticket: await atWindow(() => ports.hall.transfer(ticket, seat, toWindow, ports.clock().toISOString(), audit)) };
};

/** POST /api/windows/tickets/{id}/cases: a case taken in from a called ticket is linked to it. */
export const linkCaseToTicket = async (ports: HallPorts, p: Principal, ticketId: string, caseId: string) => {
  const t = await ports.hall.ticket(p.officeId, ticketId);
  if (!t) throw new NotFoundError('没有这个号');
  if (t.status === 'waiting') throw new RuleError('NOT_CALLED', '该号还未叫到');
  if ((t.cases ?? []).includes(caseId)) return { ticket: t };
  if ((t.cases ?? []).length >= 20) throw new RuleError('TOO_MANY_CASES', '一个号最多关联 20 件');
  return { ticket: await ports.hall.linkCase(t, caseId) };
};

/** GET /api/windows/me: the clerk's window, its current ticket and how many wait in each of its lanes. */
export const windowState = async (ports: HallPorts, p: Principal) => {
  const hall = officeHall(ports.settings, p.officeId);
  if (!hall) return { hall: null, seat: null, current: null, waiting: {} };
  const stored = await ports.hall.seat(p.userId);
  const seat = stored?.officeId === p.officeId ? stored : undefined;
  const current = seat ? ((await currentOf(ports, seat)) ?? null) : null;
  const date = bjDay(ports.clock());
  const lanes = [...hall.queues.map((q) => q.code), ...(seat ? [`W${seat.window}`] : [])];
  const counts = await Promise.all(lanes.map(async (l) => [l, (await ports.hall.waiting(p.officeId, date, l, { limit: 100 })).length] as const));
  return {
    hall: { officeId: hall.officeId, queues: hall.queues, windows: hall.windows },
    seat: seat ? { window: seat.window } : null,
    current,
    waiting: Object.fromEntries(counts),
  };
};

export const chooseWindow = async (ports: HallPorts, p: Principal, window: string) => {
  const seat = await seatOf(ports, p, window);
  return { seat: { window: seat.window } };
};

/** GET /api/public/offices/{officeId}/screen: the latest calls of the day (numbers and windows only). */
export const screenCalls = async (ports: Pick<HallPorts, 'hall' | 'clock' | 'settings'>, officeId: string): Promise<{ calls: ScreenCall[]; now: string }> => {
  hallOf(ports, officeId);
  const now = ports.clock();
  return { calls: await ports.hall.calls(officeId, bjDay(now), 12), now: now.toISOString() };
};

/** A ticket the principal's office holds (the target of a window action must be in the clerk's own office). */
export const ticketOfOffice = async (ports: HallPorts, p: Principal, id: string): Promise<Ticket> => {
  const t = await ports.hall.ticket(p.officeId, id);
  if (!t) throw new NotFoundError('没有这个号');
  if (t.officeId !== p.officeId) throw new ForbiddenError();
  return t;
};
