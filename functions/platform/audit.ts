import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { monotonicFactory } from 'ulid';

/** Monotonic, so entries written in the same millisecond keep their order. */
const ulid = monotonicFactory();

import type { Principal } from './identity.ts';

/**
 * The audit trail: every read of a referral and every write anywhere appends who, when,
 * what and from where. Entries are only ever put, with a condition that refuses to overwrite; the
 * functions' IAM roles allow nothing else on the audit table.
 */
export interface AuditEvent {
  /** What was done, e.g. `agency.create`, `guidance.publish`, `referral.read`. */
  action: string;
  entity: { type: string; id: string };
  outcome: 'allowed' | 'denied';
  /** Who, named as they were at the time (a subject access request reads the trail years later). */
  actor:
    | (Pick<Principal, 'userId' | 'roles' | 'agencyId'> & Partial<Pick<Principal, 'name' | 'agencyName'>>)
    | null;
  requestId: string;
  sourceIp?: string;
  /** A short, non-personal note, e.g. "version 3" or the refusal's reason. */
  detail?: string;
  /** The child the entity is about, as functions/platform/subject-keys.ts keys her (never her details). */
  subjectKey?: string;
  /** Why the caller opened the record, when they said (a sensitive read's optional reason). */
  reason?: string;
  /** For a list read: the ids of the records it returned. */
  ids?: string[];
}

export interface AuditRecord extends AuditEvent {
  at: string;
  id: string;
}

export interface AuditWriter {
  append(event: AuditEvent): Promise<void>;
  /** The Put for a transaction, so a write and its audit entry land together or not at all. */
  putItem(event: AuditEvent): {
    Put: { TableName: string; Item: Record<string, unknown>; ConditionExpression: string };
  };
}

/** The audit entry's Put, as an area's store adds it to the transaction of the write it records. */
export type AuditPut = ReturnType<AuditWriter['putItem']>;

/** The audit table's partitions: one record's trail, one person's (gsi1) and one child's (gsi2). */
export const auditEntityPartition = (entity: { type: string; id: string }) =>
  `ENTITY#${entity.type}#${entity.id}`;
export const auditActorPartition = (userId: string) => `ACTOR#${userId}`;
export const auditSubjectPartition = (subjectKey: string) => `SUBJECT#${subjectKey}`;

/**
 * How long the partnership keeps its audit trail: seven years by default, as for the records it is
 * about. Each entry carries its own expiry (`expiresAt`, the audit table's TTL), computed as it is
 * written, so DynamoDB removes it then; nothing in the portal ever updates or deletes one.
 */
export const AUDIT_RETENTION_YEARS = 7;

/** The audit entry's expiry, in seconds since the epoch (DynamoDB's TTL). */
export function auditExpiry(at: Date, years: number = AUDIT_RETENTION_YEARS): number {
  const until = new Date(at);
  until.setUTCFullYear(until.getUTCFullYear() + years);
  return Math.floor(until.getTime() / 1000);
}

export function auditItem(event: AuditEvent, at: Date, retentionYears?: number): Record<string, unknown> {
  const time = at.toISOString();
  const id = ulid(at.getTime());
  const sk = `${time}#${id}`;
  return {
    pk: auditEntityPartition(event.entity),
    sk,
    gsi1pk: auditActorPartition(event.actor?.userId ?? 'anonymous'),
    gsi1sk: sk,
    ...(event.subjectKey ? { gsi2pk: auditSubjectPartition(event.subjectKey), gsi2sk: sk } : {}),
    id,
    at: time,
    ...event,
    // The person and agency by name as they were then, never their email or anything else.
    actor: event.actor
      ? {
          userId: event.actor.userId,
          ...(event.actor.name ? { name: event.actor.name } : {}),
          roles: event.actor.roles,
          agencyId: event.actor.agencyId,
          ...(event.actor.agencyName ? { agencyName: event.actor.agencyName } : {}),
        }
      : null,
    expiresAt: auditExpiry(at, retentionYears),
  };
}

export function createAuditWriter(
  db: DynamoDBDocumentClient,
  tableName: string,
  clock: () => Date,
  options: { retentionYears?: number } = {},
): AuditWriter {
  const putItem: AuditWriter['putItem'] = (event) => ({
    Put: {
      TableName: tableName,
      Item: auditItem(event, clock(), options.retentionYears),
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  });
  return {
    putItem,
    async append(event) {
      await db.send(new PutCommand(putItem(event).Put));
    },
  };
}
