import { Hono } from 'hono';
import type { Standards } from '../../shared/early-help/schema.ts';
import {
  type EarlyHelpStandards,
  STANDARD_FIELDS,
  standardsBasis,
} from '../../shared/early-help/standards.ts';
import { Conflict } from '../platform/errors.ts';
import {
  type AppContext,
  type AppEnv,
  auditEvent,
  etag,
  ifMatchVersion,
  signedIn,
  signedInAs,
} from '../platform/http.ts';
import { bindRoute } from '../platform/routing.ts';
import { type Shown, shownAsIs } from '../platform/shown.ts';
import type { EarlyHelpParts } from './app.ts';
import { createRelisting, IN_REQUEST_BUDGET, settledAfter } from './relisting.ts';
import { changeStandards, getStandards } from './routes.ts';
import type { CurrentStandards } from './standards-source.ts';
import type { StandardsItem } from './standards-store.ts';

/** The audit trail the standards' changes are filed under: one for all of them. */
const STANDARDS_ENTITY = { type: 'standards', id: 'early-help' };
const CHANGED = 'Someone else changed the standards since you read them';

/** The standards as every caller reads them: the four, and when the board last changed them. */
const standardsView = ({ standards, changedAt }: CurrentStandards): Shown<Standards> =>
  shownAsIs({
    ...Object.fromEntries(STANDARD_FIELDS.map((field) => [field, standards[field]])),
    ...(changedAt ? { changedAt } : {}),
  } as Standards);

/** "lead 3, assessment 20, plan 5, reviews 30": a change in the audit trail, nothing personal. */
const inWords = (s: EarlyHelpStandards) =>
  `lead ${s.leadWithinWorkingDays}, assessment ${s.assessmentWithinWorkingDays}, plan ${s.planWithinWorkingDays}, reviews ${s.reviewEveryWorkingDays}`;

/**
 * The partnership's standards: read by anyone signed in, changed by the board. A change that
 * alters them re-sorts the open episodes' lists (relisting.ts) as far as the request allows; the
 * hourly run finishes it. Saving the same standards again re-sorts nothing: no listing differs.
 */
export function createStandardsRoutes(deps: EarlyHelpParts): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { store, audit, clock, logger } = deps;
  const relist = createRelisting({ store, clock, logger });

  const answer = (c: AppContext, current: CurrentStandards) => {
    c.header('etag', etag(current.version));
    return c.json(standardsView(current), 200);
  };

  bindRoute(app, getStandards, async (c) => {
    signedIn(c);
    // Read now, not the kept copy: its ETag is what the board's change is checked against.
    return answer(c, await deps.standards.current());
  });

  bindRoute(app, changeStandards, async (c) => {
    const me = signedInAs(c, 'board');
    const expected = ifMatchVersion(c);
    const standards = c.req.valid('json');
    const before = await deps.standards.current();
    if (before.version !== expected) throw new Conflict(CHANGED, standardsView(before));
    const changedAt = clock().toISOString();
    const changed = standardsBasis(standards) !== standardsBasis(before.standards);
    // A real change starts its re-listing over; the same standards again keep any under way.
    const relisting = changed ? { after: settledAfter(changedAt) } : before.relisting;
    const item: StandardsItem = {
      ...standards,
      version: expected + 1,
      changedAt,
      ...(relisting ? { relisting } : {}),
    };
    const detail = `version ${item.version}: ${inWords(standards)} working days (were ${inWords(before.standards)})`;
    try {
      await store.setStandards(
        item,
        expected,
        audit.putItem(auditEvent(c, me, 'standards.change', STANDARDS_ENTITY, { detail })),
      );
    } catch (error) {
      if (!(error instanceof Conflict)) throw error;
      throw new Conflict(error.message, standardsView(await deps.standards.current()));
    }
    deps.standards.invalidate();
    // Saved whatever follows: a fault while re-listing leaves the rest to the hourly run, never a 503.
    if (changed)
      await relist(IN_REQUEST_BUDGET).catch((error: unknown) =>
        logger.log('warn', 'early-help re-listing left to the scheduled run', {
          requestId: c.get('requestId'),
          error: error instanceof Error ? error.name : 'unknown',
        }),
      );
    return answer(c, { standards, version: item.version, changedAt });
  });

  return app;
}
