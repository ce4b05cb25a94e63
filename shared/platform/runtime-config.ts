import * as z from 'zod';
import { TABLES, type TableId } from './tables.ts';
import { QUEUES, TOPICS, type QueueId, type TopicId } from './queues.ts';
import { BUCKETS, type BucketId } from './buckets.ts';
import { ROLES, SCOPES, type Role, type Scope } from './scopes.ts';

/**
 * What a function reads from its environment, as one schema. The variables are set by the CDK
 * stack in AWS and by the local platform before it imports a handler, both from one derivation
 * (infra/config/function-env.ts), so this is the receiving end of that contract.
 *
 * Resource names are optional here and checked where they are used (`requireVar`): unit tests run
 * the rules with no resources at all. A value that is present but malformed fails the whole parse,
 * naming the variable. Parsed once per container, on first use.
 *
 * A block of settings whose schema belongs to one context (the hall, notices, supervision rules and
 * webhooks) is that context's `configSection`: the platform imports no context.
 */
const text = z.string().min(1);
const whole = (min: number, max: number) => z.string().regex(/^\d+$/, 'expected a whole number').transform(Number).pipe(z.number().int().min(min).max(max));
const flag = z.enum(['true', 'false'], { message: 'expected "true" or "false"' }).transform((v) => v === 'true');

const roleScopesSchema = z.partialRecord(z.enum(ROLES), z.array(z.enum(SCOPES)));
const roleScopesJson = z
  .string()
  .transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'expected JSON' });
      return z.NEVER;
    }
  })
  .pipe(roleScopesSchema);

export const jsonOf = <S extends z.ZodType>(schema: S) =>
  z
    .string()
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'expected JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);

const resourceVars = Object.fromEntries([...TABLES, ...QUEUES, ...TOPICS, ...BUCKETS].map((d) => [d.envVar, text.optional()])) as Record<
  string,
  z.ZodOptional<typeof text>
>;

const envSchema = z.object({
  COUNTY_CODE: z
    .string()
    .regex(/^\d{6}$/, 'expected a 6-digit county code')
    .optional(),
  POWERTOOLS_SERVICE_NAME: text.default('bianmin'),
  ...resourceVars,
  // KMS in AWS; locally the dev key files stand in (generated on first use)
  DATA_KMS_KEY_ID: text.optional(),
  JWT_KMS_KEY_ID: text.optional(),
  LOOKUP_KMS_KEY_ID: text.optional(),
  DATA_DEV_KEY_FILE: text.optional(),
  JWT_DEV_KEY_FILE: text.optional(),
  // county settings (infra/counties/<code>.json); defaults are the county config's defaults
  AUDIT_RETENTION_DAYS: whole(1, 36_500).default(1095),
  YELLOW_CARD_WORKDAYS: whole(0, 10).default(2),
  HAND_OVER_WORKDAYS: whole(0, 10).default(1),
  RECEIVE_WORKDAYS: whole(0, 10).default(1),
  RATING_CALLBACK_WORKDAYS: whole(1, 5).default(1),
  RATING_RECTIFY_WORKDAYS: whole(1, 30).default(15),
  TOTP_FOR_ALL: flag.default(false),
  ROLE_SCOPES_JSON: roleScopesJson.default({}),
  CATALOG_INDEX_CHECK_SECONDS: whole(0, 86_400).default(30),
  // CloudFront in front (deployed only): the header only CloudFront sends, and where it puts the viewer's address
  ORIGIN_VERIFY_SECRET: text.optional(),
  // the locked copy of the audit trail (the archive function and the verify command)
  BUCKET_AUDIT_ARCHIVE: text.optional(),
  VIEWER_ADDRESS_HEADER: text.optional(),
  // texts to applicants (shared/notices): the county's channel and template registry (NOTICES_JSON,
  // notices/config.ts); its credentials' secret
  NOTICE_CREDENTIALS_SECRET: text.optional(),
  /** Locally: the fake SMS provider (or webhook receiver) in place of the county's endpoint. */
  NOTICE_ENDPOINT_OVERRIDE: z.url().optional(),
  // the provincial exchange (shared/exchange): the county's province profile and endpoint (EXCHANGE_JSON,
  // exchange/config.ts); its credentials' secret
  EXCHANGE_CREDENTIALS_SECRET: text.optional(),
  /** Locally: the fake province in place of the province's endpoint. */
  EXCHANGE_ENDPOINT_OVERRIDE: z.url().optional(),
  // documents and the archive (shared/documents, shared/archive): the county's name and 复议机关/court on its documents, its web origin
  COUNTY_NAME: text.optional(),
  LEGAL_JSON: jsonOf(z.object({ reviewBody: z.string().optional(), court: z.string().optional() })).optional(),
  WEB_ORIGIN: text.optional(),
});

