import * as z from 'zod';
import type { AuditInput } from '../audit/audit.ts';
import { ValidationError } from '../errors/domain-errors.ts';
import { sameItem, type Item } from './item.ts';
import { columnOfPath, parseWorkbook, rowToItem, WorkbookError, type ParsedWorkbook } from './import-format.ts';
import { readWorkbook, XlsxFormatError, type Sheet } from '../sheets/xlsx.ts';
import { searchFieldsOf } from './search-fields.ts';
import { entryOf, publishWrites, type AdminContext } from './admin.ts';
import { MAX_TRANSACTION_ITEMS, type CatalogEntry, type ItemVersion } from './versions.ts';
import type { CatalogStore, CatalogWrite } from './ports.ts';

/**
 * Import of the county's item list (XLSX or CSV). Everything is read and checked before anything
 * is written; the report lists every row. A dry run writes nothing; strict mode writes nothing
 * when any row is bad; otherwise the good rows are written in transactions of ≤100 writes, each
 * item with its audit event.
 */
export const MAX_IMPORT_ROWS = 5_000;

export const importBodySchema = z.object({
  filename: z.string().trim().min(1, '缺少文件名').max(200),
  contentBase64: z.string().min(1, '文件内容为空').max(14_000_000, '文件超过 10 MB'),
  mode: z.enum(['dry-run', 'commit'], { error: 'mode 必须是 dry-run 或 commit' }),
  strict: z.boolean().default(true),
  /** Publish what is written (the county's list is what it publishes today); otherwise drafts. */
  publish: z.boolean().default(false),
});
export type ImportBody = z.infer<typeof importBodySchema>;

export type RowStatus = 'created' | 'updated' | 'unchanged' | 'error';
export const ROW_STATUS_LABELS: Record<RowStatus, string> = { created: '新增', updated: '修改', unchanged: '无变化', error: '错误' };

export interface ImportRowReport {
  sheet: string;
  row: number;
  code?: string;
  name?: string;
  status: RowStatus;
  /** Next version number that is (or would be) written. */
  version?: number;
  messages: string[];
}

export interface ImportReport {
  filename: string;
  mode: 'dry-run' | 'commit';
  strict: boolean;
  publish: boolean;
  /** True when the file is good enough for the chosen mode (strict: no error at all). */
  ok: boolean;
  totals: Record<RowStatus, number> & { rows: number };
  rows: ImportRowReport[];
  /** Items written (0 on a dry run, or when strict mode refused). */
  written: number;
  transactions: number;
  unknownHeaders: string[];
}

interface Planned {
  report: ImportRowReport;
  item?: Item;
  entry?: CatalogEntry;
}

