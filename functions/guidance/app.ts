import { etag as etagMiddleware } from 'hono/etag';
import { SERVER_RENDERED_PAGES } from '../../shared/deployment/routes.ts';
import { checkIndicators, findFrameworkProblems, searchIndicators } from '../../shared/guidance/check.ts';
import { type CheckerServices, servicesSearchFor } from '../../shared/guidance/checker-services.ts';
import { compareFrameworks } from '../../shared/guidance/diff.ts';
import type { EditorRef, GuidanceVersion } from '../../shared/guidance/schema.ts';
import { APPROVAL_NEEDED, approvalRefusal, isApproved, withEditor } from '../../shared/guidance/sign-off.ts';
import { findRouteProblems, routesFor } from '../../shared/guidance/specific-routes.ts';
import type { AssetManifest } from '../../shared/views/layout.ts';
import { Conflict, Forbidden, InvalidRequest, NotFound, Unprocessable } from '../platform/errors.ts';
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
import { hasRole, type Principal } from '../platform/identity.ts';
import { renderError } from '../platform/problem.ts';
import { bindRoute } from '../platform/routing.ts';
import type { ServicesSource } from '../platform/services-source.ts';
import { shownAsIs } from '../platform/shown.ts';
import { servicesForAnswer } from './checker-services.ts';
import {
  approveVersion,
  checkGuidance,
  compareVersions,
  createDraft,
  getCurrentGuidance,
  getGuidanceVersion,
  listGuidanceVersions,
  publishVersion,
  searchGuidance,
  updateDraft,
} from './routes.ts';
import type { GuidanceStore } from './store.ts';

export interface GuidanceDeps extends PlatformDeps {
  store: GuidanceStore;
  /** The web build's assets. Without them the function serves the API only, not the pages. */
  pageAssets?: AssetManifest;
  /** The published services directory: the checker's answer at levels 1 and 2 names services. */
  services?: ServicesSource;
}

const PAGE_RENDERERS = {
  '/guidance/': 'renderGuidancePage',
  '/check/': 'renderCheckPage',
  '/check/answer/': 'renderCheckAnswerPage',
} as const satisfies Record<GuidancePage['path'], keyof typeof import('./pages.ts')>;

/** The server-rendered pages this function answers; the others (the services directory's) are not its. */
type GuidancePage = Extract<(typeof SERVER_RENDERED_PAGES)[number], { module: `guidance/${string}` }>;
const GUIDANCE_PAGES = SERVER_RENDERED_PAGES.filter((page): page is GuidancePage =>
  page.module.startsWith('guidance/'),
);

/**
 * The pages' views (preact, the web's layout and components) load on the first page request, not at
 * cold start: the API's requests (the checker, the editor, the referrals function's guidance) never
 * use them, and loading them added tens of milliseconds to every cold start (`npm run bench`).
 */
let pageViews: Promise<typeof import('./pages.ts')> | undefined;
const loadPageViews = () => {
  pageViews ??= import('./pages.ts');
  return pageViews;
};

/** Published guidance is public and cacheable: browsers and CloudFront revalidate it by ETag. */
const PUBLISHED_CACHE = 'public, max-age=60, stale-while-revalidate=300';

const isEditor = (p: Principal | null) => p !== null && hasRole(p, 'guidance-editor');

