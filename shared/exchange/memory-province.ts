import { checkRecord, type ProvinceProfile } from './profiles.ts';
import type { ProvinceGateway } from './ports.ts';

/**
 * A province in memory for unit tests: the same answers as the local fake (local/fake-province.ts)
 * — validation against the profile, "already received" for a duplicate, down on demand, an item's
 * records rejected on demand.
 */
export interface MemoryProvince extends ProvinceGateway {
  readonly received: Array<{ recordId: string; fields: Record<string, string>; answer: 'acknowledged' | 'duplicate' | 'rejected' | 'down' }>;
  down(n: number): void;
  rejectItem(itemCode: string, reason: string | undefined): void;
}

export const memoryProvince = (profile: ProvinceProfile): MemoryProvince => {
  const received: MemoryProvince['received'] = [];
  const receipts = new Map<string, string>();
  const rejects = new Map<string, string>();
  let outage = 0;
  return {
    received,
    down: (n) => {
      outage = n;
    },
    rejectItem: (code, reason) => {
      if (reason) rejects.set(code, reason);
      else rejects.delete(code);
    },
    push: async (_ref, fields) => {
      const recordId = fields[profile.fields.recordId] ?? '';
      if (outage > 0) {
        outage -= 1;
        received.push({ recordId, fields, answer: 'down' });
        return { outcome: 'retry', reason: 'HTTP 503' };
      }
      const known = receipts.get(recordId);
      if (known) {
        received.push({ recordId, fields, answer: 'duplicate' });
        return { outcome: 'acknowledged', ackId: known, duplicate: true };
      }
      const problems = checkRecord(profile, fields);
      const r = rejects.get(fields[profile.fields.itemCode] ?? '');
      if (r) problems.push(r);
      if (problems.length) {
        received.push({ recordId, fields, answer: 'rejected' });
        return { outcome: 'rejected', reason: problems.join('；') };
      }
      const ackId = `M${receipts.size + 1}`;
      receipts.set(recordId, ackId);
      received.push({ recordId, fields, answer: 'acknowledged' });
      return { outcome: 'acknowledged', ackId, duplicate: false };
    },
    count: async () => receipts.size,
  };
};
