import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : [],
  );

/** Beijing's offset written out by hand: milliseconds or hours of +8, the +08:00 suffix, the zone name. */
const OWN_OFFSET = /8\s*\*\s*3_?600_?000|28_?800_?000|8\s*\*\s*60\s*\*\s*60|\+08:00|Asia\/Shanghai/;

describe('Beijing time is computed in one module (shared/platform/beijing-time.ts)', () => {
  it('no other server, web or local file works out the offset itself', () => {
    const offenders = ['shared', 'functions', 'local', 'web/src']
      .flatMap((d) => sources(join(ROOT, d)))
      .map((f) => relative(ROOT, f))
      .filter((f) => f !== 'shared/platform/beijing-time.ts')
      // a doc comment may say "+08:00"; code may not compute it
      .filter((f) =>
        readFileSync(join(ROOT, f), 'utf8')
          .split('\n')
          .some((line) => !/^\s*(\*|\/\/|\/\*)/.test(line) && OWN_OFFSET.test(line)),
      );
    expect(offenders).toEqual([]);
  });
});
