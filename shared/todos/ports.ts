import type { Calendar } from '../calendar/working-days.ts';
import type { CaseRecord } from '../cases/model.ts';
import type { InboxEntry } from '../cases/hops.ts';
import type { InboxKind } from '../cases/hop-labels.ts';
import type { OfficeDirectory } from '../offices/ports.ts';
import type { PhaseLimits } from '../cases/phases.ts';
import type { StoredHomeVisit } from '../hall/model.ts';
import type { Clock } from '../platform/clock.ts';
import type { RectificationTask } from '../ratings/model.ts';
import type { Order } from '../supervision/order.ts';

/**
 * What the to-do list reads. It is a read model: nothing here is stored for it — every to-do is
 * derived at request time from the records that are the truth (the inbox, the cases an office
 * holds, the open cases by due time, the 督办单, the open 差评 tasks), each through the access
 * pattern its own context keeps (AccessPatterns.md T1). Every read is bounded.
 */
export interface TodoSources {
  /** N1: what waits in an office's inbox, of one kind, newest first, at most `limit`. */
  waiting(officeId: string, kind: InboxKind, limit: number): Promise<InboxEntry[]>;
  /** K4: cases an office holds in a status, newest first, at most `limit`. */
  held(officeId: string, status: 'awaiting_supplement' | 'accepted' | 'decided' | 'not_accepted', limit: number): Promise<CaseRecord[]>;
  /** K5: open promised cases of (or handed to) an office due at or before `horizon` (ISO). */
  dueBy(officeId: string, horizon: string): Promise<CaseRecord[]>;
  /** S6: 督办单 not answered yet (open, or overdue), of an office or of the whole county. */
  unansweredOrders(officeId: string | undefined): Promise<Order[]>;
  /** R3a: open 差评整改 tasks (open, appealed), of an office or of the whole county. */
  openRatingTasks(officeId: string | undefined): Promise<RectificationTask[]>;
  /** H10: a village station's open home visits (上门服务) by date, at most `limit`. */
  openHomeVisits(stationId: string, limit: number): Promise<StoredHomeVisit[]>;
}

export interface TodoPorts {
  sources: TodoSources;
  offices: OfficeDirectory;
  calendar: () => Promise<{ cal: Calendar }>;
  clock: Clock;
  /** The network's phase limits (county `phaseLimits`): 待回交, 待回复, 待转报 and 待补正 are due by them. */
  limits: PhaseLimits;
}
