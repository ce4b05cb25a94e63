import { TABLES, type TableId } from '../../shared/platform/tables.ts';
import { QUEUES, TOPICS, type QueueId, type TopicId } from '../../shared/platform/queues.ts';
import { BUCKETS, type BucketId } from '../../shared/platform/buckets.ts';
import { flattenOffices, type CountyConfig } from './county-config.ts';
import { rulesFrom } from '../../shared/supervision/rules.ts';
import { webhookTarget } from '../../shared/supervision/webhooks.ts';
import { noticesEnv } from '../../shared/notices/config.ts';
import { exchangeEnv } from '../../shared/exchange/config.ts';

/**
 * THE environment of a county's functions: every county setting, plus the physical resources they
 * use. The CDK stack calls it with CloudFormation tokens and KMS keys, the local platform with the
 * emulators' names and dev key files, so a setting tried locally behaves as it will deployed.
 * shared/platform/runtime-config.ts is the receiving end.
 */
export interface FunctionResources {
  readonly tables: Readonly<Record<TableId, string>>;
  /** Queue URLs. */
  readonly queues: Readonly<Record<QueueId, string>>;
  /** Topic ARNs. */
  readonly topics: Readonly<Record<TopicId, string>>;
  /** Bucket names. */
  readonly buckets: Readonly<Record<BucketId, string>>;
  /** KMS key ids in AWS; locally, files holding generated dev keys (KMS is not emulated). */
  readonly keys: { readonly kms: { data: string; jwt: string; lookup: string } } | { readonly devFiles: { data: string; jwt: string } };
  /**
   * With CloudFront in front (deployed only: there is no edge locally): the secret header value
   * CloudFront adds, without which the API answers nobody, and the header carrying the viewer's address.
   */
  readonly edge?: { readonly originVerify: string };
  /** The locked audit archive bucket (deployed; its writer is the audit table's stream consumer). */
  readonly auditArchiveBucket?: string;
  /** The notices channel's credentials (Secrets Manager ARN, deployed; locally the fake provider's demo keys). */
  readonly noticeCredentialsSecret?: string;
  /** The province's credentials for the exchange (Secrets Manager ARN, deployed; locally the fake province's demo values). */
  readonly exchangeCredentialsSecret?: string;
}

/** The county's hall block with each office's name from the office tree (the public pages show it). */
const hallJson = (county: CountyConfig): string => {
  const names = new Map(flattenOffices(county.offices).map((o) => [o.id, o.name]));
  return JSON.stringify({ ...county.hall, offices: county.hall!.offices.map((o) => ({ ...o, name: o.name ?? names.get(o.officeId) })) });
};

export const functionEnvironment = (county: CountyConfig, res: FunctionResources): Record<string, string> => ({
  COUNTY_CODE: county.code,
  POWERTOOLS_SERVICE_NAME: `bianmin-${county.code}`,
  AUDIT_RETENTION_DAYS: String(county.auditRetentionDays),
  YELLOW_CARD_WORKDAYS: String(county.thresholds.yellowCardWorkdays),
  HAND_OVER_WORKDAYS: String(county.phaseLimits.handOverWorkdays),
  RECEIVE_WORKDAYS: String(county.phaseLimits.receiveWorkdays),
  SUPERVISION_RULES_JSON: JSON.stringify(rulesFrom(county.supervision, county.supervision?.yellowLeadWorkdays ?? county.thresholds.yellowCardWorkdays)),
  ALERT_WEBHOOKS_JSON: JSON.stringify(county.alerts.webhooks.map(webhookTarget)),
  RATING_CALLBACK_WORKDAYS: String(county.ratings.callbackWorkdays),
  RATING_RECTIFY_WORKDAYS: String(county.ratings.rectifyWorkdays),
  TOTP_FOR_ALL: String(county.totpForAll),
  ROLE_SCOPES_JSON: JSON.stringify(county.roleScopes ?? {}),
  // texts to applicants: the status link points at the county's own site unless the config names one
  NOTICES_JSON: noticesEnv(
    county.notices && { ...county.notices, ...(county.notices.siteUrl || !county.domain ? {} : { siteUrl: `https://${county.domain.name}` }) },
  ),
  // the provincial exchange: the county's province profile and endpoint
  EXCHANGE_JSON: exchangeEnv(county.exchange),
  ...(county.hall ? { HALL_JSON: hallJson(county) } : {}),
  // documents (shared/documents): the county's name and legal bodies; its web origin when it has a domain
  COUNTY_NAME: county.name,
  ...(county.legal ? { LEGAL_JSON: JSON.stringify(county.legal) } : {}),
  ...(county.domain ? { WEB_ORIGIN: `https://${county.domain.name}` } : {}),
  ...('kms' in res.keys
    ? { DATA_KMS_KEY_ID: res.keys.kms.data, JWT_KMS_KEY_ID: res.keys.kms.jwt, LOOKUP_KMS_KEY_ID: res.keys.kms.lookup }
    : { DATA_DEV_KEY_FILE: res.keys.devFiles.data, JWT_DEV_KEY_FILE: res.keys.devFiles.jwt }),
  ...Object.fromEntries(TABLES.map((t) => [t.envVar, res.tables[t.id]])),
  ...Object.fromEntries(QUEUES.map((q) => [q.envVar, res.queues[q.id]])),
  ...Object.fromEntries(TOPICS.map((t) => [t.envVar, res.topics[t.id]])),
  ...(res.auditArchiveBucket ? { BUCKET_AUDIT_ARCHIVE: res.auditArchiveBucket } : {}),
  ...(res.noticeCredentialsSecret ? { NOTICE_CREDENTIALS_SECRET: res.noticeCredentialsSecret } : {}),
  ...(res.exchangeCredentialsSecret ? { EXCHANGE_CREDENTIALS_SECRET: res.exchangeCredentialsSecret } : {}),
  ...Object.fromEntries(BUCKETS.map((b) => [b.envVar, res.buckets[b.id]])),
  ...(res.edge ? { ORIGIN_VERIFY_SECRET: res.edge.originVerify, VIEWER_ADDRESS_HEADER: 'cloudfront-viewer-address' } : {}),
});
