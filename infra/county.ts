import { Tags, type App } from 'aws-cdk-lib';
import type { CountyConfig } from './config/county-config.ts';
import { DataStack } from './stacks/data-stack.ts';
import { AppStack, type AppStackProps } from './stacks/app-stack.ts';

/** A county's stack set: what it keeps (Data) and what it runs (App). */
export const buildCounty = (app: App, county: CountyConfig, overrides: Pick<AppStackProps, 'routes' | 'queues' | 'schedules'> = {}) => {
  const env = { region: county.region, ...(county.account ? { account: county.account } : {}) };
  const data = new DataStack(app, `Bianmin-${county.code}-Data`, {
    env,
    county,
    description: `便民 ${county.name} (${county.code}): tables, keys, queues, topic`,
  });
  const appStack = new AppStack(app, `Bianmin-${county.code}-App`, {
    env,
    county,
    data,
    description: `便民 ${county.name} (${county.code}): API, functions, schedules, web front`,
    ...overrides,
  });
  for (const s of [data, appStack]) Tags.of(s).add('county', county.code);
  return { data, appStack };
};
