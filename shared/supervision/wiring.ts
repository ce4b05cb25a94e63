import { calendarSource } from '../calendar/wiring.ts';
import { systemClock } from '../platform/clock.ts';
import { configGeneration, containerSlot, runtimeConfig } from '../platform/runtime-config.ts';
import { staffPorts } from '../identity/wiring.ts';
import { topicChannel, type Channel } from './channels.ts';
import type { DeliverPorts } from './deliver.ts';
import type { DigestPorts } from './daily-digest.ts';
import type { InboxPorts } from './inbox.ts';
import type { OrderPorts } from './orders.ts';
import type { CountyViewPorts } from './county-views.ts';
import type { DashboardPorts } from './dashboard.ts';
import { dynamoCatalogStore } from '../catalog/dynamo-catalog.ts';
import { writeAudit } from '../audit/dynamo-audit.ts';
import { dynamoCaseStore } from '../cases/dynamo-cases.ts';
import { dynamoAlertStore } from './dynamo-alerts.ts';
import { dynamoFigureStore } from './dynamo-figures.ts';
import { dynamoScanStore } from './dynamo-supervision.ts';
import { webhookChannel } from './http-webhook.ts';
import type { ScanPorts } from './overdue-scan.ts';
import type { SupervisionRules } from './rules.ts';
import { snsNotifier } from './sns-notifier.ts';
import { sqsAlertQueue } from './sqs-alert-queue.ts';
import type { SupervisionStore } from './store.ts';

/** The production wiring of supervision, built once per container. */
const supervisionStoreKept = containerSlot<SupervisionStore>();
export const supervisionStore = (): SupervisionStore =>
  supervisionStoreKept.get(() => ({ ...dynamoScanStore(), ...dynamoAlertStore(), ...dynamoFigureStore() }));

export const scanPorts = (): ScanPorts => ({ store: supervisionStore(), queue: sqsAlertQueue(), calendar: calendarSource(), clock: systemClock });
export const digestPorts = (): DigestPorts => ({ store: supervisionStore(), queue: sqsAlertQueue(), clock: systemClock });

/** The county's rules, from the function's configuration (set by the stack from the county file). */
export const supervisionRules = (): SupervisionRules => runtimeConfig().supervisionRules;

/** The topic and every webhook of the county config (read at each delivery: tests re-point them). */
export const channels = (): Channel[] => [topicChannel(snsNotifier('supervision')), ...runtimeConfig().alertWebhooks.map((w) => webhookChannel(w))];

const NAMES_TTL_MS = 300_000;
let names: { at: number; generation: number; of: Map<string, string> } | undefined;
/** Office names for notices, from the directory (kept five minutes per container). */
export const officeNames = async (): Promise<(id: string) => string> => {
  if (!names || Date.now() - names.at > NAMES_TTL_MS || names.generation !== configGeneration())
    names = { at: Date.now(), generation: configGeneration(), of: new Map((await staffPorts().directory.offices()).map((o) => [o.id, o.name])) };
  const of = names.of;
  return (id) => of.get(id) ?? id;
};

export const deliverPorts = (): DeliverPorts => ({ store: supervisionStore(), channels: channels(), officeNames, clock: systemClock });

export const inboxPorts = (): InboxPorts => ({ store: supervisionStore(), clock: systemClock });

export const orderPorts = (): OrderPorts => ({ store: supervisionStore(), cases: dynamoCaseStore(), calendar: calendarSource(), clock: systemClock });

/** The county's offices (ids, kinds), from the directory. */
export const offices = async () => (await staffPorts().directory.offices()).map((o) => ({ id: o.id, kind: o.kind }));

export const countyViewPorts = (): CountyViewPorts => ({ cases: dynamoCaseStore(), offices, calendar: calendarSource(), clock: systemClock });

let items: { at: number; generation: number; of: Map<string, string> } | undefined;
/** Item names for the dashboards, from the catalog's small entries (kept five minutes per container). */
export const itemNames = async (): Promise<(code: string) => string> => {
  if (!items || Date.now() - items.at > NAMES_TTL_MS || items.generation !== configGeneration())
    items = { at: Date.now(), generation: configGeneration(), of: new Map((await dynamoCatalogStore().listEntries()).map((e) => [e.code, e.name])) };
  const of = items.of;
  return (code) => of.get(code) ?? code;
};

export const dashboardPorts = (): DashboardPorts => ({
  store: supervisionStore(),
  clock: systemClock,
  itemNames,
  officeNames,
  writeAudit: (a) => writeAudit(a),
});
