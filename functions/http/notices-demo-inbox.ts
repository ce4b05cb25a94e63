import { httpHandler } from '../../shared/http/handler.ts';
import { NotFoundError } from '../../shared/errors/domain-errors.ts';
import { noticesConfig } from '../../shared/notices/config.ts';

/**
 * GET /api/notices/demo-inbox: what the local fake SMS provider received (短信（演示）), phones
 * masked. Only where the platform runs that fake (npm start, tests): deployed, there is none.
 */
export const handler = httpHandler('notices-demo-inbox', {}, async () => {
  const fake = noticesConfig().endpoint;
  if (!process.env.NOTICE_ENDPOINT_OVERRIDE || !fake) throw new NotFoundError('仅本地演示环境有模拟短信平台');
  // the fake stopped (its platform is going down): say so, as for no fake at all
  const res = await fetch(new URL('/__received', fake), { signal: AbortSignal.timeout(5000) }).catch(() => undefined);
  if (!res?.ok) throw new NotFoundError('模拟短信平台未在运行');
  return { body: (await res.json()) as object };
});
