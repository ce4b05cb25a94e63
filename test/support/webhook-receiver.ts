import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A webhook receiver for tests: binds 127.0.0.1 on a free port, records every POST (path and JSON
 * body), answers as the robots do (`{"errcode":0}`) unless told to fail, and never keeps the
 * process alive (unref; `stop` closes it).
 */
export interface Received {
  path: string;
  body: any;
}

export const startWebhookReceiver = async () => {
  const received: Received[] = [];
  let failing = false;
  const read = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let s = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (s += c));
      req.on('end', () => resolve(s));
    });
  const server = createServer((req, res) => {
    void read(req).then((text) => {
      if (failing) {
        res.writeHead(503).end('down');
        return;
      }
      received.push({ path: req.url ?? '', body: text ? JSON.parse(text) : undefined });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  const { port } = server.address() as AddressInfo;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    received,
    fail: (v: boolean) => {
      failing = v;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
