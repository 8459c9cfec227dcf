/**
 * The services directory's public pages as whole HTML, rendered on the server from the views in
 * shared/views/services/, so a practitioner finds a service and reads how to refer without
 * JavaScript: the filters are a GET form, the next page a plain link.
 *
 *   GET /find?district=NS3&need=…&age=…   the search form and a page of results
 *   GET /service?id=…                    one published service, or the not-found page (404)
 *
 * Mounted by the services app under the address shared/deployment/routes.ts (SERVER_RENDERED_PAGES)
 * gives each page. The query string is read with the same schema as the API's search, and a filter it
 * refuses is shown in a GOV.UK error summary beside the form, never as a problem+json.
 */
import { Hono } from 'hono';
import { etag as etagMiddleware } from 'hono/etag';
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { SERVER_RENDERED_PAGES } from '../../shared/deployment/routes.ts';
import * as z from '../../shared/platform/zod.ts';
import { type ServiceSearch, ServiceSearchSchema } from '../../shared/services/schema.ts';
import { type AssetManifest, layout } from '../../shared/views/layout.ts';
import type { NeedOption } from '../../shared/views/services/facts.ts';
import {
  FIND_FIELDS,
  type FindField,
  FindPage,
  type FindPageProps,
  type FindValues,
  findTitle,
} from '../../shared/views/services/find.ts';
import { ServiceNotFound, ServicePage, ServicesUnavailable } from '../../shared/views/services/service.ts';
import { InvalidRequest } from '../platform/errors.ts';
import type { Logger } from '../platform/logger.ts';
import { renderError } from '../platform/problem.ts';
import type { ServicePageDeps } from './ports.ts';

/** Results on one page: enough to compare, few enough to read down on a phone. */
export const RESULTS_PER_PAGE = 10;

/** Published entries are public and change seldom; browsers and CloudFront revalidate by ETag. */
const PUBLIC_CACHE = 'public, max-age=60, stale-while-revalidate=300';

const moduleAt = (path: string): string => {
  const found = SERVER_RENDERED_PAGES.find((p) => p.path === path);
  if (!found) throw new Error(`No server-rendered page at ${path}`);
  return found.module;
};
const FIND_MODULE = moduleAt('/services/');
const SERVICE_MODULE = moduleAt('/services/service/');

function page(assets: AssetManifest, options: { title: string; module: string; view: VNode }): string {
  const scriptSrc = assets.modules[options.module];
  if (!scriptSrc) throw new Error(`The asset manifest has no page module "${options.module}"`);
  return layout({
    title: options.title,
    nav: 'services',
    mainHtml: `        <div id="app">${renderToString(options.view)}</div>`,
    scriptSrc,
    stylesheets: assets.stylesheets,
    jsEnabledSrc: assets.jsEnabled,
  });
}

/** The filters as sent: a GET form sends every field, the empty ones as "". */
export function readFindValues(params: URLSearchParams): FindValues {
  const one = (key: string) => (params.get(key) ?? '').trim();
  return {
    need: params.getAll('need').filter((n) => n !== ''),
    level: one('level'),
    age: one('age'),
    district: one('district'),
    free: params.get('free') === 'true',
    access: one('access'),
    q: one('q'),
  };
}

/** Each filter's message in the page's words (the schema's own are for the API's callers). */
const MESSAGES: Record<Exclude<FindField, 'cursor'>, string> = {
  district: 'Choose a postcode district from the list',
  need: 'Choose what the family needs help with from the list',
  level: 'Choose level 1, 2 or 3',
  age: 'Enter the child’s age in whole years, from 0 to 25, like 7',
  free: 'Tick “Free services only”, or leave it empty',
  access: 'Choose how families get in from the list',
  q: 'Enter 100 characters or fewer to search for',
};

const isFindField = (field: unknown): field is FindField =>
  typeof field === 'string' && (FIND_FIELDS as readonly string[]).includes(field);

/** The search the filters ask for, or what is wrong with them. */
export function readSearch(
  values: FindValues,
  needs: readonly NeedOption[],
): { search: ServiceSearch } | { errors: Partial<Record<FindField, string>> } {
  const raw: Record<string, unknown> = {};
  if (values.need.length > 0) raw.need = values.need;
  for (const key of ['level', 'age', 'district', 'access', 'q'] as const) {
    if (values[key] !== '') raw[key] = values[key];
  }
  if (values.free) raw.free = 'true';
  const errors: Partial<Record<FindField, string>> = {};
  const parsed = z.safeParse(ServiceSearchSchema, raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (isFindField(field) && field !== 'cursor') errors[field] ??= MESSAGES[field];
    }
  }
  // A need the current guidance no longer has would match nothing, silently: say so instead.
  const known = new Set(needs.map((n) => n.id));
  if (values.need.some((n) => !known.has(n))) errors.need ??= MESSAGES.need;
  if (!parsed.success || Object.keys(errors).length > 0) return { errors };
  return { search: parsed.data };
}

