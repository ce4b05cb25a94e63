import type { FieldIssue } from '../errors/domain-errors.ts';
import { COMMON_PASSWORDS } from './common-passwords.ts';
import { passwordIssues, verifyPassword } from './password.ts';

/**
 * What a new password must also not be (等保 身份鉴别: 口令复杂度 and 定期更换 mean nothing if
 * `Password12` or the previous password pass): the username inside it, a common password (or one
 * with digits and symbols stuck around a common word, or with a@ 0o 1i 3e $s swapped in), one of the
 * last PASSWORD_HISTORY passwords of the account.
 */
export const PASSWORD_HISTORY = 5;

let common: ReadonlySet<string> | undefined;
const commonSet = (): ReadonlySet<string> => (common ??= new Set(COMMON_PASSWORDS.split('\n').filter(Boolean)));

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };
const unleet = (s: string): string => s.replace(/[0134573@$!]/g, (c) => LEET[c] ?? c);

/** The password and its stems: without the digits and symbols around it, and with look-alikes swapped back. */
const stems = (password: string): string[] => {
  const lower = password.normalize('NFKC').toLowerCase();
  const tail = lower.replace(/[^\p{L}]+$/u, '');
  const core = tail.replace(/^[^\p{L}]+/u, '');
  return [...new Set([lower, tail, core].flatMap((s) => [s, unleet(s)]))];
};

export const isCommonPassword = (password: string): boolean => stems(password).some((s) => s.length >= 4 && commonSet().has(s));

/** The username (any case, with or without its dots, or reversed) inside the password. */
export const containsUsername = (password: string, username: string): boolean => {
  const p = password.normalize('NFKC').toLowerCase();
  const u = username.toLowerCase();
  return [u, u.replace(/[^\p{L}\p{N}]/gu, ''), [...u].reverse().join('')].some((x) => x.length >= 3 && p.includes(x));
};

/** Every rule a new password breaks that needs no stored hash: the policy, the username, the common list. */
export const newPasswordIssues = (password: string, username: string, path = 'newPassword'): FieldIssue[] => {
  const policy = passwordIssues(password, path);
  if (policy.length) return policy;
  if (containsUsername(password, username)) return [{ path, message: '密码不能包含用户名' }];
  if (isCommonPassword(password)) return [{ path, message: '该密码过于常见，容易被猜到，请另选一个' }];
  return [];
};

/** Whether the password is one of the stored earlier ones (checked side by side: each is a full scrypt). */
export const usedBefore = async (password: string, history: readonly string[]): Promise<boolean> =>
  (await Promise.all(history.map((h) => verifyPassword(h, password)))).some(Boolean);

/** The history after a password is replaced: the replaced one first, as many as the rule looks back (minus the current). */
export const nextHistory = (replacedHash: string, history: readonly string[] = []): string[] => [replacedHash, ...history].slice(0, PASSWORD_HISTORY - 1);
