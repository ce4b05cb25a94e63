import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import type { CaseDocument, Segment } from './texts.ts';
import { subsetFont } from './font-subset.ts';

/**
 * A document (texts.ts) as an A4 PDF, drawn on the server without a browser; loaded with the first
 * document a container draws (./pdf.ts). The Chinese font (Noto Sans Hans, GB2312 coverage, OFL,
 * from @embedpdf/fonts-sc) is cut down by HarfBuzz's hb-subset (./font-subset.ts) to the characters the document uses and embedded whole: a receipt carries ~20 KB of
 * font instead of 8 MB, and opens the same on any reader. (pdf-lib's own subsetting breaks this
 * CFF font's glyphs: hb-subset keeps them intact.)
 *
 * Only the functions that render PDFs carry the font file (infra: `pdfAssets` on their function).
 */
const A4 = { w: 595.28, h: 841.89 };
const MARGIN = 56;
const BODY = 11;
const LINE = BODY * 1.8;

let fontFile: Promise<Buffer> | undefined;
/** The font file: `PDF_FONT_FILE`, else the package's Regular weight (resolved beside the bundle in Lambda). */
const fullFont = (): Promise<Buffer> =>
  (fontFile ??= (async () => {
    const file =
      process.env.PDF_FONT_FILE ?? join(dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')), '..', 'fonts', 'NotoSansHans-Regular.otf');
    return readFile(file);
  })());

const textOf = (d: CaseDocument): string => {
  const seg = (s: Segment[]) => s.map((x) => (typeof x === 'string' ? x : '')).join('');
  const parts = [...d.heading, `编号：${d.number}`, ...d.footer.map(seg), d.sign ? seg(d.sign) : '', d.qr?.caption ?? ''];
  for (const b of d.blocks) {
    if (b.kind === 'p') parts.push(b.text);
    else if (b.kind === 'ol') parts.push(...b.items.map((x, i) => `${i + 1}. ${x}`));
    else for (const row of b.rows) for (const c of row) parts.push(c.th, c.td);
  }
  // digits, latin and the punctuation every document may use
  return parts.join('') + '0123456789.-_：:（）()、。，';
};

/** Width of one character, kept per font: CJK text has no kerning, so a line's width is the sum. */
const widths = new WeakMap<PDFFont, Map<string, number>>();
const charWidth = (font: PDFFont, ch: string, size: number): number => {
  let m = widths.get(font);
  if (!m) widths.set(font, (m = new Map()));
  let w = m.get(ch);
  if (w === undefined) m.set(ch, (w = font.widthOfTextAtSize(ch, 1000)));
  return (w * size) / 1000;
};

/** Breaks a text into lines no wider than `width` (CJK breaks anywhere; good enough for these documents). */
const wrap = (text: string, font: PDFFont, size: number, width: number): string[] => {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const ch of text) {
    const w = charWidth(font, ch, size);
    if (line && used + w > width) {
      lines.push(line);
      line = '';
      used = 0;
    }
    line += ch;
    used += w;
  }
  lines.push(line);
  return lines;
};

class Writer {
  y = A4.h - MARGIN;
  page: PDFPage;
  constructor(
    private readonly doc: PDFDocument,
    readonly font: PDFFont,
  ) {
    this.page = doc.addPage([A4.w, A4.h]);
  }
  /** Room for `h` points, else a new page. */
  need(h: number): void {
    if (this.y - h < MARGIN) {
      this.page = this.doc.addPage([A4.w, A4.h]);
      this.y = A4.h - MARGIN;
    }
  }
  text(s: string, opts: { size?: number; x?: number; width?: number; align?: 'left' | 'center' | 'right' } = {}): void {
    const size = opts.size ?? BODY;
    const x0 = opts.x ?? MARGIN;
    const width = opts.width ?? A4.w - 2 * MARGIN - (x0 - MARGIN);
    for (const l of wrap(s, this.font, size, width)) {
      this.need(size * 1.8);
      const w = this.font.widthOfTextAtSize(l, size);
      const x = opts.align === 'center' ? x0 + (width - w) / 2 : opts.align === 'right' ? x0 + width - w : x0;
      this.page.drawText(l, { x, y: this.y - size, size, font: this.font, color: rgb(0, 0, 0) });
      this.y -= size * 1.8;
    }
  }
}

