import type { OfficeKind, StoredRecord } from './model.ts';
import type { ExchangePorts, PushResult } from './ports.ts';
import { profileOf, toProvince } from './profiles.ts';

/**
 * The use case behind the exchange queue: pushes a case's stage records to the province in their
 * sequence, each acknowledged once.
 * - Idempotent: an acknowledged (or rejected, awaiting correction) record is done; a push is
 *   claimed first, so copies of a message delivered together push once; a duplicate the province
 *   answers "already received" is an acknowledgement.
 * - Ordered per case: a record waits while an earlier one of its case is not acknowledged (held
 *   back, tried again later); once one is acknowledged, the pending ones after it are pushed at
 *   once, in order.
 * - Retries: the province down → pending again with its reason, tried again after 30 s, 1 min,
 *   2 min … at most an hour (the message's own visibility; the DLQ after the queue's receives).
 */
export type DeliverResult =
  { done: true; outcome: 'acknowledged' | 'already' | 'rejected' | 'disabled' } | { done: false; retryAfterSeconds: number; reason: string };

/** A claim older than this is a push that died: another may take it over. */
const STALE_CLAIM_MS = 120_000;
/** Records pushed after an acknowledged one, in one call (a case has a handful). */
const MAX_CHAIN = 8;

export const backoffSeconds = (receives: number): number => Math.min(3600, 30 * 2 ** Math.max(0, Math.min(receives - 1, 7)));

const kinds = async (ports: Pick<ExchangePorts, 'offices'>): Promise<(id: string) => OfficeKind | undefined> => {
  const byId = new Map((await ports.offices.all()).map((o) => [o.id, o.kind]));
  return (id) => byId.get(id);
};

/** One push of a claimed record, settled by what the province answered. */
const pushOne = async (ports: ExchangePorts, r: StoredRecord, claim: string, kindOf: (id: string) => OfficeKind | undefined): Promise<PushResult | 'lost'> => {
  const now = ports.clock();
  if (!(await ports.store.claim(r.caseId, r.id, claim, now.toISOString(), new Date(now.getTime() - STALE_CLAIM_MS).toISOString()))) return 'lost';
  const profile = profileOf(ports.config().province);
  let res: PushResult;
  try {
    res = await ports.gateway().push(`${r.caseId}/${r.id}`, toProvince(profile, `${r.record.caseNumber}-${r.id}`, r.record, kindOf));
  } catch (e) {
    res = { outcome: 'retry', reason: (e as Error).message };
  }
  const statusAt = ports.clock().toISOString();
  if (res.outcome === 'acknowledged') await ports.store.settle(r.caseId, r.id, claim, { status: 'acknowledged', statusAt, ackId: res.ackId, attempted: true });
  else if (res.outcome === 'rejected')
    await ports.store.settle(r.caseId, r.id, claim, { status: 'rejected', statusAt, reason: res.reason.slice(0, 500), attempted: true });
  else
    await ports.store.settle(r.caseId, r.id, claim, {
      status: 'pending',
      statusAt,
      reason: `省平台暂不可用，稍后重试（${res.reason.slice(0, 200)}）`,
      attempted: true,
    });
  return res;
};

/** After an acknowledgement: the pending records that follow, pushed in order while each is acknowledged. */
export const pushFollowing = async (ports: ExchangePorts, caseId: string, after: string, claim: string): Promise<void> => {
  const kindOf = await kinds(ports);
  const rest = (await ports.store.list(caseId)).filter((r) => r.id > after);
  for (const r of rest.slice(0, MAX_CHAIN)) {
    if (r.status === 'acknowledged') continue;
    if (r.status !== 'pending') return;
    const res = await pushOne(ports, r, `${claim}:${r.id}`, kindOf);
    if (res === 'lost' || res.outcome !== 'acknowledged') return;
  }
};

export const deliverRecord = async (
  ports: ExchangePorts,
  ref: { caseId: string; id: string },
  opts: { claim: string; receives: number },
): Promise<DeliverResult> => {
  if (!ports.config().enabled) return { done: true, outcome: 'disabled' };
  const records = await ports.store.list(ref.caseId);
  const r = records.find((x) => x.id === ref.id);
  if (!r) throw new Error(`exchange record ${ref.caseId}/${ref.id} not found`);
  if (r.status === 'acknowledged') return { done: true, outcome: 'already' };
  if (r.status === 'rejected') return { done: true, outcome: 'rejected' };
  const waiting = records.find((x) => x.id < r.id && x.status !== 'acknowledged');
  if (waiting) return { done: false, retryAfterSeconds: backoffSeconds(opts.receives), reason: `held: ${waiting.id} not acknowledged` };
  const res = await pushOne(ports, r, opts.claim, await kinds(ports));
  // another copy pushes it (or a push died: tried again when its claim is stale)
  if (res === 'lost') return { done: false, retryAfterSeconds: backoffSeconds(opts.receives), reason: 'claimed by another delivery' };
  if (res.outcome === 'retry') return { done: false, retryAfterSeconds: backoffSeconds(opts.receives), reason: res.reason };
  if (res.outcome === 'rejected') return { done: true, outcome: 'rejected' };
  await pushFollowing(ports, ref.caseId, r.id, opts.claim);
  return { done: true, outcome: 'acknowledged' };
};
