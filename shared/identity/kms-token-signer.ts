import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, importSPKI, type JWK } from 'jose';
import { GetPublicKeyCommand, SignCommand } from '@aws-sdk/client-kms';
import { kmsClient } from '../aws/kms-client.ts';
import { containerSlot } from '../platform/runtime-config.ts';
import { ISSUER, keyPairSigner, verifyWith } from './tokens.ts';
import type { TokenSigner } from './ports.ts';

/**
 * The TokenSigner adapters: KMS (an ECC_NIST_P256 SIGN_VERIFY key the stack provisions; the
 * private key never leaves KMS) or, locally, a dev key pair generated under .data/.
 */
const b64url = (b: Buffer | string): string => Buffer.from(b).toString('base64url');

/** KMS returns a DER ECDSA signature; JOSE wants the raw 64-byte r||s. */
export const derToJose = (der: Uint8Array): Buffer => {
  const buf = Buffer.from(der);
  let o = 2 + (buf[1]! & 0x80 ? buf[1]! & 0x7f : 0);
  const int = () => {
    if (buf[o] !== 0x02) throw new Error('bad DER signature');
    const len = buf[o + 1]!;
    let v = buf.subarray(o + 2, o + 2 + len);
    o += 2 + len;
    while (v.length > 32 && v[0] === 0) v = v.subarray(1);
    return Buffer.concat([Buffer.alloc(32 - v.length), v]);
  };
  return Buffer.concat([int(), int()]);
};

const kmsSigner = (keyId: string): TokenSigner => {
  let publicKey: Promise<CryptoKey> | undefined;
  const key = () =>
    (publicKey ??= kmsClient()
      .send(new GetPublicKeyCommand({ KeyId: keyId }))
      .then((r) => {
        const pem = `-----BEGIN PUBLIC KEY-----\n${Buffer.from(r.PublicKey!).toString('base64')}\n-----END PUBLIC KEY-----`;
        return importSPKI(pem, 'ES256');
      }));
  return {
    sign: async (claims) => {
      const header = b64url(JSON.stringify({ alg: 'ES256', typ: 'JWT' }));
      const payload = b64url(JSON.stringify({ ...claims, iss: ISSUER, iat: Math.floor(Date.now() / 1000) }));
      const input = `${header}.${payload}`;
      const res = await kmsClient().send(new SignCommand({ KeyId: keyId, Message: Buffer.from(input), MessageType: 'RAW', SigningAlgorithm: 'ECDSA_SHA_256' }));
      return `${input}.${b64url(derToJose(res.Signature!))}`;
    },
    verify: async (token, now) => verifyWith(token, await key(), now),
  };
};

/** The local dev key pair, generated into `file` at first use and kept there (git-ignored, under the data dir). */
export const devTokenSigner = (file: string): TokenSigner => {
  let keys: Promise<{ privateKey: CryptoKey; publicKey: CryptoKey }> | undefined;
  return keyPairSigner(
    () =>
      (keys ??= (async () => {
        if (!existsSync(file)) {
          const pair = await generateKeyPair('ES256', { extractable: true });
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, JSON.stringify({ private: await exportJWK(pair.privateKey), public: await exportJWK(pair.publicKey) }), { mode: 0o600 });
        }
        const jwk = JSON.parse(readFileSync(file, 'utf8')) as { private: JWK; public: JWK };
        return {
          privateKey: (await importJWK(jwk.private, 'ES256')) as CryptoKey,
          publicKey: (await importJWK(jwk.public, 'ES256')) as CryptoKey,
        };
      })()),
  );
};

const chooseKept = containerSlot<TokenSigner>();
const choose = (): TokenSigner =>
  chooseKept.get(() => {
    const kmsKey = process.env.JWT_KMS_KEY_ID;
    const devFile = process.env.JWT_DEV_KEY_FILE;
    if (kmsKey) return kmsSigner(kmsKey);
    if (devFile) return devTokenSigner(devFile);
    throw new Error('neither JWT_KMS_KEY_ID nor JWT_DEV_KEY_FILE is set');
  });

/**
 * KMS when the stack set JWT_KMS_KEY_ID, else the local dev key. Chosen at first use, not at
 * construction, so a handler can wire it at module top before the environment is read.
 */
export const tokenSigner = (): TokenSigner => ({
  sign: (claims) => choose().sign(claims),
  verify: (token, now) => choose().verify(token, now),
});
