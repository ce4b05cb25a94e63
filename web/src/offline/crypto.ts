/**
 * The outbox's encryption (WebCrypto only): AES-GCM 256 with a key derived from the agent's PIN by
 * PBKDF2-SHA-256. The key is created non-extractable and lives in memory only while the agent has the
 * app unlocked; IndexedDB holds the salt and ciphertext, never the key or the PIN.
 */
export const PBKDF2_ITERATIONS = 310_000;

export interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

export const randomSalt = (): Uint8Array<ArrayBuffer> => crypto.getRandomValues(new Uint8Array(16));

/** The agent's key, for this user on this device (the user id is mixed into the salt's use). */
export const deriveKey = async (pin: string, salt: Uint8Array<ArrayBuffer>, iterations = PBKDF2_ITERATIONS): Promise<CryptoKey> => {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
};

export const sealBytes = async (key: CryptoKey, bytes: ArrayBuffer | Uint8Array<ArrayBuffer>): Promise<Sealed> => {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  return { iv, data: await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, bytes) };
};

/** Throws (OperationError) when the key is not the one that sealed it: a wrong PIN or another user's item. */
export const openBytes = (key: CryptoKey, s: Sealed): Promise<ArrayBuffer> => crypto.subtle.decrypt({ name: 'AES-GCM', iv: s.iv }, key, s.data);

export const seal = (key: CryptoKey, value: unknown): Promise<Sealed> => sealBytes(key, new TextEncoder().encode(JSON.stringify(value)));

export const open = async <T>(key: CryptoKey, s: Sealed): Promise<T> => JSON.parse(new TextDecoder().decode(await openBytes(key, s))) as T;
