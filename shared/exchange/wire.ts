import { createHash, createHmac } from 'node:crypto';

/**
 * The push's wire shape, shared by the adapters and the local fake province: the path, the answer
 * codes, the signature of a signed request, and the XML of the form transport. A province whose
 * interface differs in these gets its own adapter file.
 */
export const PUSH_PATH = '/records';
export const COUNT_PATH = '/count';
/** The answer's `code`: received; already received (a duplicate, an acknowledgement all the same); refused by validation. */
export const ANSWER = { ok: '0', duplicate: '1001', invalid: '2001', unauthorized: '4001' } as const;

/**
 * A signed request (auth `hmac-sha256`): the app key, a timestamp, a nonce and
 * base64(HMAC-SHA256(secret, method \n path \n timestamp \n nonce \n hex(SHA-256(body)))).
 */
export const signatureOf = (secret: string, s: { method: string; path: string; timestamp: string; nonce: string; body: string }): string =>
  createHmac('sha256', secret)
    .update([s.method, s.path, s.timestamp, s.nonce, createHash('sha256').update(s.body).digest('hex')].join('\n'))
    .digest('base64');

export const SIGN_HEADERS = { appKey: 'x-bm-appkey', timestamp: 'x-bm-timestamp', nonce: 'x-bm-nonce', signature: 'x-bm-signature' } as const;

const escape = (v: string): string => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const unescape = (v: string): string =>
  v
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** `<record><f>v</f>…</record>`: field names are the profile's (letters, digits, `_`), values escaped. */
export const recordXml = (fields: Record<string, string>): string =>
  `<?xml version="1.0" encoding="UTF-8"?><record>${Object.entries(fields)
    .map(([k, v]) => `<${k}>${escape(v)}</${k}>`)
    .join('')}</record>`;

/** The flat elements of a small XML document (a record, an answer): name → text. Nested or repeated elements are not read. */
export const flatXml = (xml: string): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const m of xml.slice(0, 65_536).matchAll(/<([A-Za-z_][A-Za-z0-9_]{0,39})>([^<]*)<\/\1>/g)) out[m[1]!] = unescape(m[2]!);
  return out;
};

export const answerXml = (a: { code: string; message: string; receiptNo?: string }): string =>
  `<?xml version="1.0" encoding="UTF-8"?><response><code>${a.code}</code><message>${escape(a.message)}</message>${a.receiptNo ? `<receiptNo>${escape(a.receiptNo)}</receiptNo>` : ''}</response>`;
