import { describe, expect, it } from 'vitest';
import { nagErrors, RESTORED_CASES, synthCounty, variantCounty } from './support.ts';
import { MIGRATIONS } from '../../shared/migrations/registry.ts';
import { TABLES } from '../../shared/platform/tables.ts';

const envs = (t: ReturnType<typeof synthCounty>['appT']) =>
  Object.values(t.findResources('AWS::Lambda::Function'))
    .map((f) => f.Properties.Environment?.Variables as Record<string, unknown> | undefined)
    .filter((v): v is Record<string, unknown> => Boolean(v?.TABLE_CASES));

const RESTORED = RESTORED_CASES;

describe('a table restored from point-in-time recovery (county config restoredTables)', () => {
  const { appStack, data, dataT, appT } = synthCounty(variantCounty());

  it('keeps the stack table as it was (RETAIN, deletion protection, PITR) and creates no table for the restored one', () => {
    const tables = Object.values(dataT.findResources('AWS::DynamoDB::Table'));
    expect(tables).toHaveLength(TABLES.length);
    const old = tables.find((t) => t.Properties.TableName === 'bianmin-411521-cases')!;
    expect(old).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    expect(old.Properties).toMatchObject({ DeletionProtectionEnabled: true, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } });
    expect(JSON.stringify(dataT.toJSON())).not.toContain(RESTORED);
  });

  it('gives every function the restored table, and the other tables unchanged', () => {
    const all = envs(appT);
    expect(all.length).toBeGreaterThan(10);
    for (const env of all) {
      expect(env.TABLE_CASES).toBe(RESTORED);
      expect(JSON.stringify(env.TABLE_CATALOG)).toContain('Tablecatalog'); // still the stack's own, by reference
    }
  });

  it('grants the functions the restored table and its indexes, and no longer the old one', () => {
    const statements = Object.values(appT.findResources('AWS::IAM::Policy')).flatMap(
      (p) => p.Properties.PolicyDocument.Statement as Array<{ Resource: unknown }>,
    );
    const text = JSON.stringify(statements);
    expect(text).toContain(`table/${RESTORED}"`);
    expect(text).toContain(`table/${RESTORED}/index/*`);
    expect(text).not.toMatch(/TablecasesTable[A-Z0-9]+Arn/);
  });

  it('re-runs the data migrations on it: the custom resource lists the tables in use', () => {
    const [cr] = Object.values(appT.findResources('Custom::DataMigrations'));
    expect(JSON.stringify(cr!.Properties.Tables)).toContain(`cases=${RESTORED}`);
    expect(nagErrors(data)).toEqual([]);
    expect(nagErrors(appStack)).toEqual([]);
  });
});

describe('every table can be restored', () => {
  const { dataT } = synthCounty('640502');
  it('has point-in-time recovery on, and is kept when removed from the stack or replaced', () => {
    for (const t of Object.values(dataT.findResources('AWS::DynamoDB::Table'))) {
      expect(t.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
      expect(t.DeletionPolicy).toBe('Retain');
    }
  });
});

describe('data migrations on deploy', () => {
  const { appT } = synthCounty('411521');
  it('runs after every function of the release is in place, with the shipped migrations as its properties', () => {
    const [id, cr] = (Object.entries(appT.findResources('Custom::DataMigrations')) as Array<[string, any]>)[0]!;
    expect(cr.Properties.Migrations).toBe(MIGRATIONS.map((m) => m.id).join(','));
    const fns = Object.entries(appT.findResources('AWS::Lambda::Function'))
      .filter(([, f]) => f.Properties.Runtime?.startsWith('nodejs22') && !JSON.stringify(f.Properties.Role).includes('Migrations'))
      .map(([fid]) => fid);
    expect(fns.length).toBeGreaterThan(10);
    for (const f of fns) expect(cr.DependsOn, `${id} after ${f}`).toContain(f);
  });

  it('may write the tables but only append to the audit table', () => {
    const policies = Object.entries(appT.findResources('AWS::IAM::Policy')).filter(([pid]) => pid.startsWith('MigrationsRole'));
    const statements = policies.flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Array<{ Action: string | string[]; Resource: unknown }>);
    const onAudit = statements.filter((s) => JSON.stringify(s.Resource).includes('Tableaudit'));
    expect(onAudit.map((s) => s.Action)).toEqual(['dynamodb:PutItem']);
  });
});

describe('rotating the signing key (signingKeyGeneration)', () => {
  it('makes a new ES256 key for a new generation and gives the functions its id', () => {
    const { dataT, appT } = synthCounty(variantCounty());
    const keys = Object.entries(dataT.findResources('AWS::KMS::Key')).filter(([, k]) => k.Properties.KeySpec === 'ECC_NIST_P256');
    expect(keys.map(([kid]) => kid)).toEqual([expect.stringMatching(/^JwtKey2/)]);
    expect(keys[0]![1]).toMatchObject({ DeletionPolicy: 'Retain' });
    for (const env of envs(appT)) expect(JSON.stringify(env.JWT_KMS_KEY_ID)).toContain('JwtKey2');
  });
});
