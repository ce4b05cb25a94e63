#!/usr/bin/env node
/**
 * The CDK app: `npx cdk synth -c county=<code>` (or `-c county=all`). One stack set per county,
 * built from infra/counties/<code>.json. Offline: no lookups, no context queries.
 */
import { App, Tags } from 'aws-cdk-lib';
import { applyNag, suppressStackWide } from './nag.ts';
import { buildCounty } from './county.ts';
import { listCountyCodes, loadCountyConfig } from './config/county-config.ts';

const app = new App();
const wanted = String(app.node.tryGetContext('county') ?? '');
if (!wanted) {
  console.error(`请指定县区：npx cdk synth -c county=<代码>，可选：${listCountyCodes().join(', ')} 或 all`);
  process.exit(2);
}
const codes = wanted === 'all' ? listCountyCodes() : [wanted];
for (const code of codes) {
  const county = loadCountyConfig(code);
  const { data, appStack } = buildCounty(app, county);
  for (const s of [data, appStack]) suppressStackWide(s, county.region.startsWith('cn-'));
}
applyNag(app);
Tags.of(app).add('project', 'bianmin');
