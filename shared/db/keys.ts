/**
 * Every DynamoDB key of Bianmin, in one module. Read AccessPatterns.md beside this file first.
 * Keys are built only here, so a change of layout is one diff. Index attribute names follow
 * shared/platform/tables.ts (gsiNpk/gsiNsk).
 */

/** Number of write shards of the open-cases-by-due index (gsi3 of cases). */
export const OPEN_SHARDS = 4;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export const catalogKeys = {
  /** One item version. */
  version: (code: string, version: number) => ({ pk: `ITEM#${code}`, sk: `V#${pad(version, 6)}` }),
  versionsOf: (code: string) => ({ pk: `ITEM#${code}`, skPrefix: 'V#' }),
  /** The current published copy; carries gsi1 while published (sparse: withdrawn items drop out). */
  current: (code: string) => ({ pk: `ITEM#${code}`, sk: 'CURRENT' }),
  publishedIndex: (code: string) => ({ gsi1pk: 'CATALOG', gsi1sk: code }),
  publishedCatalog: () => ({ index: 'gsi1', pk: 'CATALOG' }),
  /** Catalog version counter: bumped on every publish/withdraw so search indexes know to rebuild. */
  meta: () => ({ pk: 'CATALOG', sk: 'META' }),
  /**
   * One small row per item whatever its state (latest version, status, name): the admin list and
   * the import's "does this code exist / which version is next" read this one partition.
   */
  entry: (code: string) => ({ pk: 'CATALOG', sk: `ITEM#${code}` }),
  entries: () => ({ pk: 'CATALOG', skPrefix: 'ITEM#' }),
  /** The county's own lexicon entries (colloquial → catalog words), applied by every search index. */
  lexicon: () => ({ pk: 'CATALOG', sk: 'LEXICON' }),
  /**
   * What people could not find: one counter row per normalized query and Beijing month (ADD only,
   * no personal data), read whole for the county admin's list. Expires a year after its last hit.
   */
  searchMiss: (month: string, query: string) => ({ pk: `SEARCHMISS#${month}`, sk: `Q#${query}` }),
  searchMisses: (month: string) => ({ pk: `SEARCHMISS#${month}`, skPrefix: 'Q#' }),
};

export const caseKeys = {
  case: (id: string) => ({ pk: `CASE#${id}`, sk: 'CASE' }),
  event: (id: string, at: string, seq: number) => ({ pk: `CASE#${id}`, sk: `EVENT#${at}#${pad(seq, 4)}` }),
  eventsOf: (id: string) => ({ pk: `CASE#${id}`, skPrefix: 'EVENT#' }),
  /** A hand-over event keyed by its message id, so a redelivered message cannot add it twice. */
  forwardEvent: (id: string, at: string, forwardId: string) => ({ pk: `CASE#${id}`, sk: `EVENT#${at}#forward#${forwardId}` }),
  /** gsi1: case by public number. */
  byNumber: (number: string) => ({ gsi1pk: `NUM#${number}`, gsi1sk: 'CASE' }),
  /** gsi2: work queue of an office by status, newest first (ScanIndexForward false). */
  byOfficeStatus: (officeId: string, status: string, at: string, id: string) => ({
    gsi2pk: `OFFICE#${officeId}#${status}`,
    gsi2sk: `${at}#${id}`,
  }),
  officeStatus: (officeId: string, status: string) => ({ index: 'gsi2', pk: `OFFICE#${officeId}#${status}` }),
  /**
   * gsi3: open promised cases by due time, write-sharded so no partition runs hot. Only open
   * cases carry these attributes (sparse): the overdue scan reads O(due cases), never O(all).
   */
  openByDue: (id: string, dueAt: string) => ({ gsi3pk: `OPEN#${shardOf(id)}`, gsi3sk: `${dueAt}#${id}` }),
  openShard: (shard: number) => ({ index: 'gsi3', pk: `OPEN#${shard}` }),
  /** gsi4: commissions carried by a village agent. */
  byAgent: (agentId: string, at: string) => ({ gsi4pk: `AGENT#${agentId}`, gsi4sk: at }),
  /** gsi5: cases of an applicant, by keyed hash (HMAC) of the ID number or phone — never the raw value. */
  byApplicant: (applicantHash: string, at: string) => ({ gsi5pk: `APPL#${applicantHash}`, gsi5sk: at }),
  /** Daily sequence behind human-readable numbers (411521-20261122-0042). */
  sequence: (county: string, day: string) => ({ pk: `SEQ#${county}#${day}`, sk: 'SEQ' }),
  idempotency: (key: string) => ({ pk: `IDEM#${key}`, sk: 'IDEM' }),
  /** Public status look-ups per source address and minute (rate limit shared by all containers). */
  publicRate: (ip: string, minute: string) => ({ pk: `RATE#${ip}`, sk: `M#${minute}` }),
  /** Typed look-ups (number + phone4) of one case number in a China day: capped, so phone4 can't be enumerated. */
  publicGuesses: (number: string, day: string) => ({ pk: `RATE#NUM#${number}`, sk: `D#${day}` }),
  /** Daily counters per office and for the whole county (office `*`): dashboards never scan. */
  dailyStats: (officeId: string, day: string) => ({ pk: `STATS#${officeId}`, sk: `DAY#${day}` }),
};

