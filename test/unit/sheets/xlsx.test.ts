import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { readCsv, readWorkbook, readXlsx, writeXlsx, XLSX_LIMITS } from '../../../shared/sheets/xlsx.ts';

/** A one-sheet workbook around the given sheet XML (`<row>` elements), zipped by fflate. */
const workbookWith = (rowsXml: string, extra: Record<string, Uint8Array> = {}): Uint8Array => {
  const ns = 'http://schemas.openxmlformats.org';
  return zipSync({
    'xl/workbook.xml': strToU8(
      `<workbook xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="事项" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(`<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>`),
    'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${rowsXml}</sheetData></worksheet>`),
    ...extra,
  });
};

/** Overwrites the declared uncompressed size of every entry named `name`, in the local header and the directory. */
const lieAboutSize = (zip: Uint8Array, name: string, size: number): Uint8Array => {
  const out = zip.slice();
  const v = new DataView(out.buffer);
  const wanted = strToU8(name);
  const named = (at: number) => wanted.every((b, i) => out[at + i] === b);
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = v.getUint32(i, true);
    if (sig === 0x04034b50 && v.getUint16(i + 26, true) === wanted.length && named(i + 30)) v.setUint32(i + 22, size, true);
    if (sig === 0x02014b50 && v.getUint16(i + 28, true) === wanted.length && named(i + 46)) v.setUint32(i + 24, size, true);
  }
  return out;
};

