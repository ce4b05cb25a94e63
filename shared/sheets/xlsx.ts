import { Unzip, UnzipInflate, unzipSync, zipSync } from 'fflate';

/**
 * The one XLSX (and CSV) reader/writer of every import and export (catalog, audit, dashboard,
 * ratings, hall): sheets of text and numbers, a bold header row, wrapped text. Isomorphic (fflate for zip/deflate), so
 * the import page can parse a workbook in the browser with a real progress bar, and the
 * functions stay small: exceljs bundles to ~1 MB and ~120 ms of cold import (the budget is
 * 250 KB / 50 ms per function).
 */
export type CellValue = string | number | boolean | null | undefined;

export interface SheetRow {
  /** 1-based row number as Excel shows it. */
  row: number;
  cells: string[];
}
export interface Sheet {
  name: string;
  rows: SheetRow[];
}

// ---------- zip (fflate) ----------

/**
 * What a workbook may hold. An upload is at most 10 MB, but deflate packs ~1000:1, so the reader
 * counts what it inflates and refuses a zip bomb instead of filling the function's memory.
 */
export const XLSX_LIMITS = {
  /** Files in the archive (a real workbook has a few dozen). */
  maxEntries: 1_000,
  /** Bytes of the parts read, inflated, all together. */
  maxUnzippedBytes: 20 * 1024 * 1024,
  /** Rows of one sheet (the import takes at most 5,000 items, their materials on another sheet). */
  maxRows: 100_000,
  /** Excel's own last column, XFD. */
  maxColumns: 16_384,
  /** Cells the reader materialises (gaps before a cell count too). */
  maxCells: 2_000_000,
} as const;

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

export class XlsxFormatError extends Error {}

const tooBig = () => new XlsxFormatError(`XLSX 解压后超过 ${MB(XLSX_LIMITS.maxUnzippedBytes)}（可能是“压缩炸弹”或损坏的文件）：请拆分后分批导入`);
const tooManyEntries = () => new XlsxFormatError(`XLSX 压缩包内文件过多（超过 ${XLSX_LIMITS.maxEntries} 个）：不是正常的 Excel 工作簿`);
const corrupt = () => new XlsxFormatError('XLSX 文件已损坏（无法解压）');

/** Input is fed in small steps: one step inflates to at most ~1000× its size before it is counted. */
const FEED_BYTES = 8 * 1024;

const concat = (parts: Uint8Array[], size: number): Uint8Array => {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/**
 * Reads the wanted files of a zip archive. The central directory is checked first (entry count,
 * declared sizes, compression) with nothing inflated; then the entries are inflated as a stream,
 * counting the bytes, because a directory can lie about sizes.
 */
const unzipFiles = (buf: Uint8Array, wanted: (name: string) => boolean): Map<string, Uint8Array> => {
  const declared = new Map<string, number>();
  let entries = 0;
  let declaredTotal = 0;
  try {
    // the filter declines every entry: this pass only reads the directory
    unzipSync(buf, {
      filter: (f) => {
        if (++entries > XLSX_LIMITS.maxEntries) throw tooManyEntries();
        if (!wanted(f.name)) return false;
        if (f.compression !== 0 && f.compression !== 8) throw new XlsxFormatError(`XLSX 使用了不支持的压缩方式（${f.compression}）`);
        declaredTotal += f.originalSize;
        if (declaredTotal > XLSX_LIMITS.maxUnzippedBytes) throw tooBig();
        declared.set(f.name, f.originalSize);
        return false;
      },
    });
  } catch (e) {
    if (e instanceof XlsxFormatError) throw e;
    throw new XlsxFormatError('文件不是有效的 XLSX（不是 zip 压缩包）');
  }

  const files = new Map<string, Uint8Array>();
  const pending = new Set<string>();
  let seen = 0;
  let inflated = 0;
  const stream = new Unzip((file) => {
    if (++seen > XLSX_LIMITS.maxEntries) throw tooManyEntries();
    const limit = declared.get(file.name);
    if (limit === undefined) return; // not wanted (or not in the directory): never inflated
    const parts: Uint8Array[] = [];
    let size = 0;
    pending.add(file.name);
    file.ondata = (err, chunk, final) => {
      if (err) throw err instanceof XlsxFormatError ? err : corrupt();
      size += chunk.length;
      inflated += chunk.length;
      if (size > limit || inflated > XLSX_LIMITS.maxUnzippedBytes) throw tooBig();
      parts.push(chunk);
      if (final) {
        files.set(file.name, concat(parts, size));
        pending.delete(file.name);
      }
    };
    file.start();
  });
  stream.register(UnzipInflate);
  try {
    for (let at = 0; at < buf.length; at += FEED_BYTES) stream.push(buf.subarray(at, at + FEED_BYTES), at + FEED_BYTES >= buf.length);
  } catch (e) {
    if (e instanceof XlsxFormatError) throw e;
    throw corrupt();
  }
  if (pending.size) throw corrupt();
  return files;
};

/** 1980-01-01, the earliest zip date: fixed, so equal content gives equal bytes. */
const ZIP_MTIME = new Date(1980, 0, 1);

/** Writes a zip archive (deflated entries, UTF-8 names). */
const zipFiles = (files: ReadonlyArray<{ name: string; data: Uint8Array }>): Uint8Array =>
  zipSync(Object.fromEntries(files.map((f) => [f.name, f.data])), { level: 6, mtime: ZIP_MTIME });

// ---------- XML ----------

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const unescapeXml = (s: string): string =>
  s
    .replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_m, e: string) =>
      e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e]!,
    )
    // OOXML escapes control characters as _xHHHH_
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));

