import type { Clock } from '../platform/clock.ts';
import { commandActor, type CommandCaller } from '../platform/command-caller.ts';
import type { RequestMeta } from '../platform/request-meta.ts';
import type { TableId } from '../platform/tables.ts';
import type { Migration, Patch, StoredItem } from './migration.ts';
import type { MigrationStore, UpdateOutcome } from './ports.ts';

export interface MigrationPorts {
  store: MigrationStore;
  clock: Clock;
  migrations: readonly Migration[];
}

export interface MigrateInput {
  countyCode: string;
  /** Count what would change; write nothing. */
  dryRun: boolean;
  tables?: readonly TableId[];
}

export interface MigrationReport {
  id: string;
  table: TableId;
  description: string;
  status: 'applied' | 'already-applied' | 'would-apply';
  scanned: number;
  changed: number;
  /** Items changed by someone else while being migrated, read again and migrated. */
  retried: number;
}

/** How often one item is read again when it keeps changing under the migration. */
const MAX_ATTEMPTS = 5;

export class MigrationConflictError extends Error {}

/**
 * Runs, in id order, every migration not yet recorded in its table. Each item is patched with a
 * write conditional on what the patch was derived from; the record (and its audit event) is
 * written after the whole table, so a run stopped half-way runs again from the start — which the
 * idempotent `up` makes safe.
 */
export const runMigrations = async (ports: MigrationPorts, caller: CommandCaller, input: MigrateInput, meta: RequestMeta): Promise<MigrationReport[]> => {
  const wanted = [...ports.migrations].filter((m) => !input.tables || input.tables.includes(m.table)).sort((a, b) => a.id.localeCompare(b.id));
  const appliedByTable = new Map<TableId, Set<string>>();
  const reports: MigrationReport[] = [];
  for (const m of wanted) {
    if (!appliedByTable.has(m.table)) appliedByTable.set(m.table, new Set(await ports.store.applied(m.table)));
    const report: MigrationReport = { id: m.id, table: m.table, description: m.description, status: 'already-applied', scanned: 0, changed: 0, retried: 0 };
    reports.push(report);
    if (appliedByTable.get(m.table)!.has(m.id)) continue;

    for await (const page of ports.store.scan(m.table)) {
      for (const item of page) {
        report.scanned++;
        const patch = m.up(item);
        if (!patch) continue;
        report.changed++;
        if (!input.dryRun) report.retried += await applyPatch(ports.store, m, item, patch);
      }
    }
    if (input.dryRun) {
      report.status = 'would-apply';
      continue;
    }
    if (m.bumps && report.changed) await ports.store.bump(m.table, m.bumps.key, m.bumps.attribute);
    const record = {
      id: m.id,
      description: m.description,
      appliedAt: ports.clock().toISOString(),
      scanned: report.scanned,
      changed: report.changed,
      by: caller.operator,
    };
    await ports.store.record(m.table, record, [
      {
        actor: commandActor(caller, input.countyCode),
        action: 'data.migrate',
        target: { type: 'table', id: m.table },
        result: 'success',
        detail: `${m.id}: ${report.changed} of ${report.scanned} items, by ${caller.operator}`,
        ...meta,
      },
    ]);
    report.status = 'applied';
    appliedByTable.get(m.table)!.add(m.id);
  }
  return reports;
};

/** Returns how many times the item had to be read again. */
const applyPatch = async (store: MigrationStore, m: Migration, first: StoredItem, firstPatch: Patch): Promise<number> => {
  let item = first;
  let patch = firstPatch;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const outcome: UpdateOutcome = await store.update(m.table, item, m.reads, patch);
    if (outcome !== 'changed-meanwhile') return attempt;
    const now = await store.get(m.table, { pk: item.pk, sk: item.sk });
    const next = now ? m.up(now) : null;
    if (!now || !next) return attempt + 1;
    item = now;
    patch = next;
  }
  throw new MigrationConflictError(`${m.id}: ${first.pk}/${first.sk} changed ${MAX_ATTEMPTS} times while being migrated; run again later`);
};
