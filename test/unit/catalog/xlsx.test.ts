import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { crc32, readCsv, readWorkbook, readXlsx, writeXlsx } from '../../../shared/catalog/xlsx.ts';

describe('xlsx reader/writer', () => {
  it('writes workbooks Excel readers open (checked with exceljs)', async () => {
    const bytes = await writeXlsx([
      { name: '事项', rows: [['编码', '名称', '天数'], ['LS-01-001', '居民身份证核发 & <特殊> "字符"', 60], ['X', '第一行\n第二行', true]], widths: [10, 30, 6] },
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
    const rows = [['a', 'b'], ['中文', 12.5], ['', 'x']];
    const sheets = await readXlsx(await writeXlsx([{ name: 'S', rows }]));
    expect(sheets).toEqual([{ name: 'S', rows: [{ row: 1, cells: ['a', 'b'] }, { row: 2, cells: ['中文', '12.5'] }, { row: 3, cells: ['', 'x'] }] }]);
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

  it('crc32 matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});
