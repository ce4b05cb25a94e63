import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';
import type { OutputBundle, OutputChunk } from 'rolldown';

/**
 * The modules whose chunks the service worker caches at install, beside the entry: the light public
 * pages, the agent's pages and the staff shell they pass through. Everything else is kept when first used.
 */
const PRECACHE_MODULES = /\/web\/src\/(light\/|shell\/(AntdTheme|LoginPage|StaffLayout|HomePage)\.tsx|pages\/network\/(Commission|CommissionPrint)Page\.tsx)/;

/** Builds web/src/sw/sw.ts into /sw.js with the list of files to precache and a build id. */
export const serviceWorker = (root: string): Plugin => ({
  name: 'bianmin-service-worker',
  apply: 'build',
  // after Vite's own bundle steps (it drops the empty JS chunks of CSS-only modules there)
  enforce: 'post',
  async generateBundle(_options, bundle: OutputBundle) {
    const chunks = Object.values(bundle).filter((c): c is OutputChunk => c.type === 'chunk');
    const byFile = new Map(chunks.map((c) => [c.fileName, c]));
    const files = new Set<string>();
    const add = (c: OutputChunk | undefined) => {
      if (!c || files.has(c.fileName)) return;
      files.add(c.fileName);
      for (const css of c.viteMetadata?.importedCss ?? []) files.add(css);
      for (const i of c.imports) add(byFile.get(i));
    };
    for (const c of chunks) if (c.isEntry || (c.facadeModuleId && PRECACHE_MODULES.test(c.facadeModuleId))) add(c);
    const assets = Object.values(bundle)
      .filter((a) => a.type === 'asset' && /\.(svg|webmanifest|png)$/.test(a.fileName))
      .map((a) => a.fileName);
    const precache = ['/index.html', '/config.json', '/manifest.webmanifest', '/favicon.svg', ...[...files, ...assets].map((f) => `/${f}`)];
    const unique = [...new Set(precache)].sort();
    const id = createHash('sha256').update(unique.join('\n')).digest('hex').slice(0, 12);
    const out = await build({
      entryPoints: [`${root}/src/sw/sw.ts`],
      bundle: true,
      minify: true,
      format: 'iife',
      target: 'es2022',
      write: false,
      define: { __PRECACHE__: JSON.stringify(unique), __BUILD__: JSON.stringify(id) },
      logLevel: 'silent',
    });
    this.emitFile({ type: 'asset', fileName: 'sw.js', source: out.outputFiles[0]!.text });
  },
});
