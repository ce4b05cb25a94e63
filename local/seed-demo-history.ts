import { BatchWriteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { CountyConfig } from '../infra/config/county-config.ts';
import { flattenOffices } from '../infra/config/county-config.ts';
import { dynamo } from '../shared/aws/clients.ts';
import { demoItems } from '../shared/catalog/demo-catalog.ts';
import { loadCalendar } from '../shared/calendar/wiring.ts';
import { caseItem } from '../shared/cases/dynamo-case-items.ts';
import { kmsSealer } from '../shared/cases/kms-sealer.ts';
import { caseKeys, supervisionKeys } from '../shared/db/keys.ts';
import { tableName } from '../shared/platform/env.ts';
import { configuredRules } from '../shared/supervision/rules.ts';
import { maskIdNumber, maskName, maskPhone } from '../shared/privacy/mask.ts';
import { accountabilityItem, alertItem, orderItem } from '../shared/supervision/dynamo-items.ts';
import { demoHistory } from './demo-history.ts';

/**
 * `npm start` seeds three months of labelled demo cases (演示数据) so the dashboards and inboxes
 * are alive at first sight: made in memory (local/demo-history.ts), written with batch writes in
 * the background, once (a marker item; `npm start -- --reset` starts over). Never deployed.
 */
const VERSION = 1;
/** Days of history written case by case (older history: in the counters only). */
const RECENT_DAYS = 21;
const DEMO_PERSON = { id: '11010519491231002X', phone: '13800000000', name: '演示申请人' };

export const seedDemoHistory = async (
  config: CountyConfig,
  opts: { now?: Date; signal?: AbortSignal } = {},
): Promise<{ cases: number; written?: number; skipped: boolean; ms: number }> => {
  const now = opts.now ?? new Date();
  const t0 = Date.now();
  const TableName = tableName('cases');
  const marker = await dynamo().send(new GetCommand({ TableName, Key: supervisionKeys.demoHistory() }));
  if (marker.Item?.version === VERSION) return { cases: Number(marker.Item.cases ?? 0), skipped: true, ms: Date.now() - t0 };

  const sealer = kmsSealer();
  const applicant = {
    type: 'person' as const,
    name: DEMO_PERSON.name,
    nameMasked: maskName(DEMO_PERSON.name),
    idMasked: maskIdNumber(DEMO_PERSON.id),
    phoneMasked: maskPhone(DEMO_PERSON.phone),
    phone4: DEMO_PERSON.phone.slice(-4),
    sealed: await sealer.seal({ id: DEMO_PERSON.id, phone: DEMO_PERSON.phone }),
  };
  const hash = await sealer.lookupHash(DEMO_PERSON.id);
  const { cal } = await loadCalendar();
  const h = demoHistory({
    now,
    countyCode: config.code,
    offices: flattenOffices(config.offices).filter((o) => !o.demo),
    items: demoItems(),
    cal,
    rules: configuredRules(),
    applicant,
  });

  // DynamoDB Local writes a few hundred items a second to disk: the three months live in the
  // counters (the dashboards); the cases themselves, their alerts and timelines, for the last
  // weeks only (the lists and the inbox) — plus every case still open or named by a 督办单
  const since = new Date(now.getTime() - RECENT_DAYS * 86_400_000).toISOString();
  const alerts = h.alerts.filter((a) => a.at >= since);
  const kept = new Set([
    ...h.watches.map((w) => w.caseId),
    ...h.orders.map((o) => o.caseId),
    ...alerts.map((a) => a.caseId),
    ...h.cases.filter((c) => c.createdAt >= since).map((c) => c.id),
  ]);
  const cases = h.cases.filter((c) => kept.has(c.id));
  const open = new Set(h.watches.map((w) => w.caseId));
  // what is seen first (dashboards, the inbox, open cases) is written first
  const items: Array<Record<string, unknown>> = [
    ...h.tallies.map((t) => ({ ...supervisionKeys.tally(t.period, t.dim, t.key, 0), ...t.values })),
    ...[...h.days].map(([k, add]) => ({ ...caseKeys.dailyStats(k.slice(0, k.indexOf('#')), k.slice(k.indexOf('#') + 1).replaceAll('-', '')), ...add })),
    ...alerts.map((a) => alertItem(a)),
    ...h.orders.map((o) => orderItem(o)),
    ...h.accountability.map((e) => accountabilityItem(e)),
    ...h.watches.map((w) => ({ ...supervisionKeys.watch(w.caseId), ...(w.lookAt ? supervisionKeys.lookAt(w.caseId, w.lookAt) : {}), ...w })),
    ...cases.filter((c) => open.has(c.id)).map((c) => ({ ...caseItem(c, hash), demo: true })),
    ...h.notes
      .filter((n) => kept.has(n.caseId))
      .map((n) => ({ ...supervisionKeys.timeline(n.caseId, n.at, n.key), at: n.at, type: n.type, by: n.by, note: n.note })),
    ...h.events.filter((e) => kept.has(e.caseId)).map((e) => ({ ...caseKeys.event(e.caseId, e.event.at, e.version), ...e.event })),
    ...cases.filter((c) => !open.has(c.id)).map((c) => ({ ...caseItem(c, hash), demo: true })),
  ];
  const batches: Array<Array<Record<string, unknown>>> = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  // sixteen batches at a time: DynamoDB Local takes them in parallel (one at a time is ~5× slower)
  const write = async (batch: Array<Record<string, unknown>>) => {
    let unprocessed: unknown[] | undefined = batch.map((Item) => ({ PutRequest: { Item } }));
    while (unprocessed?.length) {
      const r: { UnprocessedItems?: Record<string, unknown[]> } = await dynamo().send(
        new BatchWriteCommand({ RequestItems: { [TableName]: unprocessed as never } }),
      );
      unprocessed = r.UnprocessedItems?.[TableName];
    }
  };
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < batches.length && !opts.signal?.aborted) await write(batches[next++]!);
    }),
  );
  // stopped half-way (Ctrl-C): no marker, the next start writes it all again (the same items)
  if (opts.signal?.aborted) return { cases: 0, skipped: false, ms: Date.now() - t0 };
  await dynamo().send(
    new PutCommand({ TableName, Item: { ...supervisionKeys.demoHistory(), version: VERSION, cases: h.cases.length, seededAt: now.toISOString() } }),
  );
  return { cases: h.cases.length, written: items.length, skipped: false, ms: Date.now() - t0 };
};
