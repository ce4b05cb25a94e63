import { calendarSource } from '../calendar/wiring.ts';
import { systemClock } from '../platform/clock.ts';
import { containerSlot, keptFor } from '../platform/runtime-config.ts';
import { officeDirectory } from '../offices/wiring.ts';
import type { OfficeDirectory } from '../offices/ports.ts';
import { officeNames as officeNamesById } from '../offices/offices.ts';
import { topicChannel } from './channels.ts';
import type { Channel } from './ports.ts';
import type { DeliverPorts } from './deliver.ts';
import type { DigestPorts } from './daily-digest.ts';
import type { InboxPorts } from './inbox.ts';
import type { OrderPorts } from './orders.ts';
import type { CountyViewPorts } from './county-views.ts';
import type { DashboardPorts } from './dashboard.ts';
import { dynamoCatalogStore } from '../catalog/dynamo-catalog.ts';
import { writeAudit } from '../audit/dynamo-audit.ts';
import { dynamoCaseStore } from '../cases/dynamo-cases.ts';
import { directoryStaffNames } from '../offices/names.ts';
import { dynamoDirectory } from '../identity/dynamo-directory.ts';
import { dynamoAlertStore } from './dynamo-alerts.ts';
import { dynamoFigureStore } from './dynamo-figures.ts';
import { dynamoScanStore } from './dynamo-supervision.ts';
import { webhookChannel } from './http-webhook.ts';
import type { ScanPorts } from './overdue-scan.ts';
import { configuredRules, type SupervisionRules } from './rules.ts';
import { configuredWebhooks } from './webhooks.ts';
import { snsNotifier } from './sns-notifier.ts';
import { sqsAlertQueue } from './sqs-alert-queue.ts';
import type { SupervisionStore } from './ports.ts';
import { inboxRectificationAlerts } from './rating-alerts.ts';
import { dynamoRatingStore } from '../ratings/dynamo-ratings.ts';
import type { OverduePorts } from '../ratings/overdue.ts';

/** The production wiring of supervision, built once per container. */
const supervisionStoreKept = containerSlot<SupervisionStore>();
export const supervisionStore = (): SupervisionStore =>
  supervisionStoreKept.get(() => ({ ...dynamoScanStore(), ...dynamoAlertStore(), ...dynamoFigureStore() }));

export const scanPorts = (): ScanPorts => ({ store: supervisionStore(), queue: sqsAlertQueue(), calendar: calendarSource(), clock: systemClock });
export const digestPorts = (): DigestPorts => ({ store: supervisionStore(), queue: sqsAlertQueue(), clock: systemClock });

/**
 * The ratings' overdue scan: the ratings store, and this context's alert inbox as the scan's
 * `RectificationAlerts` port (delivered to e-mail and webhooks from its outbox).
 */
const overduePortsKept = containerSlot<OverduePorts>();
export const rectificationOverduePorts = (): OverduePorts =>
  overduePortsKept.get(() => ({ ratings: dynamoRatingStore(), alerts: inboxRectificationAlerts(dynamoScanStore()), clock: systemClock }));

/** The county's rules, from the function's configuration (set by the stack from the county file). */
export const supervisionRules = (): SupervisionRules => configuredRules();

/** The topic and every webhook of the county config (read at each delivery: tests re-point them). */
export const channels = (): Channel[] => [topicChannel(snsNotifier('supervision')), ...configuredWebhooks().map((w) => webhookChannel(w))];

const NAMES_TTL_MS = 300_000;
/** The county's office tree (offices/wiring.ts: one per container, kept five minutes). */
const officeTree = (): OfficeDirectory => officeDirectory();

/** Office names for notices and the dashboard (an unknown id shows as itself). */
const officeNames = () => officeNamesById(officeTree());

export const deliverPorts = (): DeliverPorts => ({ store: supervisionStore(), channels: channels(), officeNames, clock: systemClock });

export const inboxPorts = (): InboxPorts => ({ store: supervisionStore(), clock: systemClock });

export const orderPorts = (): OrderPorts => ({ store: supervisionStore(), cases: dynamoCaseStore(), calendar: calendarSource(), clock: systemClock });

/** The county's offices (ids, kinds), from the directory. */
export const offices = async () => (await officeTree().all()).map((o) => ({ id: o.id, kind: o.kind }));

export const countyViewPorts = (): CountyViewPorts => ({ cases: dynamoCaseStore(), offices, calendar: calendarSource(), clock: systemClock });

const itemsKept = keptFor<Map<string, string>>(NAMES_TTL_MS);
/** Item names for the dashboards, from the catalog's small entries (kept five minutes per container). */
export const itemNames = async (): Promise<(code: string) => string> => {
  const of = await itemsKept.get(async () => new Map((await dynamoCatalogStore().listEntries()).map((e) => [e.code, e.name])));
  return (code) => of.get(code) ?? code;
};

export const dashboardPorts = (): DashboardPorts => ({
  store: supervisionStore(),
  clock: systemClock,
  itemNames,
  officeNames,
  staffNames: directoryStaffNames(dynamoDirectory()),
  writeAudit: (a) => writeAudit(a),
});
