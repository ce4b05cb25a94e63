/**
 * Lighthouse-style timings of the front door on a simulated slow 3G phone: Chromium (Debian's, through
 * playwright-core) at 390 × 844, the network throttled through CDP to DevTools' "Slow 3G" preset
 * (2 s round trip, 400 kbit/s down) and the CPU slowed 4× as Lighthouse does for a mobile run. The built
 * web is served by a plain static server (index.html for every app path, as the stack's hosting does).
 * First visit (nothing cached) and a repeat visit (the service worker's app shell).
 * Run alone: `npx tsx bench/web-paint.ts <built web dir>`.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
};

/** DevTools' "Slow 3G": 400 kbit/s down and up (× 0.8 as DevTools sets it), 2,000 ms latency. */
export const SLOW_3G = { offline: false, latency: 2000, downloadThroughput: (500 * 1000 * 0.8) / 8, uploadThroughput: (500 * 1000 * 0.8) / 8 };

const serve = (dir: string): Promise<Server> =>
  new Promise((resolve) => {
    const server = createServer((req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
      let file = join(dir, path);
      if (path.startsWith('/api/')) {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
        return;
      }
      if (!existsSync(file) || statSync(file).isDirectory()) file = join(dir, 'index.html');
      // gzipped, hashed assets kept a year: what the county's hosting (CloudFront or its own web server) sends
      const zip = /gzip/.test(String(req.headers['accept-encoding'] ?? ''));
      res
        .writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          ...(zip ? { 'content-encoding': 'gzip' } : {}),
          ...(path.startsWith('/assets/') ? { 'cache-control': 'public, max-age=31536000, immutable' } : { 'cache-control': 'no-cache' }),
        })
        .end(zip ? gzipSync(readFileSync(file)) : readFileSync(file));
    });
    server.listen(0, '127.0.0.1', () => resolve(server));
  });

export interface PaintTimings {
  visit: string;
  fcpMs: number;
  domContentLoadedMs: number;
  loadMs: number;
  kbTransferred: number;
}

export const frontDoorPaint = async (dir: string): Promise<PaintTimings[]> => {
  const executablePath = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  if (!executablePath) throw new Error('Chromium not found: apt-get install -y chromium (or set CHROMIUM_PATH)');
  const server = await serve(dir);
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    let bytes = 0;
    cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => (bytes += e.encodedDataLength));
    const out: PaintTimings[] = [];
    for (const visit of ['first visit', 'repeat visit']) {
      if (visit === 'repeat visit') {
        // the service worker installs in the background of the first visit: let it finish unthrottled
        await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
        await page.evaluate(() =>
          navigator.serviceWorker?.getRegistration().then((r) => (r ? navigator.serviceWorker.ready.then(() => undefined) : undefined)),
        );
        await page.goto('about:blank');
      }
      await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      bytes = 0;
      await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
      await page.getByTestId('front-door').waitFor({ timeout: 120_000 });
      // the paint entry may come after the front door is in the DOM (a visit from the service worker
      // is that fast): wait for it, buffered, rather than read a list that is not written yet
      // (a string: tsx would wrap named functions in a helper the page does not have)
      const t = (await page.evaluate(`new Promise((resolve) => {
        const done = (fcp) => {
          const nav = performance.getEntriesByType('navigation')[0];
          resolve({ fcp, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd });
        };
        new PerformanceObserver((list) => {
          const e = list.getEntriesByName('first-contentful-paint')[0];
          if (e) done(e.startTime);
        }).observe({ type: 'paint', buffered: true });
        setTimeout(() => done(NaN), 10000);
      })`)) as { fcp: number; dcl: number; load: number };
      out.push({
        visit,
        fcpMs: Math.round(t.fcp),
        domContentLoadedMs: Math.round(t.dcl),
        loadMs: Math.round(t.load),
        kbTransferred: Math.round(bytes / 102.4) / 10,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    }
    return out;
  } finally {
    await browser.close();
    server.close();
  }
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.table(await frontDoorPaint(process.argv[2] ?? 'web/dist'));
