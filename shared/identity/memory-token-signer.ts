import { generateKeyPair } from 'jose';
import { keyPairSigner } from './tokens.ts';
import type { TokenSigner } from './ports.ts';

/** A fresh key pair in memory: for unit tests (tokens die with the process). */
export const ephemeralTokenSigner = (): TokenSigner => {
  let pair: ReturnType<typeof generateKeyPair> | undefined;
  return keyPairSigner(() => (pair ??= generateKeyPair('ES256')));
};
