import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, importSPKI, jwtVerify, SignJWT, type JWK, type JWTPayload } from 'jose';
import { GetPublicKeyCommand, SignCommand } from '@aws-sdk/client-kms';
import { kmsClient } from '../aws/clients.ts';

/**
 * Session tokens: ES256 JWTs. In AWS the private key never leaves KMS (an ECC_NIST_P256
 * SIGN_VERIFY key the stack provisions); locally a dev key pair is generated under .data/.
 */
export interface TokenClaims {
  sub: string;
  sid: string;
  exp: number;
}

export interface TokenSigner {
  sign(claims: TokenClaims): Promise<string>;
  verify(token: string): Promise<TokenClaims>;
}

const ISSUER = 'bianmin';
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
      const res = await kmsClient().send(
        new SignCommand({ KeyId: keyId, Message: Buffer.from(input), MessageType: 'RAW', SigningAlgorithm: 'ECDSA_SHA_256' }),
      );
      return `${input}.${b64url(derToJose(res.Signature!))}`;
    },
    verify: async (token) => toClaims((await jwtVerify(token, await key(), { issuer: ISSUER, algorithms: ['ES256'] })).payload),
  };
};

const devSigner = (file: string): TokenSigner => {
  let keys: Promise<{ privateKey: CryptoKey; publicKey: CryptoKey }> | undefined;
  const load = () =>
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
    })());
  return {
    sign: async (claims) =>
      new SignJWT({ sid: claims.sid })
        .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
        .setSubject(claims.sub)
        .setIssuer(ISSUER)
        .setIssuedAt()
        .setExpirationTime(claims.exp)
        .sign((await load()).privateKey),
    verify: async (token) => toClaims((await jwtVerify(token, (await load()).publicKey, { issuer: ISSUER, algorithms: ['ES256'] })).payload),
  };
};

const toClaims = (p: JWTPayload): TokenClaims => {
  if (typeof p.sub !== 'string' || typeof p.sid !== 'string' || typeof p.exp !== 'number') throw new Error('malformed token');
  return { sub: p.sub, sid: p.sid, exp: p.exp };
};

let signer: TokenSigner | undefined;
/** KMS when the stack set JWT_KMS_KEY_ID, else the local dev key. */
export const tokenSigner = (): TokenSigner => {
  if (signer) return signer;
  const kmsKey = process.env.JWT_KMS_KEY_ID;
  const devFile = process.env.JWT_DEV_KEY_FILE;
  if (kmsKey) return (signer = kmsSigner(kmsKey));
  if (devFile) return (signer = devSigner(devFile));
  throw new Error('neither JWT_KMS_KEY_ID nor JWT_DEV_KEY_FILE is set');
};

/** Tests switch between isolated data directories. */
export const resetTokenSigner = (): void => {
  signer = undefined;
};
