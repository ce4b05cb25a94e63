/**
 * The deployed functions and what each may touch, as data. Routes (routes.ts) name the function
 * that serves them; the CDK stack builds one Lambda per entry here, dispatching to the same
 * per-route handler modules the local gateway runs, and gives each function's role exactly the
 * grants listed — nothing stack-wide. Grouping routes by context keeps a county's few requests a
 * minute on a few warm functions; splitting where the grants differ keeps least privilege
 * (only `login` signs tokens, only `cases-view-id` decrypts personal data, public functions write
 * no table).
 */

/**
 * What a function may do. `<table>:read|write` covers the table and its indexes; the narrower
 * grants are conditioned on the items' partition keys (dynamodb:LeadingKeys).
 */
export type Grant =
  | 'catalog:read'
  | 'catalog:write'
  | 'cases:read'
  | 'cases:write'
  /** Only the public look-up counters (RATE#…) of the cases table. */
  | 'cases:public-counter'
  /** Only the counters of queries people could not find (SEARCHMISS#…, ADD) of the catalog table. */
  | 'catalog:search-misses'
  | 'ratings:read'
  | 'ratings:write'
  /**
   * The public rating route: a case's own rating and task (RATING#…) and the monthly counters
   * (RSTATS#…) of the ratings table, every write conditional or an ADD — nothing else.
   */
  | 'ratings:public-rate'
  /** Only the published disclosure documents (DISCLOSURE) of the ratings table: no personal data in them. */
  | 'ratings:disclosure-read'
  /** The provincial feed bucket: write the day's files / read them for the county admin. */
  | 'feed:write'
  | 'feed:read'
  | 'directory:read'
  | 'directory:write'
  /** Only the working-day calendar (CALENDAR) of the directory table. */
  | 'directory:calendar-read'
  | 'directory:calendar-write'
  /** The authorizer: read sessions and users, update sessions (SESSION#…, USER#…). */
  | 'directory:sessions'
  /** Put new audit events; never read, update or delete them. */
  | 'audit:append'
  | 'audit:read'
  /** Envelope-seal applicants' ID numbers and phones (GenerateDataKey on the personal-data key). */
  | 'pii:seal'
  /** Open sealed personal data (Decrypt on the personal-data key): the audited ID view only. */
  | 'pii:unseal'
  /** Keyed hash of ID numbers for lookups (GenerateMac). */
  | 'lookup:mac'
  | 'token:sign'
  | 'token:verify'
  | 'queue:delegation:send'
  /** Move the delegation DLQ's messages back to the queue (receive + delete on the DLQ, send on the queue). */
  | 'queue:delegation:redrive'
  /** Put an alert and its outbox entry (ALERT#…, OUTBOX) on the cases table: other contexts raising into the inbox. */
  | 'alerts:raise'
  /** Hand stored alerts and digests to the delivery queue (the outbox relay). */
  | 'queue:alerts:send'
  | 'topic:publish'
  /** PutObject into the locked audit archive (never delete). */
  | 'audit:archive'
  // materials as files and the electronic archive (shared/cases/materials.ts, shared/archive)
  /** Presign PUTs into the materials bucket, read and delete what was uploaded there. */
  | 'materials:upload'
  /** Read material files (the archive builds its packages from them). */
  | 'materials:read'
  /** Put packages into the locked archive bucket (with their retention) and read them back. */
  | 'archive:write'
  /** Read archive packages (download, transfer). */
  | 'archive:read'
  /** Delete a package whose retention has ended (two approvals first; S3 Object Lock refuses earlier). */
  | 'archive:destroy'
  /** DescribeTable and GetTopicAttributes: the health check, no data. */
  | 'health:describe'
  // the hall: the windows' function reads and writes its table; the public one only slot counters,
  // appointments, tickets and its rate counters (LeadingKeys), never deleting
  | 'hall:write'
  /** Read the hall table (the to-do list: a station's open home visits). */
  | 'hall:read'
  | 'hall:public'
  // the transactional outbox and notices (shared/platform/outbox.ts, shared/notices)
  /** Send to every outbox topic's queue (the relay). */
  | 'queue:outbox:send'
  /** Read and update the notices' outbox entries (OUTBOX#notices#…) and the per-phone daily caps (NOTICECAP#…) of the cases table: nothing else. */
  | 'notices:deliver'
  /** The SMS provider's credentials (Secrets Manager). */
  | 'notices:credentials'
  /** Move the notices DLQ's messages back to the queue. */
  | 'queue:notices:redrive'
  /** Move the archive DLQ's messages back to the queue (a package the consumer could not build). */
  | 'queue:archive:redrive'
  // the provincial exchange (shared/exchange)
  /** Read and update the exchange's outbox entries (OUTBOX#exchange#…) and read a day's (gsi2 XCHG#…) of the cases table: nothing else. */
  | 'exchange:push'
  /** Put a stage record into the cases table's outbox (OUTBOX#exchange#… only): the ratings' 评价 record, written with the rating. */
  | 'exchange:record'
  /** The province's credentials (Secrets Manager). */
  | 'exchange:credentials'
  /** Move the exchange DLQ's messages back to the queue. */
  | 'queue:exchange:redrive';