describe('xlsx reader/writer', () => {
  it('writes workbooks Excel readers open (checked with exceljs)', async () => {
    const bytes = await writeXlsx([
      {
        name: '事项',
        rows: [
          ['编码', '名称', '天数'],
          ['LS-01-001', '居民身份证核发 & <特殊> "字符"', 60],
          ['X', '第一行\n第二行', true],
        ],
        widths: [10, 30, 6],
      },
      { name: '材料', rows: [['a']] },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('事项')!;
    expect(ws.getCell('B2').value).toBe('居民身份证核发 & <特殊> "字符"');
    expect(ws.getCell('C2').value).toBe(60);
    expect(ws.getCell('B3').value).toBe('第一行\n第二行');
    expect(ws.getCell('C3').value).toBe('是');
    expect(wb.getWorksheet('材料')!.getCell('A1').value).toBe('a');
  });

  it('reads workbooks written by others: shared strings, rich text, gaps, sparse rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('事项');
    ws.addRow(['编码', '名称', '天']);
    ws.addRow(['X1', { richText: [{ text: '富' }, { text: '文本' }] }, 3]);
    ws.getCell('D5').value = 'D5';
    ws.getCell('A6').value = true;
    const sheets = await readXlsx(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    expect(sheets[0]!.rows).toEqual([
      { row: 1, cells: ['编码', '名称', '天'] },
      { row: 2, cells: ['X1', '富文本', '3'] },
      { row: 5, cells: ['', '', '', 'D5'] },
      { row: 6, cells: ['TRUE'] },
    ]);
  });

  it('round-trips its own output', async () => {
    const rows = [
      ['a', 'b'],
      ['中文', 12.5],
      ['', 'x'],
    ];
    const sheets = await readXlsx(await writeXlsx([{ name: 'S', rows }]));
    expect(sheets).toEqual([
      {
        name: 'S',
        rows: [
          { row: 1, cells: ['a', 'b'] },
          { row: 2, cells: ['中文', '12.5'] },
          { row: 3, cells: ['', 'x'] },
        ],
      },
    ]);
  });

  it('reads CSV in UTF-8 (with BOM) and in GBK as Excel saves it', () => {
    const utf8 = new TextEncoder().encode('\ufeff编码,名称\r\nX1,"多\n行, 带逗号 ""引号"""\r\n');
    expect(readCsv(utf8)[0]!.rows).toEqual([
      { row: 1, cells: ['编码', '名称'] },
      { row: 2, cells: ['X1', '多\n行, 带逗号 "引号"'] },
    ]);
    // 编码,名称 in GBK
    const gbk = new Uint8Array([0xb1, 0xe0, 0xc2, 0xeb, 0x2c, 0xc3, 0xfb, 0xb3, 0xc6, 0x0a]);
    expect(readCsv(gbk)[0]!.rows[0]!.cells).toEqual(['编码', '名称']);
  });

  it('refuses what it cannot read, in Chinese', async () => {
    await expect(readWorkbook('a.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).rejects.toThrow(/另存为/);
    await expect(readWorkbook('a.pdf', new Uint8Array([1, 2, 3]))).rejects.toThrow(/只能导入/);
    await expect(readWorkbook('a.xlsx', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).rejects.toThrow(/XLSX/);
  });
});

describe('xlsx reader limits (a hostile upload is refused, in Chinese, before it fills memory)', () => {
  const MB = 1024 * 1024;

  it('reads a plain fflate-zipped workbook (the helper itself is sound)', async () => {
    const sheets = await readXlsx(workbookWith('<row r="1"><c r="A1" t="inlineStr"><is><t>编码</t></is></c><c r="C1"><v>3</v></c></row>'));
    expect(sheets).toEqual([{ name: '事项', rows: [{ row: 1, cells: ['编码', '', '3'] }] }]);
  });

  it('refuses a zip bomb by its declared size, before inflating it', async () => {
    // the declared size says 4 GB; the data itself is not even valid deflate, so only the
    // directory check can give this answer (inflating would report a damaged file instead)
    const honest = workbookWith('<row r="1"><c r="A1"><v>1</v></c></row>');
    const bomb = lieAboutSize(honest, 'xl/worksheets/sheet1.xml', 0xffffffff);
    await expect(readXlsx(bomb)).rejects.toThrow(/解压后超过 20 MB/);
  });

  // packing tens of MB takes seconds on a busy 2-core machine
  it('refuses a zip bomb whose headers lie about its size, as soon as it inflates past them', { timeout: 30_000 }, async () => {
    // 24 MB of one repeated row packs into ~25 KB; the headers claim 1 KB
    const row = '<row><c t="inlineStr"><is><t>x</t></is></c></row>';
    const packed = workbookWith(row.repeat(Math.ceil((24 * MB) / row.length)));
    expect(packed.length).toBeLessThan(MB);
    const bomb = lieAboutSize(packed, 'xl/worksheets/sheet1.xml', 1024);
    await expect(readXlsx(bomb)).rejects.toThrow(/压缩炸弹/);
    await expect(readWorkbook('bomb.xlsx', bomb)).rejects.toThrow(/解压后超过/);
  });

  // packing tens of MB takes seconds on a busy 2-core machine
  it('refuses more than 20 MB inflated in total, even when honest', { timeout: 30_000 }, async () => {
    const filler = new Uint8Array(21 * MB).fill(0x20);
    await expect(readXlsx(workbookWith('', { 'xl/media/big.xml': filler }))).rejects.toThrow(/解压后超过 20 MB/);
  });

  it('refuses an archive with too many entries', async () => {
    const many = Object.fromEntries(Array.from({ length: XLSX_LIMITS.maxEntries + 1 }, (_v, i) => [`xl/x${i}.xml`, strToU8('<x/>')]));
    await expect(readXlsx(workbookWith('', many))).rejects.toThrow(/文件过多/);
  });

  it('refuses a cell reference with more than 3 column letters while parsing', async () => {
    await expect(readXlsx(workbookWith('<row r="1"><c r="ZZZZZZZ1"><v>1</v></c></row>'))).rejects.toThrow(/单元格引用“ZZZZZZZ1”无效/);
    await expect(readXlsx(workbookWith('<row r="1"><c r="ZZZ1"><v>1</v></c></row>'))).rejects.toThrow(/最后一列 XFD/);
    await expect(readXlsx(workbookWith('<row r="1"><c r="a1"><v>1</v></c></row>'))).rejects.toThrow(/单元格引用“a1”无效/);
    // the last column Excel has is still read
    const sheets = await readXlsx(workbookWith('<row r="1"><c r="XFD1"><v>7</v></c></row>'));
    expect(sheets[0]!.rows[0]!.cells[16_383]).toBe('7');
  });

  it('refuses rows past the row limit while parsing', async () => {
    await expect(readXlsx(workbookWith(`<row r="${XLSX_LIMITS.maxRows + 1}"><c r="A${XLSX_LIMITS.maxRows + 1}"><v>1</v></c></row>`))).rejects.toThrow(
      /工作表“事项”超过 100000 行/,
    );
    // numbered or not, the count is what counts
    await expect(readXlsx(workbookWith('<row/>'.repeat(XLSX_LIMITS.maxRows + 1)))).rejects.toThrow(/超过 100000 行/);
    await expect(readXlsx(workbookWith('<row r="12345678901"/>'))).rejects.toThrow(/行号“12345678901”无效/);
    const last = await readXlsx(workbookWith(`<row r="${XLSX_LIMITS.maxRows}"/>`));
    expect(last[0]!.rows).toEqual([{ row: XLSX_LIMITS.maxRows, cells: [] }]);
  });

  it('refuses more cells than the budget, gaps included', async () => {
    // 200 rows each padded out to column XFD: 3.3 million cells from a few kilobytes of XML
    const rows = Array.from({ length: 200 }, (_v, i) => `<row r="${i + 1}"><c r="XFD${i + 1}"><v>1</v></c></row>`).join('');
    await expect(readXlsx(workbookWith(rows))).rejects.toThrow(/单元格超过 2000000 个/);
  });
});