/** Validates every row against the file and the catalog; pure apart from reading the catalog. */
export const planImport = async (store: Pick<CatalogStore, 'listEntries' | 'getVersion'>, wb: ParsedWorkbook, publish: boolean): Promise<Planned[]> => {
  if (wb.items.length > MAX_IMPORT_ROWS)
    throw new ValidationError(`一次最多导入 ${MAX_IMPORT_ROWS} 行，本文件有 ${wb.items.length} 行`, [{ path: 'contentBase64', message: '行数过多' }]);
  const entries = new Map((await store.listEntries()).map((e) => [e.code, e]));
  const latest = new Map<string, ItemVersion>();
  const codes = [...new Set(wb.items.map((r) => r.code).filter((c): c is string => !!c && entries.has(c)))];
  // latest versions, 16 at a time (merging absent columns and diffing need them)
  for (let i = 0; i < codes.length; i += 16) {
    const batch = await Promise.all(codes.slice(i, i + 16).map((c) => store.getVersion(c, entries.get(c)!.latestVersion)));
    for (const v of batch) if (v) latest.set(v.code, v);
  }
  const firstRowOf = new Map<string, number>();
  const badMaterialRows = new Map<string, number[]>();
  for (const m of wb.materialRows) if (m.issues.length && m.code) badMaterialRows.set(m.code, [...(badMaterialRows.get(m.code) ?? []), m.row]);
  const knownCodes = new Set(wb.items.map((r) => r.code));

  const planned: Planned[] = wb.items.map((r) => {
    const base = { sheet: r.sheet, row: r.row, ...(r.code ? { code: r.code } : {}), ...(r.name ? { name: r.name } : {}) };
    const messages = [...r.issues];
    if (r.code) {
      const first = firstRowOf.get(r.code);
      if (first !== undefined) messages.push(`事项编码 ${r.code} 与第 ${first} 行重复：事项编码不能重复`);
      else firstRowOf.set(r.code, r.row);
    }
    const bad = r.code ? badMaterialRows.get(r.code) : undefined;
    if (bad) messages.push(`“材料”表第 ${bad.join('、')} 行有误，本事项未导入`);
    const existing = r.code ? latest.get(r.code) : undefined;
    let item: Item | undefined;
    if (!messages.length) {
      const out = rowToItem(r, wb, existing?.item);
      item = out.item;
      for (const i of out.issues) {
        const col = columnOfPath(i.path);
        messages.push(col && !i.message.includes(col) ? `${col}：${i.message}` : i.message);
      }
    }
    if (messages.length || !item) return { report: { ...base, status: 'error', messages } };
    const entry = entries.get(item.code);
    const unchanged = existing && sameItem(existing.item, item) && (!publish || (entry?.state === 'published' && entry.publishedVersion === existing.version));
    if (unchanged) return { report: { ...base, status: 'unchanged', version: existing.version, messages: [] }, item, ...(entry ? { entry } : {}) };
    return {
      report: { ...base, name: item.name, status: entry ? 'updated' : 'created', version: (entry?.latestVersion ?? 0) + 1, messages: [] },
      item,
      ...(entry ? { entry } : {}),
    };
  });
  // materials of codes that no item row names
  for (const m of wb.materialRows) {
    if (m.code && !knownCodes.has(m.code) && !m.issues.length) m.issues.push(`事项编码 ${m.code} 不在“事项”表中`);
  }
  return planned;
};

const materialReports = (wb: ParsedWorkbook): ImportRowReport[] =>
  wb.materialRows
    .filter((m) => m.issues.length)
    .map((m) => ({
      sheet: m.sheet,
      row: m.row,
      ...(m.code ? { code: m.code } : {}),
      ...(m.name ? { name: m.name } : {}),
      status: 'error' as const,
      messages: m.issues,
    }));

/** Writes per item: the version, (if publishing) the superseded one and the published copy, the entry; + its audit. */
const itemWrites = (
  p: { item: Item; version: number; entry?: CatalogEntry },
  publish: boolean,
  at: string,
  ctx: AdminContext,
  source: string,
): { writes: CatalogWrite[]; audit: AuditInput } => {
  const { item, version } = p;
  const row: ItemVersion = {
    code: item.code,
    version,
    status: publish ? 'published' : 'draft',
    item,
    search: searchFieldsOf(item),
    createdAt: at,
    createdBy: ctx.actor,
    source,
    ...(publish ? { publishedAt: at, publishedBy: ctx.actor } : {}),
  };
  const writes: CatalogWrite[] = [
    { op: 'put-version', row },
    ...(publish
      ? publishWrites(row, p.entry, at, ctx.actor, 'published', version, false)
      : [
          {
            op: 'put-entry',
            entry: entryOf(item, p.entry, { latestVersion: version, latestStatus: 'draft' }, at, ctx.actor),
            expectedLatest: p.entry?.latestVersion ?? null,
          } as const,
        ]),
  ];
  return {
    writes,
    audit: {
      actor: ctx.actor,
      action: 'catalog.item.import',
      target: { type: 'item', id: item.code },
      result: 'success',
      sourceIp: ctx.sourceIp,
      userAgent: ctx.userAgent,
      detail: `导入 ${source} 第 ${version} 版${publish ? '并发布' : '（草稿）'} ${item.name}`,
    },
  };
};