export interface FunctionDef {
  readonly id: string;
  readonly description: string;
  readonly uses: readonly Grant[];
  readonly timeoutSeconds?: number;
}

/**
 * Functions that draw PDFs (shared/documents/pdf.ts): only their bundle directories carry the PDF
 * drawer (its own file, loaded on the first PDF), the Chinese font (8 MB) and HarfBuzz's subsetter
 * (wasm), put beside the bundle at synth (infra/constructs/bundling.ts pdfBundleCommands). Keys:
 * `http-<id>`, `queue-<id>`.
 */
export const PDF_RENDERERS: readonly string[] = ['http-documents'];

/** The files a PDF renderer needs beside its bundle, as paths under node_modules (resolved there at run time). */
export const PDF_ASSETS: readonly string[] = [
  '@embedpdf/fonts-sc/package.json',
  '@embedpdf/fonts-sc/dist/index.cjs',
  '@embedpdf/fonts-sc/fonts/NotoSansHans-Regular.otf',
  'harfbuzzjs/package.json',
  'harfbuzzjs/dist/harfbuzz-subset.wasm',
];

const CASE_WORK: readonly Grant[] = [
  'cases:write',
  'catalog:read',
  'directory:calendar-read',
  'directory:read',
  'audit:append',
  'pii:seal',
  'lookup:mac',
  'queue:delegation:send',
];

/** Functions serving HTTP routes. */
export const HTTP_FUNCTIONS = [
  { id: 'health', description: 'GET /api/health and the OpenAPI document', uses: ['health:describe'] },
  { id: 'public', description: 'Public catalog and due dates', uses: ['catalog:read', 'catalog:search-misses', 'directory:calendar-read'] },
  { id: 'public-status', description: 'Public case status by number and phone4', uses: ['cases:read', 'cases:public-counter'] },
  { id: 'login', description: 'Sign-in: the only function that signs tokens', uses: ['directory:write', 'audit:append', 'token:sign'] },
  { id: 'identity', description: 'Own account, staff and offices', uses: ['directory:write', 'audit:append'] },
  { id: 'audit', description: 'Audit browse and export', uses: ['audit:read', 'audit:append', 'directory:read'] },
  { id: 'catalog-admin', description: 'Catalog editing, import and export', uses: ['catalog:write', 'audit:append'] },
  { id: 'calendar', description: 'Working-day calendar years', uses: ['directory:calendar-write', 'audit:append'] },
  { id: 'cases', description: 'Intake, work lists and case actions', uses: CASE_WORK },
  {
    id: 'cases-view-id',
    description: 'The audited full ID view and the phone for a 差评 callback: the only function that opens personal data',
    // ratings:read: the phone only for a case with a 差评 task of the caller's office
    uses: ['cases:read', 'ratings:read', 'pii:unseal', 'audit:append'],
  },
  // 电子监察: alert inbox, 督办, county-wide lists, dashboards (reads cases, writes alerts/orders; never opens personal data)
  {
    id: 'supervision',
    description: 'Alert inbox, 督办, county-wide views and dashboards',
    uses: ['cases:write', 'catalog:read', 'directory:read', 'directory:calendar-read', 'audit:append'],
  },
  {
    id: 'ratings',
    description: '好差评: window evaluator, hotline entries, 差评整改, statistics, provincial feed files',
    uses: ['ratings:write', 'cases:read', 'directory:calendar-read', 'directory:read', 'audit:append', 'feed:read', 'exchange:record'],
  },
  // 待办: reads only (the inbox, work lists, due cases, 督办单 and 差评 tasks), writes nothing
  {
    id: 'todos',
    description: 'The to-do list of the workbench: a read model over cases, hops, 督办, 差评整改 and home visits',
    uses: ['cases:read', 'ratings:read', 'directory:read', 'directory:calendar-read', 'hall:read'],
  },
  { id: 'disclosure', description: 'Public disclosure (六公开): the published results and monthly ratings, nothing else', uses: ['ratings:disclosure-read'] },
  {
    id: 'public-rating',
    description: 'Public 好差评 of a case by number and phone4 (or query code)',
    uses: ['cases:read', 'cases:public-counter', 'directory:calendar-read', 'ratings:public-rate', 'exchange:record'],
  },
  // the hall: 预约, the kiosk (取号), the calling screen — public; the windows (叫号) and the hall's figures — staff
  {
    id: 'hall-public',
    description: 'Public hall: slots, bookings, kiosk tickets, the calling screen',
    uses: ['hall:public', 'catalog:read', 'directory:calendar-read', 'pii:seal', 'lookup:mac'],
  },
  {
    id: 'windows',
    description: "The windows: calling, recall, transfer; the day's appointments; waiting and service times; home visits",
    uses: ['hall:write', 'directory:read', 'audit:append'],
  },
  // documents as PDF (shared/documents): reads only; the one HTTP function whose bundle carries the Chinese font
  { id: 'documents', description: 'Case documents and the 委托代办单 as PDF', uses: ['cases:read', 'catalog:read', 'directory:read'], timeoutSeconds: 29 },
  // materials as files: presigns uploads to and downloads from the materials bucket, checks and deletes what was uploaded
  {
    id: 'materials',
    description: 'Material files: presigned upload, byte check, audited download; the archive: packages, 鉴定销毁, 移交',
    uses: ['cases:write', 'audit:append', 'materials:upload', 'archive:read', 'archive:destroy'],
  },
  // the provincial exchange: the day's reconciliation and 更正后重发 (county admin); hosts the exchange queue's consumer (queues.ts)
  {
    id: 'exchange',
    description: 'Provincial exchange: daily reconciliation, correct and re-send; pushes stage records to the province',
    uses: ['exchange:push', 'exchange:credentials', 'directory:read', 'audit:append'],
    timeoutSeconds: 29,
  },
] as const satisfies readonly FunctionDef[];

