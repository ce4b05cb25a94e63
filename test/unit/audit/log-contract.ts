import { expect, it } from 'vitest';
import type { AuditInput } from '../../../shared/audit/audit.ts';
import type { AuditLog } from '../../../shared/audit/ports.ts';

/** The log and a way to read back what it stored about one target (the adapter: through A3). */
export interface AuditLogUnderTest {
  log: AuditLog;
  about(target: { type: string; id: string }): Promise<AuditInput[]>;
}

/** The AuditLog (writer) contract: run on the memory fake (unit) and on DynamoDB Local (integration). */
export const auditLogContract = (make: () => Promise<AuditLogUnderTest>): void => {
  const target = () => ({ type: 'case', id: `contract-${Math.random().toString(36).slice(2, 10)}` });
  const input = (t: { type: string; id: string }, over: Partial<AuditInput> = {}): AuditInput => ({
    actor: { userId: 'u-contract', username: 'clerk.contract', officeId: '411521-lingshan', displayName: '契约测试' },
    action: 'case.start',
    target: t,
    result: 'success',
    sourceIp: '10.9.8.7',
    userAgent: 'vitest',
    ...over,
  });
  const shape = (e: AuditInput) => ({
    actor: e.actor,
    action: e.action,
    target: e.target,
    result: e.result,
    sourceIp: e.sourceIp,
    userAgent: e.userAgent,
    detail: e.detail,
  });

  it('stores the event as given: actor, action, target with its label, result, source', async () => {
    const u = await make();
    const t = { ...target(), label: '张三的办件' };
    await u.log.write(input(t, { detail: '材料齐全' }));
    expect((await u.about(t)).map(shape)).toEqual([shape(input(t, { detail: '材料齐全' }))]);
  });

  it('the same input written twice is two events: nothing is overwritten', async () => {
    const u = await make();
    const t = target();
    await Promise.all([u.log.write(input(t)), u.log.write(input(t))]);
    expect(await u.about(t)).toHaveLength(2);
  });

  it('stores the detail with ID numbers and mobile numbers masked, never whole', async () => {
    const u = await make();
    const t = target();
    await u.log.write(input(t, { detail: '申请人 411521199001011234，电话 13912345678' }));
    const [stored] = await u.about(t);
    expect(stored!.detail).not.toContain('411521199001011234');
    expect(stored!.detail).not.toContain('13912345678');
    expect(stored!.detail).toContain('申请人');
  });
};