export const shardOf = (id: string): number => {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % OPEN_SHARDS;
};

export const ratingKeys = {
  /** One rating per case: conditional put on this key. */
  rating: (caseId: string) => ({ pk: `RATING#${caseId}`, sk: 'RATING' }),
  byOfficeMonth: (officeId: string, month: string, at: string) => ({ gsi1pk: `OFFICE#${officeId}#${month}`, gsi1sk: at }),
  officeMonth: (officeId: string, month: string) => ({ index: 'gsi1', pk: `OFFICE#${officeId}#${month}` }),
  /** The rectification task of a 差评 lives beside its rating (one partition per case). */
  task: (caseId: string) => ({ pk: `RATING#${caseId}`, sk: 'TASK' }),
  /**
   * gsi1 of a task: open tasks (open or appealed) in one small partition — 差评 are few and closed
   * within weeks — sorted by office, so the overdue rule reads O(open tasks) and a head reads
   * their office's; a closed task moves to its office's month partition.
   */
  openTaskIndex: (officeId: string, ratedAt: string, caseId: string) => ({ gsi1pk: 'RTASKS#OPEN', gsi1sk: `${officeId}#${ratedAt}#${caseId}` }),
  openTasks: () => ({ index: 'gsi1', pk: 'RTASKS#OPEN' }),
  closedTaskIndex: (officeId: string, month: string, ratedAt: string, caseId: string) => ({
    gsi1pk: `RTASKS#DONE#${officeId}#${month}`,
    gsi1sk: `${ratedAt}#${caseId}`,
  }),
  closedTasks: (officeId: string, month: string) => ({ index: 'gsi1', pk: `RTASKS#DONE#${officeId}#${month}` }),
  /** Monthly counters: one partition per month, one row per county / office / item / staff (`dim`). */
  counter: (month: string, dim: string) => ({ pk: `RSTATS#${month}`, sk: dim }),
  countersOf: (month: string) => ({ pk: `RSTATS#${month}` }),
  /** The case a window's evaluator shows (the window = the staff account the tablet is signed in as). */
  evaluator: (windowId: string) => ({ pk: `EVAL#${windowId}`, sk: 'EVAL' }),
  /** Documents of the public disclosure page (六公开), published by a schedule. */
  disclosure: (key: string) => ({ pk: 'DISCLOSURE', sk: key }),
};

