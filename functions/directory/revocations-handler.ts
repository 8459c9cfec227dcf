import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { personKey } from '../platform/access.ts';
import { type AuditWriter, createAuditWriter } from '../platform/audit.ts';
import { functionConfigFromEnv, RevocationsEnvSchema } from '../platform/config.ts';
import { createDocumentClient } from '../platform/dynamo.ts';
import { createLogger, type Logger } from '../platform/logger.ts';
import { transact } from '../platform/table.ts';
import { failedCondition } from '../platform/transaction-errors.ts';

/**
 * Cognito account changes, recorded by CloudTrail and delivered by an EventBridge rule
 * (infra/constructs/access-revocations.ts), become the person's `revokedBefore` in the directory:
 * every token issued before the change is refused within the standing check's bound
 * (functions/platform/access.ts), not only when it expires. A disabled or deleted account cannot
 * sign in again; a changed group or agency takes effect in the next token, which Cognito issues
 * only after a fresh sign-in or refresh.
 */
export const REVOKING_EVENTS = [
  'AdminDisableUser',
  'AdminDeleteUser',
  'AdminRemoveUserFromGroup',
  'AdminUserGlobalSignOut',
  'AdminUpdateUserAttributes',
] as const;

/** The parts of EventBridge's "AWS API Call via CloudTrail" event this reads. */
export interface CloudTrailApiCallEvent {
  'detail-type'?: string;
  source?: string;
  time?: string;
  detail?: {
    eventSource?: string;
    eventName?: string;
    eventTime?: string;
    errorCode?: string;
    requestParameters?: { userPoolId?: string; username?: string; groupName?: string } | null;
    additionalEventData?: { sub?: string } | null;
  };
}

export type Revocation =
  | { kind: 'revoke'; userId: string; at: string; eventName: string }
  | { kind: 'skip'; why: string };

/** A user pool username that is the user's `sub` (this pool signs in by email, so usernames are subs). */
const SUB = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The rule, pure: which person an event withdraws access from, and from when. */
export function revocationFor(event: CloudTrailApiCallEvent, userPoolId: string): Revocation {
  const detail = event.detail;
  if (detail?.eventSource !== 'cognito-idp.amazonaws.com') return { kind: 'skip', why: 'not a Cognito call' };
  const eventName = detail.eventName ?? '';
  if (!(REVOKING_EVENTS as readonly string[]).includes(eventName))
    return { kind: 'skip', why: 'not a call that withdraws access' };
  // A call that failed changed nothing.
  if (detail.errorCode) return { kind: 'skip', why: 'the call failed' };
  if (detail.requestParameters?.userPoolId !== userPoolId) return { kind: 'skip', why: 'another user pool' };
  // CloudTrail may hide the username; Cognito then names the user by `sub` in additionalEventData.
  const named = [detail.additionalEventData?.sub, detail.requestParameters?.username].find(
    (candidate): candidate is string => typeof candidate === 'string' && SUB.test(candidate),
  );
  if (!named) return { kind: 'skip', why: 'the user is not named by their sub' };
  const at = Date.parse(detail.eventTime ?? event.time ?? '');
  if (Number.isNaN(at)) return { kind: 'skip', why: 'the event has no time' };
  return { kind: 'revoke', userId: named.toLowerCase(), at: new Date(at).toISOString(), eventName };
}

export function createRevocationsHandler(deps: {
  db: DynamoDBDocumentClient;
  directoryTable: string;
  audit: AuditWriter;
  userPoolId: string;
  logger: Logger;
}): (event: CloudTrailApiCallEvent) => Promise<Revocation> {
  return async (event) => {
    const revocation = revocationFor(event, deps.userPoolId);
    if (revocation.kind === 'skip') {
      // An account change this cannot attribute is worth a look: the admin can still suspend the
      // person in the portal. The log names the call only, never the user.
      deps.logger.log('warn', 'access change not recorded', {
        eventName: event.detail?.eventName ?? null,
        why: revocation.why,
      });
      return revocation;
    }
    try {
      await transact(deps.db, [
        {
          Update: {
            TableName: deps.directoryTable,
            Key: personKey(revocation.userId),
            UpdateExpression: 'SET userId = :userId, revokedBefore = :at, updatedAt = :at',
            // Events may arrive out of order: a later revocation is never moved back.
            ConditionExpression: 'attribute_not_exists(revokedBefore) OR revokedBefore < :at',
            ExpressionAttributeValues: { ':userId': revocation.userId, ':at': revocation.at },
          },
        },
        deps.audit.putItem({
          action: 'person.revoke',
          entity: { type: 'person', id: revocation.userId },
          outcome: 'allowed',
          actor: null,
          requestId: crypto.randomUUID(),
          detail: `Cognito ${revocation.eventName}`,
        }),
      ]);
    } catch (error) {
      if (!failedCondition(error, 0)) throw error;
    }
    return revocation;
  };
}

let live: ReturnType<typeof createRevocationsHandler> | undefined;

/** The Lambda entry (an EventBridge target): configured on the first event and kept. */
export async function handler(event: CloudTrailApiCallEvent): Promise<void> {
  if (!live) {
    const config = functionConfigFromEnv(RevocationsEnvSchema);
    const db = createDocumentClient();
    live = createRevocationsHandler({
      db,
      directoryTable: config.DIRECTORY_TABLE_NAME,
      audit: createAuditWriter(db, config.AUDIT_TABLE_NAME, () => new Date()),
      userPoolId: config.USER_POOL_ID,
      logger: createLogger({ level: config.LOG_LEVEL }),
    });
  }
  await live(event);
}
