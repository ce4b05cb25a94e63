import { createServer, type IncomingMessage, type Server } from 'node:http';
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { checkRecord, profileOf, type ProvinceProfile } from '../shared/exchange/profiles.ts';
import { DEMO_PROVINCE_CREDENTIALS } from '../shared/exchange/demo-credentials.ts';
import { ANSWER, COUNT_PATH, PUSH_PATH, SIGN_HEADERS, answerXml, flatXml, signatureOf } from '../shared/exchange/wire.ts';
import { readBody } from './read-body.ts';

/**
 * The local stand-in for the province's 一体化政务服务平台 (`npm start`, tests). It speaks the county's
 * province profile (HTTPS JSON or form + XML; a bearer token or a signed request, checked with the
 * demo credentials), validates each record against the profile's data elements and code tables,
 * acknowledges it with a 回执 number, and answers a record it has already received as a duplicate
 * ("already received"). It can be told to be down (`POST /__down?count=n`, or `?on=1` until
 * `?on=0`) and to reject the records of an item (`POST /__reject?itemCode=…&reason=…`, as a province
 * whose catalog does not know that code). `GET /__received` lists what it received.
 */
export interface ReceivedRecord {
  at: string;
  recordId: string;
  caseNumber: string;
  stage: string;
  fields: Record<string, string>;
  answer: 'acknowledged' | 'duplicate' | 'rejected';
  reason?: string;
}

export interface FakeProvince {
  url: string;
  profile: ProvinceProfile;
  received: ReceivedRecord[];
  /** The next n pushes answered as an outage; `true`: until told otherwise; `false`: up again. */
  down(n: number | boolean): void;
  /** Records of this 事项编码 rejected with the reason (as a province whose catalog lacks it); undefined: no longer. */
  rejectItem(itemCode: string, reason: string | undefined): void;
  stop(): Promise<void>;
}

const same = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export const startFakeProvince = async (opts: { province?: string | undefined; port?: number } = {}): Promise<FakeProvince> => {
  const profile = profileOf(opts.province);
  const received: ReceivedRecord[] = [];
  const receipts = new Map<string, string>();
  const rejects = new Map<string, string>();
  let outage = 0;
  let downForGood = false;
  const creds = DEMO_PROVINCE_CREDENTIALS;

  const authorized = (req: IncomingMessage, path: string, body: string): boolean => {
    if (profile.auth === 'token') return same(String(req.headers.authorization ?? ''), `Bearer ${creds.token}`);
    const h = (n: string) => String(req.headers[n] ?? '');
    const ts = Number(h(SIGN_HEADERS.timestamp));
    if (h(SIGN_HEADERS.appKey) !== creds.appKey || !Number.isFinite(ts) || Math.abs(Date.now() / 1000 - ts) > 300) return false;
    const expected = signatureOf(creds.appSecret, { method: req.method ?? '', path, timestamp: h(SIGN_HEADERS.timestamp), nonce: h(SIGN_HEADERS.nonce), body });
    return same(h(SIGN_HEADERS.signature), expected);
  };

  const answer = (fields: Record<string, string>): { code: string; message: string; receiptNo?: string } => {
    const f = profile.fields;
    const recordId = fields[f.recordId] ?? '';
    const base = { at: new Date().toISOString(), recordId, caseNumber: fields[f.caseNumber] ?? '', stage: fields[f.stage] ?? '', fields };
    const known = receipts.get(recordId);
    if (known) {
      received.push({ ...base, answer: 'duplicate' });
      return { code: ANSWER.duplicate, message: '该记录已接收', receiptNo: known };
    }
    const problems = checkRecord(profile, fields);
    const itemReject = rejects.get(fields[f.itemCode] ?? '');
    if (itemReject) problems.push(itemReject);
    if (problems.length) {
      const reason = problems.join('；');
      received.push({ ...base, answer: 'rejected', reason });
      return { code: ANSWER.invalid, message: reason };
    }
    const receiptNo = `HZ${Date.now().toString(36).toUpperCase()}${randomUUID().slice(0, 6).toUpperCase()}`;
    receipts.set(recordId, receiptNo);
    received.push({ ...base, answer: 'acknowledged' });
    return { code: ANSWER.ok, message: '接收成功', receiptNo };
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const reply = (status: number, a: Record<string, unknown>) => {
      if (profile.transport === 'form-xml' && url.pathname === PUSH_PATH) {
        res.writeHead(status, { 'content-type': 'application/xml; charset=utf-8' });
        res.end(answerXml(a as { code: string; message: string; receiptNo?: string }));
      } else {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(a));
      }
    };
    void (async () => {
      if (req.method === 'GET' && url.pathname === '/__received') return reply(200, { profile: profile.id, records: [...received].reverse().slice(0, 200) });
      if (req.method === 'POST' && url.pathname === '/__down') {
        const on = url.searchParams.get('on');
        if (on !== null) downForGood = on === '1' || on === 'true';
        else outage = Math.max(0, Math.min(1000, Number(url.searchParams.get('count') ?? 1) || 0));
        return reply(200, { down: downForGood || outage });
      }
      if (req.method === 'POST' && url.pathname === '/__reject') {
        const code = (url.searchParams.get('itemCode') ?? '').slice(0, 40);
        const reason = url.searchParams.get('reason');
        if (reason) rejects.set(code, reason.slice(0, 200));
        else rejects.delete(code);
        return reply(200, { rejecting: [...rejects.keys()] });
      }
      const body = await readBody(req);
      if (downForGood || (outage > 0 && url.pathname !== COUNT_PATH)) {
        if (outage > 0) outage -= 1;
        return reply(503, { code: '5000', message: '模拟：省平台暂不可用' });
      }
      if (!authorized(req, url.pathname, body)) return reply(401, { code: ANSWER.unauthorized, message: '认证失败' });
      if (req.method === 'GET' && url.pathname === COUNT_PATH) {
        const day = url.searchParams.get('day') ?? '';
        const count = received.filter((r) => r.answer === 'acknowledged' && (r.fields[profile.fields.at] ?? '').startsWith(day)).length;
        return reply(200, { code: ANSWER.ok, count });
      }
      if (req.method === 'POST' && url.pathname === PUSH_PATH) {
        let fields: Record<string, string>;
        try {
          fields = profile.transport === 'form-xml' ? flatXml(new URLSearchParams(body).get('data') ?? '') : (JSON.parse(body) as Record<string, string>);
        } catch {
          return reply(400, { code: ANSWER.invalid, message: '请求内容不是有效的 JSON' });
        }
        return reply(200, answer(fields));
      }
      return reply(404, { code: '404', message: 'not found' });
    })().catch(() => reply(500, { code: '5000', message: 'error' }));
  });
  await new Promise<void>((r) => server.listen(opts.port ?? 0, '127.0.0.1', r));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    profile,
    received,
    down: (n) => {
      if (typeof n === 'boolean') downForGood = n;
      else outage = n;
    },
    rejectItem: (code, reason) => {
      if (reason) rejects.set(code, reason);
      else rejects.delete(code);
    },
    stop: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
};
