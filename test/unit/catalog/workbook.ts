import ExcelJS from 'exceljs';
import { ITEM_COLUMNS, MATERIAL_COLUMNS } from '../../../shared/catalog/workbook-columns.ts';
import type { Item } from '../../../shared/catalog/item.ts';
import { sampleItem } from './fixtures.ts';

/** Items for a synthetic county list: LS-77-001… */
export const countyItems = (n: number): Item[] =>
  Array.from({ length: n }, (_v, i) =>
    sampleItem({
      code: `LS-77-${String(i + 1).padStart(3, '0')}`,
      name: `测试事项${i + 1}号`,
      category: i % 2 ? '社会保障' : '户籍管理',
      materials: [
        { name: '居民身份证', form: 'original', copies: 1, required: true },
        { name: `证明${i + 1}`, form: 'copy', copies: 2, source: '村委会出具', required: false },
      ],
    }),
  );

/**
 * Builds the county's workbook with exceljs (an independent writer, as Excel/WPS would), so the
 * reader is tested on files it did not write. `mutate` may spoil cells of a row (by item index).
 */
export const countyWorkbook = async (
  items: Item[],
  mutate: (row: Record<string, unknown>, i: number) => void = () => undefined,
  withMaterials = true,
): Promise<Uint8Array> => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('事项');
  ws.addRow(ITEM_COLUMNS.map((c) => c.header));
  items.forEach((item, i) => {
    const row: Record<string, unknown> = Object.fromEntries(ITEM_COLUMNS.map((c) => [c.header, c.get(item) ?? null]));
    mutate(row, i);
    ws.addRow(ITEM_COLUMNS.map((c) => row[c.header] ?? null));
  });
  if (withMaterials) {
    const ms = wb.addWorksheet('材料');
    ms.addRow(MATERIAL_COLUMNS.map((c) => c.header));
    for (const item of items) for (const m of item.materials) ms.addRow(MATERIAL_COLUMNS.map((c) => c.get(m, item.code) ?? null));
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
};
