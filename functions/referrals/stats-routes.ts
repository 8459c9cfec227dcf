import { Hono } from 'hono';
import { Forbidden } from '../platform/errors.ts';
import { type AppEnv, signedIn } from '../platform/http.ts';
import { hasRole } from '../platform/identity.ts';
import { bindRoute } from '../platform/routing.ts';
import type { ReferralsDeps } from './app.ts';
import { monthCountersOf, quarterCountersOf, unmetCountersOf } from './keys.ts';
import { referralStats } from './routes.ts';
import { referralStats as buildReferralStats } from './stats.ts';

/** The partnership's figures, from the dashboard counters, small numbers suppressed (stats.ts). */
export function createStatsRoutes(
  deps: Pick<ReferralsDeps, 'store' | 'clock' | 'smallNumberThreshold'>,
): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { store, clock } = deps;

  bindRoute(app, referralStats, async (c) => {
    const me = signedIn(c);
    if (!hasRole(me, 'triage', 'board'))
      throw new Forbidden('Partnership figures are for the front door and the board');
    const year = c.req.valid('query').year ?? clock().getUTCFullYear();
    const [months, quarters, unmet] = await Promise.all([
      store.counters(monthCountersOf(year)),
      store.counters(quarterCountersOf(year)),
      store.counters(unmetCountersOf(year)),
    ]);
    return c.json(
      buildReferralStats({
        months,
        quarters,
        unmet,
        generatedAt: clock().toISOString(),
        ...(deps.smallNumberThreshold === undefined ? {} : { threshold: deps.smallNumberThreshold }),
      }),
      200,
    );
  });

  return app;
}
