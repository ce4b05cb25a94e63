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
  await app.listen({ host: '127.0.0.1', port: opts.port });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port;
  return { endpoint: `http://127.0.0.1:${port}`, stop: async () => void (await app.close()) };
};
