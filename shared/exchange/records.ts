import type { StageRecord, StoredRecord } from './model.ts';

/** A stored item (DynamoDB or the in-memory outbox) as a stage record with its progress. */
export const recordOf = (i: Record<string, unknown>): StoredRecord => ({
  caseId: i.subject as string,
  id: i.id as string,
  at: i.at as string,
  day: (i.day as string | undefined) ?? '',
  record: i.payload as StageRecord,
  status: (i.status as StoredRecord['status'] | undefined) ?? 'pending',
  statusAt: (i.statusAt as string | undefined) ?? (i.at as string),
  ...(typeof i.reason === 'string' ? { reason: i.reason } : {}),
  ...(typeof i.ackId === 'string' ? { ackId: i.ackId } : {}),
  ...(typeof i.attempts === 'number' ? { attempts: i.attempts } : {}),
  ...(typeof i.claim === 'string' ? { claim: i.claim } : {}),
  ...(typeof i.claimedAt === 'string' ? { claimedAt: i.claimedAt } : {}),
  ...(i.corrected ? { corrected: i.corrected as NonNullable<StoredRecord['corrected']> } : {}),
});

export const bySequence = (a: StoredRecord, b: StoredRecord): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
