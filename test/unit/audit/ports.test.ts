import { describe, expect, it } from 'vitest';
import { memoryAuditLog } from '../../../shared/audit/memory-audit.ts';
import { memoryAuditReader } from '../../../shared/audit/memory-audit-reader.ts';
import { memoryAuditArchive } from '../../../shared/audit/memory-audit-archive.ts';
import { auditLogContract } from './log-contract.ts';
import { auditReaderContract } from './reader-contract.ts';
import { auditArchiveContract } from './archive-contract.ts';

/** The audit ports' contracts on the in-memory fakes (the adapters run them in test/integration/audit/ports.test.ts). */
describe('AuditLog contract (memory)', () =>
  auditLogContract(async () => {
    const log = memoryAuditLog();
    return { log, about: async (t) => log.events.filter((e) => e.target?.type === t.type && e.target.id === t.id) };
  }));

describe('AuditReader contract (memory)', () =>
  auditReaderContract(async () => {
    const reader = memoryAuditReader();
    return { reader, append: async (input, at) => void reader.append(input, at) };
  }));

describe('AuditArchive contract (memory)', () => auditArchiveContract(async () => memoryAuditArchive()));

describe('AuditArchive (memory), like a bucket under If-None-Match', () => {
  it('never overwrites: a second put of a key keeps the first body', async () => {
    const a = memoryAuditArchive();
    await a.put('audit/2091-03/2091-03-01T08:00:00.000Z#x.json', 'first');
    await a.put('audit/2091-03/2091-03-01T08:00:00.000Z#x.json', 'second');
    expect(await a.get('audit/2091-03/2091-03-01T08:00:00.000Z#x.json')).toBe('first');
  });
});
