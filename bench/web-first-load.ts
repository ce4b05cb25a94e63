/**
 * First load of a citizen page on a village phone (DESIGN §5 / issue 14: ≤ 120 KB gzipped JS + CSS):
 * builds the web with Vite's manifest into a temporary directory, then follows what the browser
 * fetches before the page shows — index.html's script, module preloads and stylesheets, plus the
 * page's own lazy chunk with its static imports and CSS — and gzips each file.
 * Run alone: `npx tsx bench/web-first-load.ts`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { ROOT } from '../local/modules.ts';

/** The module each citizen page renders (web/src/App.tsx and the pages' routes.tsx). */
export const CITIZEN_PAGES: Record<string, string> = {
  '/': 'src/shell/FrontDoorPage.tsx',
  '/items': 'src/pages/items/ItemSearchPage.tsx',
  '/status': 'src/pages/cases/PublicStatusPage.tsx',
};

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

export const webFirstLoad = (): { pages: Array<{ page: string; kb: number; files: number }>; maxKb: number; entryKb: number } => {
  const out = mkdtempSync(join(tmpdir(), 'bianmin-web-'));
  try {
    execFileSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/vite/bin/vite.js'),
        'build',
        '--config',
        'web/vite.config.ts',
        '--manifest',
        '--outDir',
        out,
        '--emptyOutDir',
        '--logLevel',
        'error',
      ],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const manifest = JSON.parse(readFileSync(join(out, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    const linked = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
    const gz = (file: string) => gzipSync(readFileSync(join(out, file)), { level: 9 }).length;
    /** A chunk with everything it imports statically (what the browser fetches before running it). */
    const closure = (key: string, into: Set<string>) => {
      const c = manifest[key];
      if (!c || into.has(c.file)) return;
      into.add(c.file);
      for (const css of c.css ?? []) into.add(css);
      for (const i of c.imports ?? []) closure(i, into);
    };
    const entryFiles = new Set(linked);
    const entryKb = [...entryFiles].reduce((s, f) => s + gz(f), 0) / 1024;
    const pages = Object.entries(CITIZEN_PAGES).map(([page, src]) => {
      const files = new Set(entryFiles);
      const key = Object.keys(manifest).find((k) => k === src || manifest[k]!.src === src);
      if (key) closure(key, files);
      return { page, kb: Math.round(([...files].reduce((s, f) => s + gz(f), 0) / 1024) * 10) / 10, files: files.size };
    });
    return { pages, maxKb: Math.max(...pages.map((p) => p.kb)), entryKb: Math.round(entryKb * 10) / 10 };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(webFirstLoad());
