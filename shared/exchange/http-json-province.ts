import { randomUUID } from 'node:crypto';
import type { ProvinceProfile } from './profiles.ts';
import type { ProvinceCredentials, ProvinceGateway, PushResult } from './ports.ts';
import { ANSWER, COUNT_PATH, PUSH_PATH, SIGN_HEADERS, signatureOf } from './wire.ts';

/** How long a push may take before it counts as the province down (tried again later). */
export const PUSH_TIMEOUT_MS = 5_000;

/** The auth headers of a request: a bearer token, or the signed request's four headers. */
export const authHeaders = async (
  profile: ProvinceProfile,
  creds: ProvinceCredentials,
  method: string,
  path: string,
  body: string,
): Promise<Record<string, string>> => {
  const c = await creds.get();
  if (profile.auth === 'token') return { authorization: `Bearer ${c.token ?? ''}` };
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomUUID();
  return {
    [SIGN_HEADERS.appKey]: c.appKey ?? '',
    [SIGN_HEADERS.timestamp]: timestamp,
    [SIGN_HEADERS.nonce]: nonce,
    [SIGN_HEADERS.signature]: signatureOf(c.appSecret ?? '', { method, path, timestamp, nonce, body }),
  };
};

/** The province's answer (`code`, `message`, `receiptNo`) as a push result; anything else is an outage. */
export const resultOf = (
  status: number,
  a: { code?: string | undefined; message?: string | undefined; receiptNo?: string | undefined },
  recordId: string,
): PushResult => {
  if (a.code === ANSWER.ok) return { outcome: 'acknowledged', ackId: a.receiptNo ?? recordId, duplicate: false };
  if (a.code === ANSWER.duplicate) return { outcome: 'acknowledged', ackId: a.receiptNo ?? recordId, duplicate: true };
  if (a.code === ANSWER.invalid) return { outcome: 'rejected', reason: a.message || '省平台校验未通过' };
  return { outcome: 'retry', reason: `HTTP ${status}${a.message ? ` ${a.message}` : ''}` };
};

const path = (endpoint: string, p: string) => new URL(endpoint.replace(/\/$/, '') + p);

/** The province's HTTPS JSON interface: one record a POST, the answer as JSON. */
export const httpJsonProvince = (endpoint: string, profile: ProvinceProfile, creds: ProvinceCredentials): ProvinceGateway => ({
  push: async (recordId, fields) => {
    const url = path(endpoint, PUSH_PATH);
    const body = JSON.stringify(fields);
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', ...(await authHeaders(profile, creds, 'POST', url.pathname, body)) },
      body,
      signal: AbortSignal.timeout(PUSH_TIMEOUT_MS),
    });
    const a = (await res.json().catch(() => ({}))) as { code?: string; message?: string; receiptNo?: string };
    return resultOf(res.status, a, recordId);
  },
  count: async (day) => {
    const url = path(endpoint, COUNT_PATH);
    url.searchParams.set('day', day);
    const res = await fetch(url, { headers: await authHeaders(profile, creds, 'GET', url.pathname, ''), signal: AbortSignal.timeout(PUSH_TIMEOUT_MS) });
    const a = (await res.json().catch(() => ({}))) as { code?: string; count?: number };
    return a.code === ANSWER.ok && typeof a.count === 'number' ? a.count : undefined;
  },
});
