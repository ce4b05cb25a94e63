import { describe, expect, it } from 'vitest';
import { synthCounty, variantCounty } from './support.ts';
import { loadCountyConfig } from '../../infra/config/county-config.ts';
import { functionEnvironment, type FunctionResources } from '../../infra/config/function-env.ts';
import { stackResources } from '../../infra/stacks/app-stack.ts';
import { parseRuntimeConfig } from '../../shared/platform/runtime-config.ts';
import { ROUTES } from '../../shared/platform/routes.ts';
import { OPS_USES, STREAM_USES } from '../../shared/platform/functions.ts';
import { QUEUES } from '../../shared/platform/queues.ts';
import { SCHEDULES } from '../../shared/platform/schedules.ts';

/**
 * One derivation of the functions' environment (infra/config/function-env.ts): the stack sets
 * exactly what it yields on every function, and the runtime config reads back every setting.
 */
const functionsOf = (t: ReturnType<typeof synthCounty>['appT']) =>
  Object.values(t.findResources('AWS::Lambda::Function')).filter((f) => String(f.Properties.Runtime).startsWith('nodejs22'));

/** The stack's environment as CloudFormation sees it (cross-stack tokens become imports). */
const synthesizedEnv = (s: ReturnType<typeof synthCounty>) =>
  s.appStack.resolve(functionEnvironment(s.county, stackResources(s.data))) as Record<string, unknown>;

const local: FunctionResources = {
  tables: { catalog: 'l-catalog', cases: 'l-cases', ratings: 'l-ratings', directory: 'l-directory', audit: 'l-audit', hall: 'l-hall' },
  queues: {
    delegation: 'http://127.0.0.1:1/q/l-delegation',
    alerts: 'http://127.0.0.1:1/q/l-alerts',
    notices: 'http://127.0.0.1:1/q/l-notices',
    archive: 'http://127.0.0.1:1/q/l-archive',
    exchange: 'http://127.0.0.1:1/q/l-exchange',
  },
  topics: { supervision: 'arn:aws:sns:cn-north-1:000000000000:l-supervision' },
  buckets: { feed: 'l-feed', materials: 'l-materials', archive: 'l-archive' },
  keys: { devFiles: { data: '/tmp/d.json', jwt: '/tmp/j.json' } },
};

describe.each(['411521', '640502'])('county %s', (code) => {
  const s = synthCounty(code);

  it('gives every function exactly the environment the one derivation yields', () => {
    const fns = functionsOf(s.appT);
    expect(fns).toHaveLength(
      new Set(ROUTES.map((r) => r.fn)).size +
        QUEUES.filter((q) => !q.host).length +
        SCHEDULES.length +
        Object.keys(STREAM_USES).length +
        Object.keys(OPS_USES).length +
        2,
    ); // + the authorizer and the data-migrations function
    const expected = synthesizedEnv(s);
    expect(expected.TOTP_FOR_ALL).toBe(String(s.county.totpForAll));
    // a reference to the Data stack (weak references: Fn::GetStackOutput)
    expect(JSON.stringify(expected.TABLE_CASES)).toContain(`Bianmin-${code}-Data`);
    for (const f of fns) expect(f.Properties.Environment.Variables).toEqual(expected);
  });

  it('is read back by the runtime config, setting for setting', () => {
    const cfg = parseRuntimeConfig(functionEnvironment(loadCountyConfig(code), local));
    expect(cfg).toMatchObject({
      countyCode: code,
      serviceName: `bianmin-${code}`,
      auditRetentionDays: s.county.auditRetentionDays,
      yellowCardWorkdays: s.county.thresholds.yellowCardWorkdays,
      totpForAll: s.county.totpForAll,
      roleScopes: s.county.roleScopes ?? {},
      tables: local.tables,
      queues: local.queues,
      topics: local.topics,
      buckets: local.buckets,
      ratings: s.county.ratings,
      devKeyFiles: { data: '/tmp/d.json', jwt: '/tmp/j.json' },
    });
    expect(cfg.kmsKeys).toEqual({ data: undefined, jwt: undefined, lookup: undefined });
  });
});

describe('a county setting', () => {
  // TOTP for all, a yellow card at 3 working days, other rating deadlines and role scopes (support.ts)
  const county = variantCounty();

  it('reaches every deployed function as it reaches the local ones', () => {
    const s = synthCounty(county);
    const vars = functionsOf(s.appT).map((f) => f.Properties.Environment.Variables as Record<string, unknown>);
    const expected = synthesizedEnv(s);
    for (const v of vars) expect(v).toEqual(expected);
    expect(vars[0]).toMatchObject({
      TOTP_FOR_ALL: 'true',
      YELLOW_CARD_WORKDAYS: '3',
      RATING_CALLBACK_WORKDAYS: '2',
      RATING_RECTIFY_WORKDAYS: '10',
      ROLE_SCOPES_JSON: '{"supervisor":["session","case.read"]}',
    });
    expect(parseRuntimeConfig(functionEnvironment(county, local))).toMatchObject({
      totpForAll: true,
      yellowCardWorkdays: 3,
      ratings: { callbackWorkdays: 2, rectifyWorkdays: 10 },
      roleScopes: { supervisor: ['session', 'case.read'] },
    });
  });
});

describe('runtime config', () => {
  const env = functionEnvironment(loadCountyConfig('411521'), local);

  it('names the variable that is malformed', () => {
    expect(() => parseRuntimeConfig({ ...env, TOTP_FOR_ALL: 'yes' })).toThrow(/TOTP_FOR_ALL: expected "true" or "false"/);
    expect(() => parseRuntimeConfig({ ...env, ROLE_SCOPES_JSON: '{"supervisor":["case.fly"]}' })).toThrow(/ROLE_SCOPES_JSON/);
    expect(() => parseRuntimeConfig({ ...env, ROLE_SCOPES_JSON: '{' })).toThrow(/ROLE_SCOPES_JSON: expected JSON/);
    expect(() => parseRuntimeConfig({ ...env, AUDIT_RETENTION_DAYS: 'forever' })).toThrow(/AUDIT_RETENTION_DAYS: expected a whole number/);
    expect(() => parseRuntimeConfig({ ...env, COUNTY_CODE: '4115' })).toThrow(/COUNTY_CODE/);
  });

  it('names the variable that is missing where it is needed', async () => {
    const { tableName, countyCode } = await import('../../shared/platform/env.ts');
    const { resetRuntimeConfig } = await import('../../shared/platform/runtime-config.ts');
    const saved = { TABLE_CASES: process.env.TABLE_CASES, COUNTY_CODE: process.env.COUNTY_CODE };
    delete process.env.TABLE_CASES;
    delete process.env.COUNTY_CODE;
    resetRuntimeConfig();
    try {
      expect(() => tableName('cases')).toThrow('environment variable TABLE_CASES is not set');
      expect(() => countyCode()).toThrow('environment variable COUNTY_CODE is not set');
    } finally {
      for (const [k, v] of Object.entries(saved)) if (v !== undefined) process.env[k] = v;
      resetRuntimeConfig();
    }
  });
});
