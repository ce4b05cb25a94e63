import { describe, expect, it } from 'vitest';
import { synthCounty } from './support.ts';

type Statement = { Effect: string; Action: string | string[]; Resource: unknown };
type Metric = { MetricName: string; Dimensions?: Array<{ Name: string; Value: unknown }> };

/**
 * The notices path per county: its queue with a DLQ and an alarm on the DLQ, the consumer fed by
 * the queue, and the channel's credentials in a Secrets Manager secret that the notices consumer
 * — and no other function — may read.
 */
describe.each(['411521', '640502'])('notices (%s)', (code) => {
  const { dataT, appT } = synthCounty(code);
  const queues = Object.entries(dataT.findResources('AWS::SQS::Queue'));
  const queueId = queues.find(([, q]) => q.Properties.QueueName === `bianmin-${code}-notices`)?.[0];
  const dlqId = queues.find(([, q]) => q.Properties.QueueName === `bianmin-${code}-notices-dlq`)?.[0];
  const secretId = Object.entries(dataT.findResources('AWS::SecretsManager::Secret')).find(
    ([, s]) => s.Properties.Name === `bianmin-${code}-notice-credentials`,
  )?.[0];
  const keyIds = Object.entries(dataT.findResources('AWS::KMS::Key'));
  const lookupKeyId = keyIds.find(([, k]) => k.Properties.KeySpec === 'HMAC_256')?.[0];

  const fns = appT.findResources('AWS::Lambda::Function');
  const policies = Object.entries(appT.findResources('AWS::IAM::Policy'));
  const roleOf = (fnLogicalId: string): string => (fns[fnLogicalId]!.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  const allowsOfRole = (roleId: string): Statement[] =>
    policies
      .filter(([, p]) => (p.Properties.Roles as Array<{ Ref: string }>).some((r) => r.Ref === roleId))
      .flatMap(([, p]) => (p.Properties.PolicyDocument.Statement as Statement[]).filter((s) => s.Effect === 'Allow'));
  const consumerId = Object.keys(fns).find((id) => id.startsWith('Queuenotices'))!;

  it('has the notices queue, its DLQ after the shared receive count, and the consumer fed from it', () => {
    expect(queueId).toBeDefined();
    expect(dlqId).toBeDefined();
    const q = queues.find(([id]) => id === queueId)![1];
    expect(JSON.stringify(q.Properties.RedrivePolicy.deadLetterTargetArn)).toContain(dlqId!);
    expect(q.Properties.RedrivePolicy.maxReceiveCount).toBe(12);
    expect(q.Properties.KmsMasterKeyId).toBeDefined();
    expect(consumerId).toBeDefined();
    const mappings = Object.values(appT.findResources('AWS::Lambda::EventSourceMapping')).filter(
      (m) => JSON.stringify(m.Properties.FunctionName).includes(consumerId) && JSON.stringify(m.Properties.EventSourceArn).includes(queueId!),
    );
    expect(mappings).toHaveLength(1);
    expect(mappings[0]!.Properties.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
  });

  it('alarms when a text rests in the DLQ', () => {
    const alarms = Object.values(appT.findResources('AWS::CloudWatch::Alarm'));
    const metrics = alarms.flatMap((a) =>
      a.Properties.MetricName
        ? [a.Properties as Metric]
        : (a.Properties.Metrics as Array<{ MetricStat?: { Metric: Metric } }>).flatMap((m) => (m.MetricStat ? [m.MetricStat.Metric] : [])),
    );
    const watched = metrics.filter((m) => m.MetricName === 'ApproximateNumberOfMessagesVisible').map((m) => JSON.stringify(m.Dimensions));
    expect(watched.some((d) => d.includes(dlqId!))).toBe(true);
  });

  it('keeps the provider credentials in a Secrets Manager secret under the data key, retained', () => {
    expect(secretId).toBeDefined();
    const secret = dataT.findResources('AWS::SecretsManager::Secret')[secretId!]!;
    expect(secret.Properties.KmsKeyId).toBeDefined();
    expect(secret.DeletionPolicy).toBe('Retain');
    // the secret's value is entered by IT: never generated into, or written in, the template
    expect(secret.Properties.SecretString).toBeUndefined();
  });

  it('lets the notices consumer, and only it, read the secret', () => {
    const readers = Object.keys(fns).filter((fnId) =>
      allowsOfRole(roleOf(fnId)).some(
        (s) =>
          [s.Action].flat().some((a) => a === 'secretsmanager:GetSecretValue' || a === 'secretsmanager:*') && JSON.stringify(s.Resource).includes(secretId!),
      ),
    );
    expect(readers).toEqual([consumerId]);
    // no function holds a secret read on every secret
    for (const fnId of Object.keys(fns))
      for (const s of allowsOfRole(roleOf(fnId)))
        if ([s.Action].flat().some((a) => a.startsWith('secretsmanager:'))) expect(JSON.stringify(s.Resource), fnId).not.toContain('*"');
  });

  it('lets the consumer open the phone and take its daily cap (the keyed hash), and nothing of the cases but its notices', () => {
    const ss = allowsOfRole(roleOf(consumerId));
    const actions = ss.flatMap((s) => [s.Action].flat());
    expect(actions).toContain('kms:Decrypt');
    expect(lookupKeyId).toBeDefined();
    expect(ss.some((s) => [s.Action].flat().includes('kms:GenerateMac') && JSON.stringify(s.Resource).includes(lookupKeyId!))).toBe(true);
    expect(actions.filter((a) => /dynamodb:(PutItem|DeleteItem|BatchWriteItem|TransactWriteItems)/.test(a))).toEqual([]);
    const updates = ss.filter((s) => [s.Action].flat().includes('dynamodb:UpdateItem'));
    for (const s of updates)
      expect((s as { Condition?: Record<string, Record<string, unknown>> }).Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys']).toEqual([
        'OUTBOX#notices#*',
        'NOTICECAP#*',
      ]);
  });
});