/**
 * What the search itself refused, in the page's words: an old or altered "Next page" link (its
 * cursor), or a filter the store checks against today's guidance.
 */
function refusedFilters(error: InvalidRequest): Partial<Record<FindField, string>> {
  const errors: Partial<Record<FindField, string>> = {};
  for (const { field } of error.errors) {
    const name = field.split('.')[0];
    if (isFindField(name) && name !== 'cursor') errors[name] ??= MESSAGES[name];
    else errors.cursor ??= 'That page of results is no longer available. Search again from the first page.';
  }
  if (Object.keys(errors).length === 0) errors.cursor = 'Search again from the first page.';
  return errors;
}

/** The address of the next page: the same filters, and the cursor the search gave. */
export function nextPageHref(params: URLSearchParams, cursor: string): string {
  const next = new URLSearchParams();
  for (const [key, value] of params) if (key !== 'cursor' && value !== '') next.append(key, value);
  next.set('cursor', cursor);
  return `/services/?${next.toString()}`;
}

export function servicePages(deps: ServicePageDeps & { logger?: Logger }): Hono {
  const app = new Hono();

  // The pages need the web build's assets; without them the function serves the API only.
  const { pageAssets } = deps;
  if (!pageAssets) return app;

  /** The store could not be read: GOV.UK's "problem with the service", with the API's status and log line. */
  app.onError((error, c) => {
    let status: 500 | 503 = 500;
    if (deps.logger) {
      const answer = renderError(error, c, deps.logger);
      if (answer.status === 503) status = 503;
      const retryAfter = answer.headers.get('retry-after');
      if (retryAfter) c.header('retry-after', retryAfter);
    }
    c.header('cache-control', 'no-store');
    return c.html(
      page(pageAssets, {
        title: 'Sorry, there is a problem with the service',
        module: FIND_MODULE,
        view: html`<${ServicesUnavailable} />`,
      }),
      status,
    );
  });

  app.get('/find', etagMiddleware({ weak: true }), async (c) => {
    const params = new URL(c.req.url).searchParams;
    const needs = await deps.needs();
    const values = readFindValues(params);
    const read = readSearch(values, needs);
    let errors: Partial<Record<FindField, string>> = 'errors' in read ? read.errors : {};
    let results: FindPageProps['results'] = null;
    if ('search' in read) {
      const cursor = params.get('cursor') || undefined;
      try {
        const found = await deps.find(read.search, {
          limit: RESULTS_PER_PAGE,
          ...(cursor ? { cursor } : {}),
        });
        results = {
          items: found.items,
          nextHref: found.nextCursor ? nextPageHref(params, found.nextCursor) : null,
        };
      } catch (error) {
        // An old or altered "Next page" link: say so, rather than the API's 400.
        if (!(error instanceof InvalidRequest)) throw error;
        errors = refusedFilters(error);
      }
    }
    c.header('cache-control', PUBLIC_CACHE);
    return c.html(
      page(pageAssets, {
        title: findTitle({ errors }),
        module: FIND_MODULE,
        view: html`<${FindPage} needs=${needs} values=${values} errors=${errors} results=${results} />`,
      }),
      200,
    );
  });

  app.get('/service', etagMiddleware({ weak: true }), async (c) => {
    const id = c.req.query('id') ?? '';
    const [service, needs] = /^[A-Za-z0-9_-]{1,100}$/.test(id)
      ? await Promise.all([deps.published(id), deps.needs()])
      : [null, []];
    if (!service) {
      c.header('cache-control', 'no-store');
      return c.html(
        page(pageAssets, {
          title: 'Page not found',
          module: SERVICE_MODULE,
          view: html`<${ServiceNotFound} />`,
        }),
        404,
      );
    }
    c.header('cache-control', PUBLIC_CACHE);
    return c.html(
      page(pageAssets, {
        title: service.fields.name,
        module: SERVICE_MODULE,
        view: html`<${ServicePage} service=${service} needs=${needs} />`,
      }),
      200,
    );
  });

  return app;
}
