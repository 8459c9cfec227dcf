import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import { TABLE_IDS, TABLES, type TableId } from '../../functions/platform/tables.ts';
import { PortalTable } from '../constructs/portal-table.ts';

/**
 * The portal's data: one DynamoDB table per entry in functions/platform/tables.ts (guidance,
 * referrals, outbox, board, directory, audit), all encrypted with one customer-managed key.
 */
export class DataStack extends Stack {
  readonly key: Key;
  readonly tables: Record<TableId, PortalTable>;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    this.key = new Key(this, 'DataKey', {
      description: "Partnership portal: encrypts the portal's DynamoDB tables",
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.key.addAlias('alias/partnership-portal/data');

    const tables = {} as Record<TableId, PortalTable>;
    for (const tableId of TABLE_IDS) {
      tables[tableId] = new PortalTable(this, `${capitalise(tableId)}Table`, {
        definition: TABLES[tableId],
        encryptionKey: this.key,
      });
    }
    this.tables = tables;
  }
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
