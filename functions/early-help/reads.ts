import { Hono } from 'hono';
import type { EpisodeView } from '../../shared/early-help/labels.ts';
import { readingOf } from '../../shared/early-help/lifecycle.ts';
import { Forbidden } from '../platform/errors.ts';
import { type AppEnv, etag, signedIn } from '../platform/http.ts';
import { hasRole, type Principal } from '../platform/identity.ts';
import { bindRoute } from '../platform/routing.ts';
import { episodeAnswers } from './answers.ts';
import type { EarlyHelpParts } from './app.ts';
import { episodeAuditEvents } from './audit-events.ts';
import { refOf } from './records.ts';
import { getEpisode, getEpisodeOfReferral, listEpisodes } from './routes.ts';
import type { EpisodeList } from './store.ts';
import { referrerView, rowView } from './views.ts';

const isPractitioner = (me: Principal): me is Principal & { agencyId: string } =>
  hasRole(me, 'referrer') && me.agencyId !== null;

/** The list a view names, for this caller: a practitioner's own agency's, or the front door's. */
function listFor(me: Principal, view: EpisodeView, today: string): { list: EpisodeList; name: string } {
  if (view === 'mine') {
    // The agency comes from the verified token, never from the request.
    if (!isPractitioner(me)) throw new Forbidden('Your own episodes are for practitioners of an agency');
    return { list: { of: 'agency', agencyId: me.agencyId }, name: `agency:${me.agencyId}` };
  }
  if (!hasRole(me, 'triage')) throw new Forbidden('This list of episodes is the front door’s');
  return { list: view === 'overdue' ? { of: 'overdue', today } : { of: view }, name: `front-door:${view}` };
}

/** The reads: the lists, one episode, and a referral's episode in summary. */
export function createReadRoutes(deps: EarlyHelpParts): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { store, cursors, audit } = deps;
  const { listed } = episodeAuditEvents(deps.subjectKey);
  const { event, today, readable, notFound, shown } = episodeAnswers(deps);

  bindRoute(app, listEpisodes, async (c) => {
    const me = signedIn(c);
    const query = c.req.valid('query');
    const view = query.view ?? (hasRole(me, 'triage') ? 'open' : 'mine');
    const day = today();
    const { list, name } = listFor(me, view, day);
    // A cursor pages through the list it came from.
    const cursorList = `episodes:${view}`;
    const page = await store.list(list, {
      limit: query.limit,
      startKey: cursors.decode(query.cursor, me.userId, cursorList),
    });
    const items = page.items.map((summary) => rowView(summary, day));
    // Single puts, side by side: the audit table allows nothing else.
    await Promise.all(
      listed(
        c,
        me,
        name,
        items.map((item) => item.id),
      ).map((entry) => audit.append(entry)),
    );
    return c.json({ items, nextCursor: cursors.encode(page.lastKey, me.userId, cursorList) }, 200);
  });

  bindRoute(app, getEpisodeOfReferral, async (c) => {
    const me = signedIn(c);
    const { referralId } = c.req.valid('param');
    const id = await store.episodeOfReferral(referralId);
    const record = id ? await store.get(id) : null;
    if (!record || readingOf(me, refOf(record)) === 'none')
      return notFound(c, me, id ?? referralId, 'episode.read', record);
    await audit.append(event(c, me, 'episode.read', record, { detail: 'summary, from its referral' }));
    c.header('etag', etag(record.version));
    return c.json(referrerView(record), 200);
  });

  bindRoute(app, getEpisode, async (c) => {
    const me = signedIn(c);
    const { record, reading } = await readable(c, me, c.req.valid('param').id, 'episode.read');
    await audit.append(
      event(c, me, 'episode.read', record, reading === 'summary' ? { detail: 'summary' } : {}),
    );
    c.header('etag', etag(record.version));
    return c.json(await shown(me, record), 200);
  });

  return app;
}
