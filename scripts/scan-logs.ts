/**
 * Scans every line written during the test run (captured under .test-logs/ by
 * test/support/capture-logs.ts) for whole ID numbers and mobile numbers. `--clear` empties the
 * folder before a run. Part of `npm test`: personal data must never reach a log.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(process.cwd(), '.test-logs');
if (process.argv.includes('--clear')) {
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}
const ID = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;
const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.log')) : [];
let lines = 0;
const hits: string[] = [];
for (const f of files) {
  for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
    lines++;
    if (ID.test(line) || MOBILE.test(line)) hits.push(`${f}: ${line.slice(0, 200)}`);
  }
}
if (hits.length) {
  console.error(`个人信息出现在日志中 (${hits.length} 行)：\n${hits.slice(0, 20).join('\n')}`);
  process.exit(1);
}
console.log(`log scan: ${lines} lines in ${files.length} files, no ID number or mobile number`);
