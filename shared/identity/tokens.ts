import { generateKeyPair, jwtVerify, SignJWT, type JWTPayload } from 'jose';

/**
 * Session tokens: ES256 JWTs. The port: in AWS the private key never leaves KMS, locally a dev key
 * pair is kept under .data/ (both in kms-token-signer.ts); unit tests sign with a key in memory.
 */
export interface TokenClaims {
  sub: string;
  sid: string;
  exp: number;
}

export interface TokenSigner {
  sign(claims: TokenClaims): Promise<string>;
  /** Checks signature, issuer and expiry at `now` (the caller's clock). */
  verify(token: string, now: Date): Promise<TokenClaims>;
}

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

/** A fresh key pair in memory: for unit tests (tokens die with the process). */
export const ephemeralTokenSigner = (): TokenSigner => {
  let pair: ReturnType<typeof generateKeyPair> | undefined;
  return keyPairSigner(() => (pair ??= generateKeyPair('ES256')));
};
