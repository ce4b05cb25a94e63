#!/usr/bin/env node
/**
 * The CDK app: `npx cdk synth -c county=<code>` (or `-c county=all`). One stack set per county,
 * built from infra/counties/<code>.json. Offline: no lookups, no context queries.
 */
import { App } from 'aws-cdk-lib';
import { buildApp } from './build-app.ts';
import { listCountyCodes } from './config/county-config.ts';

const app = new App();
const wanted = String(app.node.tryGetContext('county') ?? '');
if (!wanted) {
  console.error(`请指定县区：npx cdk synth -c county=<代码>，可选：${listCountyCodes().join(', ')} 或 all`);
  process.exit(2);
}
buildApp(app, wanted === 'all' ? listCountyCodes() : [wanted]);
