import { fileURLToPath } from 'node:url';
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { PortalTable } from './portal-table.ts';

/** The repository root: bundling resolves entries, tsconfig and the lock file from here. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * What a function may do with a table.
 * - `read`: get and query the table and its named indexes (never Scan: every list is a Query).
 * - `readWrite`: `read` plus put, update and delete items (transactions need no other action).
 * - `append`: put new items only, for the audit trail: nothing in it is ever updated or deleted.
 */
/** `write` puts and updates but never deletes; `readWrite` may also delete (no function batch-writes). */
export type TableAccess = 'read' | 'write' | 'readWrite' | 'append';

const READ_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
];
const TABLE_ACTIONS: Record<TableAccess, readonly string[]> = {
  read: READ_ACTIONS,
  write: ['dynamodb:PutItem', 'dynamodb:UpdateItem'],
  readWrite: [...READ_ACTIONS, 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
  append: ['dynamodb:PutItem'],
};

/**
 * What DynamoDB asks of the caller's key permissions for a table encrypted with a customer-managed
 * key (the set CDK's own table grants use, with its `ReEncrypt*` and `GenerateDataKey*` spelt out).
 * Granted only through DynamoDB (`kms:ViaService`), never for direct use of the key.
 */
const KEY_ACTIONS = [
  'kms:Decrypt',
  'kms:DescribeKey',
  'kms:Encrypt',
  'kms:GenerateDataKey',
  'kms:GenerateDataKeyWithoutPlaintext',
  'kms:ReEncryptFrom',
  'kms:ReEncryptTo',
];

/** What active tracing grants the role (CDK adds the statement): X-Ray has no resource-level permissions. */
export const XRAY_ACTIONS = ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'];

/** The directory's partitions a standing check reads: the agencies, and each person's record. */
const PERSON_PARTITIONS = 'USER#*';
export const STANDING_PARTITIONS = ['AGENCY', PERSON_PARTITIONS];

export interface PortalFunctionProps {
  /** The handler module, relative to the repository root, exporting `handler`. */
  readonly entry: string;
  readonly description: string;
  readonly environment?: Record<string, string>;
  /** @default 512 */
  readonly memorySize?: number;
  /** Kept under API Gateway's 30-second integration timeout. @default 10 seconds */
  readonly timeout?: Duration;
  /** @default three months */
  readonly logRetention?: RetentionDays;
}

/**
 * A Lambda function with the portal's defaults: arm64, Node.js 22, one minified ES module with the
 * AWS SDK bundled (it starts faster than the runtime's copy), a source map, an explicit log group,
 * X-Ray active tracing, and a role that can write only to that log group (and send its traces)
 * until a table is bound to it.
 */
export class PortalFunction extends NodejsFunction {
  private readonly boundKeys = new Set<string>();

  constructor(scope: Construct, id: string, props: PortalFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: props.logRetention ?? RetentionDays.THREE_MONTHS,
    });
    // An explicit role instead of the managed AWSLambdaBasicExecutionRole: logs go to this log group only.
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${props.description}`,
    });
    logGroup.grantWrite(role);
    super(scope, id, {
      entry: `${REPO_ROOT}${props.entry}`,
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      logGroup,
      role,
      // Lambda records each sampled invocation's segments (initialisation, invocation, overhead);
      // no X-Ray SDK is bundled, so DynamoDB calls are time within them (docs/decisions/0012-observability.md).
      tracing: Tracing.ACTIVE,
      projectRoot: REPO_ROOT,
      depsLockFilePath: `${REPO_ROOT}package-lock.json`,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        bundleAwsSDK: true,
        mainFields: ['module', 'main'],
        tsconfig: `${REPO_ROOT}tsconfig.json`,
        // Bundled CommonJS dependencies may still call require() for Node built-ins.
        banner:
          "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
      },
    });
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Node.js 22 is the runtime the portal is built and tested for (tsconfig target); AWS supports it until 2027. Moving to 24 is a deliberate upgrade, not a default.',
    });
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: `Active tracing: ${XRAY_ACTIONS.join(' and ')} have no resource-level permissions (AWS requires Resource "*"); they only send trace data, and reach no table, key or bucket.`,
    });
  }

  /**
   * Names the table in `envName` and grants exactly the access asked for: on the table, Query on its
   * named indexes (for reads), and use of its key through DynamoDB.
   */
  bindTable(envName: string, table: PortalTable, ...access: TableAccess[]): this {
    this.addEnvironment(envName, table.tableName);
    const actions = [...new Set(access.flatMap((a) => TABLE_ACTIONS[a]))];
    const reads = access.some((a) => a !== 'append');
    this.addToRolePolicy(new PolicyStatement({ actions, resources: [table.tableArn] }));
    if (reads && table.indexArns.length > 0) {
      this.addToRolePolicy(new PolicyStatement({ actions: ['dynamodb:Query'], resources: table.indexArns }));
    }
    return this.grantKeyThroughDynamo(table);
  }

  /**
   * Lets the function read partner agencies' names from the directory table and nothing else there:
   * Query only, and only on the `AGENCY` partition (IAM's `dynamodb:LeadingKeys`). Users' records in
   * the same table stay out of reach.
   */
  bindAgencyNames(envName: string, table: PortalTable): this {
    this.addEnvironment(envName, table.tableName);
    this.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:Query'],
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['AGENCY'] } },
      }),
    );
    return this.grantKeyThroughDynamo(table);
  }

  /**
   * Lets the function read callers' standing (functions/platform/access.ts) from the directory table:
   * GetItem only, and only on an agency (`AGENCY`) or a person's record (`USER#…`), by IAM's
   * `dynamodb:LeadingKeys`. Nothing else in the table (agency-name claims), no Query, no write.
   */
  bindStanding(envName: string, table: PortalTable): this {
    this.addEnvironment(envName, table.tableName);
    this.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:GetItem'],
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': STANDING_PARTITIONS } },
      }),
    );
    return this.grantKeyThroughDynamo(table);
  }

  /**
   * Lets the notifier keep its record of what it has emailed in the outbox's table: GetItem and
   * PutItem only, and only on `DELIVERED#…` items (IAM's `dynamodb:LeadingKeys`). The notifications
   * themselves reach it on the stream; it can change none of them.
   */
  bindDeliveryLog(envName: string, table: PortalTable): this {
    this.addEnvironment(envName, table.tableName);
    this.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:GetItem', 'dynamodb:PutItem'],
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['DELIVERED#*'] } },
      }),
    );
    return this.grantKeyThroughDynamo(table);
  }

  /**
   * Lets the function record revocations on people's records (`USER#…`) and nothing else in the
   * directory table: UpdateItem only, limited by IAM's `dynamodb:LeadingKeys`.
   */
  bindPersonRevocations(envName: string, table: PortalTable): this {
    this.addEnvironment(envName, table.tableName);
    this.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:UpdateItem'],
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [PERSON_PARTITIONS] } },
      }),
    );
    return this.grantKeyThroughDynamo(table);
  }

  /**
   * Names the attachments bucket in `envName` and lets the function put, get and delete objects under
   * its two prefixes only (incoming uploads and the documents kept), with use of the bucket's key
   * through S3 only. Presigned addresses act with these permissions, so they can do no more. By name,
   * so the grant reads the same in every stack (the bucket's name is fixed: attachments-bucket.ts).
   */
  bindAttachments(envName: string, bucketName: string, key: IKey): this {
    this.addEnvironment(envName, bucketName);
    const prefixes = ['incoming', 'referrals'];
    const partition = Stack.of(this).partition;
    this.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'],
        resources: prefixes.map((prefix) => `arn:${partition}:s3:::${bucketName}/${prefix}/*`),
      }),
    );
    this.addToRolePolicy(
      new PolicyStatement({
        actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'],
        resources: [key.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `s3.${Stack.of(this).region}.amazonaws.com` } },
      }),
    );
    for (const prefix of prefixes)
      Validations.of(this.role ?? this).acknowledge({
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${bucketName}/${prefix}/*]`,
        reason:
          'Documents are keyed by referral and attachment id, made as they are attached, so objects are granted by prefix; the function reaches no other object in the bucket.',
      });
    return this;
  }

  /** Use of the table's key through DynamoDB only, granted once per key. */
  private grantKeyThroughDynamo(table: PortalTable): this {
    const key = table.encryptionKey;
    if (!this.boundKeys.has(key.node.addr)) {
      this.boundKeys.add(key.node.addr);
      this.addToRolePolicy(
        new PolicyStatement({
          actions: KEY_ACTIONS,
          resources: [key.keyArn],
          conditions: {
            StringEquals: { 'kms:ViaService': `dynamodb.${Stack.of(this).region}.amazonaws.com` },
          },
        }),
      );
    }
    return this;
  }
}
