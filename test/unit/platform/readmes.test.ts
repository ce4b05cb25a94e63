import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The file tables of the context READMEs name only files that exist (the first column, relative to the README). */
const readmes = readdirSync('shared', { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join('shared', d.name, 'README.md')))
  .map((d) => join('shared', d.name, 'README.md'));

const listedFiles = (readme: string): string[] =>
  readFileSync(readme, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('|'))
    .flatMap((l) => [...(l.split('|')[1] ?? '').matchAll(/`([^`\s]+\.(?:ts|tsx|md|json))`/g)].map((m) => m[1]!));

describe('context READMEs', () => {
  it.each(readmes)('%s lists only files that exist', (readme) => {
    const listed = listedFiles(readme);
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.filter((f) => !existsSync(join(dirname(readme), f)))).toEqual([]);
  });
});
