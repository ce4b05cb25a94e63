import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Sealed } from './crypto.ts';

/** What the outbox knows of an action without decrypting it: whose it is, its order and its state. */
export type OutboxState = 'pending' | 'synced' | 'failed' | 'conflict';
export type OutboxKind = 'commission' | 'supplement' | 'delivery';

export interface OutboxRecord {
  /** The client id, sent as the Idempotency-Key: a resend is the same action on the server. */
  id: string;
  userId: string;
  /** Device order of recording; sync goes in this order. */
  seq: number;
  kind: OutboxKind;
  state: OutboxState;
  /** Device time of recording (ISO), shown as recorded, never taken as the legal time. */
  recordedAt: string;
  /** The guide's published version the form was filled against (commission, supplement). */
  catalogVersion?: number;
  /** The case's version the action was based on (supplement, delivery). */
  caseVersion?: number;
  attempts: number;
  /** Encrypted: { body, summary }; the body is dropped once synced. */
  payload?: Sealed;
  /** Encrypted photos (materials), dropped once sent. */
  photos?: Array<{ name: string; type: string; sealed: Sealed }>;
  /** Encrypted: what the server answered (its id and number) or why it refused; the conflict's two versions. */
  outcome?: Sealed;
  updatedAt: string;
}

/** One agent's vault on this device: the PIN's salt and a sealed copy of the session to unlock offline. */
export interface VaultRecord {
  userId: string;
  /** Typed at the offline unlock: the vault to open. */
  username: string;
  salt: Uint8Array<ArrayBuffer>;
  iterations: number;
  /** Sealed { user, token }: opening it proves the PIN. */
  session: Sealed;
  failures: number;
}

interface Schema extends DBSchema {
  vaults: { key: string; value: VaultRecord; indexes: { byUsername: string } };
  outbox: { key: string; value: OutboxRecord; indexes: { byUser: [string, number] } };
}

let db: Promise<IDBPDatabase<Schema>> | undefined;

export const offlineDb = (): Promise<IDBPDatabase<Schema>> =>
  (db ??= openDB<Schema>('bianmin-offline', 1, {
    upgrade(d) {
      d.createObjectStore('vaults', { keyPath: 'userId' }).createIndex('byUsername', 'username', { unique: true });
      d.createObjectStore('outbox', { keyPath: 'id' }).createIndex('byUser', ['userId', 'seq']);
    },
  }));

/** One user's records in recording order (never another user's). */
export const recordsOf = async (userId: string): Promise<OutboxRecord[]> =>
  (await offlineDb()).getAllFromIndex('outbox', 'byUser', IDBKeyRange.bound([userId, 0], [userId, Number.MAX_SAFE_INTEGER]));
