import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CountyConfigError, flattenOffices, parseCountyConfig, type CountyConfig } from './county-config.ts';

/**
 * Many counties, one province: before anything is deployed, every config is read and checked
 * together — each alone (the schema) and against the others: one file per code, known regions,
 * no office id or domain used by two counties. All problems are reported at once.
 */
export const KNOWN_REGIONS = [
  'cn-north-1',
  'cn-northwest-1',
  // global regions, for staging
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'eu-west-1',
  'eu-central-1',
  'ap-northeast-1',
  'ap-southeast-1',
  'ap-east-1',
] as const;

export interface CountyFile {
  file: string;
  config: CountyConfig;
}

export const readCountyFiles = (dir: string): { counties: CountyFile[]; problems: string[] } => {
  const counties: CountyFile[] = [];
  const problems: string[] = [];
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith('.json'))
    .sort()) {
    try {
      const config = parseCountyConfig(JSON.parse(readFileSync(join(dir, f), 'utf8')), f);
      if (`${config.code}.json` !== f) problems.push(`${f}：code 为 ${config.code}，与文件名不符`);
      counties.push({ file: f, config });
    } catch (e) {
      problems.push(e instanceof CountyConfigError ? e.message : `${f}：${(e as Error).message}`);
    }
  }
  return { counties, problems };
};

export const checkCountiesTogether = (counties: readonly CountyFile[]): string[] => {
  const problems: string[] = [];
  const firstOf = new Map<string, string>();
  const claim = (kind: string, value: string, file: string) => {
    const seen = firstOf.get(`${kind}:${value}`);
    if (seen) problems.push(`${file}：${kind} ${value} 已用于 ${seen}`);
    else firstOf.set(`${kind}:${value}`, file);
  };
  for (const { file, config } of counties) {
    claim('县区代码', config.code, file);
    if (!(KNOWN_REGIONS as readonly string[]).includes(config.region))
      problems.push(`${file}：区域 ${config.region} 不在已知区域中（${KNOWN_REGIONS.slice(0, 2).join('、')} 或用于预发布的全球区域）`);
    for (const o of flattenOffices(config.offices)) claim('机构编号', o.id, file);
    if (config.domain) claim('域名', config.domain.name, file);
  }
  return problems;
};
