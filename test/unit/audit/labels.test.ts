import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_LABELS, actionLabel, auditSentence, detailLabel, targetLabel } from '../../../shared/audit/labels.ts';
import { actorLabel } from '../../../shared/audit/audit.ts';
import { CASE_ACTIONS } from '../../../shared/cases/transitions.ts';
import { EVENT_OF } from '../../../shared/cases/intake.ts';
import { CHANNELS } from '../../../shared/ratings/model.ts';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const ROOTS = ['shared', 'functions', 'local', 'scripts'];
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });

/**
 * Every action code any source writes: literals in an `action:` field or as the action argument of
 * an audit helper (caseAudit(p, 'case.x', …)), and the templates' expansions (`case.${action}` …).
 */
const writtenCodes = (): Map<string, string> => {
  const found = new Map<string, string>();
  const literal = /(?:\baction:\s*|[aA]udit(?:Of)?\(\s*(?:\w+,\s*)?|\bsave\([^;]*?\],\s*)'([a-z][\w-]*\.[\w.-]+)'/g;
  for (const file of ROOTS.flatMap(sources)) {
    if (file.startsWith('shared/audit/labels.ts')) continue;
    for (const m of readFileSync(file, 'utf8').matchAll(literal)) found.set(m[1]!, file);
  }
  const lifecycle = Object.keys(CASE_ACTIONS).filter((a) => !['forward', 'receive', 'return', 'assign', 'taskReceive', 'taskAnswer', 'handBack'].includes(a));
  for (const a of lifecycle) found.set(`case.${a}`, 'shared/cases/lifecycle.ts');
  for (const s of Object.keys(EVENT_OF)) found.set(`case.intake.${s}`, 'shared/cases/intake.ts');
  for (const c of CHANNELS) found.set(`rating.${c}`, 'shared/ratings/rate.ts');
  return found;
};

describe('audit labels', () => {
  it('every action code written anywhere has a Chinese label', () => {
    const codes = writtenCodes();
    // the walk finds the codes it should (a broken pattern would find none and pass)
    expect(codes.size).toBeGreaterThan(40);
    for (const code of [
      'alert.ack',
      'dashboard.export',
      'commission.take-in',
      'case.receive',
      'data.migrate',
      'auth.login.password',
      'rating.callback',
      'rating.public',
    ])
      expect(codes.has(code), code).toBe(true);
    const missing = [...codes].filter(([c]) => !Object.hasOwn(ACTION_LABELS, c)).map(([c, f]) => `${c} (${f})`);
    expect(missing).toEqual([]);
    for (const label of Object.values(ACTION_LABELS)) expect(label).toMatch(/^[\u4e00-\u9fff（），]+$/);
  });

  it('names actions in Chinese; 转报 is 转报; an unknown code never shows as a code', () => {
    expect(actionLabel('auth.login')).toBe('登录');
    expect(actionLabel('case.deliver')).toBe('送达');
    expect(actionLabel('case.intake.accepted')).toBe('受理');
    expect(actionLabel('case.forward')).toBe('转报');
    expect(actionLabel('commission.take-in')).toBe('接收代办件');
    expect(actionLabel('something.new')).toBe('其他操作');
  });

  it('shows a case by its 受理编号 and never an internal id', () => {
    const id = '0b7a4a3e-8a51-4a37-9d0e-2f1f5d7c9e11';
    expect(targetLabel({ target: { type: 'case', id }, detail: '411521-20261123-0007' })).toBe('办件 411521-20261123-0007');
    // 转报 and 确认预警 write the number with more after it
    expect(targetLabel({ target: { type: 'case', id }, detail: '411521-20261123-0007 → 411521-lingshan' })).toBe('办件 411521-20261123-0007');
    expect(targetLabel({ target: { type: 'case', id }, detail: '411521-20261123-0007 红牌' })).toBe('办件 411521-20261123-0007');
    expect(targetLabel({ target: { type: 'case', id } })).toBe('办件');
    expect(targetLabel({ target: { type: 'commission', id }, detail: 'DB-411521-20261123-0001' })).toBe('代办单 DB-411521-20261123-0001');
    expect(targetLabel({ target: { type: 'table', id: 'catalog' } })).toBe('数据表 事项目录');
    expect(targetLabel({ target: { type: 'calendar', id: '2026' } })).toBe('2026 年工作日历');
    expect(targetLabel({ target: { type: 'user', id } })).toBe('人员');
    expect(targetLabel({ target: { type: 'mystery', id } })).toBe('对象');
    expect(targetLabel({})).toBe('');
  });

  it('reads the 说明 in Chinese with offices by name', () => {
    const names = new Map([['411521-lingshan', '灵山镇']]);
    expect(detailLabel({ action: 'auth.login', detail: 'wrong password' })).toBe('密码错误');
    const forward = { action: 'case.forward', target: { type: 'case', id: 'x' }, detail: '411521-20261123-0007 → 411521-lingshan' } as const;
    expect(detailLabel(forward, names)).toBe('至 灵山镇');
    expect(detailLabel({ action: 'dashboard.export', detail: '2026-01~2026-11 411521-lingshan' }, names)).toBe('2026-01~2026-11 灵山镇');
    expect(detailLabel({ action: 'audit.export', detail: '12 rows' })).toBe('共 12 条');
    expect(detailLabel({ action: 'case.task', detail: `x → ${'0b7a4a3e-8a51-4a37-9d0e-2f1f5d7c9e11'}` })).not.toMatch(UUID);
  });

  it('reads an event as one sentence: who, what, which, how it ended', () => {
    expect(
      auditSentence({ actorName: '李灵山', action: 'case.forward', target: { type: 'case', id: 'x' }, detail: '411521-20261123-0007', result: 'success' }),
    ).toBe('李灵山转报：办件 411521-20261123-0007。');
    expect(auditSentence({ actorName: '（未登录）wang', action: 'auth.login', detail: 'unknown user', result: 'failure' })).toBe(
      '（未登录）wang尝试登录（账号不存在），未成功。',
    );
  });

  it('shows staff by name: the actor and a user target (the login name stays in the export’s extra column)', () => {
    expect(actorLabel({ userId: 'u1', username: 'clerk.lingshan', officeId: 'o', displayName: '李灵山' })).toBe('李灵山');
    // events written before names were kept show the login name rather than nothing
    expect(actorLabel({ userId: 'u1', username: 'clerk.lingshan', officeId: 'o' })).toBe('clerk.lingshan');
    expect(actorLabel({ anonymous: 'wang' })).toBe('（未登录）wang');
    expect(targetLabel({ target: { type: 'user', id: '0b7a4a3e-8a51-4a37-9d0e-2f1f5d7c9e11', label: '李灵山' } })).toBe('人员 李灵山');
  });
});
