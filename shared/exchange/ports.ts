import type { AuditInput } from '../audit/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { OfficeDirectory } from '../offices/ports.ts';
import type { ExchangeConfig } from './config.ts';
import type { RecordStatus, StoredRecord } from './model.ts';
import type { JsonSecret } from '../platform/json-secret.ts';

/** A change of a record's progress, written only while the claim that made it holds. */
export interface Settlement {
  status: RecordStatus;
  statusAt: string;
  reason?: string;
  ackId?: string;
  /** One more push made. */
  attempted?: boolean;
}

/** The stage records (outbox entries `OUTBOX#exchange#<case>`, X1/X2 in AccessPatterns.md). */
export interface ExchangeStore {
  /** A case's records in their sequence (strongly consistent). */
  list(caseId: string): Promise<StoredRecord[]>;
  /**
   * Claims a pending record for one push — or one whose claim is older than `staleBefore` (a push
   * that died). False when it is acknowledged, rejected or claimed by another.
   */
  claim(caseId: string, id: string, claim: string, at: string, staleBefore: string): Promise<boolean>;
  /** Settles what `claim` holds. False when the claim was lost. */
  settle(caseId: string, id: string, claim: string, s: Settlement): Promise<boolean>;
  /** A rejected record corrected (its 事项编码, a note) and pending again. False when it is not rejected. */
  correct(caseId: string, id: string, fix: { itemCode?: string | undefined; by: string; at: string; note: string }): Promise<boolean>;
  /** X2: a Beijing day's records, oldest first, at most `max`. */
  ofDay(day: string, max: number): Promise<StoredRecord[]>;
}

/** What the province answered a push: acknowledged (a duplicate is answered "already received": the same), rejected with its reason, or to try again. */
export type PushResult =
  { outcome: 'acknowledged'; ackId: string; duplicate: boolean } | { outcome: 'rejected'; reason: string } | { outcome: 'retry'; reason: string };

/** The province's interface behind one port (HTTPS JSON, or form + XML). */
export interface ProvinceGateway {
  push(recordId: string, fields: Record<string, string>): Promise<PushResult>;
  /** The province's own count of a day's records, where its interface gives one. */
  count(day: string): Promise<number | undefined>;
}

/** The province's credentials (a token, or the key that signs requests): the county's secret. */
export type ProvinceCredentials = JsonSecret;

export interface ExchangePorts {
  store: ExchangeStore;
  gateway: () => ProvinceGateway;
  offices: OfficeDirectory;
  config: () => ExchangeConfig;
  clock: Clock;
}

export interface ExchangeAdminPorts extends ExchangePorts {
  /** The audit trail (a correction and re-send is an audited act). */
  audit: (a: AuditInput) => Promise<void>;
}
