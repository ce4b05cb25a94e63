import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Metafile } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROUTES } from '../../shared/platform/routes.ts';
import { esbuildOptions, PINYIN_CHUNK, pinyinBundleCommands } from '../../infra/constructs/bundling.ts';
import { writeFunctionEntry } from '../../infra/constructs/function-entries.ts';
import { ROOT } from '../../local/modules.ts';

/**
 * pinyin-pro (~450 KB) is in no function's bundle: the catalog-admin function, whose save and
 * import compute an item's pinyin, requires it from a file of its own beside the bundle on the
 * first pinyin; its reads never load it. Built here as the CDK builds it (the shared options, then
 * the afterBundling command), run in a fresh Node process with nothing of the repository around.
 */
const pinyinInputs = (meta: Metafile): string[] => Object.keys(Object.values(meta.outputs)[0]!.inputs).filter((i) => i.includes('node_modules/pinyin-pro/'));
const functionEntry = (fn: string) =>
  writeFunctionEntry(
    ROOT,
    fn,
    ROUTES.filter((r) => r.fn === fn),
  );
const node = (script: string): string =>
  execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } }).trim();

/** A function's bundle directory as the CDK leaves it: index.mjs, then the afterBundling command. */
const bundleDir = async (base: string, fn: string): Promise<{ dir: string; meta: Metafile }> => {
  const dir = join(base, fn);
  mkdirSync(dir);
  const { metafile } = await build({ ...esbuildOptions(functionEntry(fn)), outfile: join(dir, 'index.mjs'), metafile: true });
  for (const cmd of pinyinBundleCommands(ROOT, dir)) execFileSync('bash', ['-c', cmd], { stdio: 'pipe' });
  return { dir, meta: metafile };
};

let base: string;
let admin: { dir: string; meta: Metafile };
let cases: { dir: string; meta: Metafile };
beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'bianmin-pinyin-bundle-'));
  admin = await bundleDir(base, 'catalog-admin');
  cases = await bundleDir(base, 'cases');
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('bundles: pinyin-pro only in its own file, beside the bundles that compute pinyin', () => {
  it('catalog-admin names the file and gets it; cases neither', () => {
    expect(pinyinInputs(admin.meta)).toEqual([]);
    expect(existsSync(join(admin.dir, PINYIN_CHUNK))).toBe(true);
    expect(pinyinInputs(cases.meta)).toEqual([]);
    expect(existsSync(join(cases.dir, PINYIN_CHUNK))).toBe(false);
  });

  it('the catalog-admin bundle imports, and an item’s pinyin is computed from the bundle directory alone', async () => {
    expect(node(`const m = await import(${JSON.stringify(join(admin.dir, 'index.mjs'))}); console.log(typeof m.handler)`)).toBe('function');
    // the same searchFieldsOf a save and an import call, bundled beside it with the same options
    const fields = join(admin.dir, 'fields.mjs');
    await build({
      ...esbuildOptions(''),
      entryPoints: undefined,
      stdin: {
        contents: [
          "import { searchFieldsOf } from './shared/catalog/search-fields.ts';",
          "const item = { name: '最低生活保障', keywords: ['低保'], materials: [{ name: '户口簿' }] };",
          'console.log(JSON.stringify(searchFieldsOf(item)));',
        ].join('\n'),
        resolveDir: ROOT,
        loader: 'ts',
      },
      outfile: fields,
    });
    expect(
      JSON.parse(
        node(`await import(${JSON.stringify(fields)})`)
          .split('\n')
          .pop()!,
      ),
    ).toEqual({
      py: 'zuidishenghuobaozhang',
      ini: 'zdshbz',
      kwPy: 'dibao|db',
      matPy: 'hukoubu|hkb',
    });
  });
});
