import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { Sealed } from './ports.ts';

/** AES-256-GCM of the JSON of `value` under a plain data key; `ek` names that key for unsealing. */
export const sealWith = (key: Buffer, ek: string, value: object): Sealed => {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([c.update(JSON.stringify(value), 'utf8'), c.final()]);
  return { ek, iv: iv.toString('base64'), ct: ct.toString('base64'), tag: c.getAuthTag().toString('base64') };
};

export const unsealWith = <T>(key: Buffer, s: Sealed): T => {
  const d = createDecipheriv('aes-256-gcm', key, Buffer.from(s.iv, 'base64'));
  d.setAuthTag(Buffer.from(s.tag, 'base64'));
  return JSON.parse(Buffer.concat([d.update(Buffer.from(s.ct, 'base64')), d.final()]).toString('utf8')) as T;
};

export const hmacOf = (key: Buffer, value: string): string => createHmac('sha256', key).update(value).digest('base64url');
