import { api, ApiError, apiUrl } from '../shell/api.ts';
import { recordsOf, type OutboxRecord } from './db.ts';
import { outboxChanged, readPayload, readPhotos, settle, type Outcome, type Summary } from './outbox.ts';

/** A failure of the server (5xx) is tried this many times before the item shows 同步失败. */
const MAX_SERVER_ATTEMPTS = 3;

/**
 * Is the network really back? `navigator.onLine` says only that some link is up (a captive portal, a
 * dead cell): the outbox asks the API itself, with a short timeout.
 */
export const probeHealth = async (timeoutMs = 5000): Promise<boolean> => {
  try {
    const r = await fetch(apiUrl('/api/health'), { cache: 'no-store', signal: AbortSignal.timeout(timeoutMs) });
    return r.ok;
  } catch {
    return false;
  }
};

type Step = 'next' | 'stop';

const networkish = (e: unknown): boolean => !(e instanceof ApiError) || e.status === 0;

interface Guide {
  item: { name: string; materials: Array<{ name: string; required: boolean }> };
  version: number;
}

const sendCommission = async (key: CryptoKey, r: OutboxRecord): Promise<Step> => {
  const { body, summary } = await readPayload<{ itemCode: string }>(key, r);
  if (!body) return 'next';
  // the guide the form was filled against must still be the published one: never a silent switch
  const guide = await api<Guide>(`/api/items/${encodeURIComponent(body.itemCode)}`, { cache: 'no-cache', signal: AbortSignal.timeout(20_000) });
  if (r.catalogVersion !== undefined && guide.version !== r.catalogVersion) {
    const outcome: Outcome = {
      conflict: {
        reason: 'guide',
        mine: { label: `填写时的办事指南（第 ${r.catalogVersion} 版）`, lines: (summary as Summary).materials ?? [] },
        theirs: { label: `现行办事指南（第 ${guide.version} 版）`, lines: guide.item.materials.map((m) => `${m.name}${m.required ? '' : '（选交）'}`) },
        newVersion: guide.version,
      },
    };
    await settle(key, r, 'conflict', outcome);
    return 'next';
  }
  const res = await api<{ commission: { id: string; number: string } }>('/api/commissions', {
    method: 'POST',
    headers: { 'idempotency-key': r.id },
    json: body,
    signal: AbortSignal.timeout(30_000),
  });
  const photos = r.photos?.length ?? 0;
  // the materials' upload is not an API of the network yet: the photos stay (encrypted) with the item
  await settle(key, r, 'synced', { commission: res.commission, ...(photos ? { photosWaiting: photos } : {}) }, { keepPhotos: photos > 0 });
  return 'next';
};

interface CommissionNow {
  commission: { number: string };
  case?: { statusLabel: string; notAccepted?: { reason: string }; decision?: { result: string; reason?: string } };
}

/** 补交材料 recorded offline: sent against the case version it was based on. */
const sendSupplement = async (key: CryptoKey, r: OutboxRecord): Promise<Step> => {
  const { body } = await readPayload<{ commissionId: string; materialsReceived: string[] }>(key, r);
  if (!body) return 'next';
  await api(`/api/commissions/${encodeURIComponent(body.commissionId)}/supplement`, {
    method: 'POST',
    headers: { 'idempotency-key': r.id },
    json: { expectedVersion: r.caseVersion, materialsReceived: body.materialsReceived },
    signal: AbortSignal.timeout(30_000),
  });
  await settle(key, r, 'synced', {});
  return 'next';
};

/**
 * 送达 recorded offline: sent against the commission as it stands when the network is back. Already
 * 已送达 there (this send's answer was lost on the way) settles it; not 回交 any more is a 冲突.
 */
