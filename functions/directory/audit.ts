import { InvalidRequest } from '../platform/errors.ts';
import { type AppContext, type AreaApp, auditEvent, signedInAs } from '../platform/http.ts';
import type { Principal } from '../platform/identity.ts';
import { bindRoute } from '../platform/routing.ts';
import type { DirectoryDeps } from './app.ts';
import { type AuditEntry, readActorAudit, readAudit, subjectAccess } from './audit-routes.ts';
import type { TrailOptions } from './store.ts';
import {
  findSubjectRecords,
  MATCHED_ON,
  type SubjectAccessReport,
  subjectAccessCsv,
} from './subject-access.ts';

/**
 * The audit trail's handlers, for the admin only. Reading the trail is itself recorded, with the
 * reason the admin gave: who looked at whose record, whose actions, or which child's.
 */
export function registerAuditRoutes(app: AreaApp, deps: DirectoryDeps): void {
  const { store, audit, cursors, clock } = deps;

  const admin = (c: AppContext): Principal => signedInAs(c, 'admin');

  const recordRead = (
    c: AppContext,
    me: Principal,
    entity: { type: string; id: string },
    reason: string | undefined,
    extra: { detail?: string; subjectKey?: string; ids?: string[] } = {},
  ) =>
    audit.append(
      auditEvent(c, me, entity.type === 'subject-access' ? 'audit.subject-access' : 'audit.read', entity, {
        ...(reason ? { reason } : {}),
        ...extra,
      }),
    );

  bindRoute(app, readAudit, async (c) => {
    const me = admin(c);
    const { entity, id, limit, cursor, order, from, to } = c.req.valid('query');
    const range = timeRange(from, to);
    const list = JSON.stringify(['audit', entity, id, order, range.from ?? '', range.to ?? '']);
    const page = await store.auditTrail(
      { type: entity, id },
      { limit, order, ...range, startKey: cursors.decode(cursor, me.userId, list) },
    );
    await recordRead(c, me, { type: entity, id }, reasonOf(c.req.valid('header')));
    return c.json(
      { items: page.items as AuditEntry[], nextCursor: cursors.encode(page.lastKey, me.userId, list) },
      200,
    );
  });

  bindRoute(app, readActorAudit, async (c) => {
    const me = admin(c);
    const { id } = c.req.valid('param');
    const { limit, cursor, order, from, to } = c.req.valid('query');
    const range = timeRange(from, to);
    const list = JSON.stringify(['audit-actor', id, order, range.from ?? '', range.to ?? '']);
    const page = await store.actorTrail(id, {
      limit,
      order,
      ...range,
      startKey: cursors.decode(cursor, me.userId, list),
    });
    await recordRead(c, me, { type: 'user', id }, reasonOf(c.req.valid('header')));
    return c.json(
      { items: page.items as AuditEntry[], nextCursor: cursors.encode(page.lastKey, me.userId, list) },
      200,
    );
  });

  bindRoute(app, subjectAccess, async (c) => {
    const me = admin(c);
    const child = c.req.valid('json');
    const { format } = c.req.valid('query');
    const csv =
      format === 'csv' || (format === undefined && /\btext\/csv\b/i.test(c.req.header('accept') ?? ''));
    const subjectKey = deps.subjectKey(child);
    const found = await findSubjectRecords(store, subjectKey);
    const report: SubjectAccessReport = {
      generatedAt: clock().toISOString(),
      generatedBy: {
        userId: me.userId,
        name: me.name,
        ...(me.agencyName ? { agencyName: me.agencyName } : {}),
      },
      reason: child.reason,
      matchedOn: MATCHED_ON,
      ...found,
    };
    // Filed under the child's key too, so the trail shows every search made about her (never her details).
    await recordRead(c, me, { type: 'subject-access', id: c.get('requestId') }, child.reason, {
      detail: `${found.records.length} records found${found.truncated ? ' (more than one search reports)' : ''}${csv ? ', as a CSV report' : ''}`,
      ...(subjectKey ? { subjectKey } : {}),
      ids: found.records.map((r) => `${r.entity.type}:${r.entity.id}`),
    });
    if (csv) {
      return c.body(subjectAccessCsv(report, child), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="subject-access-${report.generatedAt.slice(0, 10)}.csv"`,
      });
    }
    return c.json(report, 200);
  });
}

function reasonOf(headers: { 'x-access-reason'?: string | undefined }): string | undefined {
  return headers['x-access-reason']?.normalize('NFC') || undefined;
}

/** Bounds as the store compares them: a date as given (the whole day), a time as ISO in UTC. */
function timeRange(from?: string, to?: string): Pick<TrailOptions, 'from' | 'to'> {
  const bound = (value: string) => {
    if (value.length === 10) return value;
    const time = new Date(value);
    if (Number.isNaN(time.getTime())) {
      throw new InvalidRequest([{ field: value === from ? 'from' : 'to', reason: 'is not a real time' }]);
    }
    return time.toISOString();
  };
  const range = { ...(from ? { from: bound(from) } : {}), ...(to ? { to: bound(to) } : {}) };
  if (range.from && range.to && range.from > `${range.to}~`) {
    throw new InvalidRequest([{ field: 'to', reason: 'must be the same as or after from' }]);
  }
  return range;
}
