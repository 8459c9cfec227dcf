import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import type { TableDefinition } from '../../shared/deployment/tables.ts';

export interface PortalTableProps {
  /** The one definition of the table's keys, indexes and TTL (shared/deployment/tables.ts). */
  readonly definition: TableDefinition;
  /** The customer-managed key every portal table is encrypted with. */
  readonly encryptionKey: IKey;
}

/**
 * A DynamoDB table built from its definition in shared/deployment/tables.ts, so AWS and the local
 * runtime cannot drift: on-demand, point-in-time recovery, deletion protection, encrypted with a
 * customer-managed key, and kept when the stack is deleted.
 */
export class PortalTable extends Construct {
  readonly table: Table;
  readonly definition: TableDefinition;
  readonly encryptionKey: IKey;

  constructor(scope: Construct, id: string, props: PortalTableProps) {
    super(scope, id);
    const { definition, encryptionKey } = props;
    this.definition = definition;
    this.encryptionKey = encryptionKey;
    this.table = new Table(this, 'Table', {
      partitionKey: { name: definition.partitionKey, type: AttributeType.STRING },
      sortKey: { name: definition.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey,
      removalPolicy: RemovalPolicy.RETAIN,
      ...(definition.timeToLiveAttribute ? { timeToLiveAttribute: definition.timeToLiveAttribute } : {}),
      ...(definition.stream ? { stream: StreamViewType.NEW_IMAGE } : {}),
    });
    for (const index of definition.indexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
      });
    }
  }

  get tableName(): string {
    return this.table.tableName;
  }

  get tableArn(): string {
    return this.table.tableArn;
  }

  /** One ARN per index, named: a grant on an index never needs a wildcard. */
  get indexArns(): string[] {
    return this.definition.indexes.map((index) => `${this.table.tableArn}/index/${index.name}`);
  }
}
