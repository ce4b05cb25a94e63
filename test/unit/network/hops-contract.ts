import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { hopMessage, type HopMessage, type HopSender } from '../../../shared/network/messages.ts';

/**
 * The HopSender contract, run on the memory sender (unit) and on SQS against fauxqs (integration):
 * every message sent arrives once, as it was sent, and reads back as a hop message the consumer
 * accepts. `received(n)` takes the `n` messages off the queue (in any order: SQS does not keep it).
 */
export const hopSenderContract = (make: () => { hops: HopSender; received(n: number): Promise<unknown[]> }): void => {
  const base = { sentAt: '2026-12-01T02:00:00.000Z', by: 'clerk.lingshan', byName: '窗口', fromOfficeId: '411521-lingshan', toOfficeId: '411521-mzj' };

  it('every message sent arrives once, as sent, and parses as a hop message', async () => {
    const { hops, received } = make();
    const sent: HopMessage[] = [
      { type: 'forward', hopId: randomUUID(), caseId: randomUUID(), ...base },
      { type: 'task', hopId: randomUUID(), caseId: randomUUID(), taskId: randomUUID(), ...base },
      { type: 'commission', hopId: randomUUID(), commissionId: randomUUID(), ...base, fromOfficeId: '411521-lingshan-demo1', toOfficeId: '411521-lingshan' },
    ];
    for (const m of sent) await hops.send(m);
    const got = (await received(sent.length)).map((b) => hopMessage.parse(b));
    const byId = (a: HopMessage, b: HopMessage) => a.hopId.localeCompare(b.hopId);
    expect(got.sort(byId)).toEqual([...sent].sort(byId));
  });

  it('the same hop sent again (a resend after a failed request) is a second message with the same id', async () => {
    const { hops, received } = make();
    const m: HopMessage = { type: 'return', hopId: randomUUID(), caseId: randomUUID(), ...base };
    await hops.send(m);
    await hops.send(m);
    expect((await received(2)).map((b) => hopMessage.parse(b).hopId)).toEqual([m.hopId, m.hopId]);
  });
};
