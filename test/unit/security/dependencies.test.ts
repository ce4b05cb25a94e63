import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';

/**
 * Vulnerable versions pulled in by a library are pinned by `overrides` in package.json
 * (docs/security.md): exceljs 4.4.0 asks for uuid ^8.3.0, and 8.3.2 is named in
 * GHSA-w5hq-g745-h8pq (fixed in 11.1.1).
 */
const requireFromExceljs = createRequire(createRequire(import.meta.url).resolve('exceljs'));
const atLeast = (v: string, min: readonly number[]): boolean => {
  const parts = v.split('.').map(Number);
  for (const [i, m] of min.entries()) if ((parts[i] ?? 0) !== m) return (parts[i] ?? 0) > m;
  return true;
};

describe('dependencies pinned past their advisories', () => {
  it('exceljs loads uuid 11.1.1 or later', () => {
    const { version } = requireFromExceljs('uuid/package.json') as { version: string };
    expect(atLeast(version, [11, 1, 1]), version).toBe(true);
  });

  it('exceljs still writes a workbook with the conditional formatting that calls uuid, and reads it back', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('办件');
    ws.addRows([[1], [2], [3]]);
    ws.addConditionalFormatting({
      ref: 'A1:A3',
      rules: [
        {
          type: 'iconSet',
          iconSet: '3Triangles',
          priority: 1,
          cfvo: [
            { type: 'percent', value: 0 },
            { type: 'percent', value: 33 },
            { type: 'percent', value: 67 },
          ],
        },
      ] as never,
    });
    const bytes = await wb.xlsx.writeBuffer();
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(bytes as never);
    expect(back.getWorksheet('办件')!.getCell('A3').value).toBe(3);
  });
});
