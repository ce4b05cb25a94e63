/**
 * A small XLSX (and CSV) reader/writer: just what the catalog's import and export need — sheets
 * of text and numbers, a bold header row, wrapped text. Isomorphic (web streams for deflate), so
 * the import page can parse a workbook in the browser with a real progress bar, and the
 * functions stay small: exceljs bundles to ~1 MB and ~120 ms of cold import (DESIGN §5 allows
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

// ---------- zip ----------

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export const crc32 = (data: Uint8Array): number => {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

const pipeThrough = async (data: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> => {
  const out = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
};
const inflateRaw = (d: Uint8Array) => pipeThrough(d, new DecompressionStream('deflate-raw'));
const deflateRaw = (d: Uint8Array) => pipeThrough(d, new CompressionStream('deflate-raw'));

export class XlsxFormatError extends Error {}

/** Reads the files of a zip archive (stored or deflated entries; no zip64, no encryption). */
export const unzip = async (buf: Uint8Array, wanted?: (name: string) => boolean): Promise<Map<string, Uint8Array>> => {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new XlsxFormatError('文件不是有效的 XLSX（不是 zip 压缩包）');
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const names = new TextDecoder();
  const files = new Map<string, Uint8Array>();
  for (let n = 0; n < count; n++) {
    if (view.getUint32(p, true) !== 0x02014b50) throw new XlsxFormatError('XLSX 文件已损坏（目录无效）');
    const method = view.getUint16(p + 10, true);
    const csize = view.getUint32(p + 20, true);
    const nlen = view.getUint16(p + 28, true);
    const elen = view.getUint16(p + 30, true);
    const clen = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const name = names.decode(buf.subarray(p + 46, p + 46 + nlen));
    p += 46 + nlen + elen + clen;
    if (wanted && !wanted(name)) continue;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = buf.subarray(start, start + csize);
    if (method === 0) files.set(name, data);
    else if (method === 8) files.set(name, await inflateRaw(data));
    else throw new XlsxFormatError(`XLSX 使用了不支持的压缩方式（${method}）`);
  }
  return files;
};

/** Writes a zip archive (deflated entries, UTF-8 names). */
export const zip = async (files: ReadonlyArray<{ name: string; data: Uint8Array }>): Promise<Uint8Array> => {
  const enc = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const f of files) {
    const name = enc.encode(f.name);
    const packed = await deflateRaw(f.data);
    const crc = crc32(f.data);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x0800, true);
    lv.setUint16(8, 8, true);
    lv.setUint16(10, 0, true);
    lv.setUint16(12, 0x21, true); // 1980-01-01: fixed, so equal content gives equal bytes
    lv.setUint32(14, crc, true);
    lv.setUint32(18, packed.length, true);
    lv.setUint32(22, f.data.length, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const cd = new Uint8Array(46 + name.length);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint16(10, 8, true);
    cv.setUint16(14, 0x21, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, packed.length, true);
    cv.setUint32(24, f.data.length, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    cd.set(name, 46);
    chunks.push(local, packed);
    central.push(cd);
    offset += local.length + packed.length;
  }
  const cdSize = central.reduce((s, c) => s + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, files.length, true);
  ev.setUint16(10, files.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const all = [...chunks, ...central, end];
  const out = new Uint8Array(all.reduce((s, c) => s + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
};

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

/** `AB12` → 27 (0-based column 27). */
const columnIndex = (ref: string): number => {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
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
  const files = await unzip(buf, (n) => n.startsWith('xl/') && (n.endsWith('.xml') || n.endsWith('.rels')));
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
        rowNo = r ? Number(r) : rowNo + 1;
        const cells: string[] = [];
        let col = -1;
        for (const cm of (rm[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
          const ref = attr(cm[1]!, 'r');
          col = ref ? columnIndex(ref) : col + 1;
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
          .map((_s, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
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
        sheets.map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        `<Relationship Id="rId${sheets.length + 1}" Type="${ns}/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
        '</Relationships>',
    },
    { name: 'xl/styles.xml', data: STYLES },
    ...sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: sheetXml(s) })),
  ];
  return zip(files.map((f) => ({ name: f.name, data: enc.encode(f.data) })));
};
