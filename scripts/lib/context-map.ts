import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';

/**
 * The context map as the source has it: every import (type-only ones too) from a file of
 * shared/<context>/ into another shared/<context>/, read from the text. A context is a folder of
 * shared/; files directly in shared/ belong to none. Used by test/unit/platform/context-map.test.ts
 * and printed by `npx tsx scripts/lib/context-map.ts` (the map in docs/ARCHITECTURE.md).
 */
export type ContextGraph = ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });

/** context → context it imports → the files that import it ("file → target"). */
export const contextGraph = (root: string): ContextGraph => {
  const shared = join(root, 'shared');
  const graph = new Map<string, Map<string, string[]>>();
  for (const file of sourceFiles(shared)) {
    const from = relative(shared, file).split(sep);
    if (from.length < 2) continue;
    const ctx = from[0]!;
    if (!graph.has(ctx)) graph.set(ctx, new Map());
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3]!;
      if (!spec.startsWith('.')) continue;
      const to = relative(shared, normalize(join(dirname(file), spec))).split(sep);
      if (to.length < 2 || to[0] === '..' || to[0] === ctx) continue;
      const targets = graph.get(ctx)!;
      const evidence = targets.get(to[0]!) ?? [];
      evidence.push(`${relative(shared, file)} → ${to.join('/')}`);
      targets.set(to[0]!, evidence);
    }
  }
  return graph;
};

/** The strongly connected groups of more than one context (Tarjan): each is a cycle, or several. */
export const cycles = (graph: ContextGraph): string[][] => {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return found;
};

/**
 * The contexts in layers, lowest first: a context's layer is one above the highest context it
 * imports (an acyclic graph only). What docs/ARCHITECTURE.md shows as the map.
 */
export const layers = (graph: ContextGraph): string[][] => {
  const level = new Map<string, number>();
  const levelOf = (c: string, path: string[]): number => {
    if (level.has(c)) return level.get(c)!;
    if (path.includes(c)) throw new Error(`cycle: ${[...path, c].join(' → ')}`);
    const deps = [...(graph.get(c)?.keys() ?? [])];
    const l = deps.length === 0 ? 0 : 1 + Math.max(...deps.map((d) => levelOf(d, [...path, c])));
    level.set(c, l);
    return l;
  };
  const all = new Set([...graph.keys(), ...[...graph.values()].flatMap((t) => [...t.keys()])]);
  for (const c of all) levelOf(c, []);
  const out: string[][] = [];
  for (const [c, l] of level) (out[l] ??= []).push(c);
  return out.map((l) => l.sort());
};

/** The map as markdown lines: each layer, and what each of its contexts may import. */
export const renderMap = (graph: ContextGraph): string =>
  layers(graph)
    .map((contexts, i) =>
      [
        `- layer ${i}: ${contexts.map((c) => `\`${c}\``).join(', ')}`,
        ...contexts.flatMap((c) => {
          const deps = [...(graph.get(c)?.keys() ?? [])].sort();
          return deps.length ? [`  - \`${c}\` → ${deps.join(', ')}`] : [];
        }),
      ].join('\n'),
    )
    .join('\n');

if (process.argv[1] && /context-map\.ts$/.test(process.argv[1])) {
  const graph = contextGraph(process.cwd());
  const c = cycles(graph);
  if (c.length) console.log(`cycles:\n${c.map((g) => `  ${g.join(' ⇄ ')}`).join('\n')}`);
  else console.log(renderMap(graph));
}
