import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { FieldIssue } from '../errors/domain-errors.ts';

/**
 * Passwords: scrypt (memory-hard, in node:crypto — no native addon to cross-compile for arm64
 * Lambda) with an OWASP parameter set: N=2^15, r=8, p=3 (32 MiB).
 * Policy (等保 level 3 身份鉴别): at least 10 characters from at least 3 character classes.
 */
const N = 2 ** 15;
const R = 8;
const P = 3;
const KEYLEN = 32;

const derive = (password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const opts: ScryptOptions = { N: n, r, p, maxmem: 256 * n * r + 1024 * 1024 * 8 };
    scrypt(password.normalize('NFKC'), salt, KEYLEN, opts, (err, key) => (err ? reject(err) : resolve(key)));
  });

export const hashPassword = async (password: string): Promise<string> => {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
};

export const verifyPassword = async (stored: string, password: string): Promise<boolean> => {
  const [alg, n, r, p, salt, key] = stored.split('$');
  if (alg !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
};

export const PASSWORD_POLICY = '密码至少 10 位，且包含大写字母、小写字母、数字、符号中的至少 3 类';

export const passwordIssues = (password: string, path = 'newPassword'): FieldIssue[] => {
  const classes = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z\d]/].filter((r) => r.test(password)).length;
  return password.length >= 10 && classes >= 3 ? [] : [{ path, message: PASSWORD_POLICY }];
};

/**
 * What an unknown username is checked against, so its answer takes the same scrypt work as a
 * real one (timing does not reveal which usernames exist). A hash of a random string nobody
 * kept, at the production cost, fixed here so no cold start spends a second making one.
 */
export const DUMMY_HASH = 'scrypt$32768$8$3$PgRrXZHFqOJGD78GghCLrw==$lojSkgrLEvd/NdUkBE2u6Wo9TM8fVI/DxVQOJFgkRyo=';
