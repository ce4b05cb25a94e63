import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROUTES } from '../../shared/platform/routes.ts';
import { HTTP_FUNCTIONS, PDF_RENDERERS } from '../../shared/platform/functions.ts';
import { esbuildOptions } from '../../infra/constructs/bundling.ts';
import { writeFunctionEntry } from '../../infra/constructs/function-entries.ts';
import { ROOT } from '../../local/modules.ts';

/**
 * The PDF libraries (pdf-lib, fontkit, HarfBuzz's subsetter) stay in the functions that draw PDFs:
 * the cases function, which every clerk's click wakes, must not carry them.
 */
const PDF_LIBS = /node_modules\/(pdf-lib|@pdf-lib|subset-font|harfbuzzjs|@embedpdf)\//;
const pdfInputs = async (fn: string): Promise<string[]> => {
  const entry = writeFunctionEntry(
    ROOT,
    fn,
    ROUTES.filter((r) => r.fn === fn),
  );
  const r = await build({ ...esbuildOptions(entry), write: false, metafile: true });
  return Object.keys(Object.values(r.metafile.outputs)[0]!.inputs).filter((i) => PDF_LIBS.test(i));
};

describe('bundles: the PDF libraries only where PDFs are drawn', () => {
  it('the documents function has them; cases has none', async () => {
    expect(PDF_RENDERERS).toContain('http-documents');
    expect(HTTP_FUNCTIONS.some((f) => f.id === 'documents')).toBe(true);
    expect((await pdfInputs('documents')).length).toBeGreaterThan(0);
    expect(await pdfInputs('cases')).toEqual([]);
  });
});

describe('bundles: what is deployed loads', () => {
  // the subsetter's Emscripten loader reads __dirname as it loads: an ESM bundle without it failed
  // on import, so every cold start of the documents function would have been an error
  it('the documents bundle, built as the CDK builds it, imports in a fresh Node process', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bianmin-pdf-bundle-'));
    try {
      const entry = writeFunctionEntry(
        ROOT,
        'documents',
        ROUTES.filter((r) => r.fn === 'documents'),
      );
      const outfile = join(dir, 'documents.mjs');
      await build({ ...esbuildOptions(entry), outfile });
      const out = execFileSync(
        process.execPath,
        ['--input-type=module', '-e', `const m = await import(${JSON.stringify(outfile)}); console.log(typeof m.handler)`],
        {
          encoding: 'utf8',
          env: { PATH: process.env.PATH ?? '' },
        },
      );
      expect(out.trim()).toBe('function');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
