import { bjMonth } from '../shared/platform/beijing-time.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { verifyMonth } from '../shared/audit/archive.ts';
import { archivePorts } from '../shared/audit/archive-wiring.ts';

/**
 * npm run audit:verify -- --month 2026-11 [--bucket <archive bucket>] [--table <audit table>] [--local]
 * Compares a month of the audit table with its locked copy (S3 Object Lock): events changed in the
 * table after they were written, missing from the copy, or gone from the table. Exits 1 on any.
 * In AWS: the county account's credentials; bucket and table names from the Data stack's outputs
 * (AuditArchiveBucket, and bianmin-<code>-audit). --local: against the running `npm start`.
 */
const { values } = parseArgs({
  options: { month: { type: 'string' }, bucket: { type: 'string' }, table: { type: 'string' }, local: { type: 'boolean', default: false } },
});
const month = values.month ?? bjMonth(new Date());
if (!/^\d{4}-\d{2}$/.test(month)) {
  console.error('--month 须为 YYYY-MM');
  process.exit(2);
}
if (values.local) {
  const { env } = JSON.parse(readFileSync(join(import.meta.dirname, '..', '.data', 'runtime.json'), 'utf8')) as { env: Record<string, string> };
  Object.assign(process.env, env);
}
if (values.table) process.env.TABLE_AUDIT = values.table;
if (values.bucket) process.env.BUCKET_AUDIT_ARCHIVE = values.bucket;

const r = await verifyMonth(archivePorts(), month);
console.table([{ 月份: r.month, 核对事件: r.checked, 副本缺失: r.missing.length, 被改动: r.altered.length, 表中已无: r.removed.length }]);
for (const k of r.altered) console.log(`被改动（表中事件与锁定副本不一致）: ${k}`);
for (const k of r.missing) console.log(`副本缺失: ${k}`);
for (const k of r.removed) console.log(`表中已无: ${k}`);
process.exit(r.altered.length || r.missing.length || r.removed.length ? 1 : 0);
