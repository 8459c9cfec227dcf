import { Hono } from 'hono';
import { ukDateOf } from '../../shared/platform/working-days.ts';
import { Forbidden } from '../platform/errors.ts';
import { type AppEnv, signedIn } from '../platform/http.ts';
import { hasRole } from '../platform/identity.ts';
import { bindRoute } from '../platform/routing.ts';
import type { EarlyHelpParts } from './app.ts';
import { OPEN_COUNTERS, quarterCountersOf } from './keys.ts';
import { episodeStats } from './routes.ts';
import { episodeStats as buildEpisodeStats } from './stats.ts';

/**
 * The partnership's early-help figures, from the dashboard counters and one bounded count of the
 * overdue index, small numbers suppressed (stats.ts). Its cost does not grow with the episodes kept:
 * it reads a year's counter rows (agencies × quarters), the open rows (one per agency) and at most a
 * few pages of the overdue index.
 */
export function createStatsRoutes(deps: Pick<EarlyHelpParts, 'store' | 'clock'>): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { store, clock } = deps;

  bindRoute(app, episodeStats, async (c) => {
    const me = signedIn(c);
    if (!hasRole(me, 'triage', 'board'))
      throw new Forbidden('Partnership figures are for the front door and the board');
    const today = ukDateOf(clock());
    const year = c.req.valid('query').year ?? Number(today.slice(0, 4));
    const [quarters, open, reviewsOverdue] = await Promise.all([
      store.counters(quarterCountersOf(year)),
      store.counters(OPEN_COUNTERS),
      store.reviewsOverdue(today),
    ]);
    return c.json(
      buildEpisodeStats({ quarters, open, reviewsOverdue, generatedAt: clock().toISOString() }),
      200,
    );
  });

  return app;
}
