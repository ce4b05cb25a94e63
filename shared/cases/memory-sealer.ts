import { randomBytes } from 'node:crypto';
import { hmacOf, sealWith, unsealWith } from './sealing.ts';
import { type Sealer } from './ports.ts';

/** Sealer for unit tests: real AES-GCM and HMAC under keys that live only in this instance. */
export const memorySealer = (): Sealer => {
  const data = randomBytes(32);
  const mac = randomBytes(32);
  return {
    seal: async (value) => sealWith(data, 'memory', value),
    unseal: async <T>(s: Parameters<Sealer['unseal']>[0]) => {
      if (s.ek !== 'memory') throw new Error('sealed under another key');
      return unsealWith<T>(data, s);
    },
    lookupHash: async (value) => hmacOf(mac, value),
  };
};