export type HttpFunctionId = (typeof HTTP_FUNCTIONS)[number]['id'];

/** The Lambda authorizer. */
export const AUTHORIZER_USES: readonly Grant[] = ['directory:sessions', 'token:verify'];

/** Queue consumers by queue id, and scheduled functions by schedule id. */
export const CONSUMER_USES: Record<string, readonly Grant[]> = {
  delegation: ['cases:write', 'directory:read', 'audit:append'],
  // delivery of alerts and digests: marks each channel delivered; office names for the text
  alerts: ['cases:write', 'directory:read', 'topic:publish'],
  // texts: its own outbox entries and caps only; opens the sealed phone (never stored or logged whole)
  // and keys the phone's daily cap by its keyed hash (lookup:mac), never by the number
  notices: ['notices:deliver', 'pii:unseal', 'lookup:mac', 'notices:credentials'],
  // the archive (hosted by the documents function, queues.ts): reads the case, its item, offices and files;
  // writes its record (+ audit) and the locked package
  archive: ['cases:write', 'catalog:read', 'directory:read', 'audit:append', 'materials:read', 'archive:write'],
  // the provincial exchange (hosted by the exchange function, queues.ts): its own outbox entries, the
  // office tree (办理层级), the province's credentials
  exchange: ['exchange:push', 'exchange:credentials', 'directory:read'],
};
export const SCHEDULE_USES: Record<string, readonly Grant[]> = {
  // cards, alerts and their outbox in one transaction; the outbox to the delivery queue
  'overdue-scan': ['cases:write', 'directory:calendar-read', 'queue:alerts:send'],
  'daily-digest': ['cases:write', 'queue:alerts:send'],
  // overdue 差评整改 into the alert inbox (delivered from its outbox by the overdue scan's relay)
  'rectification-overdue': ['ratings:write', 'alerts:raise'],
  'disclosure-publish': ['cases:read', 'ratings:write', 'directory:read'],
  'provincial-feed': ['cases:read', 'ratings:read', 'directory:read', 'feed:write'],
};

/** Stream consumers by id (functions/streams/<id>.ts); the stream read itself comes with the event source. */
export const STREAM_USES: Record<string, readonly Grant[]> = {
  'audit-archive': ['audit:archive'],
  'outbox-relay': ['queue:outbox:send'],
};

/** Operators' functions, invoked by hand (`aws lambda invoke`): `functions/ops/<id>.ts`. */
export const OPS_USES: Record<string, readonly Grant[]> = {
  redrive: ['queue:delegation:redrive', 'queue:notices:redrive', 'queue:archive:redrive', 'queue:exchange:redrive'],
};

/** Grants that write data (used by tests: public functions hold none but their counters). */
export const WRITE_GRANTS: readonly Grant[] = [
  'catalog:write',
  'cases:write',
  'ratings:write',
  'ratings:public-rate',
  'directory:write',
  'directory:calendar-write',
  'audit:append',
  'feed:write',
  'alerts:raise',
  'hall:write',
  'hall:public',
];
