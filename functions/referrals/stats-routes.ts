import { Hono } from 'hono';
import { Forbidden } from '../platform/errors.ts';
import { type AppEnv, signedIn } from '../platform/http.ts';
import { hasRole } from '../platform/identity.ts';
import { bindRoute } from '../platform/routing.ts';
import type { ReferralsDeps } from './app.ts';
import { ownAgencyAgreement, referralCalibration } from './calibration-routes.ts';
import { calibrationStats } from './calibration-stats.ts';
import { CALIBRATION_COUNTERS, monthCountersOf, quarterCountersOf, unmetCountersOf } from './keys.ts';
import { ownAgreement } from './own-agreement.ts';
import { referralStats } from './routes.ts';
import { referralStats as buildReferralStats } from './stats.ts';

/** The partnership's figures, from the dashboard counters, small numbers suppressed (stats.ts). */
export function createStatsRoutes(
  deps: Pick<ReferralsDeps, 'store' | 'clock' | 'smallNumberThreshold'>,
): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { store, clock } = deps;
  const threshold = deps.smallNumberThreshold === undefined ? {} : { threshold: deps.smallNumberThreshold };

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

  /**
   * Calibration by indicator. A guidance editor reads the partnership's figures only, to fix the
   * next version's wording: which agency overrode what is the front door's and the board's.
   */
  bindRoute(app, referralCalibration, async (c) => {
    const me = signedIn(c);
    const full = hasRole(me, 'triage', 'board');
    if (!full && !hasRole(me, 'guidance-editor'))
      throw new Forbidden('Calibration figures are for the front door, the board and guidance editors');
    const { version, agency } = c.req.valid('query');
    if (!full && agency) throw new Forbidden("An agency's figures are for the front door and the board");
    return c.json(
      calibrationStats({
        rows: await store.counters(CALIBRATION_COUNTERS),
        ...(version === undefined ? {} : { version }),
        ...(agency ? { agencyId: agency } : {}),
        listAgencies: full,
        generatedAt: clock().toISOString(),
        ...threshold,
      }),
      200,
    );
  });

  /** A referrer's own agency's agreement by quarter, this year and last; never another agency's. */
  bindRoute(app, ownAgencyAgreement, async (c) => {
    const me = signedIn(c);
    if (!hasRole(me, 'referrer') || !me.agencyId)
      throw new Forbidden("Your agency's figures are for its referrers");
    const year = clock().getUTCFullYear();
    const [last, now] = await Promise.all([
      store.counters(quarterCountersOf(year - 1)),
      store.counters(quarterCountersOf(year)),
    ]);
    return c.json(
      ownAgreement({
        agencyId: me.agencyId,
        quarters: [...last, ...now],
        generatedAt: clock().toISOString(),
        ...threshold,
      }),
      200,
    );
  });

  return app;
}
