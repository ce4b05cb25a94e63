import { describe, expect, it } from 'vitest';
import { ackAlert, listAlerts, unreadAlerts } from '../../../shared/supervision/inbox.ts';
import { DEFAULT_ROLE_SCOPES } from '../../../shared/platform/scopes.ts';
import { at, county, HEAD, META, SUPERVISOR } from './fixtures.ts';
import { principal } from '../cases/fixtures.ts';

const OTHER_HEAD = principal({
  userId: 'u-h2',
  username: 'head.dongpu',
  officeId: '411521-dongpu',
  roles: ['center_head'],
  scopes: [...DEFAULT_ROLE_SCOPES.center_head],
});
const CLERK_ONLY = principal();

const withAlerts = async () => {
  const c = county();
  await c.accept();
  await c.accept();
  c.setNow(at('2026-11-06'));
  await c.scan();
  c.setNow(at('2026-11-11'));
  await c.scan();
  return { c, ports: { store: c.store, clock: c.now } };
};

describe('alert inbox', () => {
  it('supervisors read the county, a center head the alerts of the office that owns the case', async () => {
    const { ports } = await withAlerts();
    const sup = await listAlerts(ports, SUPERVISOR, { limit: 50 });
    expect(sup.alerts).toHaveLength(4);
    expect(sup.alerts[0]).toEqual(
      expect.objectContaining({
        card: 'red',
        state: 'unread',
        officeId: '411521-lingshan',
        caseNumber: expect.any(String),
        reason: expect.any(String),
        at: expect.any(String),
      }),
    );
    expect((await listAlerts(ports, HEAD, { limit: 50 })).alerts).toHaveLength(4);
    expect((await listAlerts(ports, OTHER_HEAD, { limit: 50 })).alerts).toEqual([]);
    expect((await listAlerts(ports, SUPERVISOR, { limit: 50, card: 'yellow' })).alerts.map((a) => a.card)).toEqual(['yellow', 'yellow']);
    expect((await listAlerts(ports, SUPERVISOR, { limit: 50, officeId: '411521-dongpu' })).alerts).toEqual([]);
    await expect(listAlerts(ports, CLERK_ONLY, { limit: 50 })).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('pages with a cursor, newest first', async () => {
    const { ports } = await withAlerts();
    const first = await listAlerts(ports, SUPERVISOR, { limit: 3 });
    expect(first.alerts).toHaveLength(3);
    const second = await listAlerts(ports, SUPERVISOR, { limit: 3, cursor: first.next! });
    expect(second.alerts).toHaveLength(1);
    expect(second.next).toBeUndefined();
  });

  it('each side acknowledges for itself; the unread counts follow; 确认 is audited and idempotent', async () => {
    const { c, ports } = await withAlerts();
    expect(await unreadAlerts(ports, SUPERVISOR)).toEqual({ unread: 4, cap: 100 });
    const [first] = (await listAlerts(ports, HEAD, { limit: 1 })).alerts;
    const acked = await ackAlert(ports, HEAD, { id: first!.id }, META);
    expect(acked.alert.state).toBe('acked');
    await ackAlert(ports, HEAD, { id: first!.id }, META);
    expect(await unreadAlerts(ports, HEAD)).toEqual({ unread: 3, cap: 100 });
    expect(await unreadAlerts(ports, SUPERVISOR)).toEqual({ unread: 4, cap: 100 });
    expect((await listAlerts(ports, SUPERVISOR, { limit: 50, state: 'unread' })).alerts).toHaveLength(4);
    expect((await listAlerts(ports, HEAD, { limit: 50, state: 'acked' })).alerts.map((a) => a.id)).toEqual([first!.id]);
    expect(c.store.audits.map((a) => [a.action, a.actor])).toEqual([['alert.ack', expect.objectContaining({ username: 'head.lingshan' })]]);
  });

  it('another office’s alert is not found, not forbidden', async () => {
    const { ports } = await withAlerts();
    const [a] = (await listAlerts(ports, SUPERVISOR, { limit: 1 })).alerts;
    await expect(ackAlert(ports, OTHER_HEAD, { id: a!.id }, META)).rejects.toMatchObject({ kind: 'not-found' });
    await expect(ackAlert(ports, SUPERVISOR, { id: 'x'.repeat(22) }, META)).rejects.toMatchObject({ kind: 'not-found' });
  });
});
