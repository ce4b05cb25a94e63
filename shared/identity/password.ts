import { hash, verify } from '@node-rs/argon2';
import type { FieldIssue } from '../errors/domain-errors.ts';

/**
 * Passwords: argon2id (memory-hard) with OWASP's minimum parameters (19 MiB, t=2, p=1).
 * Policy (等保 level 3 身份鉴别): at least 10 characters from at least 3 character classes.
 */
const PARAMS = { algorithm: 2 /* Algorithm.Argon2id (a const enum: not importable under isolatedModules) */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, PARAMS);

export const verifyPassword = async (stored: string, password: string): Promise<boolean> => {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
};

export const PASSWORD_POLICY = '密码至少 10 位，且包含大写字母、小写字母、数字、符号中的至少 3 类';

export const passwordIssues = (password: string, path = 'newPassword'): FieldIssue[] => {
  const classes = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z\d]/].filter((r) => r.test(password)).length;
  return password.length >= 10 && classes >= 3 ? [] : [{ path, message: PASSWORD_POLICY }];
};

// a real hash to verify against when the user does not exist, so timing does not reveal usernames
let dummy: Promise<string> | undefined;
export const dummyHash = (): Promise<string> => (dummy ??= hashPassword('not-a-real-password-Bm1!'));
