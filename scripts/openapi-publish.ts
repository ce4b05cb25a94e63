import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { ROOT } from '../local/modules.ts';
import { generateDocument } from './openapi/generate.ts';
import { checkAgainstPublished } from '../shared/openapi/compat.ts';
import type { OpenApiDocument } from '../shared/openapi/document.ts';

/**
 * `npm run openapi:publish`: writes the OpenAPI document of the code to docs/openapi.json, the
 * contract `GET /api/openapi.json` serves and CI checks changes against. Refuses a change that
 * breaks the published contract unless shared/openapi/version.ts raised the major version.
 */
const PUBLISHED_PATH = join(ROOT, 'docs', 'openapi.json');

const main = async () => {
  const current = await generateDocument();
  if (existsSync(PUBLISHED_PATH)) {
    const published = JSON.parse(readFileSync(PUBLISHED_PATH, 'utf8')) as OpenApiDocument;
    const { breaking, allowed } = checkAgainstPublished(published, current);
    if (!allowed) {
      console.error(`与已发布的 ${published.info.version} 不兼容（${breaking.length} 处），请提高 shared/openapi/version.ts 的主版本号：`);
      for (const b of breaking) console.error(`  ${b}`);
      process.exit(1);
    }
    if (breaking.length) console.log(`不兼容的变更（主版本已提高到 ${current.info.version}）：\n  ${breaking.join('\n  ')}`);
  }
  const options = (await prettier.resolveConfig(PUBLISHED_PATH)) ?? {};
  writeFileSync(PUBLISHED_PATH, await prettier.format(JSON.stringify(current), { ...options, parser: 'json' }));
  console.log(`已发布 docs/openapi.json：${current.info.version}，${Object.keys(current.paths).length} 个路径`);
};

await main();
