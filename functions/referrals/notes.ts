import { Hono } from 'hono';
import { canAddNote } from '../../shared/referrals/lifecycle.ts';
import { type AppEnv, signedIn } from '../platform/http.ts';
import { bindRoute } from '../platform/routing.ts';
import { NOBODYS_REFERRAL, NOT_FOUND, referralAnswers } from './answers.ts';
import type { ReferralsDeps } from './app.ts';
import { addNote } from './routes.ts';
import { entryFor } from './timeline-entries.ts';

/** Further information added to a referral until it is closed, by its agency or the front door. */
export function createNoteRoutes(
  deps: Pick<ReferralsDeps, 'store' | 'audit' | 'clock' | 'subjectKey'>,
): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { store, clock } = deps;
  const { event, refuse, written } = referralAnswers(deps);

  bindRoute(app, addNote, async (c) => {
    const me = signedIn(c);
    const { id } = c.req.valid('param');
    const { text } = c.req.valid('json');
    const referral = await store.get(id);
    const check = canAddNote(me, referral ?? NOBODYS_REFERRAL);
    if (!check.ok) return refuse(c, me, id, 'referral.note', check, referral ?? undefined);
    if (!referral) return refuse(c, me, id, 'referral.note', NOT_FOUND);
    const entry = entryFor(me, 'note', clock().toISOString(), text);
    const audit = deps.audit.putItem(event(c, me, 'referral.note', referral));
    await written(me, id, () => store.addNote(id, entry, audit));
    return c.json(entry, 201);
  });

  return app;
}