export const drawPdf = async (d: CaseDocument, meta: { createdAt?: Date } = {}): Promise<Uint8Array> => {
  // no layout tables: the documents need no shaping, and hb-subset is three times faster without them
  const subset = await subsetFont(await fullFont(), textOf(d), {
    dropTables: ['GSUB', 'GPOS', 'GDEF', 'BASE', 'VORG', 'vhea', 'vmtx'],
  });
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  // no ligatures: a 'fi' drawn as one glyph would read back as nothing
  const font = await pdf.embedFont(subset, { subset: false, features: { liga: false, clig: false } });
  pdf.setTitle(`${d.heading.at(-1) ?? ''} ${d.number}`);
  pdf.setProducer('便民 Bianmin');
  pdf.setCreator('便民 Bianmin');
  // a fixed date keeps a document's bytes, and so its checksum, the same each time it is drawn
  const at = meta.createdAt ?? new Date(0);
  pdf.setCreationDate(at);
  pdf.setModificationDate(at);
  const w = new Writer(pdf, font);
  for (const h of d.heading) w.text(h, { size: 16, align: 'center' });
  w.y -= 4;
  w.text(`编号：${d.number}`, { align: 'right' });
  const contentWidth = A4.w - 2 * MARGIN;
  for (const b of d.blocks) {
    if (b.kind === 'p') {
      if (b.role === 'reason') {
        const top = w.y;
        w.text(b.text, { x: MARGIN + 12 });
        w.page.drawLine({ start: { x: MARGIN + 2, y: top }, end: { x: MARGIN + 2, y: w.y + 4 }, thickness: 2, color: rgb(0.72, 0.11, 0.11) });
      } else w.text(b.text);
    } else if (b.kind === 'ol') {
      b.items.forEach((item, i) => w.text(`${i + 1}. ${item}`, { x: MARGIN + 16 }));
    } else {
      // label/value rows with ruled cells; a row of two pairs splits the width in four
      for (const row of b.rows) {
        const pairs = row.length;
        const pairWidth = contentWidth / pairs;
        const thW = pairs === 1 ? BODY * 7 : BODY * 6.5;
        const lines = row.map((c) => ({
          th: wrap(c.th, font, BODY, thW - 8),
          td: wrap(c.td, font, BODY, pairWidth - thW - 8),
        }));
        const rowH = Math.max(...lines.map((l) => Math.max(l.th.length, l.td.length))) * LINE + 6;
        w.need(rowH);
        const top = w.y;
        lines.forEach((l, i) => {
          const x = MARGIN + i * pairWidth;
          w.page.drawRectangle({ x, y: top - rowH, width: thW, height: rowH, borderColor: rgb(0.2, 0.2, 0.2), borderWidth: 0.6 });
          w.page.drawRectangle({ x: x + thW, y: top - rowH, width: pairWidth - thW, height: rowH, borderColor: rgb(0.2, 0.2, 0.2), borderWidth: 0.6 });
          l.th.forEach((t, j) => w.page.drawText(t, { x: x + 4, y: top - 3 - BODY - j * LINE, size: BODY, font }));
          l.td.forEach((t, j) => w.page.drawText(t, { x: x + thW + 4, y: top - 3 - BODY - j * LINE, size: BODY, font }));
        });
        w.y = top - rowH;
      }
      w.y -= 6;
    }
  }
  w.y -= 16;
  const qrSize = 96;
  w.need(Math.max(qrSize + 24, (d.footer.length + 1) * LINE));
  const footerTop = w.y;
  const drawSegments = (segs: Segment[]) => {
    let x = MARGIN;
    const y = w.y - BODY;
    for (const s of segs) {
      if (typeof s === 'string') {
        w.page.drawText(s, { x, y, size: BODY, font });
        x += font.widthOfTextAtSize(s, BODY);
      } else {
        const len = s.blank === 'long' ? 110 : 70;
        w.page.drawLine({ start: { x, y: y - 2 }, end: { x: x + len, y: y - 2 }, thickness: 0.6 });
        x += len;
      }
    }
    w.y -= LINE;
  };
  for (const l of d.footer) drawSegments(l);
  if (d.sign) drawSegments(d.sign);
  if (d.qr) {
    // the QR code drawn as modules: no image library, and it stays sharp at any zoom
    const qr = QRCode.create(d.qr.link, { errorCorrectionLevel: 'M' });
    const n = qr.modules.size;
    const cell = qrSize / n;
    const x0 = A4.w - MARGIN - qrSize;
    const y0 = footerTop - qrSize;
    for (let r = 0; r < n; r++)
      for (let c = 0; c < n; c++)
        if (qr.modules.get(r, c)) w.page.drawRectangle({ x: x0 + c * cell, y: y0 + (n - 1 - r) * cell, width: cell, height: cell, color: rgb(0, 0, 0) });
    const cap = d.qr.caption;
    w.page.drawText(cap, { x: x0 + (qrSize - font.widthOfTextAtSize(cap, 8)) / 2, y: y0 - 12, size: 8, font });
    w.y = Math.min(w.y, y0 - 16);
  }
  return pdf.save({ useObjectStreams: true });
};