export interface RuntimeConfig {
  readonly countyCode: string | undefined;
  readonly serviceName: string;
  readonly tables: Readonly<Partial<Record<TableId, string>>>;
  readonly queues: Readonly<Partial<Record<QueueId, string>>>;
  readonly topics: Readonly<Partial<Record<TopicId, string>>>;
  readonly buckets: Readonly<Partial<Record<BucketId, string>>>;
  readonly kmsKeys: { readonly data?: string; readonly jwt?: string; readonly lookup?: string };
  readonly devKeyFiles: { readonly data?: string; readonly jwt?: string };
  readonly auditRetentionDays: number;
  readonly yellowCardWorkdays: number;
  /** The network's phase limits in working days (county config `phaseLimits`). */
  readonly phaseLimits: { readonly handOverWorkdays: number; readonly receiveWorkdays: number };
  /** 差评 callback and rectification limits, in working days. */
  readonly ratings: { readonly callbackWorkdays: number; readonly rectifyWorkdays: number };
  readonly totpForAll: boolean;
  readonly roleScopes: Readonly<Partial<Record<Role, Scope[]>>>;
  readonly catalogIndexCheckSeconds: number;
  readonly auditArchiveBucket: string | undefined;
  readonly edge: { readonly originVerify?: string; readonly viewerAddressHeader?: string };
  /** Texts to applicants: where the county's provider credentials are; locally, the fake provider in place of its endpoint. */
  readonly noticeCredentialsSecret: string | undefined;
  readonly noticeEndpointOverride: string | undefined;
  /** The provincial exchange: where the province's credentials are; locally, the fake province in place of its endpoint. */
  readonly exchangeCredentialsSecret: string | undefined;
  readonly exchangeEndpointOverride: string | undefined;
  /** What the county's documents say of it (shared/documents). */
  readonly documents: { readonly countyName: string; readonly legal?: { reviewBody?: string; court?: string }; readonly webOrigin?: string };
}

class RuntimeConfigError extends Error {}

const byId = <Id extends string>(defs: ReadonlyArray<{ id: Id; envVar: string }>, env: Record<string, unknown>): Partial<Record<Id, string>> =>
  Object.fromEntries(defs.flatMap((d) => (typeof env[d.envVar] === 'string' ? [[d.id, env[d.envVar]]] : []))) as Partial<Record<Id, string>>;

