import { createHash, createHmac } from 'node:crypto';

/**
 * Request signatures exactly as the SMS providers document them (checked against their published
 * examples in test/unit/notices/signing.test.ts). Pure functions: the senders and the local fake
 * provider both use them, one to sign, the other to check.
 */

/** Alibaba Cloud RPC percent-encoding: RFC 3986 unreserved characters kept, space as %20, `*` and `~` as documented. */
export const aliyunEncode = (s: string): string =>
  encodeURIComponent(s)
    .replace(/\+/g, '%20')
    .replace(/\*/g, '%2A')
    .replace(/%7E/g, '~')
    .replace(/[!'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Alibaba Cloud RPC signature (SignatureMethod HMAC-SHA1, SignatureVersion 1.0) of the parameters but `Signature`. */
export const aliyunSignature = (method: 'GET' | 'POST', params: Record<string, string>, accessKeySecret: string): string => {
  const canonical = Object.keys(params)
    .filter((k) => k !== 'Signature')
    .sort()
    .map((k) => `${aliyunEncode(k)}=${aliyunEncode(params[k]!)}`)
    .join('&');
  const stringToSign = `${method}&${aliyunEncode('/')}&${aliyunEncode(canonical)}`;
  return createHmac('sha1', `${accessKeySecret}&`).update(stringToSign, 'utf8').digest('base64');
};

const sha256hex = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');
const hmac = (key: Buffer | string, s: string): Buffer => createHmac('sha256', key).update(s, 'utf8').digest();

/** Tencent Cloud API 3.0 TC3-HMAC-SHA256: the Authorization header of a POST with a JSON body, signing content-type and host. */
export const tc3Authorization = (a: {
  secretId: string;
  secretKey: string;
  service: string;
  host: string;
  contentType: string;
  payload: string;
  /** Unix seconds (also X-TC-Timestamp). */
  timestamp: number;
}): string => {
  const date = new Date(a.timestamp * 1000).toISOString().slice(0, 10);
  const signedHeaders = 'content-type;host';
  const canonicalRequest = ['POST', '/', '', `content-type:${a.contentType}\nhost:${a.host}\n`, signedHeaders, sha256hex(a.payload)].join('\n');
  const scope = `${date}/${a.service}/tc3_request`;
  const stringToSign = ['TC3-HMAC-SHA256', String(a.timestamp), scope, sha256hex(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(`TC3${a.secretKey}`, date), a.service), 'tc3_request');
  const signature = createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
  return `TC3-HMAC-SHA256 Credential=${a.secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
};
