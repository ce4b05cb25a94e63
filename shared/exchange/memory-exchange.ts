import { outboxItemKey, type MemoryOutbox } from '../platform/outbox.ts';
import type { ExchangeStore } from './ports.ts';
import { bySequence, recordOf } from './records.ts';

/**
 * ExchangeStore in memory over the outbox map that `memoryCaseStore({ outbox })` writes: the same
 * contract as dynamo-exchange.ts (test/unit/exchange/store-contract.ts).
 */
export const memoryExchangeStore = (outbox: MemoryOutbox): ExchangeStore => {
  const key = (caseId: string, id: string) => outboxItemKey('exchange', caseId, id);
  const all = () => [...outbox.values()].filter((i) => i.topic === 'exchange').map(recordOf);
  return {
    list: async (caseId) =>
      all()
        .filter((r) => r.caseId === caseId)
        .sort(bySequence),
    claim: async (caseId, id, claim, at, staleBefore) => {
      const i = outbox.get(key(caseId, id));
      if (!i) return false;
      const free = i.status === 'pending' || (i.status === 'sending' && typeof i.claimedAt === 'string' && i.claimedAt < staleBefore);
      if (!free) return false;
      Object.assign(i, { status: 'sending', claim, claimedAt: at });
      return true;
    },
    settle: async (caseId, id, claim, s) => {
      const i = outbox.get(key(caseId, id));
      if (!i || i.claim !== claim) return false;
      delete i.claim;
      delete i.claimedAt;
      delete i.reason;
      Object.assign(i, { status: s.status, statusAt: s.statusAt, ...(s.reason ? { reason: s.reason } : {}), ...(s.ackId ? { ackId: s.ackId } : {}) });
      if (s.attempted) i.attempts = ((i.attempts as number | undefined) ?? 0) + 1;
      return true;
    },
    correct: async (caseId, id, fix) => {
      const i = outbox.get(key(caseId, id));
      if (!i || i.status !== 'rejected') return false;
      const payload = { ...(i.payload as Record<string, unknown>), ...(fix.itemCode ? { itemCode: fix.itemCode } : {}) };
      Object.assign(i, { payload, status: 'pending', statusAt: fix.at, corrected: { by: fix.by, at: fix.at, note: fix.note } });
      return true;
    },
    ofDay: async (day, max) =>
      all()
        .filter((r) => r.day === day)
        .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : bySequence(a, b)))
        .slice(0, max),
  };
};
