import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DecryptCommand, GenerateDataKeyCommand, GenerateMacCommand } from '@aws-sdk/client-kms';
import { kmsClient } from '../aws/clients.ts';

/**
 * Applicants' ID numbers and phones, sealed with envelope encryption (AES-256-GCM under a data
 * key from KMS; locally a dev key under .data/), plus a keyed hash (HMAC) for lookups.
 */
export interface Sealed {
  /** The data key, encrypted by KMS ('dev' locally). */
  ek: string;
  iv: string;
  ct: string;
  tag: string;
}

const devKeys = (): { data: Buffer; mac: Buffer } => {
  const file = process.env.DATA_DEV_KEY_FILE!;
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ data: randomBytes(32).toString('base64'), mac: randomBytes(32).toString('base64') }), { mode: 0o600 });
  }
  const k = JSON.parse(readFileSync(file, 'utf8')) as { data: string; mac: string };
  return { data: Buffer.from(k.data, 'base64'), mac: Buffer.from(k.mac, 'base64') };
};

// one data key per container for up to 5 minutes: one KMS call per container, not per case
let current: { plain: Buffer; ek: string; at: number } | undefined;
const decrypted = new Map<string, Buffer>();

const dataKey = async (): Promise<{ plain: Buffer; ek: string }> => {
  const kmsKey = process.env.DATA_KMS_KEY_ID;
  if (!kmsKey) return { plain: devKeys().data, ek: 'dev' };
  if (current && Date.now() - current.at < 300_000) return current;
  const r = await kmsClient().send(new GenerateDataKeyCommand({ KeyId: kmsKey, KeySpec: 'AES_256' }));
  current = { plain: Buffer.from(r.Plaintext!), ek: Buffer.from(r.CiphertextBlob!).toString('base64'), at: Date.now() };
  return current;
};

const openKey = async (ek: string): Promise<Buffer> => {
  if (ek === 'dev') return devKeys().data;
  const hit = decrypted.get(ek);
  if (hit) return hit;
  const r = await kmsClient().send(new DecryptCommand({ CiphertextBlob: Buffer.from(ek, 'base64') }));
  const key = Buffer.from(r.Plaintext!);
  decrypted.set(ek, key);
  return key;
};

export const seal = async (value: object): Promise<Sealed> => {
  const { plain, ek } = await dataKey();
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', plain, iv);
  const ct = Buffer.concat([c.update(JSON.stringify(value), 'utf8'), c.final()]);
  return { ek, iv: iv.toString('base64'), ct: ct.toString('base64'), tag: c.getAuthTag().toString('base64') };
};

export const unseal = async <T>(s: Sealed): Promise<T> => {
  const d = createDecipheriv('aes-256-gcm', await openKey(s.ek), Buffer.from(s.iv, 'base64'));
  d.setAuthTag(Buffer.from(s.tag, 'base64'));
  return JSON.parse(Buffer.concat([d.update(Buffer.from(s.ct, 'base64')), d.final()]).toString('utf8')) as T;
};

/** Keyed hash for "cases of this applicant": never the raw number in an index. */
export const lookupHash = async (value: string): Promise<string> => {
  const macKey = process.env.LOOKUP_KMS_KEY_ID;
  if (!macKey) return createHmac('sha256', devKeys().mac).update(value).digest('base64url');
  const r = await kmsClient().send(new GenerateMacCommand({ KeyId: macKey, MacAlgorithm: 'HMAC_SHA_256', Message: Buffer.from(value) }));
  return Buffer.from(r.Mac!).toString('base64url');
};
