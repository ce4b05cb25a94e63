/**
 * The app shell's service worker (built by web/vite.config.ts into /sw.js with the precache list).
 * After one visit the public pages and the agent's pages open with no network: the shell (index.html)
 * and the chunks they need are cached at install; other chunks are kept when first fetched.
 * It never touches /api: no answer with anyone's data is ever cached here (the static router sends
 * /api straight to the network where the browser has it; otherwise the fetch handler lets it pass).
 */
declare const __PRECACHE__: string[];
declare const __BUILD__: string;

interface ExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface InstallEvent extends ExtendableEvent {
  addRoutes?: (rules: Array<{ condition: { urlPattern: string }; source: 'network' }>) => Promise<void>;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(r: Promise<Response>): void;
}
interface Worker {
  addEventListener(type: 'install', fn: (e: InstallEvent) => void): void;
  addEventListener(type: 'activate', fn: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', fn: (e: FetchEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
}
const sw = self as unknown as Worker;

const SHELL = `bianmin-shell-${__BUILD__}`;
const RUNTIME = 'bianmin-runtime';

sw.addEventListener('install', (e) => {
  e.waitUntil(
    Promise.all([
      e.addRoutes?.([{ condition: { urlPattern: '/api/*' }, source: 'network' }]).catch(() => undefined),
      // file by file: one missing file must not cost the whole shell (addAll fails the install for one 404)
      caches.open(SHELL).then((c) => Promise.allSettled(__PRECACHE__.map((u) => c.add(u)))),
    ]).then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (e) => {
  e.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== SHELL && k !== RUNTIME).map((k) => caches.delete(k))))
      // a new build's chunks replace the old ones: the runtime cache starts again with the new shell
      .then(() => caches.delete(RUNTIME))
      .then(() => sw.clients.claim()),
  );
});

const fromCache = async (req: Request | string): Promise<Response | undefined> =>
  (await (await caches.open(SHELL)).match(req)) ?? (await (await caches.open(RUNTIME)).match(req));

/** Hashed files never change: the cache answers, the network fills it the first time. */
const cacheFirst = async (req: Request): Promise<Response> => {
  const hit = await fromCache(req);
  if (hit) return hit;
  const res = await fetch(req);
  if (res.ok) await (await caches.open(RUNTIME)).put(req, res.clone());
  return res;
};

/** The county's runtime config: fresh when the network answers in time, the last copy otherwise. */
const networkFirst = async (req: Request, timeoutMs: number): Promise<Response> => {
  try {
    const res = await fetch(req, { signal: AbortSignal.timeout(timeoutMs) });
    if (res.ok) await (await caches.open(RUNTIME)).put(req.url, res.clone());
    return res;
  } catch (err) {
    const hit = await fromCache(req.url);
    if (hit) return hit;
    throw err;
  }
};

sw.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== sw.location.origin || url.pathname.startsWith('/api/')) return;
  if (req.mode === 'navigate') {
    // every app path is the same shell; a new build arrives with the next service worker
    e.respondWith(fromCache('/index.html').then((hit) => hit ?? fetch(req)));
    return;
  }
  if (url.pathname === '/config.json') return e.respondWith(networkFirst(req, 4000));
  if (url.pathname === '/sw.js') return;
  e.respondWith(cacheFirst(req));
});
