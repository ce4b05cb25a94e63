import { outboxItemKey, type MemoryOutbox } from '../platform/outbox.ts';
import type { NoticePayload, StoredNotice } from './model.ts';
import type { NoticeStore, Settlement } from './ports.ts';

/**
 * NoticeStore in memory (unit tests): the notices are the `notices` entries of the outbox the
 * memory case store writes (pass the same map), with the same conditions as DynamoDB.
 */
export const memoryNoticeStore = (outbox: MemoryOutbox = new Map()): NoticeStore & { caps: Map<string, number> } => {
  const caps = new Map<string, number>();
  const item = (caseId: string, id: string) => outbox.get(outboxItemKey('notices', caseId, id));
  const noticeOf = (i: Record<string, unknown>): StoredNotice =>
    structuredClone({
      caseId: i.subject as string,
      id: i.id as string,
      at: i.at as string,
      payload: i.payload as NoticePayload,
      status: (i.status as StoredNotice['status'] | undefined) ?? 'queued',
      statusAt: (i.statusAt as string | undefined) ?? (i.at as string),
      ...Object.fromEntries(['reason', 'heldUntil', 'attempts', 'providerId', 'claim', 'claimedAt'].filter((k) => i[k] !== undefined).map((k) => [k, i[k]])),
    });
  const apply = (i: Record<string, unknown>, s: Settlement) => {
    Object.assign(i, { status: s.status, statusAt: s.statusAt });
    for (const k of ['claim', 'claimedAt', 'heldUntil']) delete i[k];
    if (s.reason) i.reason = s.reason;
    else delete i.reason;
    if (s.providerId) i.providerId = s.providerId;
    if (s.attempted) i.attempts = ((i.attempts as number | undefined) ?? 0) + 1;
  };
  return {
    caps,
    get: async (caseId, id) => {
      const i = item(caseId, id);
      return i ? noticeOf(i) : undefined;
    },
    list: async (caseId) =>
      [...outbox.values()]
        .filter((i) => i.topic === 'notices' && i.subject === caseId)
        .map(noticeOf)
        .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1)),
    hold: async (caseId, id, until) => {
      const i = item(caseId, id);
      if (i && (i.status ?? 'queued') === 'queued') i.heldUntil = until;
    },
    claim: async (caseId, id, claim, at, staleBefore) => {
      const i = item(caseId, id);
      const status = i?.status ?? 'queued';
      if (!i || !(status === 'queued' || (status === 'sending' && (i.claimedAt as string) < staleBefore))) return false;
      Object.assign(i, { status: 'sending', claim, claimedAt: at });
      return true;
    },
    settle: async (caseId, id, claim, s) => {
      const i = item(caseId, id);
      if (!i || i.claim !== claim) return false;
      apply(i, s);
      return true;
    },
    receipt: async (caseId, id, providerId, s) => {
      const i = item(caseId, id);
      if (!i || i.providerId !== providerId || i.status !== 'sent') return false;
      apply(i, s);
      return true;
    },
    takeCap: async (phoneKey, day, cap) => {
      const k = `${phoneKey}#${day}`;
      const n = caps.get(k) ?? 0;
      if (n >= cap) return false;
      caps.set(k, n + 1);
      return true;
    },
    giveBackCap: async (phoneKey, day) => {
      const k = `${phoneKey}#${day}`;
      const n = caps.get(k) ?? 0;
      if (n > 0) caps.set(k, n - 1);
    },
  };
};