const escapeXml = (s: string): string =>
  s
    // characters XML 1.0 cannot carry at all
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]!) : undefined;
};

/** Text of all <t> elements in a fragment, skipping phonetic runs (<rPh>). */
const textOf = (xml: string): string => {
  const clean = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  for (const m of clean.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)) out += m[1] ? unescapeXml(m[1]) : '';
  return out;
};

/**
 * `AB12` → 27 (0-based column). Refuses a reference no sheet can hold before any cell is made for
 * it: `<c r="ZZZZZZZ1">` must not make the reader pad a row with billions of empty cells.
 */
const columnOf = (ref: string, sheet: string): number => {
  const m = /^([A-Z]{1,3})\d*$/.exec(ref);
  if (!m) throw new XlsxFormatError(`工作表“${sheet}”的单元格引用“${ref.slice(0, 20)}”无效：列号最多 3 个字母（Excel 最后一列为 XFD）`);
  let n = 0;
  for (const ch of m[1]!) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
};
const columnName = (i: number): string => {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

const normPath = (target: string): string => {
  const t = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const parts: string[] = [];
  for (const seg of t.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
};

export interface ReadProgress {
  (done: number, total: number): void;
}

/** Reads every sheet of a workbook as rows of text (numbers as written, booleans as TRUE/FALSE). */
export const readXlsx = async (buf: Uint8Array, onProgress?: ReadProgress): Promise<Sheet[]> => {
  const files = unzipFiles(buf, (n) => n.startsWith('xl/') && (n.endsWith('.xml') || n.endsWith('.rels')));
  const dec = new TextDecoder();
  const file = (name: string): string | undefined => {
    const f = files.get(name);
    return f ? dec.decode(f) : undefined;
  };
  const workbook = file('xl/workbook.xml');
  if (!workbook) throw new XlsxFormatError('文件不是有效的 XLSX（缺少 workbook）');
  const rels = new Map<string, string>();
  for (const m of (file('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) rels.set(id, normPath(target));
  }
  const shared: string[] = [];
  for (const m of (file('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) shared.push(m[1] ? textOf(m[1]) : '');

  const sheetTags = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]);
  const sheets: Sheet[] = [];
  const { maxRows, maxColumns, maxCells } = XLSX_LIMITS;
  let cellBudget = maxCells;
  let done = 0;
  for (const tag of sheetTags) {
    const name = attr(tag, 'name') ?? `Sheet${sheets.length + 1}`;
    const rid = attr(tag, 'r:id') ?? attr(tag, 'id');
    const path = rid ? rels.get(rid) : undefined;
    const xml = path ? file(path) : undefined;
    const rows: SheetRow[] = [];
    if (xml) {
      let rowNo = 0;
      for (const rm of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
        const r = attr(rm[1]!, 'r');
        rowNo = r === undefined ? rowNo + 1 : /^\d{1,9}$/.test(r) ? Number(r) : NaN;
        if (!(rowNo >= 1)) throw new XlsxFormatError(`工作表“${name}”的行号“${(r ?? '').slice(0, 20)}”无效`);
        if (rowNo > maxRows || rows.length >= maxRows) throw new XlsxFormatError(`工作表“${name}”超过 ${maxRows} 行（第 ${rowNo} 行）：请拆分后分批导入`);
        const cells: string[] = [];
        let col = -1;
        for (const cm of (rm[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
          const ref = attr(cm[1]!, 'r');
          col = ref ? columnOf(ref, name) : col + 1;
          if (col >= maxColumns) throw new XlsxFormatError(`工作表“${name}”第 ${rowNo} 行超出 Excel 的最后一列 XFD（${maxColumns} 列）`);
          // every cell made counts, the empty ones padding a gap too
          cellBudget -= Math.max(0, col + 1 - cells.length);
          if (cellBudget < 0) throw new XlsxFormatError(`工作簿的单元格超过 ${maxCells} 个：请拆分后分批导入`);
          const type = attr(cm[1]!, 't');
          const body = cm[2] ?? '';
          const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
          let value = '';
          if (type === 's') value = shared[Number(v)] ?? '';
          else if (type === 'inlineStr') value = textOf(body);
          else if (type === 'b') value = v === '1' ? 'TRUE' : 'FALSE';
          else if (v !== undefined) value = unescapeXml(v);
          while (cells.length < col) cells.push('');
          cells[col] = value;
        }
        rows.push({ row: rowNo, cells });
      }
    }
    sheets.push({ name, rows });
    onProgress?.(++done, sheetTags.length);
  }
  return sheets;
};

/** Reads CSV (RFC 4180; UTF-8 with or without BOM, or GBK as Excel saves it in China) as one sheet. */
export const readCsv = (buf: Uint8Array, name = 'CSV'): Sheet[] => {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    text = new TextDecoder('gbk').decode(buf);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows: SheetRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let rowNo = 1;
  const endRow = () => {
    cells.push(cell);
    if (cells.some((c) => c !== '')) rows.push({ row: rowNo, cells });
    cells = [];
    cell = '';
    rowNo += 1;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else cell += ch;
  }
  if (cell !== '' || cells.length) endRow();
  return [{ name, rows }];
};

/** Picks the reader by file name (and the zip signature, for a mislabelled file). */
export const readWorkbook = async (filename: string, buf: Uint8Array, onProgress?: ReadProgress): Promise<Sheet[]> => {
  const isZip = buf[0] === 0x50 && buf[1] === 0x4b;
  if (/\.xls$/i.test(filename) && !isZip) throw new XlsxFormatError('不支持旧版 .xls 文件：请在 Excel 中“另存为” .xlsx 后再导入');
  if (isZip) return readXlsx(buf, onProgress);
  if (/\.(csv|txt)$/i.test(filename)) return readCsv(buf);
  if (/\.xlsx$/i.test(filename)) throw new XlsxFormatError('文件不是有效的 XLSX（可能已损坏，或不是 Excel 保存的文件）');
  throw new XlsxFormatError('只能导入 .xlsx 或 .csv 文件');
};

// ---------- writer ----------

export interface SheetSpec {
  name: string;
  /** First row is the header (bold, frozen). */
  rows: CellValue[][];
  /** Column widths in characters. */
  widths?: number[];
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/></patternFill></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

const sheetXml = (spec: SheetSpec): string => {
  const rows = spec.rows
    .map((cells, r) => {
      const style = r === 0 ? 1 : 2;
      const cs = cells
        .map((v, c) => {
          if (v === null || v === undefined || v === '') return '';
          const ref = `${columnName(c)}${r + 1}`;
          if (typeof v === 'number' && Number.isFinite(v)) return `<c r="${ref}" s="${style}"><v>${v}</v></c>`;
          const s = typeof v === 'boolean' ? (v ? '是' : '否') : String(v);
          return `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(s)}</t></is></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${cs}</row>`;
    })
    .join('');
  const cols = spec.widths?.length
    ? `<cols>${spec.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`
    : '';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    `${cols}<sheetData>${rows}</sheetData></worksheet>`
  );
};

/** Writes a workbook of text/number sheets. */
export const writeXlsx = async (sheets: readonly SheetSpec[]): Promise<Uint8Array> => {
  const enc = new TextEncoder();
  const ns = 'http://schemas.openxmlformats.org';
  const files: Array<{ name: string; data: string }> = [
    {
      name: '[Content_Types].xml',
      data:
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="${ns}/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        sheets
          .map(
            (_s, i) =>
              `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join('') +
        '</Types>',
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data:
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets>` +
        sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets></workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${ns}/package/2006/relationships">` +
        sheets
          .map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
          .join('') +
        `<Relationship Id="rId${sheets.length + 1}" Type="${ns}/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
        '</Relationships>',
    },
    { name: 'xl/styles.xml', data: STYLES },
    ...sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: sheetXml(s) })),
  ];
  return zipFiles(files.map((f) => ({ name: f.name, data: enc.encode(f.data) })));
};
