import { describe, expect, it } from 'vitest';
import { actionLabel, targetLabel } from '../../../shared/audit/labels.ts';
import { actorLabel } from '../../../shared/audit/audit.ts';

describe('audit labels', () => {
  it('names actions in Chinese and keeps an unknown code as it is', () => {
    expect(actionLabel('auth.login')).toBe('登录');
    expect(actionLabel('case.deliver')).toBe('送达');
    expect(actionLabel('case.intake.accepted')).toBe('受理');
    expect(actionLabel('something.new')).toBe('something.new');
  });
  it('shows a case by its 受理编号, not its internal id', () => {
    const id = '0b7a4a3e-8a51-4a37-9d0e-2f1f5d7c9e11';
    expect(targetLabel({ target: { type: 'case', id }, detail: '411521-20261123-0007' })).toBe('办件 411521-20261123-0007');
    expect(targetLabel({ target: { type: 'case', id } })).toBe(`办件 ${id}`);
    expect(targetLabel({})).toBe('');
  });
  it('shows staff by name: the actor and a user target (the login name stays in the export’s extra column)', () => {
    expect(actorLabel({ userId: 'u1', username: 'clerk.lingshan', officeId: 'o', displayName: '李灵山' })).toBe('李灵山');
    // events written before names were kept show the login name rather than nothing
    expect(actorLabel({ userId: 'u1', username: 'clerk.lingshan', officeId: 'o' })).toBe('clerk.lingshan');
    expect(actorLabel({ anonymous: 'wang' })).toBe('（未登录）wang');
    expect(targetLabel({ target: { type: 'user', id: '0b7a4a3e-8a51-4a37-9d0e-2f1f5d7c9e11', label: '李灵山' } })).toBe('人员 李灵山');
  });
});
