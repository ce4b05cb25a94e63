import type { Clock } from '../platform/clock.ts';
import type { Sealer } from '../cases/ports.ts';
import type { CaseStore } from '../cases/ports.ts';
import type { NoticesConfig } from './config.ts';
import type { NoticeStatus, StoredNotice } from './model.ts';
import type { JsonSecret } from '../platform/json-secret.ts';

/** A change of a notice's progress, written only while the claim that made it holds. */
export interface Settlement {
  status: NoticeStatus;
  statusAt: string;
  reason?: string;
  providerId?: string;
  /** One more attempt made (a retry). */
  attempted?: boolean;
}

/** The notices' outbox entries (OUTBOX#notices#<case>) and the per-phone daily caps (NOTICECAP#…). */
export interface NoticeStore {
  get(caseId: string, id: string): Promise<StoredNotice | undefined>;
  /** A case's notices, oldest first. */
  list(caseId: string): Promise<StoredNotice[]>;
  /** Marks a queued notice held (quiet hours) until an instant; a notice in any other state is left alone. */
  hold(caseId: string, id: string, until: string): Promise<void>;
  /**
   * Claims a queued notice for one delivery attempt — or one whose claim is older than
   * `staleBefore` (an attempt that died). False when it is sent, failed or claimed by another.
   */
  claim(caseId: string, id: string, claim: string, at: string, staleBefore: string): Promise<boolean>;
  /** Settles what `claim` holds (sent, failed, or queued again to retry). False when the claim was lost. */
  settle(caseId: string, id: string, claim: string, s: Settlement): Promise<boolean>;
  /** A delivery receipt: a sent notice, found by its provider id, becomes delivered or failed. False when unknown. */
  receipt(caseId: string, id: string, providerId: string, s: Settlement): Promise<boolean>;
  /** Takes one of a phone's `cap` texts of a Beijing day (key: keyed hash of the phone); false when none is left. */
  takeCap(phoneKey: string, day: string, cap: number, expiresAt: Date): Promise<boolean>;
  giveBackCap(phoneKey: string, day: string): Promise<void>;
}

/** One text to hand to the channel. */
export interface OutgoingText {
  /** Idempotency key for the channel (case + notice id). */
  key: string;
  phone: string;
  signName: string;
  templateCode: string;
  vars: Record<string, string>;
  text: string;
  event: string;
  caseNumber: string;
}

/** What a channel answered: sent (with its message id), refused for good, or to be tried again. */
export type SendResult = { outcome: 'sent'; providerId: string } | { outcome: 'refused'; reason: string } | { outcome: 'retry'; reason: string };

/** The channel behind one port: Alibaba Cloud SMS, Tencent Cloud SMS, or the county's JSON webhook. */
export interface TextChannel {
  send(t: OutgoingText): Promise<SendResult>;
}

/** The channel's credentials (Secrets Manager in AWS; locally the fake provider's demo keys). */
export type Credentials = JsonSecret;

export interface DeliverPorts {
  store: NoticeStore;
  channel: () => TextChannel;
  /** Opens the sealed phone and gives its keyed hash (the daily cap's key). */
  sealer: Pick<Sealer, 'unseal' | 'lookupHash'>;
  config: () => NoticesConfig;
  clock: Clock;
}

export interface NoticeQueryPorts {
  store: Pick<NoticeStore, 'list'>;
  cases: Pick<CaseStore, 'get'>;
}
