/**
 * First load of a citizen page on a village phone (target ≤ 120 KB gzipped JS + CSS, bench/results.ts):
 * builds the web with Vite's manifest into a temporary directory, then follows what the browser
 * fetches before the page shows — index.html's script, module preloads and stylesheets, plus the
 * page's own lazy chunk with its static imports and CSS — and gzips each file.
 * Run alone: `npx tsx bench/web-first-load.ts`.
 */
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { ROOT } from '../local/modules.ts';

/**
 * What each page renders before its first paint: the chain of lazy modules App.tsx loads for it (a layout
 * route, then the page), each with its static imports. Pages under shell/AntdTheme.tsx load antd.
 */
export const CITIZEN_PAGES: Record<string, string[]> = {
  // the front door is part of the entry chunk (index.html's own links)
  '/': [],
  '/items': ['src/pages/items/ItemSearchPage.tsx'],
  '/items/:code': ['src/pages/items/ItemGuidePage.tsx'],
  '/status': ['src/pages/cases/PublicStatusPage.tsx'],
  '/rate/:number': ['src/pages/ratings/PublicRatingPage.tsx'],
  '/disclosure': ['src/pages/ratings/DisclosurePage.tsx'],
};
/** The village agent's pages (signed in, on a phone). */
export const AGENT_PAGES: Record<string, string[]> = {
  '/agent': ['src/light/agent/AgentLayout.tsx', 'src/light/agent/AgentHomePage.tsx'],
  '/agent/new': ['src/light/agent/AgentLayout.tsx', 'src/light/agent/AgentNewPage.tsx'],
};

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

type PageLoad = { page: string; kb: number; files: number };

/**
 * Builds the web (into `out`, or a temporary directory removed afterwards) and measures every page's
 * first load; `withBuild` gets the built directory while it still exists (the slow-3G paint timing).
 */
export const webFirstLoad = async (
  withBuild?: (dir: string) => Promise<void>,
): Promise<{ pages: PageLoad[]; agentPages: PageLoad[]; maxKb: number; agentMaxKb: number; entryKb: number }> => {
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
    const measure = (list: Record<string, string[]>) =>
      Object.entries(list).map(([page, chain]) => {
        const files = new Set(entryFiles);
        for (const src of chain) {
          const key = Object.keys(manifest).find((k) => k === src || manifest[k]!.src === src);
          if (!key) throw new Error(`${src} is not a chunk of the build: bench/web-first-load.ts follows App.tsx`);
          closure(key, files);
        }
        return { page, kb: Math.round(([...files].reduce((s, f) => s + gz(f), 0) / 1024) * 10) / 10, files: files.size };
      });
    const pages = measure(CITIZEN_PAGES);
    const agentPages = measure(AGENT_PAGES);
    if (withBuild) await withBuild(out);
    return {
      pages,
      agentPages,
      maxKb: Math.max(...pages.map((p) => p.kb)),
      agentMaxKb: Math.max(...agentPages.map((p) => p.kb)),
      entryKb: Math.round(entryKb * 10) / 10,
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
};

/**
 * What stands under the ≤ 120 KB target, measured: the libraries a citizen page is built on, each
 * step bundled for the browser (minified, production React) with nothing of ours, gzipped.
 */
/** The front door's shape in antd, rendered from plain calls (no JSX step needed). */
const FRONT_DOOR =
  "h(ConfigProvider, { locale: zhCN }, h(Card, null, h(Row, null, h(Col, null, h(Space, null, h(Typography.Title, null, '便民'), h(Tag, null, '示例'), h(Switch), h(Descriptions, { items: [] }), h(Form, null, h(Form.Item, { label: '查询码' }, h(Input)), h(Button, null, '查询')))))))";

export const firstLoadFloor = async (): Promise<Array<{ what: string; kb: number }>> => {
  const steps: Array<{ what: string; imports: string; render: string }> = [
    {
      what: 'React 19 + react-dom: render one element',
      imports: "import { createElement as h } from 'react'; import { createRoot } from 'react-dom/client';",
      render: "h('main', null, '便民')",
    },
    {
      what: "+ antd: the front door's components (ConfigProvider zh_CN, Card, Form, Input, Button, Switch, Tag, Descriptions, Row/Col, Space, Typography)",
      imports:
        "import { createElement as h } from 'react'; import { createRoot } from 'react-dom/client'; import zhCN from 'antd/locale/zh_CN'; import { Button, Card, Col, ConfigProvider, Descriptions, Form, Input, Row, Space, Switch, Tag, Typography } from 'antd';",
      render: FRONT_DOOR,
    },
    {
      what: '+ react-router and TanStack Query (routing and the data layer)',
      imports:
        "import { createElement as h } from 'react'; import { createRoot } from 'react-dom/client'; import zhCN from 'antd/locale/zh_CN'; import { Button, Card, Col, ConfigProvider, Descriptions, Form, Input, Row, Space, Switch, Tag, Typography } from 'antd'; import { BrowserRouter, Routes, Route } from 'react-router-dom'; import { QueryClient, QueryClientProvider } from '@tanstack/react-query';",
      render: `h(QueryClientProvider, { client: new QueryClient() }, h(BrowserRouter, null, h(Routes, null, h(Route, { path: '/', element: ${FRONT_DOOR} }))))`,
    },
  ];
  const out = [];
  for (const step of steps) {
    const r = await build({
      stdin: { contents: `${step.imports}\ncreateRoot(document.getElementById('root')).render(${step.render});`, resolveDir: join(ROOT, 'web'), loader: 'js' },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      define: { 'process.env.NODE_ENV': '"production"' },
      write: false,
      logLevel: 'silent',
    });
    out.push({ what: step.what, kb: Math.round((gzipSync(r.outputFiles[0]!.contents, { level: 9 }).length / 1024) * 10) / 10 });
  }
  return out;
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await webFirstLoad());
  console.table(await firstLoadFloor());
}