export const directoryKeys = {
  office: (id: string) => ({ pk: `OFFICE#${id}`, sk: 'OFFICE' }),
  officeIndex: (parentId: string, id: string) => ({ gsi1pk: 'OFFICES', gsi1sk: `${parentId}#${id}` }),
  allOffices: () => ({ index: 'gsi1', pk: 'OFFICES' }),
  user: (id: string) => ({ pk: `USER#${id}`, sk: 'USER' }),
  /** Uniqueness guard for usernames, written in the same transaction as the user. */
  username: (username: string) => ({ pk: `USERNAME#${username.toLowerCase()}`, sk: 'USERNAME' }),
  userIndex: (officeId: string, username: string) => ({ gsi1pk: `OFFICE#${officeId}#USERS`, gsi1sk: username.toLowerCase() }),
  usersOfOffice: (officeId: string) => ({ index: 'gsi1', pk: `OFFICE#${officeId}#USERS` }),
  session: (id: string) => ({ pk: `SESSION#${id}`, sk: 'SESSION' }),
  /** gsi1 of a session: a user's sessions, so disabling a user revokes them all. */
  sessionIndex: (userId: string, createdAt: string) => ({ gsi1pk: `USER#${userId}#SESSIONS`, gsi1sk: createdAt }),
  sessionsOf: (userId: string) => ({ index: 'gsi1', pk: `USER#${userId}#SESSIONS` }),
  /** Failed logins from one address in a time window (slow-down), expires by TTL. */
  addressFailures: (ip: string, window: string) => ({ pk: `IPFAIL#${ip}`, sk: `W#${window}` }),
  calendarYear: (year: number) => ({ pk: 'CALENDAR', sk: `YEAR#${year}` }),
  /** Login attempts of a username no user has: unknown names lock like real ones. TTL. */
  loginAttempts: (username: string) => ({ pk: `LOGINFAIL#${username.toLowerCase()}`, sk: 'ATTEMPTS' }),
  calendarYears: () => ({ pk: 'CALENDAR', skPrefix: 'YEAR#' }),
};

export const auditKeys = {
  /** Partitioned by month so a date-range browse is a few Queries. */
  event: (at: string, id: string) => ({ pk: `AUDIT#${at.slice(0, 7)}`, sk: `${at}#${id}` }),
  month: (month: string) => ({ pk: `AUDIT#${month}` }),
  byActor: (actorId: string, at: string) => ({ gsi1pk: `ACTOR#${actorId}`, gsi1sk: at }),
  byTarget: (targetType: string, targetId: string, at: string) => ({ gsi2pk: `TARGET#${targetType}#${targetId}`, gsi2sk: at }),
};

/**
 * 电子监察 (S1–S9 in AccessPatterns.md), on the cases table. The look-at index overloads gsi3
 * (the open-by-due index) with partitions of its own (`WATCH#<shard>`), so it needs no new index.
 */
