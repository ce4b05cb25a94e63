import { describe, expect, it } from 'vitest';
import { memoryCatalogStore } from '../../../shared/catalog/memory-catalog.ts';
import { importCatalog } from '../../../shared/catalog/import.ts';
import { exportItems, exportWorkbook } from '../../../shared/catalog/export.ts';
import { readWorkbook, writeXlsx } from '../../../shared/sheets/xlsx.ts';
import { catalogReaderOn } from '../../../shared/catalog/reader.ts';
import { ITEM_COLUMNS } from '../../../shared/catalog/workbook-columns.ts';
import { ctx } from './fixtures.ts';
import { countyItems, countyWorkbook } from './workbook.ts';

const run = async (
  store: ReturnType<typeof memoryCatalogStore>,
  bytes: Uint8Array,
  opts: { mode: 'dry-run' | 'commit'; strict?: boolean; publish?: boolean; filename?: string },
) =>
  importCatalog(
    store,
    {
      filename: opts.filename ?? 'list.xlsx',
      sheets: await readWorkbook(opts.filename ?? 'list.xlsx', bytes),
      mode: opts.mode,
      strict: opts.strict ?? true,
      publish: opts.publish ?? true,
    },
    ctx(),
  );

/** 200 rows, 3 bad: item 14 (row 15) promised > statutory; item 79 (row 80) blank fee; item 149 (row 150) unknown kind. */
const badWorkbook = () =>
  countyWorkbook(countyItems(200), (row, i) => {
    if (i === 13) row['承诺时限'] = 30;
    if (i === 78) row['收费标准'] = null;
    if (i === 148) row['办件类型'] = '加急件';
  });

