import type { AuditInput } from '../audit/audit.ts';
import type { Calendar } from '../calendar/working-days.ts';
import type { CatalogReader } from '../catalog/ports.ts';
import type { Sealer } from '../cases/ports.ts';
import type { Clock } from '../platform/clock.ts';
import type { ScreenCall, StoredAppointment, StoredHomeVisit, Ticket } from './model.ts';
import type { HallSettings } from './settings.ts';

/** Where a clerk sits: the window number of their office they call to. */
export interface Seat {
  officeId: string;
  window: string;
  /** The ticket being served at the window, if any. */
  current?: string;
}

/** Waiting and service time sums of a month, per office (`all`), queue (`q<code>`) and window (`w<no>`). */
export interface HallTimes {
  [dim: string]: { waitMs: number; waited: number; serviceMs: number; served: number };
}

/**
 * The hall's storage (H1–H9 in shared/db/AccessPatterns.md). Capacity, numbering and calling are
 * decided by conditional writes in the store, never by reading first: two requests at once can
 * never both take the last place of a slot, the same number or the same ticket.
 */
export interface HallStore {
  /** H1: bookings per slot of an office's day, by slot key (`group#HHMM`). */
  bookedCounts(officeId: string, date: string): Promise<Map<string, number>>;
  /**
   * H2: one booking, all or nothing: the slot's count stays ≤ capacity, the phone's day ≤ its limit,
   * the code is new. SLOT_FULL / PHONE_DAY_FULL / CODE_TAKEN otherwise.
   */
  book(a: StoredAppointment, limits: { slotKey: string; capacity: number; perPhonePerDay: number }): Promise<void>;
  appointment(code: string): Promise<StoredAppointment | undefined>;
  /** H3: a phone's appointments on or after `since` (a date), newest first, at most 50. */
  appointmentsOfPhone(phoneHash: string, since: string): Promise<StoredAppointment[]>;
  /** Cancels a booked appointment and gives its place back (NOT_BOOKED if it is not booked any more). */
  cancel(a: StoredAppointment, slotKey: string, at: string): Promise<void>;
  /** H4: an office's appointments of a day, by slot start. */
  appointmentsOfDay(officeId: string, date: string): Promise<StoredAppointment[]>;

  /** H5: the next number of a prefix (queue letter, V) at an office on a day: 1, 2, 3… never twice. */
  nextNumber(officeId: string, date: string, prefix: string): Promise<number>;
  /** Puts a new ticket; with `checkIn`, the appointment moves booked → checked-in in the same write (NOT_BOOKED). */
  issue(t: Ticket, checkIn?: { code: string; at: string }): Promise<void>;
  ticket(officeId: string, id: string): Promise<Ticket | undefined>;
  /** H6: waiting tickets of a lane (queue code or `W<window>`) in calling order; `kind`: only appointments (V) or only walk-ins. */
  waiting(officeId: string, date: string, lane: string, opts: { limit: number; kind?: 'appointment' | 'walk-in' }): Promise<Ticket[]>;
  /** Waiting tickets ahead of this one in its lane. */
  ahead(t: Ticket): Promise<number>;
  /**
   * Claims a waiting ticket for a window (TICKET_TAKEN if another window was faster), finishing
   * the window's current ticket (`finish`) and adding the times, all or nothing — with its audit event.
   */
  claim(c: { ticket: Ticket; seat: Seat & { userId: string }; at: string; finish?: Ticket; audit?: AuditInput }): Promise<Ticket>;
  /**
   * The window's current ticket: called again / missed / sent to another window / finished
   * (NOT_AT_WINDOW if not); the audit event, when given, is written in the same transaction.
   */
  recall(t: Ticket, window: string, at: string, audit?: AuditInput): Promise<Ticket>;
  miss(t: Ticket, seat: Seat & { userId: string }, at: string, audit?: AuditInput): Promise<Ticket>;
  transfer(t: Ticket, seat: Seat & { userId: string }, toWindow: string, at: string, audit?: AuditInput): Promise<Ticket>;
  finish(t: Ticket, seat: Seat & { userId: string }, at: string): Promise<Ticket>;
  /** Links a case taken in from the ticket (at most 20). */
  linkCase(t: Ticket, caseId: string): Promise<Ticket>;
  /** H7: a clerk's seat. */
  seat(userId: string): Promise<Seat | undefined>;
  setSeat(userId: string, seat: Seat): Promise<void>;
  /** H8: the calls of an office's day, newest first. */
  calls(officeId: string, date: string, limit: number): Promise<ScreenCall[]>;
  /** H9: waiting and service times of an office's month. */
  times(officeId: string, month: string): Promise<HallTimes>;
  /** Public requests from one address in one minute (shared by every container). */
  hitPublic(address: string, minute: string, expiresAt: Date): Promise<number>;

  /** 上门服务: a new request with its audit event, in one write. */
  putHomeVisit(v: StoredHomeVisit, audit: AuditInput): Promise<void>;
  homeVisit(id: string): Promise<StoredHomeVisit | undefined>;
  /** H10: a village station's open home visits by date, at most `limit`. */
  openHomeVisits(stationId: string, limit: number): Promise<StoredHomeVisit[]>;
  /** Closes an open visit (VISIT_CLOSED if it is not open any more), with its audit event. */
  finishHomeVisit(v: StoredHomeVisit, done: { at: string; by: string; result: string }, audit: AuditInput): Promise<void>;
}

export interface HallPorts {
  hall: HallStore;
  sealer: Pick<Sealer, 'seal' | 'lookupHash'>;
  catalog: Pick<CatalogReader, 'getPublishedItem'>;
  calendar: () => Promise<{ cal: Calendar }>;
  clock: Clock;
  /** The county's hall settings, read when used. */
  readonly settings: HallSettings;
}
