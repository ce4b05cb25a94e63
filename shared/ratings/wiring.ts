import { calendarSource } from '../calendar/wiring.ts';
import { dynamoCaseStore } from '../cases/dynamo-cases.ts';
import { kmsSealer } from '../cases/kms-sealer.ts';
import { systemClock } from '../platform/clock.ts';
import { containerSlot, runtimeConfig } from '../platform/runtime-config.ts';
import { dynamoRatingStore } from './dynamo-ratings.ts';
import type { RatingPorts, RatingStore } from './ports.ts';
import type { DisclosurePorts } from './disclosure.ts';
import type { FeedPorts } from './feed.ts';
import { s3FeedStore } from './s3-feed.ts';
import { officeDirectory } from '../offices/wiring.ts';
import { dynamoDirectory } from '../identity/dynamo-directory.ts';
import { directoryStaffNames, officeNamesOf } from '../offices/names.ts';
import type { StatsPorts } from './stats.ts';
import type { CallbackPhonePorts } from './callback-phone.ts';

/** The production wiring of the rating use cases, built once per container. */
const ratingPortsKept = containerSlot<RatingPorts>();
export const ratingPorts = (): RatingPorts =>
  ratingPortsKept.get(() => ({
    ratings: dynamoRatingStore(),
    cases: dynamoCaseStore(),
    calendar: calendarSource(),
    clock: systemClock,
    // the county's limits (infra/counties/<code>.json → RATING_*_WORKDAYS), read when used
    get settings() {
      return runtimeConfig().ratings;
    },
  }));

/** Statistics: the counters, the directory's office and staff names. */
const statsPortsKept = containerSlot<StatsPorts>();
export const statsPorts = (): StatsPorts =>
  statsPortsKept.get(() => ({ ratings: dynamoRatingStore(), offices: officeNamesOf(officeDirectory()), staff: directoryStaffNames(dynamoDirectory()) }));

/** The disclosure schedule: cases (K4), the counters and office names; it writes only the DISCLOSURE documents. */
const disclosurePortsKept = containerSlot<DisclosurePorts>();
export const disclosurePorts = (): DisclosurePorts =>
  disclosurePortsKept.get(() => ({
    cases: dynamoCaseStore(),
    ratings: dynamoRatingStore(),
    offices: officeNamesOf(officeDirectory()),
    clock: systemClock,
  }));

/** The public disclosure function: the published documents only. */
const disclosureReaderKept = containerSlot<{ ratings: RatingStore }>();
export const disclosureReader = (): { ratings: RatingStore } => disclosureReaderKept.get(() => ({ ratings: dynamoRatingStore() }));

/** The provincial feed: cases (K4), ratings (R2, R3; the audit of a download), office names, the feed bucket. */
const feedPortsKept = containerSlot<FeedPorts & { ratings: RatingStore }>();
export const feedPorts = (): FeedPorts & { ratings: RatingStore } =>
  feedPortsKept.get(() => ({
    cases: dynamoCaseStore(),
    ratings: dynamoRatingStore(),
    offices: officeNamesOf(officeDirectory()),
    feed: s3FeedStore(),
    clock: systemClock,
  }));

/**
 * The phone for a 差评 回访: the task, the case and the sealer that opens it. Only the function
 * that opens personal data calls it; esbuild leaves the KMS client out of every other bundle.
 */
const callbackPhoneKept = containerSlot<CallbackPhonePorts>();
export const callbackPhonePorts = (): CallbackPhonePorts =>
  callbackPhoneKept.get(() => ({ ratings: dynamoRatingStore(), cases: dynamoCaseStore(), sealer: kmsSealer() }));