describe('catalog import', () => {
  it('a 200-row workbook with 3 bad rows reports exactly those 3 with row numbers; strict mode writes nothing', async () => {
    const store = memoryCatalogStore();
    const bytes = await badWorkbook();
    const dry = await run(store, bytes, { mode: 'dry-run' });
    expect(dry.totals).toEqual({ rows: 200, created: 197, updated: 0, unchanged: 0, error: 3 });
    expect(dry.rows).toHaveLength(200);
    const errors = dry.rows.filter((r) => r.status === 'error');
    expect(errors.map((r) => [r.sheet, r.row, r.code])).toEqual([
      ['事项', 15, 'LS-77-014'],
      ['事项', 80, 'LS-77-079'],
      ['事项', 150, 'LS-77-149'],
    ]);
    expect(errors[0]!.messages).toEqual(['“承诺时限”（30 个工作日）不能超过“法定时限”（20 个工作日）']);
    expect(errors[1]!.messages[0]).toContain('收费标准');
    expect(errors[2]!.messages[0]).toContain('“办件类型”只能是');
    expect(dry.written).toBe(0);
    expect(store.commits).toBe(0);

    const strict = await run(store, bytes, { mode: 'commit', strict: true });
    expect(strict).toMatchObject({ ok: false, written: 0 });
    expect(store.commits).toBe(0);
    expect(await store.listEntries()).toEqual([]);

    const lenient = await run(store, bytes, { mode: 'commit', strict: false });
    expect(lenient).toMatchObject({ ok: true, written: 197 });
    // ≤100 writes per transaction: 5 writes per published item (version, copy, entry, audit + bump)
    expect(lenient.transactions).toBe(Math.ceil(197 / 24));
    expect((await store.listPublished()).length).toBe(197);
    expect(await catalogReaderOn(store).getPublishedItem('LS-77-014')).toBeUndefined();
    expect(await store.getCatalogVersion()).toBe(lenient.transactions);
    expect(store.audits.filter((a) => a.action === 'catalog.item.import')).toHaveLength(197);
  });

  it('re-importing the export changes nothing; an edited row becomes a new version', async () => {
    const store = memoryCatalogStore();
    await run(store, await countyWorkbook(countyItems(30)), { mode: 'commit' });
    const exported = await exportWorkbook(await exportItems(store, 'published'), 'published');
    const again = await run(store, exported, { mode: 'dry-run' });
    expect(again.totals).toMatchObject({ rows: 30, unchanged: 30, error: 0 });

    const edited = await countyWorkbook(countyItems(31), (row, i) => {
      if (i === 2) row['承诺时限'] = 5;
    });
    const r = await run(store, edited, { mode: 'commit' });
    expect(r.totals).toMatchObject({ created: 1, updated: 1, unchanged: 29 });
    expect(r.rows.find((x) => x.code === 'LS-77-003')).toMatchObject({ status: 'updated', version: 2 });
    expect(await catalogReaderOn(store).getPublishedItem('LS-77-003')).toMatchObject({ version: 2, item: { promisedDays: 5 } });
    expect((await store.getVersion('LS-77-003', 1))!.status).toBe('superseded');
  });

  it('where an item is taken in and who decides it (受理地点, 承办方式, 承办/联办机构) export, re-import unchanged, and are set and cleared by the workbook', async () => {
    const store = memoryCatalogStore();
    const items = countyItems(3);
    items[0] = { ...items[0]!, intakeAt: ['village', 'township'], decider: { by: 'office', officeId: '411521-mzj' } };
    items[1] = { ...items[1]!, kind: 'joint', decider: { by: 'joint', lead: '411521-mzj', parts: ['411521-rsj', '411521-lingshan'] } };
    const first0 = await run(store, await countyWorkbook(items), { mode: 'commit' });
    expect(first0.rows.flatMap((x) => x.messages)).toEqual([]);
    const read = (code: string) =>
      catalogReaderOn(store)
        .getPublishedItem(code)
        .then((r) => r!.item);
    expect(await read('LS-77-001')).toMatchObject({ intakeAt: ['village', 'township'], decider: { by: 'office', officeId: '411521-mzj' } });
    expect((await read('LS-77-002')).decider).toEqual({ by: 'joint', lead: '411521-mzj', parts: ['411521-rsj', '411521-lingshan'] });
    expect(await read('LS-77-003')).not.toHaveProperty('decider');

    const exported = await exportWorkbook(await exportItems(store, 'published'), 'published');
    expect((await run(store, exported, { mode: 'dry-run' })).totals).toMatchObject({ unchanged: 3, error: 0 });

    // an admin types the short words; blanks clear; a wrong word is reported on its row and column
    const edited = await countyWorkbook(countyItems(3), (row, i) => {
      if (i === 0) Object.assign(row, { 受理地点: '', 承办方式: '', 承办机构编号: '' });
      if (i === 1) Object.assign(row, { 受理地点: '村级代办、县域通办', 承办方式: '指定机构承办', 承办机构编号: '411521-mzj', 联办机构编号: '' });
      if (i === 2) row['受理地点'] = '省中心';
    });
    const r = await run(store, edited, { mode: 'commit', strict: false });
    expect(r.rows.map((x) => x.status)).toEqual(['updated', 'updated', 'error']);
    expect(r.rows[2]!.messages.join()).toContain('受理地点');
    const first = await read('LS-77-001');
    expect(first).not.toHaveProperty('intakeAt');
    expect(first).not.toHaveProperty('decider');
    expect(await read('LS-77-002')).toMatchObject({ intakeAt: ['village', 'township'], decider: { by: 'office', officeId: '411521-mzj' } });
    // a bad office number is a row error naming the column
    const bad = await run(store, await countyWorkbook(countyItems(1), (row) => Object.assign(row, { 承办方式: '指定机构承办', 承办机构编号: '民政局' })), {
      mode: 'dry-run',
    });
    expect(bad.rows[0]).toMatchObject({ status: 'error' });
    expect(bad.rows[0]!.messages.join()).toContain('承办');
  });

  it('materials come from the 材料 sheet; bad material rows are reported by their own row', async () => {
    const store = memoryCatalogStore();
    const items = countyItems(3);
    const bytes = await countyWorkbook(items);
    const ok = await run(store, bytes, { mode: 'commit' });
    expect(ok.written).toBe(3);
    expect((await catalogReaderOn(store).getPublishedItem('LS-77-002'))!.item.materials).toEqual([
      { name: '居民身份证', form: 'original', copies: 1, required: true },
      { name: '证明2', form: 'copy', copies: 2, source: '村委会出具', required: false },
    ]);
    // a material without a name (row 3 of 材料 = second material of item 1)
    const sheets = await readWorkbook('x.xlsx', bytes);
    sheets[1]!.rows[2]!.cells[1] = '';
    const r = await importCatalog(store, { filename: 'x.xlsx', sheets, mode: 'dry-run', strict: true, publish: true }, ctx());
    expect(r.rows.filter((x) => x.status === 'error').map((x) => [x.sheet, x.row, x.messages[0]])).toEqual([
      ['事项', 2, '“材料”表第 3 行有误，本事项未导入'],
      ['材料', 3, '材料名称不能为空'],
    ]);
  });

  it('duplicate codes in one file: the later row is refused', async () => {
    const items = countyItems(3);
    items[2] = { ...items[2]!, code: items[0]!.code };
    const r = await run(memoryCatalogStore(), await countyWorkbook(items, undefined, false), { mode: 'dry-run' });
    expect(r.rows.map((x) => x.status)).toEqual(['created', 'created', 'error']);
    expect(r.rows[2]!.messages[0]).toBe('事项编码 LS-77-001 与第 2 行重复：事项编码不能重复');
  });

  it('a sheet without the code column is refused as a whole, in Chinese', async () => {
    const bytes = await writeXlsx([{ name: '事项', rows: [['名称'], ['x']] }]);
    await expect(run(memoryCatalogStore(), bytes, { mode: 'dry-run' })).rejects.toThrow('缺少必需的列：事项编码');
  });

  it('imports CSV (no materials sheet: existing materials are kept), and drafts when not publishing', async () => {
    const store = memoryCatalogStore();
    await run(store, await countyWorkbook(countyItems(2)), { mode: 'commit' });
    const header = ITEM_COLUMNS.map((c) => c.header);
    const rows = countyItems(2).map((item) => ITEM_COLUMNS.map((c) => String(c.get({ ...item, name: `${item.name}（改）` }) ?? '')));
    const csv = [header, ...rows].map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n');
    const r = await run(store, new TextEncoder().encode(csv), { mode: 'commit', filename: 'list.csv', publish: false });
    expect(r.totals).toMatchObject({ updated: 2, error: 0 });
    const v2 = await store.getVersion('LS-77-001', 2);
    expect(v2).toMatchObject({ status: 'draft', item: { name: '测试事项1号（改）' } });
    expect(v2!.item.materials).toHaveLength(2);
    // drafts are not public
    expect((await catalogReaderOn(store).getPublishedItem('LS-77-001'))!.version).toBe(1);
  });

  it('the template re-imports (its example row is valid)', async () => {
    const r = await run(memoryCatalogStore(), await exportWorkbook([], 'template'), { mode: 'dry-run' });
    expect(r.totals).toMatchObject({ rows: 1, created: 1, error: 0 });
  });
});
