import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { ulid } from 'ulid';
import {
  distanceKm,
  fitsSearch,
  matchReasons,
  mayEdit,
  ownerAgencyOf,
  providerRefusal,
  searchedNeeds,
  searchWords,
  serviceView,
} from '../../shared/services/rules.ts';
import type {
  Service,
  ServiceFields,
  ServiceMatch,
  ServiceSearch,
  ServiceView,
} from '../../shared/services/schema.ts';
import type { AssetManifest } from '../../shared/views/layout.ts';
import type { AgencyNames } from '../platform/agency-names.ts';
import { Conflict, Forbidden, InvalidRequest, NotFound } from '../platform/errors.ts';
import type { GuidanceSource } from '../platform/guidance-source.ts';
import {
  type AppContext,
  type AreaApp,
  auditEvent,
  createAreaApp,
  etag,
  ifMatchVersion,
  type PlatformDeps,
  signedInAs,
} from '../platform/http.ts';
import type { Principal } from '../platform/identity.ts';
import { bindRoute } from '../platform/routing.ts';
import { shownAsIs } from '../platform/shown.ts';
import { createServiceExportRoutes } from './exports.ts';
import { searchScopes } from './keys.ts';
import type { ServiceExportDeps, ServiceNeed, ServicePageDeps } from './ports.ts';
import {
  checkService,
  createService,
  getService,
  listMine,
  publishService,
  searchServices,
  unpublishService,
  updateService,
} from './routes.ts';
import type { ServiceStore, StoredService } from './store.ts';

export interface ServicesDeps extends PlatformDeps {
  store: ServiceStore;
  /** The current published guidance: its sub-domains are the needs a service meets. */
  guidance: GuidanceSource;
  /** Partner agencies, so an entry's provider can only be one that exists. */
  agencies: AgencyNames;
  /** The partnership's business unit: its directory editors keep every entry. */
  partnershipAgencyId: string;
  /** The web build's assets. Without them the function serves the API only, not the pages. */
  pageAssets?: AssetManifest;
}

/** The UK date today: a six-monthly check is a matter of dates, kept in UK time. */
const ukToday = (now: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now);

/** Search cursors are not anyone's: the directory is public. They still name the search they page. */
const PUBLIC_READER = 'public';
const searchList = (query: ServiceSearch) =>
  `services:search:${createHash('sha256')
    .update(JSON.stringify({ ...query, need: searchedNeeds(query).sort() }))
    .digest('base64url')
    .slice(0, 16)}`;

const noSuchEntry = () => new NotFound('There is no such service in the directory');

