import { describe, expect, it } from 'vitest';
import { memoryCaseStore } from '../../../shared/cases/memory-cases.ts';
import { caseIn } from './fixtures.ts';
import { caseStoreContract } from './store-contract.ts';

describe('the in-memory CaseStore keeps the CaseStore contract', () => {
  caseStoreContract(() => memoryCaseStore());
});

describe('the in-memory CaseStore refuses what DynamoDB refuses', () => {
  it('two operations on one item in a transaction', async () => {
    const s = memoryCaseStore();
    const c = caseIn('accepted');
    s.seed(c);
    const next = { ...c, version: c.version + 1 };
    await expect(
      s.commit(
        [
          { op: 'update', case: next, expectedVersion: c.version },
          { op: 'update', case: { ...next, status: 'decided' }, expectedVersion: c.version },
        ],
        [],
      ),
    ).rejects.toThrow('two operations on one item');
    expect(s.commits).toBe(0);
  });

  it('more than 100 items', async () => {
    const s = memoryCaseStore();
    const c = caseIn('accepted');
    const writes = Array.from({ length: 101 }, (_v, i) => ({ op: 'count' as const, officeId: `o${i}`, day: '2026-11-02', add: { taken: 1 } }));
    await expect(s.commit(writes, [])).rejects.toThrow('at most 100');
    await expect(
      s.commit(writes.slice(0, 100), [
        { actor: { anonymous: 'x' }, action: 'case.start', result: 'success', sourceIp: '', userAgent: '', target: { type: 'case', id: c.id } },
      ]),
    ).rejects.toThrow('at most 100');
    await expect(s.commit(writes.slice(0, 100), [])).resolves.toBeUndefined();
  });
});
