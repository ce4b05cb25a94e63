import { describe, expect, it } from 'vitest';
import { synthCounty } from './support.ts';
import { loadCountyConfig, parseCountyConfig } from '../../infra/config/county-config.ts';
import { groupOf, reservedTotal, UNRESERVED_MINIMUM } from '../../infra/config/concurrency.ts';
import { HTTP_FUNCTIONS } from '../../shared/platform/functions.ts';

/**
 * Reserved concurrency per function group: a flood on a public function stops at its own ceiling
 * and cannot take the concurrency intake and the authorizer are promised.
 */
const reservations = (t: ReturnType<typeof synthCounty>['appT']): Map<string, number | undefined> =>
  new Map(
    Object.entries(t.findResources('AWS::Lambda::Function'))
      .filter(([, f]) => String(f.Properties.Runtime).startsWith('nodejs22'))
      .map(([logicalId, f]) => [logicalId, f.Properties.ReservedConcurrentExecutions as number | undefined]),
  );
/** The logical id of a construct `Http-<id>`'s function, `Http<id without dashes>Fn<hash>`. */
const reservedOf = (r: Map<string, number | undefined>, construct: string): number | undefined => {
  const prefix = `${construct.replace(/-/g, '')}Fn`;
  const hit = [...r.entries()].find(([id]) => id.startsWith(prefix) && /^[0-9A-F]{8}$/.test(id.slice(prefix.length)));
  if (!hit) throw new Error(`no function ${construct}`);
  return hit[1];
};

describe('reserved concurrency per function group', () => {
  const s = synthCounty('411521');
  const r = reservations(s.appT);

  it('caps every public function, floors intake and the authorizer, leaves the rest to the shared pool', () => {
    const publicFns = HTTP_FUNCTIONS.filter((f) => groupOf(`http-${f.id}`) === 'public').map((f) => f.id);
    expect(publicFns).toEqual(expect.arrayContaining(['public', 'public-status', 'public-rating', 'disclosure', 'hall-public']));
    for (const id of publicFns) expect(reservedOf(r, `Http-${id}`), id).toBe(10);
    expect(reservedOf(r, 'Http-cases')).toBe(20);
    expect(reservedOf(r, 'Authorizer')).toBe(20);
    expect(reservedOf(r, 'Http-login')).toBe(5);
    for (const id of ['identity', 'ratings', 'supervision', 'documents']) expect(reservedOf(r, `Http-${id}`), id).toBeUndefined();
    expect(reservedOf(r, 'Queue-delegation')).toBeUndefined();
  });

  it("reserves in all what the county's account holds beside the 100 AWS keeps unreserved", () => {
    const total = [...r.values()].reduce<number>((sum, n) => sum + (n ?? 0), 0);
    expect(total).toBe(reservedTotal(s.county.concurrency));
    expect(total * s.county.concurrency.countiesInAccount + UNRESERVED_MINIMUM).toBeLessThanOrEqual(s.county.concurrency.accountLimit);
  });

  it('refuses a county config whose account cannot hold the reservations, and says what to do', () => {
    const raw = JSON.parse(JSON.stringify(loadCountyConfig('411521'))) as Record<string, unknown>;
    expect(() => parseCountyConfig({ ...raw, concurrency: { accountLimit: 1000, countiesInAccount: 9 } })).toThrow(
      /concurrency\.accountLimit: 账号并发上限 1000 不够/,
    );
    expect(() => parseCountyConfig({ ...raw, concurrency: { accountLimit: 10 } })).toThrow(/concurrency\.reserve/);
    // a new account with a low quota deploys with nothing reserved until the quota is raised
    expect(parseCountyConfig({ ...raw, concurrency: { accountLimit: 10, reserve: false } }).concurrency.reserve).toBe(false);
  });
});
