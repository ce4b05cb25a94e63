import { buildApp } from 'fauxqs';

/**
 * fauxqs (SQS, SNS, S3) in process. Built with buildApp() and bound to 127.0.0.1 explicitly:
 * its convenience starter listens on every interface.
 */
export interface Fauxqs {
  endpoint: string;
  stop(): Promise<void>;
}

export const startFauxqs = async (opts: { port: number; region: string }): Promise<Fauxqs> => {
  const app = buildApp({ logger: false, host: '127.0.0.1', defaultRegion: opts.region });
  // the materials bucket's CORS rule (infra/stacks/data-stack.ts): the web's presigned PUT comes from
  // the gateway's origin; fauxqs keeps no bucket CORS, so the preflight is answered here
  app.addHook('onRequest', (req, reply, done) => {
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      void reply
        .code(204)
        .headers({
          'access-control-allow-origin': '*',
          'access-control-allow-methods': 'PUT, GET',
          'access-control-allow-headers': 'content-type',
          'access-control-max-age': '3000',
        })
        .send();
      return;
    }
    if (req.headers.origin) void reply.header('access-control-allow-origin', '*');
    done();
  });
  await app.listen({ host: '127.0.0.1', port: opts.port });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port;
  return { endpoint: `http://127.0.0.1:${port}`, stop: async () => void (await app.close()) };
};
