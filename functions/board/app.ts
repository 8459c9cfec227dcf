import type { OpenAPIHono } from '@hono/zod-openapi';
import { type AppEnv, createAreaApp, type PlatformDeps, signedIn } from '../platform/http.ts';
import { requireRole } from '../platform/identity.ts';
import { listActions } from './routes.ts';
import type { BoardStore } from './store.ts';

export interface BoardDeps extends PlatformDeps {
  store: BoardStore;
}

export function createBoardApp(deps: BoardDeps): OpenAPIHono<AppEnv> {
  const app = createAreaApp(deps);
  const { store, cursors } = deps;

  app.openapi(listActions, async (c) => {
    const me = signedIn(c);
    requireRole(me, 'board', 'triage');
    const { limit, cursor } = c.req.valid('query');
    const page = await store.listActions({ limit, startKey: cursors.decode(cursor, me.userId) });
    return c.json({ items: page.items, nextCursor: cursors.encode(page.lastKey, me.userId) }, 200);
  });

  return app;
}
