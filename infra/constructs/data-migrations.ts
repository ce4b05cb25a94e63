import { join } from 'node:path';
import { Aws, CustomResource, Duration } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { NagSuppressions } from 'cdk-nag';
import { Construct, type IConstruct } from 'constructs';
import { AppFunction } from './app-function.ts';

export interface DataMigrationsProps {
  /** Repository root (the handler is functions/deploy/migrate.ts). */
  root: string;
  environment: Record<string, string>;
  /** The tables the functions use (restored ones included); audit is append-only and never migrated. */
  tables: ReadonlyMap<string, ITable>;
  auditTable: ITable;
  dataKey: IKey;
  failureQueue: IQueue;
  tracing: boolean;
  /** Shipped migration ids: a new one makes the resource update, and so run. */
  migrationIds: readonly string[];
  /** What must be deployed before migrating: the functions of the new release. */
  after: readonly IConstruct[];
}

/**
 * Custom::DataMigrations: runs the pending data migrations on deploy, after the new functions are
 * in place (they read both shapes). It updates — and so runs — when the list of migrations or the
 * tables in use change (a restored table carries the migration records of its moment).
 */
export class DataMigrations extends Construct {
  readonly resource: CustomResource;
  readonly fn: IFunction;

  constructor(scope: Construct, id: string, props: DataMigrationsProps) {
    super(scope, id);
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Data migrations: scan and update the tables, append audit events',
    });
    role.addToPolicy(
      new PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [`arn:${Aws.PARTITION}:logs:${Aws.REGION}:${Aws.ACCOUNT_ID}:log-group:/aws/lambda/*`],
      }),
    );
    for (const [tid, table] of props.tables) {
      if (tid !== 'audit')
        role.addToPolicy(
          new PolicyStatement({
            actions: ['dynamodb:Scan', 'dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:UpdateItem', 'dynamodb:PutItem', 'dynamodb:ConditionCheckItem'],
            resources: [table.tableArn],
          }),
        );
    }
    role.addToPolicy(new PolicyStatement({ actions: ['dynamodb:PutItem'], resources: [props.auditTable.tableArn] }));
    props.dataKey.grantEncryptDecrypt(role);
    NagSuppressions.addResourceSuppressions(
      role,
      [
        {
          id: 'AwsSolutions-IAM5',
          reason: 'Log streams are created at run time under /aws/lambda/*; the data key grant uses the GenerateDataKey*/ReEncrypt* variants.',
          appliesTo: [
            { regex: '/^Resource::arn:<AWS::Partition>:logs:.*$/g' },
            { regex: '/^Action::kms:(GenerateDataKey|ReEncrypt)\\*$/g' },
            // outside China functions trace: xray:PutTraceSegments/PutTelemetryRecords take no resource
            ...(props.tracing ? ['Resource::*'] : []),
          ],
        },
      ],
      true,
    );

    // its alarm reads Errors-Migrate
    const fn = (this.fn = new AppFunction(this, 'Migrate', {
      entry: join(props.root, 'functions', 'deploy', 'migrate.ts'),
      environment: props.environment,
      role,
      failureQueue: props.failureQueue,
      tracing: props.tracing,
      // a migration scans whole tables: the longest a Lambda may run
      timeout: Duration.minutes(15),
    }).fn);

    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: fn.functionArn,
      resourceType: 'Custom::DataMigrations',
      properties: {
        Migrations: props.migrationIds.join(','),
        Tables: [...props.tables.entries()].map(([tid, t]) => `${tid}=${t.tableName}`).join(','),
      },
    });
    for (const c of props.after) this.resource.node.addDependency(c);
  }
}