const sendDelivery = async (key: CryptoKey, r: OutboxRecord): Promise<Step> => {
  const { body } = await readPayload<{ commissionId: string; signedBy: string }>(key, r);
  if (!body) return 'next';
  const path = `/api/commissions/${encodeURIComponent(body.commissionId)}`;
  const now = await api<{ commission: { status: string; version: number } }>(path, { cache: 'no-cache', signal: AbortSignal.timeout(20_000) });
  if (now.commission.status === 'delivered') {
    await settle(key, r, 'synced', { message: '服务器上已登记送达' });
    return 'next';
  }
  await api(`${path}/deliver`, {
    method: 'POST',
    headers: { 'idempotency-key': r.id },
    json: { expectedVersion: now.commission.version, signedBy: body.signedBy },
    signal: AbortSignal.timeout(30_000),
  });
  await settle(key, r, 'synced', {});
  return 'next';
};

/**
 * The case moved on while the action waited on the phone (refused, decided, supplemented at the
 * window): a 冲突 showing what the phone recorded beside where the case stands now. Nothing is resent
 * by itself; the agent resolves it.
 */
const serverConflict = async (key: CryptoKey, r: OutboxRecord, err: ApiError): Promise<void> => {
  const { body, summary } = await readPayload<{ commissionId?: string }>(key, r);
  const now = body?.commissionId
    ? await api<CommissionNow>(`/api/commissions/${encodeURIComponent(body.commissionId)}`, { cache: 'no-cache', signal: AbortSignal.timeout(20_000) }).catch(
        () => undefined,
      )
    : undefined;
  const theirs = now?.case
    ? [
        `办件状态：${now.case.statusLabel}`,
        ...(now.case.notAccepted ? [`不予受理理由：${now.case.notAccepted.reason}`] : []),
        ...(now.case.decision?.reason ? [`办理意见：${now.case.decision.reason}`] : []),
      ]
    : [err.message];
  await settle(key, r, 'conflict', {
    message: err.message,
    conflict: {
      reason: 'server',
      mine: { label: '本机记录', lines: [summary.title, ...(summary.materials ?? [])] },
      theirs: { label: '服务器现状', lines: theirs },
    },
  });
};

/** Sends one item; a refusal settles it, a lost network stops the round (the item stays 待同步). */
const sendOne = async (key: CryptoKey, r: OutboxRecord): Promise<Step> => {
  try {
    if (r.kind === 'commission') return await sendCommission(key, r);
    if (r.kind === 'supplement') return await sendSupplement(key, r);
    return await sendDelivery(key, r);
  } catch (e) {
    if (networkish(e)) return 'stop';
    const err = e as ApiError;
    if (err.status === 401) return 'stop';
    // a stale version (409), or a case no longer in the state the action needs
    if (err.status === 409 || (r.kind !== 'commission' && (err.code === 'INVALID_STATE' || err.code === 'NOT_RETURNED'))) {
      await serverConflict(key, r, err);
      return 'next';
    }
    if (err.status >= 500) {
      const attempts = r.attempts + 1;
      if (attempts >= MAX_SERVER_ATTEMPTS) await settle(key, r, 'failed', { message: err.message }, { attempts });
      else await settle(key, r, 'pending', {}, { attempts });
      return 'next';
    }
    await settle(key, r, 'failed', { message: err.message, fields: err.fields });
    return 'next';
  }
};

let running: Promise<void> | null = null;
/** Ids being sent right now (shown as 同步中; never stored, so nothing stays "sending" after a reload). */
export const sending = new Set<string>();

/** One round: probe, then every 待同步 item of this agent in recording order. */
export const syncOutbox = (userId: string, key: CryptoKey): Promise<void> =>
  (running ??= (async () => {
    try {
      const pending = (await recordsOf(userId)).filter((r) => r.state === 'pending');
      if (!pending.length || !(await probeHealth())) return;
      for (const r of pending) {
        sending.add(r.id);
        outboxChanged();
        const step = await sendOne(key, r).finally(() => sending.delete(r.id));
        if (step === 'stop') break;
      }
    } finally {
      running = null;
      outboxChanged();
    }
  })());

export { readPhotos };
