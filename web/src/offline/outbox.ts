import { open, openBytes, seal, sealBytes } from './crypto.ts';
import { offlineDb, recordsOf, type OutboxKind, type OutboxRecord, type OutboxState } from './db.ts';

/** What the agent's lists show of an item (decrypted in memory for its own user only). */
export interface Summary {
  title: string;
  /** Masked: a list view never shows a whole name. */
  applicant?: string;
  itemCode?: string;
  itemName?: string;
  materials?: string[];
  consent?: string;
  note?: string;
}

/** What the server said, or the two versions of a conflict. */
export interface Outcome {
  commission?: { id: string; number: string };
  message?: string;
  fields?: Array<{ path: string; message: string }>;
  conflict?: { reason: 'guide' | 'server'; mine: { label: string; lines: string[] }; theirs: { label: string; lines: string[] }; newVersion?: number };
  /** Photos kept on the device until the material upload exists for this action. */
  photosWaiting?: number;
}

export interface OutboxView {
  id: string;
  kind: OutboxKind;
  state: OutboxState;
  recordedAt: string;
  catalogVersion?: number;
  caseVersion?: number;
  summary: Summary;
  outcome: Outcome;
  photos: number;
}

const listeners = new Set<() => void>();
export const onOutboxChange = (fn: () => void): (() => void) => {
  listeners.add(fn);
  return () => listeners.delete(fn);
};
export const outboxChanged = (): void => listeners.forEach((fn) => fn());

export const STATE_LABELS: Record<OutboxState, string> = { pending: '待同步', synced: '已同步', failed: '同步失败', conflict: '冲突' };

/** Records an action on the device, encrypted with the agent's key: from now on only the outbox holds it. */
export const enqueue = async (
  userId: string,
  key: CryptoKey,
  a: { id?: string; kind: OutboxKind; body: unknown; summary: Summary; catalogVersion?: number; caseVersion?: number; photos?: File[] },
): Promise<string> => {
  const db = await offlineDb();
  const mine = await recordsOf(userId);
  const now = new Date().toISOString();
  const rec: OutboxRecord = {
    id: a.id ?? crypto.randomUUID(),
    userId,
    seq: (mine.at(-1)?.seq ?? 0) + 1,
    kind: a.kind,
    state: 'pending',
    recordedAt: now,
    ...(a.catalogVersion !== undefined ? { catalogVersion: a.catalogVersion } : {}),
    ...(a.caseVersion !== undefined ? { caseVersion: a.caseVersion } : {}),
    attempts: 0,
    payload: await seal(key, { body: a.body, summary: a.summary }),
    photos: await Promise.all((a.photos ?? []).map(async (f) => ({ name: f.name, type: f.type, sealed: await sealBytes(key, await f.arrayBuffer()) }))),
    updatedAt: now,
  };
  await db.put('outbox', rec);
  outboxChanged();
  return rec.id;
};

export const readPayload = async <B>(key: CryptoKey, r: OutboxRecord): Promise<{ body?: B; summary: Summary }> =>
  r.payload ? open(key, r.payload) : { summary: { title: '' } };

export const readPhotos = (key: CryptoKey, r: OutboxRecord): Promise<File[]> =>
  Promise.all((r.photos ?? []).map(async (p) => new File([await openBytes(key, p.sealed)], p.name, { type: p.type })));

/** Moves an item to a new state; a synced item keeps its summary only (the body with the applicant's data goes). */
export const settle = async (
  key: CryptoKey,
  r: OutboxRecord,
  state: OutboxState,
  outcome: Outcome,
  extra: { keepPhotos?: boolean; catalogVersion?: number; attempts?: number } = {},
): Promise<void> => {
  const db = await offlineDb();
  const next: OutboxRecord = { ...r, state, outcome: await seal(key, outcome), updatedAt: new Date().toISOString(), attempts: extra.attempts ?? r.attempts };
  if (extra.catalogVersion !== undefined) next.catalogVersion = extra.catalogVersion;
  if (state === 'synced') {
    const { summary } = await readPayload(key, r);
    next.payload = await seal(key, { summary });
    if (!extra.keepPhotos) delete next.photos;
  }
  await db.put('outbox', next);
  outboxChanged();
};

export const removeItem = async (id: string): Promise<void> => {
  await (await offlineDb()).delete('outbox', id);
  outboxChanged();
};

/** The signed-in agent's items, decrypted; an item their key cannot open is not theirs and is not shown. */
export const listOutbox = async (userId: string, key: CryptoKey): Promise<OutboxView[]> => {
  const out: OutboxView[] = [];
  for (const r of await recordsOf(userId)) {
    try {
      const { summary } = await readPayload(key, r);
      const outcome = r.outcome ? await open<Outcome>(key, r.outcome) : {};
      out.push({
        id: r.id,
        kind: r.kind,
        state: r.state,
        recordedAt: r.recordedAt,
        summary,
        outcome,
        photos: r.photos?.length ?? 0,
        ...(r.catalogVersion !== undefined ? { catalogVersion: r.catalogVersion } : {}),
        ...(r.caseVersion !== undefined ? { caseVersion: r.caseVersion } : {}),
      });
    } catch {
      // sealed with another key (a PIN set again): not readable, not shown
    }
  }
  return out;
};

/** Sent items leave the device a day after they synced (their summary only was kept meanwhile). */
export const pruneSynced = async (userId: string, olderThanMs = 24 * 3600_000): Promise<void> => {
  const db = await offlineDb();
  const cut = Date.now() - olderThanMs;
  for (const r of await recordsOf(userId)) if (r.state === 'synced' && !r.photos?.length && Date.parse(r.updatedAt) < cut) await db.delete('outbox', r.id);
};

/** A guide conflict resolved by the agent: checked against the current guide, sent as recorded (same client id). */
export const acceptNewGuide = async (userId: string, key: CryptoKey, id: string, version: number): Promise<void> => {
  const r = (await recordsOf(userId)).find((x) => x.id === id);
  if (!r || r.state !== 'conflict') return;
  await settle(key, r, 'pending', {}, { catalogVersion: version, attempts: 0 });
};
