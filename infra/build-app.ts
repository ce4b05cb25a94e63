import { Tags, type App } from 'aws-cdk-lib';
import { applyNag, suppressStackWide } from './nag.ts';
import { buildCounty } from './county.ts';
import { loadCountyConfig } from './config/county-config.ts';

/**
 * Every county's stack set in one CDK app, with cdk-nag and the project tag: what `cdk synth`
 * builds (infra/app.ts), and what `npm run lint:cfn` synthesizes in process.
 */
export const buildApp = (app: App, codes: readonly string[]): void => {
  for (const code of codes) {
    const county = loadCountyConfig(code);
    const { data, appStack } = buildCounty(app, county);
    for (const s of [data, appStack]) suppressStackWide(s, county.region.startsWith('cn-'));
  }
  applyNag(app);
  Tags.of(app).add('project', 'bianmin');
};
