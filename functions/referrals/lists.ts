import { Hono } from 'hono';
import { Forbidden } from '../platform/errors.ts';
import { type AppContext, type AppEnv, signedIn } from '../platform/http.ts';
import { hasRole, type Principal } from '../platform/identity.ts';
import { bindRoute } from '../platform/routing.ts';
import type { ReferralsDeps } from './app.ts';
import { referralAuditEvents } from './audit-events.ts';
import { agencyAudience, FRONT_DOOR_AUDIENCE } from './keys.ts';
import { listNotifications, listReferrals } from './routes.ts';
import type { ReferralStore } from './store.ts';
import { listItemView } from './views.ts';

/** The lists: the front door's queue and views, an agency's own referrals, and each one's notifications. */
export function createListRoutes(
  deps: Pick<ReferralsDeps, 'store' | 'audit' | 'cursors' | 'clock' | 'subjectKey'>,
): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { store, cursors, clock } = deps;
  const { listed: listEntries, event } = referralAuditEvents(deps.subjectKey);
  /** Who has been recorded in the front door's team by this instance, so each is written once. */
  const known = new Set<string>();
  /** A member of the front door joins its team (whom a manager can reassign to) on reading the queue. */
  const joinTeam = async (c: AppContext, me: Principal) => {
    if (known.has(me.userId)) return;
    const audit = {
      ...event(c, me, 'referral.team_join', me.userId),
      entity: { type: 'front-door-team', id: me.userId },
    };
    await store.joinTeam({ userId: me.userId, name: me.name }, deps.audit.putItem(audit));
    known.add(me.userId);
  };

  bindRoute(app, listReferrals, async (c) => {
    const me = signedIn(c);
    const { limit, cursor, view, overdue, agency, level } = c.req.valid('query');
    // A cursor pages through the list it came from: this view, with these filters.
    const list = `referrals:${view}:${overdue ?? ''}:${agency ?? ''}:${level ?? ''}`;
    const startKey = cursors.decode(cursor, me.userId, list);
    const narrowed = { ...(agency ? { agencyId: agency } : {}), ...(level ? { level: Number(level) } : {}) };
    let page: Awaited<ReturnType<ReferralStore['listForAgency']>>;
    let listed: string;
    if (hasRole(me, 'triage')) {
      await joinTeam(c, me);
      const overdueAt = overdue === 'true' && view === 'open' ? clock().toISOString() : undefined;
      page = await store.listForTriage(view, {
        limit,
        startKey,
        ...narrowed,
        ...(overdueAt ? { overdueAt } : {}),
      });
      listed = `triage:${view}`;
    } else if (hasRole(me, 'referrer') && me.agencyId) {
      // The agency comes from the verified token, never from the request.
      page = await store.listForAgency(me.agencyId, { limit, startKey, ...narrowed });
      listed = `agency:${me.agencyId}`;
    } else {
      throw new Forbidden('Referrals are for referrers and the front door');
    }
    // Only items made for this caller (views.ts).
    const items = page.items.map((summary) => listItemView(me, summary));
    // Single puts, side by side: the audit table allows nothing else.
    const entries = listEntries(
      c,
      me,
      listed,
      items.map((item) => item.id),
    );
    await Promise.all(entries.map((entry) => deps.audit.append(entry)));
    return c.json({ items, nextCursor: cursors.encode(page.lastKey, me.userId, list) }, 200);
  });

  bindRoute(app, listNotifications, async (c) => {
    const me = signedIn(c);
    const { limit } = c.req.valid('query');
    const audience = hasRole(me, 'triage')
      ? FRONT_DOOR_AUDIENCE
      : hasRole(me, 'referrer') && me.agencyId
        ? agencyAudience(me.agencyId)
        : null;
    if (!audience) throw new Forbidden('Notifications are for referrers and the front door');
    return c.json({ items: await store.notifications(audience, limit) }, 200);
  });

  return app;
}
