import { randomBytes, scryptSync } from 'node:crypto';

/**
 * A password hash in the stored format with a cheap cost (N=2^10): verification reads the cost
 * from the hash, so seeded users check in a millisecond instead of a second of scrypt at N=2^15.
 * Accounts created through the API (and the unknown-username check) still pay the real cost.
 */
export const cheapHash = (password: string): string => {
  const salt = randomBytes(16);
  return `scrypt$1024$8$1$${salt.toString('base64')}$${scryptSync(password.normalize('NFKC'), salt, 32, { N: 1024, r: 8, p: 1 }).toString('base64')}`;
};
