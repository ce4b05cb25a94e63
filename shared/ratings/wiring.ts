import { calendarSource } from '../calendar/wiring.ts';
import { dynamoCaseStore } from '../cases/dynamo-cases.ts';
import { systemClock } from '../platform/clock.ts';
import { runtimeConfig } from '../platform/runtime-config.ts';
import { dynamoRatingStore } from './dynamo-ratings.ts';
import type { RatingPorts, RatingStore } from './store.ts';
import type { DisclosurePorts } from './disclosure.ts';
import type { FeedPorts } from './feed.ts';
import { s3FeedStore } from './s3-feed.ts';
import type { OverduePorts } from './overdue.ts';
import { inboxRectificationAlerts } from '../supervision/rating-alerts.ts';
import { dynamoScanStore } from '../supervision/dynamo-supervision.ts';
import { dynamoOfficeNames } from './dynamo-offices.ts';
import { dynamoDirectory } from '../identity/dynamo-directory.ts';
import type { StaffNames } from './offices.ts';
import type { StatsPorts } from './stats.ts';

/** The production wiring of the rating use cases, built once per container. */
let ports: RatingPorts | undefined;
export const ratingPorts = (): RatingPorts =>
  (ports ??= {
    ratings: dynamoRatingStore(),
    cases: dynamoCaseStore(),
    calendar: calendarSource(),
    clock: systemClock,
    // the county's limits (infra/counties/<code>.json → RATING_*_WORKDAYS), read when used
    get settings() {
      return runtimeConfig().ratings;
    },
  });

let overdue: OverduePorts | undefined;
/** The overdue scan's ports: the ratings store and the alert inbox (delivered to e-mail and webhooks from its outbox). */
export const overduePorts = (): OverduePorts =>
  (overdue ??= { ratings: dynamoRatingStore(), alerts: inboxRectificationAlerts(dynamoScanStore()), clock: systemClock });

let stats: StatsPorts | undefined;
/** Statistics: the counters and the directory's office names. */
/** Staff names from the directory (D2: the users of each office in the statistics). */
const directoryStaffNames = (): StaffNames => {
  const directory = dynamoDirectory();
  return {
    names: async (officeIds) => new Map((await Promise.all(officeIds.map((id) => directory.usersOfOffice(id)))).flat().map((u) => [u.username, u.displayName])),
  };
};
export const statsPorts = (): StatsPorts => (stats ??= { ratings: dynamoRatingStore(), offices: dynamoOfficeNames(), staff: directoryStaffNames() });

let disclosure: DisclosurePorts | undefined;
/** The disclosure schedule: cases (K4), the counters and office names; it writes only the DISCLOSURE documents. */
export const disclosurePorts = (): DisclosurePorts =>
  (disclosure ??= { cases: dynamoCaseStore(), ratings: dynamoRatingStore(), offices: dynamoOfficeNames(), clock: systemClock });

let reader: { ratings: RatingStore } | undefined;
/** The public disclosure function: the published documents only. */
export const disclosureReader = (): { ratings: RatingStore } => (reader ??= { ratings: dynamoRatingStore() });

let feed: (FeedPorts & { ratings: RatingStore }) | undefined;
/** The provincial feed: cases (K4), ratings (R2, R3; the audit of a download), office names, the feed bucket. */
export const feedPorts = (): FeedPorts & { ratings: RatingStore } =>
  (feed ??= { cases: dynamoCaseStore(), ratings: dynamoRatingStore(), offices: dynamoOfficeNames(), feed: s3FeedStore(), clock: systemClock });
