/**
 * Cold starts on a simulated county working day (target, bench/results.ts: ≤ 1 % of requests cold at 5 a minute).
 * Requests arrive as a Poisson process over the hall's opening hours; each is a route drawn from a
 * mix over the route list; each function keeps warm containers that the platform reclaims after
 * `reclaimMin` idle minutes; a request waits for a cold start when no container of its function
 * is idle and warm, or (for a staff route) when the authorizer must run and is cold. Concurrency
 * comes from the request durations (a cold start holds its container for init + the request).
 * Run alone: `npx tsx bench/cold-share.ts`.
 */
import { pathToFileURL } from 'node:url';
import { ROUTES, type RouteDef } from '../shared/platform/routes.ts';

/**
 * Relative weight of each route in a county's day: the clerk's work (lists, case pages, intake and
 * actions) and the citizens' look-ups dominate; administration, statistics and exports are rare.
 * Health checks come from monitoring, not people, and are left out.
 */
export const routeWeight = (r: RouteDef): number => {
  if (r.name === 'health') return 0;
  if (/^(cases-list|cases-get)$/.test(r.name)) return 20;
  if (r.name === 'cases-create') return 8;
  if (/^cases-(start|decide|deliver|supplement)$/.test(r.name)) return 5;
  if (/^(items-search|items-get|public-case-status)$/.test(r.name)) return 8;
  if (r.name === 'calendar-due-date') return 2;
  if (/^auth-(login|me)$/.test(r.name)) return 3;
  if (r.name === 'offices-list') return 3;
  if (/^cases-/.test(r.name)) return 1;
  if (/^(public-rating|ratings-evaluator|ratings-create)/.test(r.name)) return 2;
  if (/export|import|feed|totp|password|reset|disclosure|calendar-year|versions|appeal/.test(r.name)) return 0.1;
  return 0.5;
};

/** Opening hours of a township hall (Beijing time): 8:30–12:00 and 14:00–17:30. */
const SESSIONS_MIN: Array<[number, number]> = [
  [8.5 * 60, 12 * 60],
  [14 * 60, 17.5 * 60],
];
const WARM_MS = 60;
const INIT_MS = 400;
/** Sessions whose authorizer results API Gateway caches for 60 s each (clerks signed in). */
const CLERKS = 6;
const AUTH_CACHE_MS = 60_000;

/** A small deterministic PRNG so the figure is the same run after run. */
const rng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

interface Container {
  busyUntil: number;
  lastUsed: number;
}

export type Layout = (r: RouteDef) => string;
export const LAYOUTS: Record<string, Layout> = {
  'grouped by context': (r) => r.fn,
  'one function per route': (r) => r.name,
};
/** Minutes between warm-up pings of the keep-warm schedule (shared/platform/keep-warm.ts). */
export const WARM_EVERY_MIN = 4;

/**
 * The keep-warm schedule (shared/platform/keep-warm.ts): during opening hours every HTTP function
 * and the authorizer get a warm-up ping every few minutes, which keeps one container of each.
 */
export const simulate = (
  layout: Layout,
  perMinute: number,
  reclaimMin: number,
  opts: { warmEveryMin?: number; days?: number; seed?: number } = {},
): { requests: number; cold: number; pct: number } => {
  const { warmEveryMin, days = 40, seed = 14 } = opts;
  const random = rng(seed);
  const routes = ROUTES.filter((r) => routeWeight(r) > 0);
  const total = routes.reduce((s, r) => s + routeWeight(r), 0);
  const cumulative = routes.map(
    (
      (acc) => (r: RouteDef) =>
        (acc += routeWeight(r) / total)
    )(0),
  );
  const pick = (): RouteDef => {
    const x = random();
    const i = cumulative.findIndex((c) => x < c);
    return routes[i < 0 ? routes.length - 1 : i]!;
  };
  const pools = new Map<string, Container[]>();
  const reclaimMs = reclaimMin * 60_000;
  /** Runs one invocation of `fn` at `t`; true when it had to start a container. */
  const invoke = (fn: string, t: number, extraMs = 0): { cold: boolean; doneAt: number } => {
    const pool = (pools.get(fn) ?? []).filter((c) => c.busyUntil > t || t - c.lastUsed < reclaimMs);
    pools.set(fn, pool);
    const idle = pool.find((c) => c.busyUntil <= t);
    if (idle) {
      idle.busyUntil = idle.lastUsed = t + WARM_MS + extraMs;
      return { cold: false, doneAt: idle.busyUntil };
    }
    const c = { busyUntil: t + INIT_MS + WARM_MS + extraMs, lastUsed: t + INIT_MS + WARM_MS + extraMs };
    pool.push(c);
    return { cold: true, doneAt: c.busyUntil };
  };
  let requests = 0;
  let cold = 0;
  const dayMs = 24 * 3_600_000;
  for (let d = 0; d < days; d++) {
    const authCachedUntil = new Array<number>(CLERKS).fill(-Infinity);
    const fns = ['authorizer', ...new Set(routes.map(layout))];
    for (const [from, to] of SESSIONS_MIN) {
      let t = d * dayMs + from * 60_000;
      const end = d * dayMs + to * 60_000;
      let nextPing = warmEveryMin ? t - 10 * 60_000 : Infinity;
      for (;;) {
        t += (-Math.log(1 - random()) / perMinute) * 60_000;
        if (t >= end) break;
        for (; nextPing <= t; nextPing += warmEveryMin! * 60_000) for (const fn of fns) invoke(fn, nextPing, -WARM_MS + 5);
        const route = pick();
        requests++;
        let start = t;
        let wasCold = false;
        if (route.access !== 'public') {
          const clerk = Math.floor(random() * CLERKS);
          if (authCachedUntil[clerk]! <= t) {
            const a = invoke('authorizer', t);
            wasCold ||= a.cold;
            start = a.doneAt;
            authCachedUntil[clerk] = t + AUTH_CACHE_MS;
          }
        }
        wasCold ||= invoke(layout(route), start).cold;
        if (wasCold) cold++;
      }
    }
    pools.clear(); // overnight every container is reclaimed
  }
  return { requests, cold, pct: Math.round((cold / requests) * 10_000) / 100 };
};

export const coldShareTable = (): Array<Record<string, string | number>> => {
  const rows: Array<Record<string, string | number>> = [];
  for (const warm of [undefined, WARM_EVERY_MIN])
    for (const [name, layout] of Object.entries(LAYOUTS))
      for (const reclaim of [5, 10])
        rows.push({
          layout: `${name}: ${new Set(ROUTES.map(layout)).size} HTTP functions${warm ? `, kept warm every ${warm} min in opening hours` : ''}`,
          'idle reclaim (min)': reclaim,
          ...Object.fromEntries([5, 20, 60].map((rate) => [`cold % at ${rate}/min`, simulate(layout, rate, reclaim, warm ? { warmEveryMin: warm } : {}).pct])),
        });
  return rows;
};

/** The headline: the deployed layout (grouped, kept warm) at 5 requests a minute, the worse of the two reclaim times. */
export const coldShare5rpm = (): number =>
  Math.max(...[5, 10].map((reclaim) => simulate(LAYOUTS['grouped by context']!, 5, reclaim, { warmEveryMin: WARM_EVERY_MIN }).pct));

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.table(coldShareTable());
