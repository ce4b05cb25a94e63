import { randomInt } from 'node:crypto';

/**
 * A one-time password the person is given once (printed by a command or shown to the admin who
 * reset it): it meets the password policy, avoids look-alike characters (0/O, 1/l/I), and must be
 * changed at the first sign-in.
 */
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const DIGITS = '23456789';
const SYMBOLS = '@#%&*';

export const oneTimePassword = (length = 16): string => {
  const pick = (s: string) => s[randomInt(s.length)]!;
  const chars = [pick(UPPER), pick(LOWER), pick(DIGITS), pick(SYMBOLS)];
  while (chars.length < length) chars.push(pick(UPPER + LOWER + DIGITS));
  // Fisher–Yates with a CSPRNG: the class of each position is not predictable
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
};
