import { describe, expect, it } from 'vitest';
import { synthCounty } from './support.ts';
import { ROUTES } from '../../shared/platform/routes.ts';
import { HTTP_FUNCTIONS } from '../../shared/platform/functions.ts';

type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: Record<string, Record<string, unknown>> };

/**
 * Each function's role holds what its routes declare they use, and nothing stack-wide. Read from
 * the synthesized template: roles → their policies' statements, functions → their role.
 */
describe.each(['411521', '640502'])('least privilege per function (%s)', (code) => {
  const { appT, dataT } = synthCounty(code);
  const fns = appT.findResources('AWS::Lambda::Function');
  const policies = Object.values(appT.findResources('AWS::IAM::Policy'));
  const logicalIdOf = (ref: unknown): string | undefined => (ref as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt']?.[0];
  const statementsOfFunction = (fnId: string): Statement[] => {
    const [, fn] = Object.entries(fns).find(([id]) => id.startsWith(`Http${fnId.replace(/-/g, '')}`)) ?? [];
    expect(fn, fnId).toBeDefined();
    const roleId = logicalIdOf(fn!.Properties.Role)!;
    return policies
      .filter((p) => (p.Properties.Roles as Array<{ Ref: string }>).some((r) => r.Ref === roleId))
      .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
  };
  const actions = (ss: Statement[]) => ss.filter((s) => s.Effect === 'Allow').flatMap((s) => [s.Action].flat());
  const keyIds = Object.entries(dataT.findResources('AWS::KMS::Key'));
  const piiKeyId = keyIds.find(([, k]) => String(k.Properties.Description).includes('个人信息'))![0];
  const mentions = (s: Statement, logicalId: string) => JSON.stringify(s.Resource).includes(logicalId);

  const publicFns = [...new Set(ROUTES.filter((r) => r.access === 'public').map((r) => r.fn))];

  it('gives every HTTP function its own role', () => {
    const roles = new Set(
      HTTP_FUNCTIONS.map((f) => logicalIdOf(Object.entries(fns).find(([id]) => id.startsWith(`Http${f.id.replace(/-/g, '')}`))![1].Properties.Role)),
    );
    expect(roles.size).toBe(HTTP_FUNCTIONS.length);
  });

  /**
   * The writes a public function may hold, each conditioned on partition-key prefixes: its rate
   * counters (RATE#…); and, for the public rating alone, the one rating of a case with its task
   * (RATING#…, a conditional put: 一事一评) and the month's counters (RSTATS#…, ADD) — a citizen's
   * rating is data by nature, and nothing else of the ratings table (evaluators, disclosure) is reachable;
   * for the public catalog, the counters of queries people could not find (SEARCHMISS#…, ADD, no personal data).
   */
  const allowedWrites: Record<string, string[][]> = {
    // + the 评价 stage record for the province, put into the cases table's outbox with the rating (new items of its topic only)
    'public-rating': [['RATE#*'], ['RATING#*', 'RSTATS#*'], ['OUTBOX#exchange#*']],
    public: [['SEARCHMISS#*']],
    // the hall's public pages: a booking's slot counter, phone-day guard and appointment, a ticket and its number (HALL_PUBLIC_WRITES)
    'hall-public': [['SLOT#*', 'APPT#*', 'APPTPD#*', 'TSEQ#*', 'TICKET#*', 'RATE#*']],
  };
  const ratingsTableId = Object.entries(dataT.findResources('AWS::DynamoDB::Table')).find(([, t]) => String(t.Properties.TableName).endsWith('-ratings'))![0];

  it.each(publicFns.filter((f) => f !== 'login'))('public function %s cannot sign tokens, open personal data or write a table', (fnId) => {
    const ss = statementsOfFunction(fnId);
    const a = actions(ss);
    expect(a).not.toContain('kms:Sign');
    for (const s of ss.filter((x) => x.Effect === 'Allow')) {
      if ([s.Action].flat().includes('kms:Decrypt')) expect(mentions(s, piiKeyId)).toBe(false);
      const writes = [s.Action].flat().filter((x) => /dynamodb:(PutItem|UpdateItem|DeleteItem|BatchWriteItem)|s3:PutObject/.test(x));
      // the only write a public function holds is its own rate counter, conditioned on RATE#… keys (+ the exception above)
      if (writes.length) expect(allowedWrites[fnId] ?? [['RATE#*']]).toContainEqual(s.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys']);
      expect(writes.filter((x) => /DeleteItem|BatchWriteItem/.test(x))).toEqual([]);
    }
  });

  it('the public rating writes only ratings, tasks and counters of the ratings table, never deleting', () => {
    const writes = statementsOfFunction('public-rating').filter(
      (s) => s.Effect === 'Allow' && [s.Action].flat().some((x) => /dynamodb:(PutItem|UpdateItem)/.test(x)),
    );
    const onRatings = writes.filter((s) => mentions(s, ratingsTableId));
    expect(onRatings).toHaveLength(1);
    expect(onRatings[0]!.Condition!['ForAllValues:StringLike']!['dynamodb:LeadingKeys']).toEqual(['RATING#*', 'RSTATS#*']);
    expect(JSON.stringify(onRatings[0]!.Resource)).not.toContain('index');
  });

  it('only login signs tokens', () => {
    for (const f of HTTP_FUNCTIONS) expect(actions(statementsOfFunction(f.id)).includes('kms:Sign'), f.id).toBe(f.id === 'login');
  });

  it('only the audited ID view decrypts the personal-data key', () => {
    for (const f of HTTP_FUNCTIONS) {
      const opens = statementsOfFunction(f.id).some((s) => s.Effect === 'Allow' && [s.Action].flat().includes('kms:Decrypt') && mentions(s, piiKeyId));
      expect(opens, f.id).toBe(f.id === 'cases-view-id');
    }
  });

  it('the authorizer reads and writes only session and user items (LeadingKeys)', () => {
    const [, auth] = Object.entries(fns).find(([id]) => id.startsWith('Authorizer'))!;
    const roleId = logicalIdOf(auth.Properties.Role)!;
    const ss = policies
      .filter((p) => (p.Properties.Roles as Array<{ Ref: string }>).some((r) => r.Ref === roleId))
      .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
    const dynamo = ss.filter((s) => s.Effect === 'Allow' && [s.Action].flat().some((x) => x.startsWith('dynamodb:')));
    expect(dynamo.length).toBeGreaterThan(0);
    for (const s of dynamo) expect(s.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys']).toBeDefined();
    const updates = dynamo.filter((s) => [s.Action].flat().includes('dynamodb:UpdateItem'));
    for (const s of updates) expect(s.Condition!['ForAllValues:StringLike']!['dynamodb:LeadingKeys']).toEqual(['SESSION#*']);
  });

  it('every function is denied changing or deleting audit events, and no role may PutItem audit beside reading it except the audit function', () => {
    for (const f of HTTP_FUNCTIONS) {
      const ss = statementsOfFunction(f.id);
      expect(
        ss.some((s) => s.Effect === 'Deny' && [s.Action].flat().includes('dynamodb:UpdateItem')),
        f.id,
      ).toBe(true);
    }
  });
});

describe('per-route throttles', () => {
  const { apiT, county } = synthCounty('411521');
  it('throttles every public route below the stage limit that staff routes share', () => {
    const stage = Object.values(apiT.findResources('AWS::ApiGateway::Stage'))[0]!.Properties;
    const settings = stage.MethodSettings as Array<{ ResourcePath: string; HttpMethod: string; ThrottlingRateLimit: number; ThrottlingBurstLimit: number }>;
    const stageWide = settings.find((m) => m.ResourcePath === '/*')!;
    expect(stageWide.ThrottlingRateLimit).toBe(county.thresholds.apiRateLimit);
    const publicRoutes = ROUTES.filter((r) => r.access === 'public');
    for (const r of publicRoutes) {
      const m = settings.find((x) => x.ResourcePath === `/${r.path.replaceAll('/', '~1')}` && x.HttpMethod === r.method);
      expect(m, `${r.method} ${r.path}`).toBeDefined();
      expect(m!.ThrottlingRateLimit).toBe(county.thresholds.publicRateLimit);
      expect(m!.ThrottlingRateLimit).toBeLessThan(stageWide.ThrottlingRateLimit);
    }
    expect(settings.filter((x) => x.ResourcePath !== '/*')).toHaveLength(publicRoutes.length);
  });
});
