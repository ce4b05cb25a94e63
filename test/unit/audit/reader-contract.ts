import { expect, it } from 'vitest';
import type { AuditInput } from '../../../shared/audit/audit.ts';
import type { AuditReader } from '../../../shared/audit/ports.ts';

/** The reader and a way to put an event at a given instant under it (the adapter: the writer). */
export interface AuditReaderUnderTest {
  reader: AuditReader;
  append(input: AuditInput, at: string): Promise<void>;
}

/**
 * The AuditReader contract: run on the memory fake (unit) and on DynamoDB Local (integration).
 * Each test has a month of its own in the 2090s and ids of its own, so a shared table does not matter.
 */
export const auditReaderContract = (make: () => Promise<AuditReaderUnderTest>): void => {
  const tag = Math.random().toString(36).slice(2, 8);
  const clerk = { userId: `u-clerk-${tag}`, username: `clerk.${tag}`, officeId: '411521-lingshan', displayName: `李${tag}` };
  const ev = (over: Partial<AuditInput> = {}): AuditInput => ({
    actor: clerk,
    action: 'case.start',
    target: { type: 'case', id: `c1-${tag}` },
    result: 'success',
    sourceIp: '10.0.0.1',
    userAgent: 'vitest',
    ...over,
  });
  const seed = async (u: AuditReaderUnderTest, events: Array<[AuditInput, string]>) => {
    for (const [e, at] of events) await u.append(e, at);
  };
  const ats = (s: { events: Array<{ at: string }> }) => s.events.map((e) => e.at);

  it('a month: newest first, both ends of the range included, nothing of the month next door', async () => {
    const u = await make();
    await seed(u, [
      [ev(), '2091-02-28T23:59:59.999Z'],
      [ev(), '2091-03-01T00:00:00.000Z'],
      [ev(), '2091-03-10T08:00:00.000Z'],
      [ev(), '2091-03-05T08:00:00.000Z'],
      [ev(), '2091-03-20T00:00:00.000Z'],
      [ev(), '2091-03-20T00:00:00.001Z'],
      [ev(), '2091-04-01T00:00:00.000Z'],
    ]);
    const all = await u.reader.month('2091-03', { from: '2091-03-01T00:00:00.000Z', to: '2091-03-20T00:00:00.000Z' }, {}, 100);
    expect(ats(all)).toEqual(['2091-03-20T00:00:00.000Z', '2091-03-10T08:00:00.000Z', '2091-03-05T08:00:00.000Z', '2091-03-01T00:00:00.000Z']);
    expect(all.more).toBe(false);
  });

  it('two events of one instant are both there', async () => {
    const u = await make();
    await seed(u, [
      [ev({ action: 'case.start' }), '2091-05-01T01:00:00.000Z'],
      [ev({ action: 'case.decide' }), '2091-05-01T01:00:00.000Z'],
    ]);
    const r = await u.reader.month('2091-05', { from: '2091-05-01T00:00:00.000Z', to: '2091-05-31T23:59:59.999Z' }, {}, 10);
    expect(r.events.map((e) => e.action).sort()).toEqual(['case.decide', 'case.start']);
  });

  it('filters: the actor by login name, by name or by anonymous label; the action by prefix; the target id; the result', async () => {
    const u = await make();
    await seed(u, [
      [ev({ action: 'case.intake.accepted' }), '2091-06-01T01:00:00.000Z'],
      [ev({ action: 'case.decide', result: 'failure' }), '2091-06-02T01:00:00.000Z'],
      [ev({ action: 'user.create', target: { type: 'user', id: `c1-${tag}` } }), '2091-06-03T01:00:00.000Z'],
      [ev({ action: 'case.deliver', target: { type: 'case', id: `c2-${tag}` } }), '2091-06-04T01:00:00.000Z'],
      [ev({ actor: { anonymous: `wang${tag}` }, action: 'auth.login', result: 'failure' }), '2091-06-05T01:00:00.000Z'],
    ]);
    const r = (f: Parameters<AuditReader['month']>[2]) =>
      u.reader.month('2091-06', { from: '2091-06-01T00:00:00.000Z', to: '2091-06-30T23:59:59.999Z' }, f, 10).then((s) => s.events.map((e) => e.action));
    expect(await r({ actor: clerk.username })).toEqual(['case.deliver', 'user.create', 'case.decide', 'case.intake.accepted']);
    expect(await r({ actor: clerk.displayName })).toEqual(['case.deliver', 'user.create', 'case.decide', 'case.intake.accepted']);
    expect(await r({ actor: `wang${tag}` })).toEqual(['auth.login']);
    expect(await r({ action: 'case.' })).toEqual(['case.deliver', 'case.decide', 'case.intake.accepted']);
    expect(await r({ target: `c1-${tag}` })).toEqual(['auth.login', 'user.create', 'case.decide', 'case.intake.accepted']);
    expect(await r({ result: 'failure' })).toEqual(['auth.login', 'case.decide']);
    expect(await r({ action: 'case.', result: 'failure', actor: clerk.username })).toEqual(['case.decide']);
    expect(await r({ actor: 'nobody' })).toEqual([]);
  });

  it('stops at the limit with the newest, and says whether more matched', async () => {
    const u = await make();
    await seed(u, [
      [ev(), '2091-07-01T01:00:00.000Z'],
      [ev({ result: 'failure' }), '2091-07-02T01:00:00.000Z'],
      [ev(), '2091-07-03T01:00:00.000Z'],
      [ev(), '2091-07-04T01:00:00.000Z'],
    ]);
    const range = { from: '2091-07-01T00:00:00.000Z', to: '2091-07-31T00:00:00.000Z' };
    const two = await u.reader.month('2091-07', range, {}, 2);
    expect([ats(two), two.more]).toEqual([['2091-07-04T01:00:00.000Z', '2091-07-03T01:00:00.000Z'], true]);
    const four = await u.reader.month('2091-07', range, {}, 4);
    expect([four.events.length, four.more]).toEqual([4, false]);
    const ok = await u.reader.month('2091-07', range, { result: 'success' }, 3);
    expect([ats(ok), ok.more]).toEqual([['2091-07-04T01:00:00.000Z', '2091-07-03T01:00:00.000Z', '2091-07-01T01:00:00.000Z'], false]);
  });

  it('by target: that type and id only, newest first, across months; by actor: a user id or anon:<label>', async () => {
    const u = await make();
    const id = `t-${tag}`;
    await seed(u, [
      [ev({ target: { type: 'case', id } }), '2091-08-01T01:00:00.000Z'],
      [ev({ target: { type: 'case', id } }), '2091-09-01T01:00:00.000Z'],
      [ev({ target: { type: 'user', id } }), '2091-09-02T01:00:00.000Z'],
      [ev({ actor: { anonymous: `li${tag}` }, target: { type: 'case', id } }), '2091-09-03T01:00:00.000Z'],
    ]);
    const byCase = await u.reader.byTarget({ type: 'case', id }, 10);
    expect(ats(byCase)).toEqual(['2091-09-03T01:00:00.000Z', '2091-09-01T01:00:00.000Z', '2091-08-01T01:00:00.000Z']);
    expect((await u.reader.byTarget({ type: 'case', id }, 2)).more).toBe(true);
    expect(ats(await u.reader.byTarget({ type: 'user', id }, 10))).toEqual(['2091-09-02T01:00:00.000Z']);
    expect(ats(await u.reader.byActor(`anon:li${tag}`, 10))).toEqual(['2091-09-03T01:00:00.000Z']);
    expect((await u.reader.byActor(clerk.userId, 100)).events.filter((e) => e.target?.id === id)).toHaveLength(3);
    expect((await u.reader.byTarget({ type: 'case', id: `none-${tag}` }, 10)).events).toEqual([]);
  });

  it('gives each event back with its id and instant, as written', async () => {
    const u = await make();
    const e = ev({ target: { type: 'case', id: `w-${tag}`, label: '王五的办件' }, detail: '受理' });
    await seed(u, [[e, '2091-10-01T01:00:00.000Z']]);
    const [back] = (await u.reader.byTarget({ type: 'case', id: `w-${tag}` }, 1)).events;
    expect(back).toEqual({ ...e, id: expect.any(String), at: '2091-10-01T01:00:00.000Z' });
  });
};
