import type { UserView } from '@shared/identity/types.ts';
import { deriveKey, open, PBKDF2_ITERATIONS, randomSalt, seal } from './crypto.ts';
import { offlineDb } from './db.ts';

/** Wrong PINs in a row before the offline unlock is refused (an online sign-in opens it again). */
export const MAX_PIN_FAILURES = 5;
export const PIN_PATTERN = /^\d{6}$/;

interface Unlocked {
  userId: string;
  key: CryptoKey;
}

/** The signed-in agent's key, in this page's memory only: gone on reload, sign-out or another user. */
let unlocked: Unlocked | null = null;
const listeners = new Set<() => void>();
export const onVaultChange = (fn: () => void): (() => void) => {
  listeners.add(fn);
  return () => listeners.delete(fn);
};
const changed = () => listeners.forEach((fn) => fn());

export const unlockedKey = (userId: string): CryptoKey | null => (unlocked?.userId === userId ? unlocked.key : null);

export const lockVault = (): void => {
  unlocked = null;
  changed();
};

export const hasVault = async (userId: string): Promise<boolean> => Boolean(await (await offlineDb()).get('vaults', userId));

/** First use on this device, signed in online: the PIN chosen seals the session for offline unlocks. */
export const createVault = async (user: UserView, token: string, pin: string): Promise<void> => {
  const salt = randomSalt();
  const key = await deriveKey(pin, salt);
  const db = await offlineDb();
  // a username another account held on this device before (a re-created login) is replaced
  const old = await db.getFromIndex('vaults', 'byUsername', user.username);
  if (old && old.userId !== user.id) await db.delete('vaults', old.userId);
  await db.put('vaults', {
    userId: user.id,
    username: user.username,
    salt,
    iterations: PBKDF2_ITERATIONS,
    session: await seal(key, { user, token }),
    failures: 0,
  });
  unlocked = { userId: user.id, key };
  changed();
};

export class PinError extends Error {}

/**
 * Opens the vault with the PIN. Offline (no `online` session): by username, refused after too many wrong
 * PINs. Online (signed in): the session copy is renewed with the current token and the count reset.
 */
export const unlockVault = async (who: { username: string } | { user: UserView; token: string }, pin: string): Promise<{ user: UserView; token: string }> => {
  const db = await offlineDb();
  const v = 'user' in who ? await db.get('vaults', who.user.id) : await db.getFromIndex('vaults', 'byUsername', who.username);
  if (!v) throw new PinError('本机没有该用户的离线口令，请联网登录');
  if (!('user' in who) && v.failures >= MAX_PIN_FAILURES) throw new PinError('离线口令错误次数过多，请联网登录');
  const key = await deriveKey(pin, v.salt, v.iterations);
  let session: { user: UserView; token: string };
  try {
    session = await open(key, v.session);
  } catch {
    await db.put('vaults', { ...v, failures: v.failures + 1 });
    const left = MAX_PIN_FAILURES - v.failures - 1;
    throw new PinError(left > 0 || 'user' in who ? `离线口令不对${left > 0 ? `，还可再试 ${left} 次` : ''}` : '离线口令错误次数过多，请联网登录');
  }
  if ('user' in who) {
    session = { user: who.user, token: who.token };
    await db.put('vaults', { ...v, session: await seal(key, session), failures: 0 });
  } else if (v.failures) await db.put('vaults', { ...v, failures: 0 });
  unlocked = { userId: v.userId, key };
  changed();
  return session;
};