export function createGuidanceApp(deps: GuidanceDeps): AreaApp {
  const app = createAreaApp(deps, 'guidance');

  bindRoute(app, getCurrentGuidance, async (c) => {
    const current = await deps.store.current();
    if (!current) throw new NotFound('No threshold guidance has been published yet');
    const tag = `"v${current.version}"`;
    c.header('etag', tag);
    c.header('cache-control', PUBLISHED_CACHE);
    if (c.req.header('if-none-match') === tag) return c.body(null, 304);
    return c.json(current, 200);
  });

  bindRoute(app, listGuidanceVersions, async (c) => {
    const all = await deps.store.versions();
    const items = isEditor(c.get('principal')) ? all : all.filter((v) => v.status !== 'draft');
    return c.json({ items, nextCursor: null }, 200);
  });

  /** A version the caller may see: a draft is invisible, not forbidden, to anyone but an editor. */
  const visibleVersion = async (c: AppContext, number: number): Promise<GuidanceVersion> => {
    const version = await deps.store.version(number);
    if (!version || (version.status === 'draft' && !isEditor(c.get('principal')))) {
      throw new NotFound(`There is no version ${number}`);
    }
    return version;
  };

  const currentOrFail = async (): Promise<GuidanceVersion> => {
    const current = await deps.store.current();
    if (!current) throw new NotFound('No threshold guidance has been published yet');
    return current;
  };

  const auditPut = (c: AppContext, me: Principal, action: string, version: number, detail?: string) =>
    deps.audit.putItem(
      auditEvent(c, me, action, { type: 'guidance', id: String(version) }, detail ? { detail } : {}),
    );
  const editor = (c: AppContext) => signedInAs(c, 'guidance-editor');
  /** An editor's write to a draft: who, and the revision they read (If-Match). */
  const draftEdit = (c: AppContext) => ({ me: editor(c), expected: ifMatchVersion(c) });
  const refOf = (me: Principal): EditorRef => ({ id: me.userId, name: me.name });

  bindRoute(app, getGuidanceVersion, async (c) => {
    const version = await visibleVersion(c, c.req.valid('param').version);
    if (version.status === 'draft') {
      // Editors send this back as If-Match when they save or publish.
      c.header('etag', etag(version.revision));
    } else {
      c.header('etag', `"v${version.version}-${version.status}"`);
      c.header('cache-control', PUBLISHED_CACHE);
    }
    return c.json(version, 200);
  });

  /** The services an answer names (levels 1 and 2), or null for an answer that names none. */
  const answerServices = async (
    outcome: ReturnType<typeof checkIndicators> | null,
    district: string | null | undefined,
  ): Promise<CheckerServices | null> => {
    const search = outcome?.level ? servicesSearchFor(outcome, district) : null;
    return search ? servicesForAnswer(deps.services, search, deps.logger) : null;
  };

  bindRoute(app, checkGuidance, async (c) => {
    const { indicatorIds, district } = c.req.valid('json');
    const current = await currentOrFail();
    const outcome = checkIndicators(current.framework, indicatorIds);
    if (outcome.unknownIds.length) {
      throw new InvalidRequest(
        indicatorIds.flatMap((id, i) =>
          outcome.unknownIds.includes(id)
            ? [{ field: `indicatorIds.${i}`, reason: `is not an indicator in version ${current.version}` }]
            : [],
        ),
      );
    }
    const { unknownIds: _unknown, ...result } = outcome;
    const services = await answerServices(outcome, district);
    const routes = routesFor(current.framework, indicatorIds);
    return c.json({ version: current.version, ...result, routes, services }, 200);
  });

  bindRoute(app, searchGuidance, async (c) => {
    const { q } = c.req.valid('query');
    const current = await currentOrFail();
    c.header('cache-control', PUBLISHED_CACHE);
    return c.json({ version: current.version, query: q, items: searchIndicators(current.framework, q) }, 200);
  });

  bindRoute(app, createDraft, async (c) => {
    const me = editor(c);
    const body = c.req.valid('json') ?? {};
    const latest = await deps.store.latestNumber();
    const newest = latest ? await deps.store.version(latest) : null;
    if (newest?.status === 'draft') {
      throw new Conflict(
        `Version ${newest.version} is already a draft: edit or publish it first`,
        shownAsIs(newest),
      );
    }
    const source = body.fromVersion ? await visibleVersion(c, body.fromVersion) : await currentOrFail();
    const now = deps.clock().toISOString();
    const draft: GuidanceVersion = {
      version: latest + 1,
      status: 'draft',
      framework: source.framework,
      editedBy: [refOf(me)],
      createdAt: now,
      updatedAt: now,
      revision: 1,
    };
    await deps.store.createDraft(
      draft,
      auditPut(c, me, 'guidance.draft', draft.version, `copied from version ${source.version}`),
    );
    c.header('etag', etag(draft.revision));
    c.header('location', `/api/guidance/versions/${draft.version}`);
    return c.json(draft, 201);
  });

  bindRoute(app, updateDraft, async (c) => {
    const { me, expected } = draftEdit(c);
    const { version: number } = c.req.valid('param');
    const { framework, changeSummary } = c.req.valid('json');
    const existing = await visibleVersion(c, number);
    if (existing.status !== 'draft')
      throw new Conflict(`Version ${number} is ${existing.status}: published versions never change`);
    // A route naming an indicator the draft lacks would bring nothing up: refused at once, by field,
    // so the editor sees it when saving rather than only when publishing.
    const routeProblems = findRouteProblems(framework);
    if (routeProblems.length)
      throw new Unprocessable('Fix the specific routes before saving the draft', routeProblems);
    // Any change withdraws an approval (what is published must be the text approved), and its
    // author joins those who may not approve the draft.
    const { approvedBy, approvedAt: _approvedAt, ...unapproved } = existing;
    const saved: GuidanceVersion = {
      ...unapproved,
      framework,
      ...(changeSummary !== undefined ? { changeSummary } : {}),
      editedBy: withEditor(existing, refOf(me)),
      updatedAt: deps.clock().toISOString(),
      revision: expected + 1,
    };
    const withdrawn = approvedBy ? `approval by ${approvedBy.name} withdrawn` : undefined;
    await deps.store.saveDraft(saved, expected, auditPut(c, me, 'guidance.edit', number, withdrawn));
    c.header('etag', etag(saved.revision));
    return c.json(saved, 200);
  });

  bindRoute(app, approveVersion, async (c) => {
    const { me, expected } = draftEdit(c);
    const { version: number } = c.req.valid('param');
    const draft = await visibleVersion(c, number);
    const refusal = approvalRefusal(draft, me.userId);
    if (refusal?.kind === 'own-draft') throw new Forbidden(refusal.reason);
    if (refusal) throw new Conflict(refusal.reason, shownAsIs(draft));
    // Approving is a write at the revision read: text changed since then is refused by the store (409).
    const now = deps.clock().toISOString();
    const approved: GuidanceVersion = {
      ...draft,
      approvedBy: refOf(me),
      approvedAt: now,
      updatedAt: now,
      revision: expected + 1,
    };
    await deps.store.saveDraft(approved, expected, auditPut(c, me, 'guidance.approve', number));
    c.header('etag', etag(approved.revision));
    return c.json(approved, 200);
  });

  bindRoute(app, publishVersion, async (c) => {
    const { me, expected } = draftEdit(c);
    const { version: number } = c.req.valid('param');
    const { changeSummary, effectiveFrom } = c.req.valid('json');
    const draft = await visibleVersion(c, number);
    if (draft.status !== 'draft')
      throw new Conflict(`Version ${number} is already ${draft.status}`, shownAsIs(draft));
    if (!isApproved(draft))
      throw new Unprocessable(APPROVAL_NEEDED, [{ field: 'approvedBy', reason: APPROVAL_NEEDED }]);
    const problems = findFrameworkProblems(draft.framework);
    if (problems.length) {
      throw new Unprocessable(
        'Fix these problems in the draft before publishing it',
        problems.map((reason) => ({ field: 'framework', reason })),
      );
    }
    const previous = await deps.store.current();
    const now = deps.clock().toISOString();
    const published: GuidanceVersion = {
      ...draft,
      status: 'published',
      changeSummary,
      effectiveFrom,
      publishedAt: now,
      publishedBy: me.name,
      updatedAt: now,
      revision: expected + 1,
    };
    await deps.store.publish(published, expected, previous, auditPut(c, me, 'guidance.publish', number));
    return c.json(published, 200);
  });

  bindRoute(app, compareVersions, async (c) => {
    const { version: number } = c.req.valid('param');
    const from = c.req.valid('query').from ?? number - 1;
    if (from === number) throw new InvalidRequest([{ field: 'from', reason: 'must be another version' }]);
    const [after, before] = await Promise.all([visibleVersion(c, number), visibleVersion(c, from)]);
    return c.json({ from, to: number, ...compareFrameworks(before.framework, after.framework) }, 200);
  });

  const { pageAssets } = deps;
  if (pageAssets) {
    for (const { path, apiPath } of GUIDANCE_PAGES) {
      const renderer = PAGE_RENDERERS[path];
      // The same for everyone, so browsers and CloudFront keep it like the guidance itself (ETag from the body).
      app.get(apiPath, etagMiddleware({ weak: true }), async (c) => {
        let current: GuidanceVersion | null;
        try {
          current = await deps.store.current();
        } catch (error) {
          // Someone reading a page gets a page, not the API's problem+json: the status, headers and
          // log line are the API's own (renderError), the body GOV.UK's "problem with the service".
          const answer = renderError(error as Error, c, deps.logger);
          const status = answer.status >= 500 ? (answer.status as 500 | 503) : 500;
          const retryAfter = answer.headers.get('retry-after');
          c.header('cache-control', 'no-store');
          if (retryAfter) c.header('retry-after', retryAfter);
          return c.html((await loadPageViews()).renderUnavailablePage(pageAssets), status);
        }
        const params = new URL(c.req.url).searchParams;
        const views = await loadPageViews();
        // Only the answer names services, and only at levels 1 and 2.
        const services =
          path === '/check/answer/' && current
            ? await answerServices(views.answerOutcome(current, params), params.get('district'))
            : null;
        // "Nothing published yet" must not outlive the first publication in any cache, nor an answer
        // without its services the directory's recovery.
        c.header(
          'cache-control',
          current && services?.state !== 'unavailable' ? PUBLISHED_CACHE : 'no-store',
        );
        const render = views[renderer];
        return c.html(render(pageAssets, current, params, services), current ? 200 : 404);
      });
    }
  }

  return app;
}
