import type { CaseDocument } from './texts.ts';

/**
 * A document (texts.ts) as an A4 PDF. The drawing code (pdf-lib, fontkit, the QR encoder: ~1.3 MB)
 * loads with the first document a container draws, not when the function starts. Deployed, it is a
 * file of its own beside the function's bundle (`BIANMIN_PDF_CHUNK`, set at bundling by
 * infra/constructs/bundling.ts: the bundle holds no PDF code at all); run from source, the module itself.
 */
type Drawer = typeof import('./pdf-draw.ts');
let drawer: Promise<Drawer> | undefined;
const load = (): Promise<Drawer> =>
  process.env.BIANMIN_PDF_CHUNK ? (import(new URL(`./${process.env.BIANMIN_PDF_CHUNK}`, import.meta.url).href) as Promise<Drawer>) : import('./pdf-draw.ts');

export const renderPdf = async (d: CaseDocument, meta: { createdAt?: Date } = {}): Promise<Uint8Array> => (await (drawer ??= load())).drawPdf(d, meta);
