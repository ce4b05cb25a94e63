import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import type { TableDef } from '../../shared/platform/tables.ts';

/**
 * A DynamoDB table from its shared definition, with defaults that cannot be turned off:
 * on-demand, point-in-time recovery, deletion protection, RETAIN, customer-managed KMS key.
 */
export class SafeTable extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string, props: { def: TableDef; key: IKey; tableName: string }) {
    super(scope, id);
    const { def } = props;
    this.table = new Table(this, 'Table', {
      tableName: props.tableName,
      partitionKey: { name: 'pk', type: AttributeType.STRING },
      sortKey: { name: 'sk', type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: props.key,
      ...(def.ttlAttribute ? { timeToLiveAttribute: def.ttlAttribute } : {}),
      ...(def.stream ? { stream: StreamViewType.NEW_AND_OLD_IMAGES } : {}),
    });
    for (const index of def.indexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.pk, type: AttributeType.STRING },
        sortKey: { name: index.sk, type: AttributeType.STRING },
        ...(index.projection?.type === 'KEYS_ONLY' ? { projectionType: ProjectionType.KEYS_ONLY } : {}),
        ...(index.projection?.type === 'INCLUDE' ? { projectionType: ProjectionType.INCLUDE, nonKeyAttributes: [...index.projection.attributes] } : {}),
      });
    }
  }
}
