import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contextGraph, cycles, layers } from '../../../scripts/lib/context-map.ts';

/**
 * The context map stays acyclic: no context of shared/ imports (even a type of) a context that
 * imports it back, through any chain; and every import goes to the context's own layer or a lower
 * one, as the layer table of docs/ARCHITECTURE.md declares them.
 */
const graph = contextGraph(process.cwd());

describe('context map', () => {
  it('has no cycle between contexts', () => {
    const found = cycles(graph).map((group) => {
      const edges = group.flatMap((c) =>
        [...(graph.get(c)?.entries() ?? [])].filter(([t]) => group.includes(t)).map(([t, files]) => `${c} → ${t} (${files[0]})`),
      );
      return `${group.join(' ⇄ ')}:\n    ${edges.join('\n    ')}`;
    });
    expect(found, `cycles between contexts:\n  ${found.join('\n  ')}`).toEqual([]);
    expect(layers(graph).flat().length).toBeGreaterThan(10);
  });

  const contexts = readdirSync('shared', { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const doc = readFileSync('docs/ARCHITECTURE.md', 'utf8');
  const table = doc.slice(doc.indexOf('<!-- context layers'), doc.indexOf('<!-- /context layers -->'));
  const layerOf = new Map(
    table
      .split('\n')
      .filter((l) => /^\| \d/.test(l))
      .flatMap((row, i) => [...(row.split('|')[2] ?? '').matchAll(/`([\w-]+)`/g)].map((m) => [m[1]!, i] as const)),
  );

  it('places every context in one layer of docs/ARCHITECTURE.md', () => {
    expect(contexts.filter((c) => !layerOf.has(c))).toEqual([]);
    expect([...layerOf.keys()].filter((c) => !contexts.includes(c))).toEqual([]);
  });

  it('imports only from the same layer or a lower one', () => {
    const upward = [...graph].flatMap(([from, targets]) =>
      [...targets].filter(([to]) => (layerOf.get(to) ?? 0) > (layerOf.get(from) ?? 0)).map(([to, files]) => `${from} → ${to} (${files[0]})`),
    );
    expect(upward, 'an import into a higher layer: invert it (a port of the lower context), or move the context in docs/ARCHITECTURE.md').toEqual([]);
  });

  it('the README’s architecture section names every context', () => {
    const readme = readFileSync('README.md', 'utf8');
    const start = readme.indexOf('## Architecture');
    const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
    expect(section).toContain('docs/ARCHITECTURE.md');
    expect(contexts.filter((c) => !new RegExp(`\\b${c}\\b`).test(section))).toEqual([]);
  });
});
