import type { OpenAPIHono } from '@hono/zod-openapi';
import { Forbidden } from '../platform/errors.ts';
import { type AppEnv, createAreaApp, type PlatformDeps, signedIn } from '../platform/http.ts';
import { hasRole } from '../platform/identity.ts';
import { listReferrals } from './routes.ts';
import type { ReferralStore } from './store.ts';

export interface ReferralsDeps extends PlatformDeps {
  store: ReferralStore;
}

export function createReferralsApp(deps: ReferralsDeps): OpenAPIHono<AppEnv> {
  const app = createAreaApp(deps);
  const { store, cursors } = deps;

  app.openapi(listReferrals, async (c) => {
    const me = signedIn(c);
    const { limit, cursor } = c.req.valid('query');
    const startKey = cursors.decode(cursor, me.userId);
    let page: Awaited<ReturnType<ReferralStore['listQueue']>>;
    if (hasRole(me, 'triage')) {
      page = await store.listQueue({ limit, startKey });
    } else if (hasRole(me, 'referrer') && me.agencyId) {
      // The agency comes from the verified token, never from the request.
      page = await store.listForAgency(me.agencyId, { limit, startKey });
    } else {
      throw new Forbidden('Referrals are for referrers and the front door');
    }
    return c.json({ items: page.items, nextCursor: cursors.encode(page.lastKey, me.userId) }, 200);
  });

  return app;
}