export const supervisionKeys = {
  /** A case's watch: supervision's snapshot of it, the cards given, when to look next. */
  watch: (caseId: string) => ({ pk: `CASE#${caseId}`, sk: 'WATCH' }),
  /** gsi3 of a watch or an open 督办单: due for a look at `lookAt` (sparse: absent when nothing can happen). */
  lookAt: (id: string, lookAt: string) => ({ gsi3pk: `WATCH#${shardOf(id)}`, gsi3sk: `${lookAt}#${id}` }),
  lookShard: (shard: number) => ({ index: 'gsi3', pk: `WATCH#${shard}` }),
  /** A supervision line on the case timeline (K2), keyed by what it records so it cannot be added twice. */
  timeline: (caseId: string, at: string, key: string) => ({ pk: `CASE#${caseId}`, sk: `EVENT#${at}#sup#${key}` }),
  alert: (id: string) => ({ pk: `ALERT#${id}`, sk: 'ALERT' }),
  /** gsi1: the county's alerts by the supervisors' read state, newest first. */
  alertByCounty: (state: string, at: string, id: string) => ({ gsi1pk: `ALERTS#county#${state}`, gsi1sk: `${at}#${id}` }),
  alertsOfCounty: (state: string) => ({ index: 'gsi1', pk: `ALERTS#county#${state}` }),
  /** gsi2: an office's alerts by its own read state, newest first. */
  alertByOffice: (officeId: string, state: string, at: string, id: string) => ({ gsi2pk: `ALERTS#${officeId}#${state}`, gsi2sk: `${at}#${id}` }),
  alertsOfOffice: (officeId: string, state: string) => ({ index: 'gsi2', pk: `ALERTS#${officeId}#${state}` }),
  /** gsi4: the alerts of a case. */
  alertByCase: (caseId: string, at: string, id: string) => ({ gsi4pk: `ALERTS#case#${caseId}`, gsi4sk: `${at}#${id}` }),
  alertsOfCase: (caseId: string) => ({ index: 'gsi4', pk: `ALERTS#case#${caseId}` }),
  /** Stored alerts and digests not yet handed to the delivery queue (one small partition). */
  outbox: (ref: string) => ({ pk: 'OUTBOX', sk: ref }),
  outboxAll: () => ({ pk: 'OUTBOX' }),
  order: (id: string) => ({ pk: `ORDER#${id}`, sk: 'ORDER' }),
  /** gsi1 / gsi2 / gsi4 of a 督办单: by state county-wide, by office and state, by case. */
  orderByState: (state: string, at: string, id: string) => ({ gsi1pk: `ORDERS#county#${state}`, gsi1sk: `${at}#${id}` }),
  ordersInState: (state: string) => ({ index: 'gsi1', pk: `ORDERS#county#${state}` }),
  orderByOffice: (officeId: string, state: string, at: string, id: string) => ({ gsi2pk: `ORDERS#${officeId}#${state}`, gsi2sk: `${at}#${id}` }),
  ordersOfOffice: (officeId: string, state: string) => ({ index: 'gsi2', pk: `ORDERS#${officeId}#${state}` }),
  orderByCase: (caseId: string, at: string, id: string) => ({ gsi4pk: `ORDERS#case#${caseId}`, gsi4sk: `${at}#${id}` }),
  ordersOfCase: (caseId: string) => ({ index: 'gsi4', pk: `ORDERS#case#${caseId}` }),
  /** 问责: one entry per missed 督办 deadline; gsi1 lists them newest first. */
  accountability: (orderId: string) => ({ pk: `ACCT#${orderId}`, sk: 'ACCT' }),
  accountabilityIndex: (at: string, orderId: string) => ({ gsi1pk: 'ACCOUNTABILITY', gsi1sk: `${at}#${orderId}` }),
  accountabilityAll: () => ({ index: 'gsi1', pk: 'ACCOUNTABILITY' }),
  /**
   * Dashboard counters: a month (YYYYMM) or NOW holds every office's, item's and staff member's
   * rows, each write-sharded (`#<0..3>`) so concurrent cases of one office rarely meet on one item.
   */
  tally: (period: string, dim: string, key: string, shard: number) => ({ pk: `TALLY#${period}`, sk: `${dim}#${key}#${shard}` }),
  tallies: (period: string) => ({ pk: `TALLY#${period}` }),
  digest: (audience: string, day: string) => ({ pk: `DIGEST#${audience}`, sk: `DAY#${day}` }),
  /** Marks the demo history as seeded (npm start seeds it once). */
  demoHistory: () => ({ pk: 'DEMO#history', sk: 'SEED' }),
};

/**
 * Data migrations applied to a table, recorded in that table (every table but audit): a table
 * restored from point-in-time recovery carries the records of its moment, so what ran after it
 * runs again.
 */
export const migrationKeys = {
  record: (id: string) => ({ pk: 'MIGRATION', sk: id }),
  all: () => ({ pk: 'MIGRATION' }),
};

/** The first county admin made by `npm run admin:create`: one per county, replaced only with --force. */
export const bootstrapKeys = {
  firstAdmin: () => ({ pk: 'BOOTSTRAP', sk: 'FIRST_ADMIN' }),
};

/** The network (转报, 交办, 联办, 全程代办): inboxes, commissions, late-phase index — all in the cases table. */
export const networkKeys = {
  /** One entry of an office's inbox (待签收): kind, then newest by sending time. */
  inboxEntry: (officeId: string, kind: string, sentAt: string, refId: string) => ({ pk: `INBOX#${officeId}`, sk: `${kind}#${sentAt}#${refId}` }),
  inboxOf: (officeId: string, kind?: string) => ({ pk: `INBOX#${officeId}`, skPrefix: kind ? `${kind}#` : '' }),
  /**
   * gsi3 of an inbox entry: pending hops by the receiver's phase limit, write-sharded like K5 and
   * sparse (only while waiting), so late 签收 is found in O(late), never by a scan.
   */
  pendingByDue: (refId: string, dueAt: string) => ({ gsi3pk: `PHASE#${shardOf(refId)}`, gsi3sk: `${dueAt}#${refId}` }),
  pendingShard: (shard: number) => ({ index: 'gsi3', pk: `PHASE#${shard}` }),
  /** A 全程代办 commission. */
  commission: (id: string) => ({ pk: `COMM#${id}`, sk: 'COMM' }),
  /** gsi4 of a commission (K6): an agent's commissions, newest first. */
  commissionsOfAgent: (agentId: string) => ({ index: 'gsi4', pk: `AGENT#${agentId}` }),
  /** Daily sequence of commission numbers (DB-411521-20261122-0001): the case sequence under `<county>#D`. */
  commissionSequenceCounty: (county: string) => `${county}#D`,
};

