import { describe, expect, it } from 'vitest';
import { synthCounty } from './support.ts';

type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: Record<string, Record<string, unknown>> };
type Metric = { MetricName: string; Dimensions?: Array<{ Name: string; Value: unknown }> };

/**
 * The provincial exchange per county: its queue with a DLQ and an alarm on the DLQ, consumed by the
 * exchange function (which also serves the admin routes), and the province's credentials in a
 * secret only that function may read. It touches the cases table's exchange entries and nothing else.
 */
describe.each(['411521', '640502'])('provincial exchange (%s)', (code) => {
  const { dataT, appT } = synthCounty(code);
  const queues = Object.entries(dataT.findResources('AWS::SQS::Queue'));
  const queueId = queues.find(([, q]) => q.Properties.QueueName === `bianmin-${code}-exchange`)?.[0];
  const dlqId = queues.find(([, q]) => q.Properties.QueueName === `bianmin-${code}-exchange-dlq`)?.[0];
  const secretId = Object.entries(dataT.findResources('AWS::SecretsManager::Secret')).find(
    ([, s]) => s.Properties.Name === `bianmin-${code}-exchange-credentials`,
  )?.[0];
  const casesTableId = Object.entries(dataT.findResources('AWS::DynamoDB::Table')).find(([, t]) => String(t.Properties.TableName).endsWith('-cases'))![0];
  const fns = appT.findResources('AWS::Lambda::Function');
  const policies = Object.entries(appT.findResources('AWS::IAM::Policy'));
  const roleOf = (fnLogicalId: string): string => (fns[fnLogicalId]!.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  const allowsOfRole = (roleId: string): Statement[] =>
    policies
      .filter(([, p]) => (p.Properties.Roles as Array<{ Ref: string }>).some((r) => r.Ref === roleId))
      .flatMap(([, p]) => (p.Properties.PolicyDocument.Statement as Statement[]).filter((s) => s.Effect === 'Allow'));
  const consumerId = Object.keys(fns).find((id) => id.startsWith('Httpexchange'))!;

  it('has the exchange queue, its DLQ after the shared receive count, and the exchange function fed from it', () => {
    expect(queueId).toBeDefined();
    expect(dlqId).toBeDefined();
    const q = queues.find(([id]) => id === queueId)![1];
    expect(JSON.stringify(q.Properties.RedrivePolicy.deadLetterTargetArn)).toContain(dlqId!);
    expect(q.Properties.RedrivePolicy.maxReceiveCount).toBe(24);
    expect(q.Properties.KmsMasterKeyId).toBeDefined();
    expect(consumerId).toBeDefined();
    const mappings = Object.values(appT.findResources('AWS::Lambda::EventSourceMapping')).filter(
      (m) => JSON.stringify(m.Properties.FunctionName).includes(consumerId) && JSON.stringify(m.Properties.EventSourceArn).includes(queueId!),
    );
    expect(mappings).toHaveLength(1);
    expect(mappings[0]!.Properties.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
  });

  it('alarms when a record rests in the DLQ', () => {
    const alarms = Object.values(appT.findResources('AWS::CloudWatch::Alarm'));
    const metrics = alarms.flatMap((a) =>
      a.Properties.MetricName
        ? [a.Properties as Metric]
        : (a.Properties.Metrics as Array<{ MetricStat?: { Metric: Metric } }>).flatMap((m) => (m.MetricStat ? [m.MetricStat.Metric] : [])),
    );
    const watched = metrics.filter((m) => m.MetricName === 'ApproximateNumberOfMessagesVisible').map((m) => JSON.stringify(m.Dimensions));
    expect(watched.some((d) => d.includes(dlqId!))).toBe(true);
  });

  it('keeps the province’s credentials in a retained secret under the data key that only the exchange function reads', () => {
    expect(secretId).toBeDefined();
    const secret = dataT.findResources('AWS::SecretsManager::Secret')[secretId!]!;
    expect(secret.Properties.KmsKeyId).toBeDefined();
    expect(secret.DeletionPolicy).toBe('Retain');
    expect(secret.Properties.SecretString).toBeUndefined();
    const readers = Object.keys(fns).filter((fnId) =>
      allowsOfRole(roleOf(fnId)).some((s) => [s.Action].flat().includes('secretsmanager:GetSecretValue') && JSON.stringify(s.Resource).includes(secretId!)),
    );
    expect(readers).toEqual([consumerId]);
  });

  it('lets the exchange function read and update its own outbox entries and their day index only, never write a case', () => {
    const ss = allowsOfRole(roleOf(consumerId));
    // (its one put is the audit event of a correction)
    const puts = ss.filter((s) => [s.Action].flat().some((a) => /dynamodb:(PutItem|DeleteItem|BatchWriteItem|TransactWriteItems)/.test(a)));
    for (const s of puts) expect(JSON.stringify(s.Resource)).not.toContain(casesTableId);
    for (const s of ss.filter((x) => [x.Action].flat().includes('dynamodb:UpdateItem')))
      expect(s.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys']).toEqual(['OUTBOX#exchange#*', 'XCHG#*']);
  });
});
