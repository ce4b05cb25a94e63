import { describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import { synthCounty, nagErrors } from './support.ts';
import { TABLES } from '../../shared/platform/tables.ts';
import { QUEUES } from '../../shared/platform/queues.ts';
import { SCHEDULES } from '../../shared/platform/schedules.ts';
import { ROUTES } from '../../shared/platform/routes.ts';
import { OPS_USES, STREAM_USES } from '../../shared/platform/functions.ts';

describe.each(['640502', '411521'])('county %s stack set', (code) => {
  const { county, data, appStack, dataT, appT, apiT } = synthCounty(code);

  it('has every table of shared/platform/tables.ts, safe by default', () => {
    const tables = dataT.findResources('AWS::DynamoDB::Table');
    expect(Object.keys(tables)).toHaveLength(TABLES.length);
    for (const def of TABLES) {
      const [, t] = Object.entries(tables).find(([, r]) => r.Properties.TableName === `bianmin-${code}-${def.id}`) ?? [];
      expect(t, def.id).toBeDefined();
      expect(t!.DeletionPolicy).toBe('Retain');
      expect(t!.UpdateReplacePolicy).toBe('Retain');
      expect(t!.Properties.DeletionProtectionEnabled).toBe(true);
      expect(t!.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
      expect(t!.Properties.SSESpecification).toMatchObject({ SSEEnabled: true, SSEType: 'KMS' });
      expect(t!.Properties.BillingMode).toBe('PAY_PER_REQUEST');
      const gsis = (t!.Properties.GlobalSecondaryIndexes ?? []) as Array<{ IndexName: string; KeySchema: Array<{ AttributeName: string }> }>;
      expect(gsis.map((g) => g.IndexName)).toEqual(def.indexes.map((i) => i.name));
      for (const g of gsis) {
        const i = def.indexes.find((x) => x.name === g.IndexName)!;
        expect(g.KeySchema.map((k) => k.AttributeName)).toEqual([i.pk, i.sk]);
      }
      expect(t!.Properties.TimeToLiveSpecification?.AttributeName).toBe(def.ttlAttribute);
      expect(t!.Properties.StreamSpecification?.StreamViewType).toBe(def.stream);
    }
  });

  it('redrives every queue to a DLQ with the shared maxReceiveCount, SSL only', () => {
    for (const def of QUEUES) {
      dataT.hasResourceProperties('AWS::SQS::Queue', {
        QueueName: `bianmin-${code}-${def.id}`,
        VisibilityTimeout: def.visibilityTimeoutSeconds,
        RedrivePolicy: { deadLetterTargetArn: Match.anyValue(), maxReceiveCount: def.maxReceiveCount },
        KmsMasterKeyId: Match.anyValue(),
      });
    }
    dataT.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
    appT.hasResourceProperties('AWS::Lambda::EventSourceMapping', { FunctionResponseTypes: ['ReportBatchItemFailures'] });
  });

  it('has a KMS-encrypted SNS topic and an ES256 signing key', () => {
    dataT.resourceCountIs('AWS::SNS::Topic', 1);
    dataT.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    dataT.hasResourceProperties('AWS::KMS::Key', { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' });
  });

  it('has a regional REST API whose public routes are exactly the listed ones', () => {
    apiT.hasResourceProperties('AWS::ApiGateway::RestApi', { EndpointConfiguration: { Types: ['REGIONAL'] } });
    apiT.hasResourceProperties('AWS::ApiGateway::Stage', { AccessLogSetting: Match.objectLike({ DestinationArn: Match.anyValue() }) });
    const methods = Object.values(apiT.findResources('AWS::ApiGateway::Method')).map(
      (m) => m.Properties as { HttpMethod: string; AuthorizationType: string; AuthorizerId?: unknown },
    );
    expect(methods).toHaveLength(ROUTES.length);
    const open = methods.filter((m) => m.AuthorizationType === 'NONE').length;
    expect(open).toBe(ROUTES.filter((r) => r.access === 'public').length);
    const guarded = methods.filter((m) => m.AuthorizationType === 'CUSTOM' && m.AuthorizerId);
    expect(guarded).toHaveLength(ROUTES.filter((r) => r.access !== 'public').length);
    // every public method is one of the listed public routes (by method and path)
    const resources = apiT.findResources('AWS::ApiGateway::Resource');
    const pathOf = (ref: unknown): string => {
      const id = (ref as { Ref?: string }).Ref;
      if (!id || !resources[id]) return '';
      const r = resources[id]!.Properties as { ParentId: unknown; PathPart: string };
      return `${pathOf(r.ParentId)}/${r.PathPart}`;
    };
    const publicMethods = Object.values(apiT.findResources('AWS::ApiGateway::Method'))
      .filter((m) => m.Properties.AuthorizationType === 'NONE')
      .map((m) => `${m.Properties.HttpMethod} ${pathOf(m.Properties.ResourceId)}`)
      .sort();
    expect(publicMethods).toEqual(
      ROUTES.filter((r) => r.access === 'public')
        .map((r) => `${r.method} ${r.path}`)
        .sort(),
    );
  });

  it('fires every shared schedule through an Events rule', () => {
    for (const def of SCHEDULES) appT.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: def.expression, State: 'ENABLED' });
  });

  it('runs every function on nodejs22.x arm64 with a 365-day log group', () => {
    const fns = Object.values(appT.findResources('AWS::Lambda::Function')).filter((f) => f.Properties.Runtime?.startsWith('nodejs22'));
    // routes of one context share a function (shared/platform/functions.ts); + the authorizer and the data-migrations custom resource
    expect(fns.length).toBe(
      new Set(ROUTES.map((r) => r.fn)).size +
        QUEUES.filter((q) => !q.host).length +
        SCHEDULES.length +
        Object.keys(STREAM_USES).length +
        Object.keys(OPS_USES).length +
        2,
    );
    for (const f of fns) {
      expect(f.Properties.Architectures).toEqual(['arm64']);
      expect(f.Properties.LoggingConfig?.LogGroup).toBeDefined();
    }
    for (const t of [appT, apiT]) for (const lg of Object.values(t.findResources('AWS::Logs::LogGroup'))) expect(lg.Properties.RetentionInDays).toBe(365);
  });

  it('denies update and delete of audit events to every function role', () => {
    const policies = Object.values(appT.findResources('AWS::IAM::Policy'));
    const denies = policies.filter((p) =>
      (p.Properties.PolicyDocument.Statement as Array<{ Effect: string; Action: string[] | string }>).some(
        (s) => s.Effect === 'Deny' && [s.Action].flat().includes('dynamodb:UpdateItem') && [s.Action].flat().includes('dynamodb:DeleteItem'),
      ),
    );
    expect(denies.length).toBeGreaterThan(0);
  });

  it('has an S3 bucket for the web front, alarms on every dead-letter queue and on the API failing', () => {
    appT.hasResourceProperties('AWS::S3::Bucket', { VersioningConfiguration: { Status: 'Enabled' } });
    type Metric = { MetricName: string; Dimensions?: Array<{ Value: unknown }> };
    const alarms = Object.values(appT.findResources('AWS::CloudWatch::Alarm'));
    const metrics = alarms.flatMap((a) =>
      a.Properties.MetricName
        ? [a.Properties as Metric]
        : (a.Properties.Metrics as Array<{ MetricStat?: { Metric: Metric } }>).flatMap((m) => (m.MetricStat ? [m.MetricStat.Metric] : [])),
    );
    expect(metrics.map((m) => m.MetricName)).toContain('5XXError');
    // every dead-letter queue (the queues' DLQs, the function failure queue, the schedule DLQ) is watched
    const watched = JSON.stringify(metrics.filter((m) => m.MetricName === 'ApproximateNumberOfMessagesVisible').map((m) => m.Dimensions));
    const dlqs = [
      ...Object.entries(appT.findResources('AWS::SQS::Queue')).map(([id]) => id),
      ...Object.entries(dataT.findResources('AWS::SQS::Queue'))
        .filter(([id]) => /Dlq|Failures/i.test(id))
        .map(([id]) => id),
    ];
    expect(dlqs.length).toBeGreaterThanOrEqual(3);
    for (const id of dlqs) expect(watched).toContain(id);
    // few alarm metrics: each is billed every month (idle cost) — the API's errors and one per dead-letter queue, nothing more
    expect(metrics.length).toBeLessThanOrEqual(dlqs.length + 1);
  });

  it("keeps every stack under CloudFormation's 500 resources (+1: the CLI adds its metadata resource)", () => {
    for (const t of [dataT, appT, apiT]) expect(Object.keys(t.toJSON().Resources).length + 1).toBeLessThan(500);
  });

  it('has no Cognito resource and no unsuppressed cdk-nag error', () => {
    for (const t of [dataT, appT, apiT])
      expect(Object.keys(t.toJSON().Resources).some((k) => /Cognito/.test(JSON.stringify(t.toJSON().Resources[k].Type)))).toBe(false);
    expect([...nagErrors(data), ...nagErrors(appStack)]).toEqual([]);
  });

  it('in China: no Lambda tracing, and hand-written ARNs use the partition', () => {
    if (!county.region.startsWith('cn-')) return;
    for (const f of Object.values(appT.findResources('AWS::Lambda::Function'))) expect(f.Properties.TracingConfig?.Mode).not.toBe('Active');
    expect(JSON.stringify(appT.toJSON())).not.toMatch(/arn:aws:/);
    expect(JSON.stringify(apiT.toJSON())).not.toMatch(/arn:aws:/);
    expect(JSON.stringify(dataT.toJSON())).not.toMatch(/arn:aws:/);
  });
});

describe('county config', () => {
  it('refuses an invalid file with a Chinese message naming the field', async () => {
    const { parseCountyConfig } = await import('../../infra/config/county-config.ts');
    expect(() =>
      parseCountyConfig({ code: '41152', name: '罗山县', region: 'cn-north-1', offices: { id: '411521-center', name: '中心', kind: 'county_center' } }),
    ).toThrow(/code: 县区代码须为 6 位数字/);
    expect(() =>
      parseCountyConfig({
        code: '411521',
        name: '罗山县',
        region: 'cn-north-1',
        auditRetentionDays: 30,
        offices: { id: '411521-center', name: '中心', kind: 'county_center' },
      }),
    ).toThrow(/auditRetentionDays: 审计记录至少保存 365 天/);
  });
});
