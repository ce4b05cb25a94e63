import { createServer, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { aliyunSignature, tc3Authorization } from '../shared/notices/signing.ts';
import { DEMO_CREDENTIALS } from '../shared/notices/demo-credentials.ts';
import { maskPhone } from '../shared/privacy/mask.ts';
import type { ReceivedText } from '../shared/notices/demo-inbox.ts';
import { readBody } from './read-body.ts';

/**
 * The local stand-in for the county's SMS provider (`npm start`, tests): answers Alibaba Cloud's
 * SendSms (RPC form, HMAC-SHA1), Tencent Cloud's SendSms (API 3.0, TC3-HMAC-SHA256) and the JSON
 * webhook, each checking the request's signature (or token) with the demo keys as the provider
 * would, and keeps what it received for the 短信（演示） page (`GET /__received`, phones masked).
 * `down(n)` (or `POST /__down?count=n`) answers the next n texts as an outage would.
 */

export interface FakeSms {
  url: string;
  received: ReceivedText[];
  down(n: number): void;
  /** Refused texts (bad signature, missing fields), with the reason. */
  refused: Array<{ at: string; reason: string }>;
  stop(): Promise<void>;
}

export const startFakeSms = async (
  opts: { port?: number; render?: (templateCode: string, vars: Record<string, string>, signName: string) => string } = {},
): Promise<FakeSms> => {
  const received: ReceivedText[] = [];
  const refused: FakeSms['refused'] = [];
  let outage = 0;
  const keep = (t: Omit<ReceivedText, 'id' | 'at' | 'text'> & { text?: string }): string => {
    const id = randomUUID();
    received.push({ id, at: new Date().toISOString(), ...t, text: t.text ?? opts.render?.(t.templateCode, t.vars, t.signName) ?? JSON.stringify(t.vars) });
    return id;
  };
  const refuse = (reason: string) => refused.push({ at: new Date().toISOString(), reason });

  const server: Server = createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      if (req.method === 'GET' && url.pathname === '/__received') return send(200, { texts: [...received].reverse(), refused: refused.slice(-20) });
      if (req.method === 'POST' && url.pathname === '/__down') {
        outage = Math.max(0, Math.min(1000, Number(url.searchParams.get('count') ?? 1) || 0));
        return send(200, { down: outage });
      }
      const raw = await readBody(req);
      const action = req.headers['x-tc-action'];
      if (outage > 0 && req.method === 'POST') {
        outage -= 1;
        return send(
          503,
          action
            ? { Response: { Error: { Code: 'InternalError', Message: '模拟：服务暂不可用' } } }
            : { Code: 'ServiceUnavailable', Message: '模拟：服务暂不可用' },
        );
      }
      if (action === 'SendSms') {
        // Tencent Cloud API 3.0
        const ts = Number(req.headers['x-tc-timestamp']);
        const expected = tc3Authorization({
          secretId: DEMO_CREDENTIALS.secretId,
          secretKey: DEMO_CREDENTIALS.secretKey,
          service: 'sms',
          host: String(req.headers.host),
          contentType: String(req.headers['content-type']),
          payload: raw,
          timestamp: ts,
        });
        if (req.headers.authorization !== expected) {
          refuse('腾讯云签名不符');
          return send(200, { Response: { Error: { Code: 'AuthFailure.SignatureFailure', Message: 'The provided credentials could not be validated.' } } });
        }
        const b = JSON.parse(raw) as { PhoneNumberSet: string[]; SignName: string; TemplateId: string; TemplateParamSet: string[] };
        const phone = (b.PhoneNumberSet[0] ?? '').replace(/^\+86/, '');
        const id = keep({
          provider: 'tencent',
          phoneMasked: maskPhone(phone),
          signName: b.SignName,
          templateCode: b.TemplateId,
          vars: Object.fromEntries(b.TemplateParamSet.map((v, i) => [String(i + 1), v])),
        });
        return send(200, {
          Response: { SendStatusSet: [{ SerialNo: id, PhoneNumber: `+86${phone}`, Code: 'Ok', Message: 'send success' }], RequestId: randomUUID() },
        });
      }
      if (url.pathname === '/webhook') {
        if (req.headers.authorization !== `Bearer ${DEMO_CREDENTIALS.token}`) {
          refuse('政务短信平台令牌不符');
          return send(401, { message: 'token' });
        }
        const b = JSON.parse(raw) as { phone: string; text: string; signName: string; templateCode: string; vars: Record<string, string> };
        const id = keep({
          provider: 'webhook',
          phoneMasked: maskPhone(b.phone),
          signName: b.signName,
          templateCode: b.templateCode,
          vars: b.vars,
          text: b.text,
        });
        return send(200, { id });
      }
      // Alibaba Cloud RPC: parameters in the form body (POST) or the query (GET)
      const params = Object.fromEntries(req.method === 'POST' ? new URLSearchParams(raw) : url.searchParams);
      if (params.Action !== 'SendSms') return send(404, { Code: 'InvalidAction.NotFound', Message: `unknown action ${params.Action ?? ''}` });
      const method = req.method === 'POST' ? 'POST' : 'GET';
      if (params.AccessKeyId !== DEMO_CREDENTIALS.accessKeyId) {
        refuse('阿里云 AccessKeyId 不符');
        return send(404, { Code: 'InvalidAccessKeyId.NotFound', Message: 'Specified access key is not found.' });
      }
      if (params.Signature !== aliyunSignature(method, params, DEMO_CREDENTIALS.accessKeySecret)) {
        refuse('阿里云签名不符');
        return send(400, { Code: 'SignatureDoesNotMatch', Message: 'Specified signature is not matched with our calculation.' });
      }
      if (!/^1[3-9]\d{9}$/.test(params.PhoneNumbers ?? '')) return send(200, { Code: 'isv.MOBILE_NUMBER_ILLEGAL', Message: '非法手机号' });
      const id = keep({
        provider: 'aliyun',
        phoneMasked: maskPhone(params.PhoneNumbers!),
        signName: params.SignName ?? '',
        templateCode: params.TemplateCode ?? '',
        vars: JSON.parse(params.TemplateParam ?? '{}') as Record<string, string>,
      });
      return send(200, { Code: 'OK', Message: 'OK', BizId: id, RequestId: randomUUID() });
    })().catch((e: unknown) => send(500, { Code: 'InternalError', Message: (e as Error).message }));
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    received,
    refused,
    down: (n) => {
      outage = n;
    },
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
