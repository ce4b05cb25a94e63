import type { Sealed } from '../cases/ports.ts';
import { bjDateTime } from '../platform/beijing-time.ts';

/** The facts an applicant is told of (告知), as the API names them. */
export const NOTICE_EVENTS = ['accepted', 'supplement_required', 'refused', 'decided', 'delivered', 'rating_invite'] as const;
export type NoticeEvent = (typeof NOTICE_EVENTS)[number];

export const NOTICE_EVENT_LABELS: Record<NoticeEvent, string> = {
  accepted: '受理告知',
  supplement_required: '一次性告知（补正）',
  refused: '不予受理告知',
  decided: '办结告知',
  delivered: '送达告知',
  rating_invite: '评价邀请',
};

export type NoticeChannel = 'sms' | 'webhook';
export const NOTICE_CHANNEL_LABELS: Record<NoticeChannel, string> = { sms: '短信', webhook: '政务短信平台' };

/** What the API shows; `sending` (a delivery attempt in flight) is shown as queued. */
export const NOTICE_STATUSES = ['queued', 'sent', 'delivered', 'failed'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];
export const NOTICE_STATUS_LABELS: Record<NoticeStatus, string> = { queued: '待发送', sent: '已发送', delivered: '已送达', failed: '发送失败' };

/** Who is told. A commission's agent is told where the directory holds a phone for them (none yet). */
export type NoticeRecipient = 'applicant';

/** The outbox entry's payload (topic `notices`, subject = the case id, id = `<event>#<channel>#<recipient>`). */
export interface NoticePayload {
  event: NoticeEvent;
  channel: NoticeChannel;
  recipient: NoticeRecipient;
  caseNumber: string;
  officeId: string;
  /** The provider's approved template and the values of its variables. */
  templateCode: string;
  vars?: Record<string, string>;
  /** The text as the applicant reads it (signature included), for the timeline. */
  text: string;
  phoneMasked: string;
  /** The applicant's sealed contact (the case's own seal): opened only to send. */
  sealed: Sealed;
}

/** A notice as stored: the payload and the consumer's progress on the outbox entry. */
export interface StoredNotice {
  caseId: string;
  id: string;
  at: string;
  payload: NoticePayload;
  status: NoticeStatus | 'sending';
  /** When the status last changed. */
  statusAt: string;
  reason?: string;
  /** Held by quiet hours until this instant. */
  heldUntil?: string;
  attempts?: number;
  /** The provider's message id (Alibaba BizId, Tencent SerialNo), for its delivery receipt. */
  providerId?: string;
  /** A claim in flight: who sends, since when (a crashed attempt is taken over after a while). */
  claim?: string;
  claimedAt?: string;
}

/** `GET /api/cases/{id}/notices`: one line per notice. */
export interface NoticeView {
  event: NoticeEvent;
  channel: NoticeChannel;
  status: NoticeStatus;
  phoneMasked: string;
  text: string;
  /** When the status was reached (ISO). */
  at: string;
  /** Why it failed, or why it waits (quiet hours). */
  reason?: string;
}

export const noticeView = (n: StoredNotice): NoticeView => ({
  event: n.payload.event,
  channel: n.payload.channel,
  status: n.status === 'sending' ? 'queued' : n.status,
  phoneMasked: n.payload.phoneMasked,
  text: n.payload.text,
  at: n.statusAt,
  ...(n.reason ? { reason: n.reason } : n.heldUntil && n.status === 'queued' ? { reason: `夜间免打扰，${bjDateTime(n.heldUntil)} 发送` } : {}),
});
