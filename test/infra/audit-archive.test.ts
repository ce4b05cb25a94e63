import { describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import { synthCounty } from './support.ts';

type Statement = { Effect: string; Action: string | string[]; Resource: unknown };

describe.each(['411521', '640502'])('the locked audit archive (%s)', (code) => {
  const { county, dataT, appT } = synthCounty(code);

  it('keeps every event under S3 Object Lock in compliance mode for the audit retention', () => {
    dataT.hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockEnabled: true,
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: county.auditRetentionDays } } },
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: Match.objectLike({ BlockPublicAcls: true, RestrictPublicBuckets: true }),
    });
    expect(Object.values(dataT.findResources('AWS::S3::Bucket')).find((b) => b.Properties.ObjectLockEnabled)!.DeletionPolicy).toBe('Retain');
  });

  it('is fed by the audit table stream, and its writer can put objects and nothing else', () => {
    dataT.hasResourceProperties('AWS::DynamoDB::Table', { TableName: `bianmin-${code}-audit`, StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' } });
    appT.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      StartingPosition: 'TRIM_HORIZON',
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
    });
    const policies = Object.entries(appT.findResources('AWS::IAM::Policy')).filter(([id]) => id.startsWith('Rolestreamauditarchive'));
    const actions = policies.flatMap(([, p]) =>
      (p.Properties.PolicyDocument.Statement as Statement[]).filter((s) => s.Effect === 'Allow').flatMap((s) => [s.Action].flat()),
    );
    expect(actions.filter((a) => a.startsWith('s3:'))).toEqual(['s3:PutObject']);
    expect(actions.some((a) => /^dynamodb:(PutItem|UpdateItem|DeleteItem)$/.test(a))).toBe(false);
  });
});