/** Finding a case by the applicant's name or phone: a keyed hash (HMAC) of the value, never the value. */
export const findKeys = {
  /** One small item per case and value, written with the case at intake: `FIND#<hmac>`, newest first by `<at>#<caseId>`. */
  entry: (hash: string, at: string, caseId: string) => ({ pk: `FIND#${hash}`, sk: `${at}#${caseId}` }),
  of: (hash: string) => ({ pk: `FIND#${hash}` }),
  /** The applicant's ID number: K7 (gsi5 of the case item). */
  applicant: (hash: string) => ({ index: 'gsi5', pk: `APPL#${hash}` }),
};

/**
 * The hall (H1–H9 in AccessPatterns.md): slot counters, appointments, queue tickets, seats at the
 * windows, waiting/service times, public counters — its own table. gsi1: waiting tickets by lane,
 * appointments by phone hash; gsi2: calls of the day (the screen), appointments of an office's day.
 */
export const hallKeys = {
  /** H1/H2: the bookings of one slot (`group#HHMM`) of an office's day; ADD under a capacity condition. */
  slotCount: (officeId: string, date: string, key: string) => ({ pk: `SLOT#${officeId}#${date}`, sk: key }),
  slotDay: (officeId: string, date: string) => ({ pk: `SLOT#${officeId}#${date}` }),
  appointment: (code: string) => ({ pk: `APPT#${code}`, sk: 'APPT' }),
  /** gsi1 of an appointment (H3): a phone's appointments by keyed hash, never the number itself. */
  apptByPhone: (phoneHash: string, start: string, code: string) => ({ gsi1pk: `APPTPH#${phoneHash}`, gsi1sk: `${start}#${code}` }),
  apptsOfPhone: (phoneHash: string) => ({ index: 'gsi1', pk: `APPTPH#${phoneHash}` }),
  /** gsi2 of an appointment (H4): an office's appointments of a day by slot start. */
  apptByDay: (officeId: string, date: string, start: string, code: string) => ({ gsi2pk: `APPTDAY#${officeId}#${date}`, gsi2sk: `${start}#${code}` }),
  apptsOfDay: (officeId: string, date: string) => ({ index: 'gsi2', pk: `APPTDAY#${officeId}#${date}` }),
  /** One phone's bookings of one day (ADD under the per-day limit). */
  phoneDay: (phoneHash: string, date: string) => ({ pk: `APPTPD#${phoneHash}#${date}`, sk: 'N' }),
  /** H5: the day's number counter of a prefix (A, B…, V) at an office. */
  sequence: (officeId: string, date: string, prefix: string) => ({ pk: `TSEQ#${officeId}#${date}`, sk: prefix }),
  ticket: (officeId: string, id: string) => ({ pk: `TICKET#${officeId}#${id}`, sk: 'TICKET' }),
  /** gsi1 of a waiting ticket (H6, sparse: removed when called): its lane, in calling order. */
  waiting: (officeId: string, date: string, lane: string, order: string) => ({ gsi1pk: `WAIT#${officeId}#${date}#${lane}`, gsi1sk: order }),
  lane: (officeId: string, date: string, lane: string) => ({ index: 'gsi1', pk: `WAIT#${officeId}#${date}#${lane}` }),
  /** gsi2 of a called ticket (H8): the screen's calls of the day, newest first (a recall moves it up). */
  called: (officeId: string, date: string, calledAt: string, id: string) => ({ gsi2pk: `CALLED#${officeId}#${date}`, gsi2sk: `${calledAt}#${id}` }),
  callsOf: (officeId: string, date: string) => ({ index: 'gsi2', pk: `CALLED#${officeId}#${date}` }),
  /** H7: where a clerk sits. */
  seat: (userId: string) => ({ pk: `SEAT#${userId}`, sk: 'SEAT' }),
  /** H9: an office's waiting and service time sums of a month (one item, ADD). */
  times: (officeId: string, month: string) => ({ pk: `HTIMES#${officeId}`, sk: month }),
  /** Public requests per address and minute (TTL). */
  publicRate: (address: string, minute: string) => ({ pk: `RATE#${address}`, sk: `M#${minute}` }),
  /** 上门服务: one item per request. */
  homeVisit: (id: string) => ({ pk: `HVISIT#${id}`, sk: 'HVISIT' }),
  /** gsi1 of an open home visit (H10, sparse: removed when done): a village station's visits by date. */
  openVisit: (stationId: string, date: string, id: string) => ({ gsi1pk: `HVISITS#${stationId}`, gsi1sk: `${date}#${id}` }),
  openVisitsOf: (stationId: string) => ({ index: 'gsi1', pk: `HVISITS#${stationId}` }),
};