export function createServicesApp(deps: ServicesDeps): AreaApp {
  const app = createAreaApp(deps, 'services');
  const { store, clock, cursors, audit, partnershipAgencyId } = deps;
  const today = () => ukToday(clock());
  const view = (service: Service) => serviceView(service, today());
  const editor = (c: AppContext) => signedInAs(c, 'directory-editor');
  const auditPut = (c: AppContext, me: Principal, action: string, id: string, detail?: string) =>
    audit.putItem(auditEvent(c, me, action, { type: 'service', id }, detail ? { detail } : {}));
  const respond = (c: AppContext, service: Service, status: 200 | 201 = 200) => {
    c.header('etag', etag(service.version));
    return c.json(shownAsIs(view(service)), status);
  };

  const needs = async (): Promise<ServiceNeed[]> => {
    const { framework } = await deps.guidance.current();
    return framework.domains.flatMap((domain) =>
      domain.subDomains.map((sub) => ({ id: sub.id, label: sub.name, domain: domain.name })),
    );
  };
  /** The needs' labels, refusing any that is not a sub-domain of today's guidance. */
  const knownNeeds = async (asked: readonly string[], field: (i: number) => string) => {
    const labels = new Map((await needs()).map((n) => [n.id, n.label]));
    const unknown = asked.flatMap((id, i) =>
      labels.has(id) ? [] : [{ field: field(i), reason: `${id} is not a need in the current guidance` }],
    );
    if (unknown.length) throw new InvalidRequest(unknown);
    return labels;
  };

  const find = async (
    query: ServiceSearch,
    page: { limit: number; cursor?: string },
  ): Promise<{ items: ServiceMatch[]; nextCursor?: string }> => {
    const asked = searchedNeeds(query);
    const labels = asked.length ? await knownNeeds(asked, () => 'need') : new Map<string, string>();
    const list = searchList(query);
    const start = cursors.decode(page.cursor, PUBLIC_READER, list);
    if (start !== undefined && typeof start.after !== 'string')
      throw new InvalidRequest([{ field: 'cursor', reason: 'is not a cursor this service issued' }]);
    const result = await store.search({
      scopes: searchScopes(asked, query.district),
      filter: {
        ...(query.age !== undefined ? { age: query.age } : {}),
        ...(query.district ? { district: query.district } : {}),
        ...(query.free === 'true' ? { free: true } : {}),
        ...(query.access ? { access: query.access } : {}),
        ...(query.level ? { level: Number(query.level) } : {}),
        words: searchWords(query.q),
      },
      accept: (fields) => fitsSearch(fields, query),
      limit: page.limit,
      ...(start ? { after: start.after as string } : {}),
    });
    const day = today();
    const items = result.items.map((service) => ({
      service: serviceView(service, day),
      reasons: matchReasons(service.fields, query, labels),
      ...(query.district ? { distanceKm: distanceKm(service.fields, query.district) } : {}),
    }));
    const next = cursors.encode(result.after ? { after: result.after } : undefined, PUBLIC_READER, list);
    return next ? { items, nextCursor: next } : { items };
  };

  const published = async (id: string): Promise<ServiceView | null> => {
    const stored = await store.get(id);
    return stored?.service.status === 'published' ? view(stored.service) : null;
  };

  /** What an editor may put in an entry: today's needs, and a provider that exists and they may name. */
  const checkFields = async (me: Principal, fields: ServiceFields) => {
    await knownNeeds(fields.needs, (i) => `needs.${i}`);
    const refusal = providerRefusal(me, fields, partnershipAgencyId);
    if (refusal) throw new InvalidRequest([{ field: 'provider.agencyId', reason: refusal }]);
    const agencyId = fields.provider.agencyId;
    if (agencyId && !(await deps.agencies.names()).has(agencyId))
      throw new InvalidRequest([
        { field: 'provider.agencyId', reason: `${agencyId} is not a partner agency` },
      ]);
  };

  /** An editor's write: their If-Match, and the entry if they keep it (404 if not, as if absent). */
  const editable = async (c: AppContext, id: string) => {
    const me = editor(c);
    const expected = ifMatchVersion(c);
    const stored = await store.get(id);
    if (!stored || !mayEdit(me, stored.service, partnershipAgencyId)) throw noSuchEntry();
    if (stored.service.version !== expected)
      throw new Conflict(
        'Someone else changed this entry since you read it',
        shownAsIs(view(stored.service)),
      );
    return { me, stored, service: stored.service };
  };

  /** Saves, showing a writer who lost a race the entry as it now stands. */
  const save = async (
    c: AppContext,
    next: Service,
    previous: StoredService,
    me: Principal,
    action: string,
  ) => {
    try {
      await store.save(next, previous, auditPut(c, me, action, next.id));
    } catch (error) {
      if (!(error instanceof Conflict) || error.current) throw error;
      const current = await store.get(next.id);
      throw new Conflict(error.message, current ? shownAsIs(view(current.service)) : undefined);
    }
    return respond(c, next);
  };
  const changed = (service: Service, change: Partial<Service>): Service => ({
    ...service,
    ...change,
    updatedAt: clock().toISOString(),
    version: service.version + 1,
  });
  const person = (me: Principal) => ({ userId: me.userId, name: me.name });

  bindRoute(app, searchServices, async (c) => {
    const { limit, cursor, ...query } = c.req.valid('query');
    const page = await find(query, { limit, ...(cursor !== undefined ? { cursor } : {}) });
    return c.json({ items: page.items, nextCursor: page.nextCursor ?? null }, 200);
  });

  // "mine" is no entry's id: only GET answers it, and other methods are not sent on to /{id}'s.
  app.all('/api/services/mine', async (c, next) => {
    if (c.req.method !== 'GET') return c.notFound();
    await next();
  });
  bindRoute(app, listMine, async (c) => {
    const me = editor(c);
    if (!me.agencyId) throw new Forbidden('A directory editor belongs to an agency');
    const { limit, cursor } = c.req.valid('query');
    const whose = me.agencyId === partnershipAgencyId ? 'every' : { agencyId: me.agencyId };
    const page = await store.list(whose, {
      limit,
      startKey: cursors.decode(cursor, me.userId, 'services:mine'),
    });
    const day = today();
    return c.json(
      {
        items: page.items.map((s) => shownAsIs(serviceView(s, day))),
        nextCursor: cursors.encode(page.lastKey, me.userId, 'services:mine'),
      },
      200,
    );
  });

  bindRoute(app, createService, async (c) => {
    const me = editor(c);
    if (!me.agencyId) throw new Forbidden('A directory editor belongs to an agency');
    const fields = c.req.valid('json');
    await checkFields(me, fields);
    const now = clock();
    const service: Service = {
      id: ulid(now.getTime()),
      fields,
      status: 'draft',
      ownerAgencyId: ownerAgencyOf(fields, partnershipAgencyId),
      lastCheckedOn: ukToday(now),
      lastCheckedBy: person(me),
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      version: 1,
    };
    await store.create(service, auditPut(c, me, 'service.create', service.id));
    c.header('location', `/api/services/${service.id}`);
    return respond(c, service, 201);
  });

  bindRoute(app, getService, async (c) => {
    const stored = await store.get(c.req.valid('param').id);
    const service = stored?.service;
    if (
      !service ||
      (service.status !== 'published' && !mayEdit(c.get('principal'), service, partnershipAgencyId))
    )
      throw noSuchEntry();
    return respond(c, service);
  });

  bindRoute(app, updateService, async (c) => {
    const fields = c.req.valid('json');
    const { me, stored, service } = await editable(c, c.req.valid('param').id);
    await checkFields(me, fields);
    const next = changed(service, { fields, ownerAgencyId: ownerAgencyOf(fields, partnershipAgencyId) });
    return save(c, next, stored, me, 'service.update');
  });

  bindRoute(app, publishService, async (c) => {
    const { me, stored, service } = await editable(c, c.req.valid('param').id);
    if (service.status === 'published')
      throw new Conflict('This entry is already published', shownAsIs(view(service)));
    // Its needs must still be today's, or search would list it under needs no one can ask for.
    await knownNeeds(service.fields.needs, (i) => `needs.${i}`);
    const next = changed(service, { status: 'published', publishedAt: clock().toISOString() });
    return save(c, next, stored, me, 'service.publish');
  });

  bindRoute(app, unpublishService, async (c) => {
    const { me, stored, service } = await editable(c, c.req.valid('param').id);
    if (service.status !== 'published')
      throw new Conflict('This entry is not published', shownAsIs(view(service)));
    return save(c, changed(service, { status: 'unpublished' }), stored, me, 'service.unpublish');
  });

  bindRoute(app, checkService, async (c) => {
    const { me, stored, service } = await editable(c, c.req.valid('param').id);
    const next = changed(service, { lastCheckedOn: today(), lastCheckedBy: person(me) });
    return save(c, next, stored, me, 'service.check');
  });

  // The public pages (functions/services/pages.ts) and exports (functions/services/exports.ts) read
  // the directory through these ports only, as the API answers it.
  const pageDeps: ServicePageDeps = {
    find,
    published,
    needs,
    ...(deps.pageAssets ? { pageAssets: deps.pageAssets } : {}),
  };
  const exportDeps: ServiceExportDeps = {
    async *allPublished() {
      const day = today();
      for await (const service of store.allPublished()) yield serviceView(service, day);
    },
    find,
    needs,
    today,
  };
  app.route('/', createServiceExportRoutes(exportDeps));
  if (deps.pageAssets) {
    // Loaded on the first page request, not at cold start: the API never uses the pages' views.
    let pages: Promise<Hono> | undefined;
    app.get('/api/services/pages/*', async (c) => {
      pages ??= import('./pages.ts').then(({ servicePages }) =>
        new Hono().route('/api/services/pages', servicePages({ ...pageDeps, logger: deps.logger })),
      );
      return (await pages).fetch(c.req.raw, c.env);
    });
  }

  return app;
}
