import { Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { BackupPlan, BackupPlanRule, BackupResource, BackupVault } from 'aws-cdk-lib/aws-backup';
import { Schedule } from 'aws-cdk-lib/aws-events';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import { TABLE_IDS, TABLES, type TableId } from '../../shared/deployment/tables.ts';
import { AttachmentsBucket } from '../constructs/attachments-bucket.ts';
import { PortalTable } from '../constructs/portal-table.ts';

export interface DataStackProps extends StackProps {
  /** The attachments bucket's name (attachments-bucket.ts `attachmentsBucketName`). */
  readonly attachmentsBucketName: string;
  /** The portal's CloudFront domain: the only origin that may upload and download documents. */
  readonly portalDomainName: string;
}

/**
 * The portal's data: one DynamoDB table per entry in shared/deployment/tables.ts (guidance,
 * referrals, outbox, board, early-help, directory, audit), encrypted with customer-managed keys: one for the
 * records, one for the outbox alone. The e-mail notifier reads the outbox's stream, and reading a
 * stream grants use of its table's key; with a key of its own, that grant opens nothing else.
 * Documents attached to referrals are kept in a bucket under the records' key.
 */
export class DataStack extends Stack {
  readonly key: Key;
  readonly outboxKey: Key;
  readonly tables: Record<TableId, PortalTable>;
  /** Daily and monthly backups of every table. */
  readonly backupPlan: BackupPlan;
  readonly attachments: AttachmentsBucket;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    // Access logs are delivered under a bucket policy, not ACLs (as in WebStack); read from context, so set first.
    this.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);
    this.key = new Key(this, 'DataKey', {
      description: "Partnership portal: encrypts the portal's DynamoDB tables",
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.key.addAlias('alias/partnership-portal/data');
    this.outboxKey = new Key(this, 'OutboxKey', {
      description: "Partnership portal: encrypts the notifications outbox (the e-mail notifier's only key)",
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.outboxKey.addAlias('alias/partnership-portal/outbox');

    const tables = {} as Record<TableId, PortalTable>;
    for (const tableId of TABLE_IDS) {
      tables[tableId] = new PortalTable(this, `${capitalise(tableId)}Table`, {
        definition: TABLES[tableId],
        encryptionKey: tableId === 'outbox' ? this.outboxKey : this.key,
      });
    }
    this.tables = tables;
    this.attachments = new AttachmentsBucket(this, 'Attachments', {
      bucketName: props.attachmentsBucketName,
      encryptionKey: this.key,
      webOrigin: `https://${props.portalDomainName}`,
    });
    this.backupPlan = this.backUp(Object.values(tables));
  }

  /**
   * AWS Backup, beside point-in-time recovery (which reaches back 35 days only): every table daily,
   * kept 35 days, and monthly, kept a year, in a vault of its own encrypted with the records' key,
   * locked so no backup can be deleted before its 35 days, and kept if the stack goes.
   */
  private backUp(tables: PortalTable[]): BackupPlan {
    const vault = new BackupVault(this, 'BackupVault', {
      encryptionKey: this.key,
      removalPolicy: RemovalPolicy.RETAIN,
      lockConfiguration: { minRetention: Duration.days(35) },
    });
    const plan = new BackupPlan(this, 'BackupPlan', { backupVault: vault });
    plan.addRule(
      new BackupPlanRule({
        ruleName: 'Daily',
        scheduleExpression: Schedule.cron({ hour: '2', minute: '0' }),
        deleteAfter: Duration.days(35),
      }),
    );
    plan.addRule(
      new BackupPlanRule({
        ruleName: 'Monthly',
        scheduleExpression: Schedule.cron({ day: '1', hour: '3', minute: '0' }),
        moveToColdStorageAfter: Duration.days(90),
        deleteAfter: Duration.days(365),
      }),
    );
    const selection = plan.addSelection('Tables', {
      resources: tables.map((t) => BackupResource.fromDynamoDbTable(t.table)),
    });
    for (const policy of ['AWSBackupServiceRolePolicyForBackup', 'AWSBackupServiceRolePolicyForRestores'])
      Validations.of(selection).acknowledge({
        id: `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/${policy}]`,
        reason:
          'AWS Backup’s own service role policy is what AWS documents for a backup selection; the role is assumable by AWS Backup only.',
      });
    return plan;
  }
}

/** `early-help` → `EarlyHelp`, for construct ids. */
function capitalise(name: string): string {
  return name
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}
