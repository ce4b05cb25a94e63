import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { writeAudit } from '../../../shared/audit/dynamo-audit.ts';
import { dynamoAuditReader } from '../../../shared/audit/dynamo-audit-reader.ts';
import { browseAudit } from '../../../shared/audit/browse.ts';
import type { AuditInput } from '../../../shared/audit/audit.ts';
import type { Principal } from '../../../shared/identity/principal.ts';

/** The audit reader on DynamoDB Local: A1 month partitions with filters, A2 by actor, A3 by target. */
describe('audit reader on DynamoDB Local', () => {
  let stack: TestStack;
  const clerk = { userId: 'u-clerk', username: 'clerk.lingshan', officeId: '411521-lingshan' };
  const ev = (over: Partial<AuditInput>): AuditInput => ({
    actor: clerk,
    action: 'case.start',
    target: { type: 'case', id: 'c1' },
    result: 'success',
    sourceIp: '10.0.0.1',
    userAgent: 'ua',
    ...over,
  });
  const supervisor = {
    userId: 'u-sup',
    username: 'supervisor',
    displayName: '监察',
    officeId: '411521-center',
    roles: ['supervisor'],
    scopes: ['session', 'audit.read'],
    sessionId: 's',
  } as Principal;

  beforeAll(async () => {
    stack = await startTestStack();
    const events: Array<[AuditInput, string]> = [
      [ev({ action: 'case.intake.accepted' }), '2026-10-31T23:00:00.000Z'],
      [ev({ action: 'case.start' }), '2026-11-01T01:00:00.000Z'],
      [ev({ action: 'case.decide', result: 'failure' }), '2026-11-02T23:59:59.999Z'],
      [ev({ action: 'user.create', target: { type: 'user', id: 'u9' } }), '2026-11-03T00:00:00.000Z'],
      [
        ev({
          actor: { userId: 'u-li', username: 'li.lingshan', officeId: '411521-lingshan', displayName: '李灵山' },
          action: 'case.deliver',
          target: { type: 'case', id: 'c2' },
        }),
        '2026-11-04T00:00:00.000Z',
      ],
      [ev({ actor: { anonymous: 'wang' }, action: 'auth.login', target: undefined, result: 'failure' }), '2026-11-02T08:00:00.000Z'],
    ];
    for (const [input, at] of events) await writeAudit(input, new Date(at));
  });
  afterAll(() => stack.stop());

  it('reads a month partition newest first, within the range, with filters', async () => {
    const r = dynamoAuditReader();
    const range = { from: '2026-11-01', to: '2026-11-02T23:59:59.999Z' };
    expect((await r.month('2026-11', range, {}, 100)).events.map((e) => e.action)).toEqual(['case.decide', 'auth.login', 'case.start']);
    expect((await r.month('2026-11', range, { result: 'failure' }, 100)).events.map((e) => e.action)).toEqual(['case.decide', 'auth.login']);
    expect((await r.month('2026-11', range, { actor: 'wang' }, 100)).events.map((e) => e.action)).toEqual(['auth.login']);
    // the 操作人 filter takes the name people know as well as the login name
    const november = { from: '2026-11-01', to: '2026-11-30T23:59:59.999Z' };
    expect((await r.month('2026-11', november, { actor: '李灵山' }, 100)).events.map((e) => e.action)).toEqual(['case.deliver']);
    expect((await r.month('2026-11', { from: '2026-11-01', to: '2026-11-30T23:59:59.999Z' }, { action: 'user.', target: 'u9' }, 100)).events).toHaveLength(1);
    const one = await r.month('2026-11', range, {}, 1);
    expect(one).toMatchObject({ more: true, events: [{ action: 'case.decide' }] });
    // what the browse shows: no key or index attributes
    expect(Object.keys(one.events[0]!).sort()).toEqual(['action', 'actor', 'at', 'id', 'result', 'sourceIp', 'target', 'userAgent']);
  });

  it('reads by target and by actor', async () => {
    const r = dynamoAuditReader();
    expect((await r.byTarget({ type: 'case', id: 'c1' }, 10)).events.map((e) => e.action)).toEqual(['case.decide', 'case.start', 'case.intake.accepted']);
    expect((await r.byActor('anon:wang', 10)).events.map((e) => e.action)).toEqual(['auth.login']);
    expect(await r.byActor('u-clerk', 2)).toMatchObject({ more: true, events: [{ action: 'user.create' }, { action: 'case.decide' }] });
  });

  it('the browse use case spans month partitions', async () => {
    const r = await browseAudit({ reader: dynamoAuditReader(), clock: () => new Date('2026-11-20T00:00:00Z') }, supervisor, {
      from: '2026-10-31',
      to: '2026-11-01',
      actor: 'clerk.lingshan',
    });
    expect(r).toMatchObject({ truncated: false, events: [{ action: 'case.start' }, { action: 'case.intake.accepted' }] });
  });
});
