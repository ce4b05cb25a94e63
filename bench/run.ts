/**
 * `npm run bench`: prints the figures behind DESIGN §5 and writes bench/results.json.
 * Bundle size and import time of every function; catalog search; intake cost and latency; the
 * overdue scan's reads with and without cards already given.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchFunctions } from './functions.ts';
import { ROOT } from '../local/modules.ts';

interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

const fns = await benchFunctions();
console.log('\nFunctions (minified ESM bundle, cold module import in a fresh Node process, median of 3)');
console.table(fns.map((f) => ({ function: f.fn, 'bundle KB': f.kb, 'import ms': f.importMs, ok: f.kb <= 250 && f.importMs <= 50 ? '✓' : '✗' })));

const suites: Record<string, Figure[]> = {};
// each context contributes its own figures (its module exports bench<Name>())
for (const [file, fn] of [
  ['bench/catalog.ts', 'benchCatalog'],
  ['bench/cases.ts', 'benchCases'],
  ['bench/network.ts', 'benchNetwork'],
  ['bench/supervision.ts', 'benchSupervision'],
] as const) {
  const path = join(ROOT, file);
  if (!existsSync(path)) continue;
  const mod = (await import(pathToFileURL(path).href)) as Record<string, () => Promise<Figure[]>>;
  const figures = await mod[fn]!();
  suites[file] = figures;
  console.log(`\n${file}`);
  console.table(figures.map((f) => ({ figure: f.name, value: f.value, unit: f.unit, target: f.target ?? '' })));
}

const results = { at: new Date().toISOString(), node: process.version, functions: fns, suites };
writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2));
console.log('\nwritten: bench/results.json');
process.exit(0);