export const decodeUpload = (body: Pick<ImportBody, 'contentBase64'>): Uint8Array => {
  const b64 = body.contentBase64.replace(/^data:[^,]*,/, '');
  if (!/^[A-Za-z0-9+/=\s_-]+$/.test(b64)) throw new ValidationError('文件内容不是有效的 Base64', [{ path: 'contentBase64', message: '不是 Base64' }]);
  return new Uint8Array(Buffer.from(b64, 'base64'));
};

export const readUpload = async (filename: string, bytes: Uint8Array): Promise<Sheet[]> => {
  try {
    return await readWorkbook(filename, bytes);
  } catch (e) {
    if (e instanceof XlsxFormatError) throw new ValidationError(e.message, [{ path: 'contentBase64', message: e.message }]);
    throw new ValidationError('无法读取文件：请确认是 Excel 保存的 .xlsx 或 .csv 文件', [{ path: 'contentBase64', message: '文件无法解析' }]);
  }
};

export const importCatalog = async (
  store: CatalogStore,
  input: { filename: string; sheets: Sheet[]; mode: 'dry-run' | 'commit'; strict: boolean; publish: boolean },
  ctx: AdminContext,
): Promise<ImportReport> => {
  let wb: ParsedWorkbook;
  try {
    wb = parseWorkbook(input.sheets);
  } catch (e) {
    if (e instanceof WorkbookError) throw new ValidationError(e.message, [{ path: 'contentBase64', message: e.message }]);
    throw e;
  }
  const planned = await planImport(store, wb, input.publish);
  const rows = [...planned.map((p) => p.report), ...materialReports(wb)];
  const totals = { rows: rows.length, created: 0, updated: 0, unchanged: 0, error: 0 };
  for (const r of rows) totals[r.status] += 1;
  const ok = input.strict ? totals.error === 0 : true;
  const report: ImportReport = {
    filename: input.filename,
    mode: input.mode,
    strict: input.strict,
    publish: input.publish,
    ok,
    totals,
    rows,
    written: 0,
    transactions: 0,
    unknownHeaders: wb.unknownHeaders,
  };
  if (input.mode === 'dry-run' || !ok) return report;

  const todo = planned.filter((p) => p.report.status === 'created' || p.report.status === 'updated');
  const done = await commitVersions(
    store,
    todo.map((p) => ({ item: p.item!, version: p.report.version!, ...(p.entry ? { entry: p.entry } : {}) })),
    {
      publish: input.publish,
      ctx,
      source: input.filename,
    },
  );
  report.written = done.written;
  report.transactions = done.transactions;
  return report;
};

/**
 * Writes a new version of each item (draft, or published at once), in transactions of ≤100
 * writes, each item with its audit event; one catalog-version bump per publishing transaction.
 * Used by the import and the demo seed.
 */
export const commitVersions = async (
  store: Pick<CatalogStore, 'commit'>,
  items: ReadonlyArray<{ item: Item; version: number; entry?: CatalogEntry }>,
  opts: { publish: boolean; ctx: AdminContext; source: string },
): Promise<{ written: number; transactions: number }> => {
  const at = (opts.ctx.now ?? new Date()).toISOString();
  let writes: CatalogWrite[] = [];
  let audits: AuditInput[] = [];
  let written = 0;
  let transactions = 0;
  const flush = async () => {
    if (!writes.length) return;
    if (opts.publish) writes.push({ op: 'bump-catalog', at });
    await store.commit(writes, audits);
    written += audits.length;
    transactions += 1;
    writes = [];
    audits = [];
  };
  for (const p of items) {
    const w = itemWrites(p, opts.publish, at, opts.ctx, opts.source);
    // +1 for the catalog version bump of this transaction
    if (writes.length + audits.length + w.writes.length + 1 + 1 > MAX_TRANSACTION_ITEMS) await flush();
    writes.push(...w.writes);
    audits.push(w.audit);
  }
  await flush();
  return { written, transactions };
};
