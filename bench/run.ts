/**
 * `npm run bench`: prints every figure with its target (bench/results.ts) and writes them to
 * bench/results.json (`figures`, stable keys; `synth_100_counties_s` comes from `npm run bench:synth`).
 * Cold starts on a simulated county day; bundle size, SDK clients and import time of every deployed
 * function (the CDK's own esbuild options); init + first request against the emulators; catalog
 * search; intake cost, latency and price; idle cost from the synthesized template; citizen pages'
 * first load.
 */
import { coldShare5rpm, coldShareTable } from './cold-share.ts';
import { benchFunctions, cleanBundles, firstRequest, importFloor } from './functions.ts';
import { benchCatalog } from './catalog.ts';
import { benchCases } from './cases.ts';
import { idleCost } from './idle-cost.ts';
import { firstLoadFloor, webFirstLoad } from './web-first-load.ts';
import { frontDoorPaint, type PaintTimings } from './web-paint.ts';
import { FIGURE_KEYS, TARGETS, mergeFigures, readResults, targetMet, type FigureKey } from './results.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../local/modules.ts';

interface Figure {
  key?: string;
  name: string;
  value: number;
  unit: string;
  target?: string;
}

const figures: Partial<Record<FigureKey, number>> = {};
const take = (list: Figure[]) => {
  for (const f of list) if (f.key) figures[f.key as FigureKey] = f.value;
};
const table = (title: string, list: Figure[]) => {
  console.log(`\n${title}`);
  console.table(list.map((f) => ({ figure: f.name, value: f.value, unit: f.unit, target: f.target ?? '' })));
};

console.log('\nCold starts on a simulated county working day (Poisson arrivals, request mix from the route list)');
console.table(coldShareTable());
figures.cold_share_5rpm_pct = coldShare5rpm();

const { figures: fns, dir, sourceMapCost } = await benchFunctions();
console.log('\nDeployed functions (bundled with infra/constructs/bundling.ts; import: fresh Node process, median of 3)');
console.table(fns.map((f) => ({ function: f.fn, 'bundle KB': f.kb, 'import ms': f.importMs, 'SDK clients': f.sdk, 'largest packages (KB)': f.heaviest })));
if (sourceMapCost) console.log(`source maps: ${sourceMapCost}`);
console.log('\nUnder the bundle and import targets (same options, fresh Node process, median of 3)');
console.table(await importFloor());
const http = fns.filter((f) => f.kind === 'http');
figures.bundle_kb_max_http = Math.max(...http.map((f) => f.kb));
figures.import_ms_max_http = Math.max(...http.map((f) => f.importMs));

const catalog = await benchCatalog();
table('Catalog', catalog);
take(catalog);

const bundleOf = (fn: string) => `${dir}/${fn.replace('/', '-')}.mjs`;
const event = (method: string, resource: string, principal?: object) => ({
  resource,
  path: resource,
  httpMethod: method,
  headers: { 'user-agent': 'bench' },
  multiValueHeaders: {},
  queryStringParameters: null,
  multiValueQueryStringParameters: null,
  pathParameters: null,
  stageVariables: null,
  body: null,
  isBase64Encoded: false,
  requestContext: {
    httpMethod: method,
    resourcePath: resource,
    path: resource,
    stage: 'bench',
    requestId: 'bench',
    identity: { sourceIp: '127.0.0.1', userAgent: 'bench' },
    authorizer: principal ? { principal: JSON.stringify(principal) } : null,
  },
});
const clerk = {
  userId: 'bench',
  username: 'bench',
  displayName: 'bench',
  officeId: '411521-lingshan',
  roles: ['window_clerk'],
  scopes: ['session', 'case.read'],
  sessionId: 'b',
};
const cases = await benchCases((env) =>
  [
    ['http/public', 'GET /api/items', event('GET', '/api/items')],
    ['http/cases', 'GET /api/cases', event('GET', '/api/cases', clerk)],
  ].map(([fn, route, ev]) => {
    const r = firstRequest(bundleOf(fn as string), ev, env);
    return {
      name: `init + first request: ${fn as string} ${route as string} (fresh process, emulators; HTTP ${r.status})`,
      value: r.initMs + r.firstMs,
      unit: `ms (${r.initMs} import + ${r.firstMs} request)`,
    };
  }),
);
cleanBundles(dir);
table('Cases', cases);
take(cases);

// other contexts' figures, where their bench module exists (each exports bench<Name>())
const more: Record<string, Figure[]> = {};
for (const [file, fn] of [
  ['bench/network.ts', 'benchNetwork'],
  ['bench/supervision.ts', 'benchSupervision'],
  ['bench/hall.ts', 'benchHall'],
  ['bench/notices.ts', 'benchNotices'],
  ['bench/exchange.ts', 'benchExchange'],
  ['bench/archive.ts', 'benchArchive'],
] as const) {
  if (!existsSync(join(ROOT, file))) continue;
  const mod = (await import(pathToFileURL(join(ROOT, file)).href)) as Record<string, () => Promise<Figure[]>>;
  more[file] = await mod[fn]!();
  table(file, more[file]);
  take(more[file]);
}

const idle = idleCost();
console.log('\nIdle cost of the demo county a month (synthesized template, bench/prices.json)');
console.table(idle.lines);
figures.idle_usd_per_county_month = idle.usdPerMonth;

let paint: PaintTimings[] = [];
const web = await webFirstLoad(async (dir) => {
  paint = await frontDoorPaint(dir);
});
console.log(`\nCitizen pages, first load (gzipped JS + CSS; index.html's links alone: ${web.entryKb} KB)`);
console.table(web.pages);
figures.citizen_first_load_kb_gz = web.maxKb;
console.log("\nThe village agent's pages, first load (gzipped JS + CSS)");
console.table(web.agentPages);
figures.agent_first_load_kb_gz = web.agentMaxKb;
console.log('\nThe front door on a simulated slow 3G phone (390 px, 2 s RTT, 400 kbit/s, CPU 4× slower; bench/web-paint.ts)');
console.table(paint);
console.log('\nUnder the first-load target: the libraries alone, bundled for the browser with nothing of ours (esbuild, gzipped)');
console.table(await firstLoadFloor());

const prev = readResults().figures;
mergeFigures(figures, {
  at: new Date().toISOString(),
  node: process.version,
  functions: fns,
  suites: { catalog, cases, ...more },
  idle: idle.lines,
  web: web.pages,
  agentWeb: web.agentPages,
  frontDoorSlow3g: paint,
  ...(sourceMapCost ? { sourceMapCost } : {}),
});
const all = { ...prev, ...figures };
console.log('\nFigures and their targets (bench/results.ts; written to bench/results.json → figures)');
console.table(
  FIGURE_KEYS.map((k) => ({
    key: k,
    figure: TARGETS[k].what,
    value: all[k] ?? '(npm run bench:synth -- 100)',
    target: TARGETS[k].text,
    met: typeof all[k] === 'number' && (TARGETS[k].max !== undefined || TARGETS[k].min !== undefined) ? (targetMet(TARGETS[k], all[k]!) ? '✓' : '✗') : '',
  })),
);
console.log('written: bench/results.json');
process.exit(0);
