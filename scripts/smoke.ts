/**
 * `npm run smoke -- --url <api base>`: checks a deployed county (or `npm start`) without changing
 * its data — health, public item search, due date, a wrong password refused, a missing token
 * refused — prints a table, and exits 1 on any failure.
 *   npm run smoke -- --url https://<api-id>.execute-api.cn-north-1.amazonaws.com.cn/prod
 *   npm run smoke -- --url http://localhost:3000
 */
import { parseArgs } from 'node:util';
import { runSmoke } from './lib/smoke-checks.ts';
import { formatTable } from './lib/table.ts';

const { values } = parseArgs({ options: { url: { type: 'string' }, timeout: { type: 'string', default: '15' } } });
if (!values.url || !/^https?:\/\//.test(values.url)) {
  console.error('用法：npm run smoke -- --url <API 地址，如 https://<id>.execute-api.cn-north-1.amazonaws.com.cn/prod 或 http://localhost:3000>');
  process.exit(2);
}
const results = await runSmoke(values.url, Number(values.timeout) * 1000);
console.log(`冒烟检查 ${values.url}\n`);
console.log(
  formatTable(
    ['检查', '结果', 'HTTP', '用时', '说明'],
    results.map((r) => [r.check, r.ok ? '通过' : '失败', String(r.status ?? '-'), `${r.ms} ms`, r.detail]),
  ),
);
const failed = results.filter((r) => !r.ok).length;
console.log(failed ? `\n${failed} 项失败` : `\n全部 ${results.length} 项通过`);
process.exit(failed ? 1 : 0);
