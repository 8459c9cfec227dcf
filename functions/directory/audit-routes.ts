import { AUDIT_ENTITY_TYPES } from '../../shared/directory/audit-actions.ts';
import * as z from '../../shared/platform/zod.ts';
import { ListQuerySchema, listPageOf } from '../platform/pagination.ts';
import { bearer, createRoute, idParams, json, jsonBody, problem } from '../platform/routing.ts';

/**
 * The audit trail's HTTP contract, for the admin only: one record's trail (any kind of record,
 * refused routes and lists included), one person's trail, and a subject access search by a child's
 * name and date of birth, as JSON or as a CSV report. Every read of the trail is itself audited.
 */
export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  action: z.string(),
  outcome: z.enum(['allowed', 'denied']),
  entity: z.object({ type: z.string(), id: z.string() }),
  actor: z.nullable(
    z.object({
      userId: z.string(),
      name: z.optional(z.string()),
      roles: z.array(z.string()),
      agencyId: z.nullable(z.string()),
      agencyName: z.optional(z.string()),
    }),
  ),
  requestId: z.string(),
  sourceIp: z.optional(z.string()),
  detail: z.optional(z.string()),
  reason: z.optional(z.string()),
  ids: z.optional(z.array(z.string())),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

const AuditPageSchema = listPageOf(AuditEntrySchema);

const moment = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'must be a date (YYYY-MM-DD) or a date and time (ISO 8601)',
});

/** Newest first, oldest first, and a time range: the same for a record's trail and a person's. */
const TrailQuerySchema = z.extend(ListQuerySchema, {
  order: z._default(z.enum(['oldest', 'newest'], { error: 'must be oldest or newest' }), 'oldest'),
  from: z.optional(moment),
  to: z.optional(moment),
});

/** No control characters, nor the bidirectional ones that could make an entry read as something else. */
const PLAIN_TEXT = /^[^\p{Cc}\u202A-\u202E\u2066-\u2069]*$/u;

/**
 * Why the admin is reading, if they say: a header (as for opening a referral), so it stays out of
 * addresses and the logs that keep them.
 */
const ReasonHeaders = z.object({
  'x-access-reason': z.optional(
    z
      .string()
      .check(
        z.trim(),
        z.maxLength(200, 'must be 200 characters or fewer'),
        z.regex(PLAIN_TEXT, 'must not hold control characters'),
      ),
  ),
});

export const readAudit = createRoute({
  method: 'get',
  path: '/api/audit',
  tags: ['directory'],
  summary: 'The audit trail of one record, oldest first unless asked otherwise (admin)',
  security: bearer,
  request: {
    query: z.extend(TrailQuerySchema, {
      entity: z.enum(AUDIT_ENTITY_TYPES, { error: `must be one of ${AUDIT_ENTITY_TYPES.join(', ')}` }),
      id: z
        .string()
        .check(
          z.trim(),
          z.minLength(1, 'Enter the record’s id'),
          z.maxLength(120, 'is too long'),
          z.regex(/^[\w:/.@#{}+-]+$/, 'is not a record id'),
        ),
    }),
    headers: ReasonHeaders,
  },
  responses: {
    200: json('A page of the trail', AuditPageSchema),
    400: problem('Bad entity, id, order, time range, limit or cursor'),
    403: problem('Not an admin'),
  },
});

export const readActorAudit = createRoute({
  method: 'get',
  path: '/api/audit/actors/{id}',
  tags: ['directory'],
  summary: 'Everything one person did, by their user id, oldest first unless asked otherwise (admin)',
  security: bearer,
  request: {
    params: idParams(/^[A-Za-z0-9._@:-]{1,128}$/, 'a user id'),
    query: TrailQuerySchema,
    headers: ReasonHeaders,
  },
  responses: {
    200: json('A page of the person’s trail', AuditPageSchema),
    400: problem('Bad user id, order, time range, limit or cursor'),
    403: problem('Not an admin'),
  },
});

const name = (what: string) =>
  z
    .string({ error: `Enter the child’s ${what}` })
    .check(
      z.trim(),
      z.minLength(1, `Enter the child’s ${what}`),
      z.maxLength(60, 'must be 60 characters or fewer'),
    );

export const SubjectAccessRequestSchema = z.strictObject({
  firstName: name('first name'),
  lastName: name('last name'),
  dateOfBirth: z.iso.date({ error: 'Enter the child’s date of birth as a real date, YYYY-MM-DD' }),
  reason: z
    .string({ error: 'Enter why you are searching, for example the request’s reference' })
    .check(
      z.trim(),
      z.minLength(1, 'Enter why you are searching, for example the request’s reference'),
      z.maxLength(200, 'must be 200 characters or fewer'),
      z.regex(PLAIN_TEXT, 'must not hold control characters'),
    ),
});

const SubjectRecordSchema = z.object({
  entity: z.object({ type: z.string(), id: z.string() }),
  firstSeen: z.string(),
  lastSeen: z.string(),
  entries: z.array(AuditEntrySchema),
  /** More entries than one search reads for one record: the rest are in its own trail. */
  truncated: z.boolean(),
});

export const SubjectAccessSchema = z.object({
  generatedAt: z.string(),
  generatedBy: z.object({ userId: z.string(), name: z.string(), agencyName: z.optional(z.string()) }),
  reason: z.string(),
  matchedOn: z.string(),
  records: z.array(SubjectRecordSchema),
  /** More records than one search reads: narrow the search, or ask for the rest by record. */
  truncated: z.boolean(),
});

export const subjectAccess = createRoute({
  method: 'post',
  path: '/api/audit/subject-access',
  tags: ['directory'],
  summary:
    'Every record about a child, found by her name and date of birth, and every entry about each (admin); as JSON, or a CSV report with Accept: text/csv or ?format=csv',
  security: bearer,
  request: {
    query: z.strictObject({ format: z.optional(z.enum(['json', 'csv'], { error: 'must be json or csv' })) }),
    body: jsonBody(SubjectAccessRequestSchema),
  },
  responses: {
    200: {
      description: 'The records found and their entries; the CSV is a file to send',
      content: {
        'application/json': { schema: SubjectAccessSchema },
        'text/csv': { schema: z.string() },
      },
    },
    400: problem('A name, the date of birth or the reason is missing or invalid'),
    403: problem('Not an admin'),
  },
});

export const auditRoutes = [readAudit, readActorAudit, subjectAccess];
