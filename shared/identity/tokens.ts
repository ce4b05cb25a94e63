import { jwtVerify, SignJWT, type JWTPayload } from 'jose';
import type { TokenClaims, TokenSigner } from './ports.ts';

/** ES256 JWTs: what the token signers (kms-token-signer.ts, memory-token-signer.ts) share. */
export const ISSUER = 'bianmin';

export const toClaims = (p: JWTPayload): TokenClaims => {
  if (typeof p.sub !== 'string' || typeof p.sid !== 'string' || typeof p.exp !== 'number') throw new Error('malformed token');
  return { sub: p.sub, sid: p.sid, exp: p.exp };
};

export const verifyWith = async (token: string, publicKey: CryptoKey, now: Date): Promise<TokenClaims> =>
  toClaims((await jwtVerify(token, publicKey, { issuer: ISSUER, algorithms: ['ES256'], currentDate: now })).payload);

/** Signs and verifies with a key pair held in process (the dev key, a test key). */
export const keyPairSigner = (keys: () => Promise<{ privateKey: CryptoKey; publicKey: CryptoKey }>): TokenSigner => ({
  sign: async (claims) =>
    new SignJWT({ sid: claims.sid })
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
      .setSubject(claims.sub)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(claims.exp)
      .sign((await keys()).privateKey),
  verify: async (token, now) => verifyWith(token, (await keys()).publicKey, now),
});
