import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const WEB = join(import.meta.dirname, '../../../web/src');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.tsx') ? [join(dir, e.name)] : []));

/**
 * Pages and components fetch through query modules (queries.ts, *-client.ts) whose key factories
 * hold every parameter: one key never names two shapes (the blank screen of two pages sharing
 * `['cases','list',{view}]`). Only the shell defines its own (the session, the one pager).
 */
describe('web data layer', () => {
  it('no component calls useQuery / useInfiniteQuery / useMutation itself or writes a query key by hand', () => {
    const offenders = files(WEB)
      .filter((f) => !relative(WEB, f).startsWith('shell/'))
      .filter((f) => /\buse(Query|InfiniteQuery|Mutation)\(|queryKey:\s*\[/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(WEB, f));
    expect(offenders).toEqual([]);
  });
});
