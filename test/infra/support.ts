import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildCounty } from '../../infra/county.ts';
import { applyNag, suppressStackWide } from '../../infra/nag.ts';
import { loadCountyConfig, parseCountyConfig, type CountyConfig } from '../../infra/config/county-config.ts';
import { ROOT } from '../../local/modules.ts';
import { ROUTES } from '../../shared/platform/routes.ts';

/** The context of cdk.json (feature flags): tests synthesize what the CLI synthesizes. */
export const cdkContext = (): Record<string, unknown> =>
  (JSON.parse(readFileSync(join(ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;

/**
 * Synthesizes a county (a code of infra/counties/, or a config object) with bundling skipped
 * (~15× faster), cdk-nag on, with cdk.json's context, as `cdk synth` does.
 */
export const synthCounty = (codeOrConfig: string | CountyConfig, overrides: Partial<CountyConfig> = {}) => {
  // the same county and settings synthesize the same stacks: do it once per run (the infra project
  // shares one module graph across files), as synthesis with cdk-nag is most of the layer's time
  const key = JSON.stringify([codeOrConfig, overrides]);
  const hit = synthesized.get(key);
  if (hit) return hit;
  const result = synthUncached(codeOrConfig, overrides);
  synthesized.set(key, result);
  return result;
};

const synthesized = new Map<string, ReturnType<typeof synthUncached>>();

const synthUncached = (codeOrConfig: string | CountyConfig, overrides: Partial<CountyConfig>) => {
  const app = new App({ context: { ...cdkContext(), 'aws:cdk:bundling-stacks': [] } });
  const county = { ...(typeof codeOrConfig === 'string' ? loadCountyConfig(codeOrConfig) : codeOrConfig), ...overrides };
  const { data, appStack } = buildCounty(app, county);
  for (const s of [data, appStack]) suppressStackWide(s, county.region.startsWith('cn-'));
  applyNag(app);
  app.synth();
  return { county, data, appStack, dataT: Template.fromStack(data), appT: Template.fromStack(appStack), apiT: Template.fromStack(appStack.apiStack) };
};

export const nagErrors = (stack: Stack): string[] =>
  stack.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === 'aws:cdk:error').map((m) => `${c.node.path}: ${String(m.data)}`));

export const missingHandlers = (): string[] => ROUTES.map((r) => join(ROOT, 'functions/http', `${r.name}.ts`)).filter((f) => !existsSync(f));

/** The name of the cases table restored from point-in-time recovery in the variant county. */
export const RESTORED_CASES = 'bianmin-411521-cases-r202611200800';

/**
 * 411521 with every setting the infra tests try away from its file at once: county-wide TOTP,
 * other thresholds, rating deadlines and role scopes (function-env), a restored cases table and a
 * second signing-key generation (operations). One synthesis serves them all: each is checked on its
 * own resources, and a synthesis is most of the layer's time.
 */
export const variantCounty = (): CountyConfig => {
  const base = JSON.parse(readFileSync(join(ROOT, 'infra/counties/411521.json'), 'utf8')) as CountyConfig;
  return parseCountyConfig({
    ...base,
    totpForAll: true,
    thresholds: { ...base.thresholds, yellowCardWorkdays: 3 },
    ratings: { callbackWorkdays: 2, rectifyWorkdays: 10 },
    roleScopes: { supervisor: ['session', 'case.read'] },
    restoredTables: { cases: RESTORED_CASES },
    signingKeyGeneration: 2,
  });
};