/**
 * The transactional outbox (O1–O2 in AccessPatterns.md; shared/platform/outbox.ts), in the cases
 * table: one partition per topic and subject, so a case's entries of a topic are one Query and a
 * topic's consumer can be granted its own items only (LeadingKeys `OUTBOX#<topic>#*`).
 */
export const outboxKeys = {
  entry: (topic: string, subject: string, id: string) => ({ pk: `OUTBOX#${topic}#${subject}`, sk: id }),
  ofSubject: (topic: string, subject: string) => ({ pk: `OUTBOX#${topic}#${subject}` }),
};

/**
 * Materials as files (F1–F3 in AccessPatterns.md), in the case's own partition: its files are one
 * Query beside its timeline, and the per-case totals one item taken atomically with each upload.
 */
export const materialKeys = {
  file: (caseId: string, materialId: string) => ({ pk: `CASE#${caseId}`, sk: `FILE#${materialId}` }),
  filesOf: (caseId: string) => ({ pk: `CASE#${caseId}`, skPrefix: 'FILE#' }),
  totals: (caseId: string) => ({ pk: `CASE#${caseId}`, sk: 'FILES' }),
};

/**
 * The electronic archive (AR1–AR3 in AccessPatterns.md): one record per case, found by year of
 * archiving (gsi1, the admin's search) and, until destroyed, by the date its retention ends
 * (gsi3, sparse: 永久 packages never carry it) — the 鉴定销毁 list reads only what has ended.
 */
export const archiveKeys = {
  record: (caseId: string) => ({ pk: `ARCHIVE#${caseId}`, sk: 'ARCHIVE' }),
  byYear: (year: string, archiveDate: string, number: string) => ({ gsi1pk: `ARCHIVES#${year}`, gsi1sk: `${archiveDate}#${number}` }),
  year: (year: string) => ({ index: 'gsi1', pk: `ARCHIVES#${year}` }),
  byRetention: (retainUntil: string, caseId: string) => ({ gsi3pk: 'RETAIN', gsi3sk: `${retainUntil}#${caseId}` }),
  retention: () => ({ index: 'gsi3', pk: 'RETAIN' }),
};

/**
 * The provincial exchange (shared/exchange; X1–X2 in AccessPatterns.md): a stage record is its outbox
 * entry (O1, topic `exchange`, sk `<version>-<stage>`), indexed by its Beijing day on gsi2 for the
 * daily reconciliation.
 */
export const exchangeKeys = {
  byDay: (day: string, at: string, caseId: string, id: string) => ({ gsi2pk: `XCHG#${day}`, gsi2sk: `${at}#${caseId}#${id}` }),
  day: (day: string) => ({ index: 'gsi2', pk: `XCHG#${day}` }),
};

/** Texts to applicants (shared/notices): the notices themselves are outbox entries (O1, topic `notices`). */
export const noticeKeys = {
  /** Texts to one phone (keyed hash, never the number) on a Beijing day: conditional ADD below the county's cap; TTL 2 days. */
  cap: (phoneKey: string, day: string) => ({ pk: `NOTICECAP#${phoneKey}`, sk: `D#${day}` }),
};
