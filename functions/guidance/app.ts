import type { OpenAPIHono } from '@hono/zod-openapi';
import { NotFound } from '../platform/errors.ts';
import { type AppEnv, createAreaApp, type PlatformDeps } from '../platform/http.ts';
import { hasRole, type Principal } from '../platform/identity.ts';
import { getCurrentGuidance, getGuidanceVersion, listGuidanceVersions } from './routes.ts';
import type { GuidanceStore } from './store.ts';

export interface GuidanceDeps extends PlatformDeps {
  store: GuidanceStore;
}

/** Published guidance is public and cacheable: browsers and CloudFront revalidate it by ETag. */
const PUBLISHED_CACHE = 'public, max-age=60, stale-while-revalidate=300';

const isEditor = (p: Principal | null) => p !== null && hasRole(p, 'guidance-editor');

export function createGuidanceApp(deps: GuidanceDeps): OpenAPIHono<AppEnv> {
  const app = createAreaApp(deps);

  app.openapi(getCurrentGuidance, async (c) => {
    const current = await deps.store.current();
    if (!current) throw new NotFound('No threshold guidance has been published yet');
    const tag = `"v${current.version}"`;
    c.header('etag', tag);
    c.header('cache-control', PUBLISHED_CACHE);
    if (c.req.header('if-none-match') === tag) return c.body(null, 304);
    return c.json(current, 200);
  });

  app.openapi(listGuidanceVersions, async (c) => {
    const all = await deps.store.versions();
    const items = isEditor(c.get('principal')) ? all : all.filter((v) => v.status !== 'draft');
    return c.json({ items, nextCursor: null }, 200);
  });

  app.openapi(getGuidanceVersion, async (c) => {
    const { version: number } = c.req.valid('param');
    const version = await deps.store.version(number);
    // A draft is invisible, not forbidden, to anyone but an editor.
    if (!version || (version.status === 'draft' && !isEditor(c.get('principal')))) {
      throw new NotFound(`There is no version ${number}`);
    }
    if (version.status !== 'draft') {
      c.header('etag', `"v${version.version}-${version.status}"`);
      c.header('cache-control', PUBLISHED_CACHE);
    }
    return c.json(version, 200);
  });

  return app;
}
