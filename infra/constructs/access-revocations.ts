import { Duration } from 'aws-cdk-lib';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import { Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Construct } from 'constructs';
import { REVOKING_EVENTS } from '../../functions/directory/revocations-handler.ts';
import { PortalFunction } from './portal-function.ts';
import type { PortalTable } from './portal-table.ts';

export interface AccessRevocationsProps {
  readonly userPool: IUserPool;
  readonly directoryTable: PortalTable;
  readonly auditTable: PortalTable;
}

/**
 * When an administrator disables or deletes a Cognito user, removes them from a group, signs them out
 * everywhere or changes their attributes (their agency), the person's `revokedBefore` is set in the
 * directory (functions/directory/revocations-handler.ts), so tokens issued before it are refused
 * within the standing check's bound rather than living until they expire.
 *
 * EventBridge sees these calls only through CloudTrail: the account needs a CloudTrail trail that
 * records management events in the user pool's region (EventBridge gets no "AWS API Call via
 * CloudTrail" events otherwise, and this rule then never fires). The portal's own suspension
 * (POST /api/people/{id}/suspend) does not depend on it.
 */
export class AccessRevocations extends Construct {
  readonly function: PortalFunction;
  readonly rule: Rule;

  constructor(scope: Construct, id: string, props: AccessRevocationsProps) {
    super(scope, id);
    this.function = new PortalFunction(this, 'Function', {
      entry: 'functions/directory/revocations-handler.ts',
      description: 'Partnership portal: refuses older tokens when a Cognito account is changed',
      memorySize: 256,
      environment: { USER_POOL_ID: props.userPool.userPoolId },
    });
    this.function.bindPersonRevocations('DIRECTORY_TABLE_NAME', props.directoryTable);
    this.function.bindTable('AUDIT_TABLE_NAME', props.auditTable, 'append');
    this.rule = new Rule(this, 'Rule', {
      description: 'Cognito admin calls that withdraw a user’s access (recorded by CloudTrail)',
      eventPattern: {
        source: ['aws.cognito-idp'],
        detailType: ['AWS API Call via CloudTrail'],
        detail: {
          eventSource: ['cognito-idp.amazonaws.com'],
          eventName: [...REVOKING_EVENTS],
          requestParameters: { userPoolId: [props.userPool.userPoolId] },
        },
      },
      targets: [new LambdaFunction(this.function, { retryAttempts: 4, maxEventAge: Duration.hours(2) })],
    });
  }
}
