import { ulid } from 'ulid';
import type { Agency } from '../../shared/directory/schema.ts';
import type { WebConfig } from '../../shared/platform/web-config.ts';
import { NotFound, Unavailable } from '../platform/errors.ts';
import {
  type AreaApp,
  auditEvent,
  createAreaApp,
  etag,
  ifMatchVersion,
  type PlatformDeps,
  signedIn,
  signedInAs,
} from '../platform/http.ts';
import { bindRoute } from '../platform/routing.ts';
import type { SubjectKey } from '../platform/subject-keys.ts';
import { registerAuditRoutes } from './audit.ts';
import { type PeopleDeps, registerPeopleRoutes } from './people.ts';
import {
  createAgency,
  getAgency,
  getMe,
  health,
  listAgencies,
  openApiDocument as openApiRoute,
  updateAgency,
  webConfig as webConfigRoute,
} from './routes.ts';
import type { DirectoryStore } from './store.ts';

export interface DirectoryDeps extends PlatformDeps, PeopleDeps {
  store: DirectoryStore;
  webConfig: WebConfig;
  /** Finds a child's audit entries by the key the referrals area files them under (subject-keys.ts). */
  subjectKey: SubjectKey;
}

/** The directory: partner agencies, `/api/me`, and the platform's health and OpenAPI routes. */
export function createDirectoryApp(deps: DirectoryDeps): AreaApp {
  const app = createAreaApp(deps, 'directory');
  const { store, audit, clock, cursors } = deps;

  bindRoute(app, health, async (c) => {
    if (c.req.valid('query').ready === undefined) return c.json({ status: 'ok' as const }, 200);
    try {
      await store.ping();
    } catch (error) {
      // Any failure to read means not ready, whatever the SDK called it.
      deps.logger.log('warn', 'readiness check failed', {
        requestId: c.get('requestId'),
        error: error instanceof Error ? error.name : 'unknown',
      });
      throw new Unavailable('The store is not answering');
    }
    return c.json({ status: 'ready' as const }, 200);
  });

  bindRoute(app, openApiRoute, async (c) => {
    // Loaded on first use (see openapi.ts): it is not part of the directory's cold start.
    const { openApiDocument } = await import('./openapi.ts');
    c.header('cache-control', 'public, max-age=300');
    return c.json(openApiDocument() as { openapi: string }, 200);
  });

  bindRoute(app, webConfigRoute, (c) => {
    c.header('cache-control', 'public, max-age=300');
    return c.json(deps.webConfig, 200);
  });

  bindRoute(app, getMe, async (c) => {
    const me = signedIn(c);
    const agency = me.agencyId ? await store.getAgency(me.agencyId) : null;
    return c.json({ userId: me.userId, name: me.name, email: me.email, roles: me.roles, agency }, 200);
  });

  bindRoute(app, listAgencies, async (c) => {
    const me = signedIn(c);
    const { limit, cursor } = c.req.valid('query');
    const page = await store.listAgencies({ limit, startKey: cursors.decode(cursor, me.userId, 'agencies') });
    return c.json(
      { items: page.items, nextCursor: cursors.encode(page.lastKey, me.userId, 'agencies') },
      200,
    );
  });

  bindRoute(app, getAgency, async (c) => {
    signedIn(c);
    const agency = await store.getAgency(c.req.valid('param').id);
    if (!agency) throw new NotFound('There is no such agency');
    c.header('etag', etag(agency.version));
    return c.json(agency, 200);
  });

  bindRoute(app, createAgency, async (c) => {
    const me = signedInAs(c, 'admin');
    const input = c.req.valid('json');
    const now = clock().toISOString();
    const agency: Agency = {
      id: ulid(),
      name: input.name,
      kind: input.kind,
      ...(input.notifyEmail ? { notifyEmail: input.notifyEmail } : {}),
      active: true,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await store.createAgency(
      agency,
      audit.putItem(auditEvent(c, me, 'agency.create', { type: 'agency', id: agency.id })),
    );
    c.header('etag', etag(agency.version));
    c.header('location', `/api/agencies/${agency.id}`);
    return c.json(agency, 201);
  });

  bindRoute(app, updateAgency, async (c) => {
    const me = signedInAs(c, 'admin');
    const { id } = c.req.valid('param');
    const expected = ifMatchVersion(c);
    const change = c.req.valid('json');
    const existing = await store.getAgency(id);
    if (!existing) throw new NotFound('There is no such agency');
    const { notifyEmail: _previousMailbox, ...rest } = existing;
    const mailbox = change.notifyEmail === undefined ? existing.notifyEmail : change.notifyEmail;
    const updated: Agency = {
      ...rest,
      ...(change.name !== undefined ? { name: change.name } : {}),
      ...(change.active !== undefined ? { active: change.active } : {}),
      ...(mailbox ? { notifyEmail: mailbox } : {}),
      updatedAt: clock().toISOString(),
      version: expected + 1,
    };
    const what = [
      change.name !== undefined && 'renamed',
      change.active === false && 'deactivated',
      change.active === true && 'reactivated',
      change.notifyEmail === null && existing.notifyEmail && 'mailbox removed',
      change.notifyEmail && change.notifyEmail !== existing.notifyEmail && 'mailbox set',
    ];
    await store.updateAgency(
      updated,
      expected,
      existing.name,
      audit.putItem(
        auditEvent(
          c,
          me,
          'agency.update',
          { type: 'agency', id },
          { detail: what.filter(Boolean).join(', ') },
        ),
      ),
    );
    // This process forgets the agency's standing at once; others within the stated bound.
    if (change.active !== undefined) deps.access.forget({ agencyId: id });
    c.header('etag', etag(updated.version));
    return c.json(updated, 200);
  });

  registerAuditRoutes(app, deps);
  registerPeopleRoutes(app, deps);

  return app;
}
