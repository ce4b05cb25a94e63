import { bjDay } from '../platform/beijing-time.ts';
import type { DeliverPorts } from './ports.ts';

/**
 * Sends one notice from its outbox entry, exactly once per (case, event, channel): a notice already
 * sent, delivered or failed is never sent again, however often its message comes; a delivery
 * attempt claims the notice first (a concurrent copy of the message finds it claimed). No text
 * between 21:00 and 08:00 Beijing time: the notice is held until 08:00. A phone gets at most the
 * county's daily cap of texts, counted before sending. A channel that cannot take the text now
 * (down, throttled) gets it again later with a growing pause; one that refuses it for good
 * (a wrong number, a template it does not know) leaves the notice failed with the reason.
 */
export type DeliverResult =
  | { done: true; outcome: 'sent' | 'failed' | 'already' | 'claimed' }
  /** Try again after this many seconds (quiet hours, or the channel's outage). */
  | { done: false; retryAfterSeconds: number; reason: string };

const QUIET_FROM = 21;
const QUIET_TO = 8;
const HOUR = 3_600_000;
const BEIJING = 8 * HOUR;

/** The end of the quiet hours `now` is in (08:00 Beijing), or undefined in the day. */
export const quietUntil = (now: Date): Date | undefined => {
  const wall = new Date(now.getTime() + BEIJING);
  const h = wall.getUTCHours();
  if (h >= QUIET_TO && h < QUIET_FROM) return undefined;
  const end = new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate(), QUIET_TO) - BEIJING);
  return h >= QUIET_FROM ? new Date(end.getTime() + 24 * HOUR) : end;
};

/** Pause before the n-th retry (n = the message's receive count): 30 s, 1 min, 2 min … at most an hour. */
export const backoffSeconds = (receives: number): number => Math.min(30 * 2 ** Math.max(0, receives - 1), 3600);

/** An attempt that has not settled within this long is taken to have died (its claim may be taken over). */
const CLAIM_STALE_MS = 120_000;

export const deliverNotice = async (
  ports: DeliverPorts,
  ref: { caseId: string; id: string },
  attempt: { claim: string; receives: number; lastReceive: boolean },
): Promise<DeliverResult> => {
  const n = await ports.store.get(ref.caseId, ref.id);
  if (!n) throw new Error(`notice ${ref.id} of case ${ref.caseId} not found`);
  if (n.status !== 'queued' && n.status !== 'sending') return { done: true, outcome: 'already' };
  const now = ports.clock();

  const quiet = quietUntil(now);
  if (quiet) {
    await ports.store.hold(ref.caseId, ref.id, quiet.toISOString());
    return { done: false, retryAfterSeconds: Math.ceil((quiet.getTime() - now.getTime()) / 1000), reason: 'quiet hours' };
  }

  const at = now.toISOString();
  if (!(await ports.store.claim(ref.caseId, ref.id, attempt.claim, at, new Date(now.getTime() - CLAIM_STALE_MS).toISOString())))
    return { done: true, outcome: 'claimed' };
  const settle = (s: Parameters<DeliverPorts['store']['settle']>[3]) => ports.store.settle(ref.caseId, ref.id, attempt.claim, s);

  const config = ports.config();
  const { phone } = await ports.sealer.unseal<{ phone?: string }>(n.payload.sealed);
  if (!phone) {
    await settle({ status: 'failed', statusAt: at, reason: '申请人未留手机号' });
    return { done: true, outcome: 'failed' };
  }
  const phoneKey = await ports.sealer.lookupHash(`phone:${phone}`);
  const day = bjDay(now);
  if (!(await ports.store.takeCap(phoneKey, day, config.dailyCapPerPhone, new Date(now.getTime() + 2 * 24 * HOUR)))) {
    await settle({ status: 'failed', statusAt: at, reason: `该手机号今日已收到 ${config.dailyCapPerPhone} 条短信（本县每日上限），未发送` });
    return { done: true, outcome: 'failed' };
  }

  const r = await ports
    .channel()
    .send({
      key: `${ref.caseId}/${ref.id}`,
      phone,
      signName: config.signName ?? '',
      templateCode: n.payload.templateCode,
      vars: n.payload.vars ?? {},
      text: n.payload.text,
      event: n.payload.event,
      caseNumber: n.payload.caseNumber,
    })
    .catch((e: unknown): { outcome: 'retry'; reason: string } => ({ outcome: 'retry', reason: (e as Error).message }));

  if (r.outcome === 'sent') {
    await settle({ status: 'sent', statusAt: ports.clock().toISOString(), providerId: r.providerId, attempted: true });
    return { done: true, outcome: 'sent' };
  }
  await ports.store.giveBackCap(phoneKey, day);
  if (r.outcome === 'refused') {
    await settle({ status: 'failed', statusAt: at, reason: `短信服务商拒绝：${r.reason}`, attempted: true });
    return { done: true, outcome: 'failed' };
  }
  // the message rests in the DLQ after its last receive; the notice waits, queued, for the redrive
  const reason = attempt.lastReceive ? `短信通道多次未能发送（${r.reason}），待运维重新投递` : `短信通道暂时无法发送（${r.reason}），稍后重试`;
  await settle({ status: 'queued', statusAt: at, reason, attempted: true });
  return { done: false, retryAfterSeconds: backoffSeconds(attempt.receives), reason: r.reason };
};
