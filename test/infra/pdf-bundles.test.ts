import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Metafile } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROUTES } from '../../shared/platform/routes.ts';
import { HTTP_FUNCTIONS, PDF_RENDERERS } from '../../shared/platform/functions.ts';
import { esbuildOptions, PDF_CHUNK, pdfBundleCommands } from '../../infra/constructs/bundling.ts';
import { writeFunctionEntry } from '../../infra/constructs/function-entries.ts';
import { ROOT } from '../../local/modules.ts';

/**
 * The PDF libraries (pdf-lib, fontkit, HarfBuzz's subsetter) are in no function's bundle: the
 * functions that draw PDFs load them from a file of their own beside the bundle on the first PDF,
 * so a cold start of the documents function parses none of them, and the cases function, which
 * every clerk's click wakes, has nothing to do with them at all.
 */
const PDF_LIBS = /node_modules\/(pdf-lib|@pdf-lib|qrcode|harfbuzzjs|@embedpdf)\//;
const pdfInputs = (meta: Metafile): string[] => Object.keys(Object.values(meta.outputs)[0]!.inputs).filter((i) => PDF_LIBS.test(i));
const metaOf = async (entry: string): Promise<Metafile> => (await build({ ...esbuildOptions(entry), write: false, metafile: true })).metafile;
const functionEntry = (fn: string) =>
  writeFunctionEntry(
    ROOT,
    fn,
    ROUTES.filter((r) => r.fn === fn),
  );

/** A fresh Node process with nothing of this one's environment: what Lambda's runtime starts from. */
const node = (script: string): string =>
  execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } }).trim();

// the documents bundle built once, as the CDK builds it: the shared options, then the afterBundling
// commands (the drawer's file, the font and the wasm beside it)
let dir: string;
let documents: Metafile;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bianmin-pdf-bundle-'));
  documents = (await build({ ...esbuildOptions(functionEntry('documents')), outfile: join(dir, 'index.mjs'), metafile: true })).metafile;
  for (const cmd of pdfBundleCommands(ROOT, dir)) execFileSync('bash', ['-c', cmd], { stdio: 'pipe' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bundles: the PDF libraries only in the PDF drawer’s own file', () => {
  it('the documents and cases bundles have none; the drawer has them', async () => {
    expect(PDF_RENDERERS).toContain('http-documents');
    expect(HTTP_FUNCTIONS.some((f) => f.id === 'documents')).toBe(true);
    expect(pdfInputs(documents)).toEqual([]);
    expect(pdfInputs(await metaOf(functionEntry('cases')))).toEqual([]);
    // the drawer's own file carries them (it draws below)
    expect(statSync(join(dir, PDF_CHUNK)).size).toBeGreaterThan(1_000_000);
  });
});

describe('bundles: what is deployed loads and draws', () => {
  // run in a fresh process with no repository around
  it('the documents bundle imports, and a PDF is drawn from the bundle directory alone', async () => {
    const outfile = join(dir, 'index.mjs');
    expect(readFileSync(outfile, 'utf8')).toContain(PDF_CHUNK);
    expect(node(`const m = await import(${JSON.stringify(outfile)}); console.log(typeof m.handler)`)).toBe('function');

    // the same renderPdf the documents and the archive call, bundled beside it with the same options
    const draw = join(dir, 'draw.mjs');
    await build({
      ...esbuildOptions(''),
      entryPoints: undefined,
      stdin: {
        contents: [
          "import { renderPdf } from './shared/documents/pdf.ts';",
          "const doc = { kind: 'receipt', heading: ['灵山镇便民服务中心', '受理通知书'], number: '411521-20261123-0007',",
          "  blocks: [{ kind: 'p', text: '申请人张*丰：您申请的最低生活保障已受理。' }], footer: [['经办人：', { blank: 'short' }]],",
          "  qr: { link: 'https://example.invalid/status', caption: '扫码查询办理进度' } };",
          'const bytes = await renderPdf(doc);',
          'console.log(JSON.stringify({ head: new TextDecoder().decode(bytes.slice(0, 5)), size: bytes.length }));',
        ].join('\n'),
        resolveDir: ROOT,
        loader: 'ts',
      },
      outfile: draw,
    });
    const drawn = JSON.parse(
      node(`await import(${JSON.stringify(draw)})`)
        .split('\n')
        .pop()!,
    ) as { head: string; size: number };
    expect(drawn.head).toBe('%PDF-');
    // the font subset embedded (a few KB), not the 8 MB font nor none
    expect(drawn.size).toBeGreaterThan(5_000);
    expect(drawn.size).toBeLessThan(200_000);
  });
});
