import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DecryptCommand, GenerateDataKeyCommand, GenerateMacCommand } from '@aws-sdk/client-kms';
import { kmsClient } from '../aws/clients.ts';
import { hmacOf, sealWith, unsealWith } from './sealing.ts';
import { type Sealed, type Sealer } from './ports.ts';

/**
 * Envelope encryption with KMS (DATA_KMS_KEY_ID: data keys; LOOKUP_KMS_KEY_ID: HMAC key). Without
 * them (locally) a dev key file (DATA_DEV_KEY_FILE, created on first use) stands in for both.
 * The environment is read on every call, so a test can point a process at its own key file.
 */
const devKeys = (): { data: Buffer; mac: Buffer } => {
  const file = process.env.DATA_DEV_KEY_FILE!;
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ data: randomBytes(32).toString('base64'), mac: randomBytes(32).toString('base64') }), { mode: 0o600 });
  }
  const k = JSON.parse(readFileSync(file, 'utf8')) as { data: string; mac: string };
  return { data: Buffer.from(k.data, 'base64'), mac: Buffer.from(k.mac, 'base64') };
};

export const kmsSealer = (): Sealer => {
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

  return {
    seal: async (value) => {
      const { plain, ek } = await dataKey();
      return sealWith(plain, ek, value);
    },
    unseal: async <T>(s: Sealed) => unsealWith<T>(await openKey(s.ek), s),
    lookupHash: async (value) => {
      const macKey = process.env.LOOKUP_KMS_KEY_ID;
      if (!macKey) return hmacOf(devKeys().mac, value);
      const r = await kmsClient().send(new GenerateMacCommand({ KeyId: macKey, MacAlgorithm: 'HMAC_SHA_256', Message: Buffer.from(value) }));
      return Buffer.from(r.Mac!).toString('base64url');
    },
  };
};