/** Parses an environment (process.env by default); an empty value counts as unset. */
export const parseRuntimeConfig = (env: Readonly<Record<string, string | undefined>>): RuntimeConfig => {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const r = envSchema.safeParse(present);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${String(i.path[0] ?? '?')}: ${i.message}`);
    throw new RuntimeConfigError(`malformed environment variable(s):\n${lines.join('\n')}`);
  }
  const e = r.data;
  return {
    countyCode: e.COUNTY_CODE,
    serviceName: e.POWERTOOLS_SERVICE_NAME,
    tables: byId(TABLES, e),
    queues: byId(QUEUES, e),
    topics: byId(TOPICS, e),
    buckets: byId(BUCKETS, e),
    kmsKeys: { data: e.DATA_KMS_KEY_ID, jwt: e.JWT_KMS_KEY_ID, lookup: e.LOOKUP_KMS_KEY_ID },
    devKeyFiles: { data: e.DATA_DEV_KEY_FILE, jwt: e.JWT_DEV_KEY_FILE },
    auditRetentionDays: e.AUDIT_RETENTION_DAYS,
    yellowCardWorkdays: e.YELLOW_CARD_WORKDAYS,
    phaseLimits: { handOverWorkdays: e.HAND_OVER_WORKDAYS, receiveWorkdays: e.RECEIVE_WORKDAYS },
    ratings: { callbackWorkdays: e.RATING_CALLBACK_WORKDAYS, rectifyWorkdays: e.RATING_RECTIFY_WORKDAYS },
    totpForAll: e.TOTP_FOR_ALL,
    roleScopes: e.ROLE_SCOPES_JSON,
    catalogIndexCheckSeconds: e.CATALOG_INDEX_CHECK_SECONDS,
    auditArchiveBucket: e.BUCKET_AUDIT_ARCHIVE,
    edge: { originVerify: e.ORIGIN_VERIFY_SECRET, viewerAddressHeader: e.VIEWER_ADDRESS_HEADER?.toLowerCase() },
    noticeCredentialsSecret: e.NOTICE_CREDENTIALS_SECRET,
    noticeEndpointOverride: e.NOTICE_ENDPOINT_OVERRIDE,
    exchangeCredentialsSecret: e.EXCHANGE_CREDENTIALS_SECRET,
    exchangeEndpointOverride: e.EXCHANGE_ENDPOINT_OVERRIDE,
    documents: { countyName: e.COUNTY_NAME ?? '', ...(e.LEGAL_JSON ? { legal: e.LEGAL_JSON } : {}), ...(e.WEB_ORIGIN ? { webOrigin: e.WEB_ORIGIN } : {}) },
  };
};

let cached: RuntimeConfig | undefined;

/** The configuration of this container, parsed from process.env on first use. */
export const runtimeConfig = (): RuntimeConfig => (cached ??= parseRuntimeConfig(process.env));

/** Bumped by every reset: what was built from the old configuration is built again. */
let generation = 0;

/** The local platform and tests re-point process.env between stacks; Lambda never calls this. */
export const resetRuntimeConfig = (): void => {
  cached = undefined;
  generation++;
};

/** Which configuration a container-scoped value was built from (see `containerSlot`). */
export const configGeneration = (): number => generation;

/**
 * A value kept for the life of the container (a context's wiring, a cached index): Lambda builds
 * it once. The local platform and tests re-point process.env at another county in one process
 * (resetRuntimeConfig); the value is then built again rather than carried over from the last one.
 * `const kept = containerSlot<T>()` at module top, `kept.get(() => build())` where it is used:
 * the slot is free of side effects and the builder sits inside the function that uses it, so a
 * bundle keeps only the wiring its function calls.
 */
/* @__NO_SIDE_EFFECTS__ */
export function containerSlot<T>(): { get(make: () => T): T } {
  let kept: { generation: number; value: T } | undefined;
  return {
    get: (make) => {
      if (kept?.generation !== generation) kept = { generation, value: make() };
      return kept.value;
    },
  };
}

/**
 * A value read from the tables and kept a while (the office tree, item names): loaded again after
 * `ttlMs`, or when the container is re-pointed (as `containerSlot`). A failed load is not kept, so
 * the next call tries again. Concurrent callers share one load.
 */
/* @__NO_SIDE_EFFECTS__ */
export function keptFor<T>(ttlMs: number): { get(load: () => Promise<T>): Promise<T> } {
  let kept: { at: number; generation: number; value: Promise<T> } | undefined;
  return {
    get: (load) => {
      const now = Date.now();
      if (!kept || now - kept.at > ttlMs || kept.generation !== generation) {
        const entry = { at: now, generation, value: load() };
        kept = entry;
        entry.value.catch(() => {
          if (kept === entry) kept = undefined;
        });
      }
      return kept.value;
    },
  };
}

/**
 * A block of the county's settings that one context owns, with that context's schema: JSON in one
 * environment variable, parsed on first use and kept as the runtime config is (again after a
 * reset). Unset or empty: the fallback. Malformed: an error naming the variable, as above.
 */
/* @__NO_SIDE_EFFECTS__ */
export function configSection<S extends z.ZodType>(envVar: string, schema: S, fallback: z.output<S>): { get(): z.output<S> } {
  const parser = jsonOf(schema);
  let kept: { generation: number; value: z.output<S> } | undefined;
  const parse = (raw: string | undefined): z.output<S> => {
    if (raw === undefined || raw === '') return fallback;
    const r = parser.safeParse(raw);
    if (!r.success) throw new RuntimeConfigError(`malformed environment variable(s):\n  ${envVar}: ${r.error.issues[0]?.message ?? 'invalid'}`);
    return r.data;
  };
  return {
    get: () => {
      if (kept?.generation !== generation) kept = { generation, value: parse(process.env[envVar]) };
      return kept.value;
    },
  };
}

/** A value a function cannot run without; the error names the variable that should carry it. */
export const requireVar = <T>(value: T | undefined, envVar: string): T => {
  if (value === undefined) throw new RuntimeConfigError(`environment variable ${envVar} is not set`);
  return value;
};
