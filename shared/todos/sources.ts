import type { CaseStore } from '../cases/ports.ts';
import type { HallStore } from '../hall/ports.ts';
import type { RatingStore } from '../ratings/ports.ts';
import type { OrderStore } from '../supervision/ports.ts';
import type { TodoSources } from './ports.ts';

/** The stores the to-do list reads through: each context's own port, which owns its keys. */
export interface TodoStores {
  cases: Pick<CaseStore, 'inbox' | 'ofOffice' | 'openDueBy'>;
  orders: Pick<OrderStore, 'orders'>;
  ratings: Pick<RatingStore, 'openTasks'>;
  hall: Pick<HallStore, 'openHomeVisits'>;
}

/**
 * The sources over the owning contexts' ports (dynamo-todos.ts and memory-todos.ts pass their
 * stores): no key of another context is built here, so the to-do list cannot drift from them.
 */
export const todoSourcesOf = (s: TodoStores): TodoSources => ({
  waiting: async (officeId, kind, limit) => (await s.cases.inbox(officeId, kind, { limit })).entries,
  held: async (officeId, status, limit) => (await s.cases.ofOffice(officeId, status, { limit })).cases,
  dueBy: (officeId, horizon) => s.cases.openDueBy(officeId, horizon),
  unansweredOrders: async (officeId) =>
    (await Promise.all((['open', 'overdue'] as const).map((state) => s.orders.orders({ ...(officeId ? { officeId } : {}), state })))).flat(),
  openRatingTasks: (officeId) => s.ratings.openTasks(officeId),
  openHomeVisits: (stationId, limit) => s.hall.openHomeVisits(stationId, limit),
});
