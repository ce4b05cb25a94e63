import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../../local/modules.ts';

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });

/** 安全审计: no code path updates or deletes an audit event. */
describe('audit events are append-only', () => {
  it('no source file updates or deletes anything in the audit table', () => {
    const offenders = [...files(join(ROOT, 'shared')), ...files(join(ROOT, 'functions'))].filter((f) => {
      const src = readFileSync(f, 'utf8');
      const touchesAudit = /tableName\('audit'\)|TABLE_AUDIT|auditKeys/.test(src);
      return touchesAudit && /UpdateCommand|DeleteCommand|BatchWriteCommand|ExecuteStatement|PartiQL|Delete:\s*\{|Update:\s*\{/.test(src);
    });
    expect(offenders).toEqual([]);
  });

  it('the audit writer only puts new items, never overwriting one', () => {
    const src = readFileSync(join(ROOT, 'shared/audit/dynamo-audit.ts'), 'utf8');
    expect(src).toContain("ConditionExpression: 'attribute_not_exists(pk)'");
    expect(src).not.toMatch(/UpdateCommand|DeleteCommand/);
  });
});
