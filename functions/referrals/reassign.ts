import { Hono } from 'hono';
import { canReassign } from '../../shared/referrals/lifecycle.ts';
import { Conflict, Forbidden, Unprocessable } from '../platform/errors.ts';
import { type AppEnv, ifMatchVersion, signedIn } from '../platform/http.ts';
import { hasRole } from '../platform/identity.ts';
import { bindRoute } from '../platform/routing.ts';
import { NOBODYS_REFERRAL, NOT_FOUND, referralAnswers, respond } from './answers.ts';
import type { ReferralsDeps } from './app.ts';
import { frontDoorTeam, reassignReferral } from './routes.ts';
import { entryFor } from './timeline-entries.ts';
import { referralView } from './views.ts';

/**
 * The front door's team and reassignment: a manager hands a referral waiting for a decision to a
 * colleague, who becomes its reviewer (and so the one who decides it: shared/referrals/lifecycle.ts).
 */
export function createReassignRoutes(
  deps: Pick<ReferralsDeps, 'store' | 'audit' | 'clock' | 'subjectKey'>,
): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { store, clock } = deps;
  const { event, refuse, written } = referralAnswers(deps);

  bindRoute(app, frontDoorTeam, async (c) => {
    if (!hasRole(signedIn(c), 'triage')) throw new Forbidden('The front door’s team is for the front door');
    return c.json({ items: await store.teamMembers() }, 200);
  });

  bindRoute(app, reassignReferral, async (c) => {
    const me = signedIn(c);
    const id = c.req.param('id') ?? '';
    const expected = ifMatchVersion(c);
    const { userId } = c.req.valid('json');
    const action = 'referral.reassign';
    const current = await store.get(id);
    const check = canReassign(me, current ?? NOBODYS_REFERRAL);
    if (!check.ok) return refuse(c, me, id, action, check, current ?? undefined);
    if (!current) return refuse(c, me, id, action, NOT_FOUND);
    if (current.version !== expected)
      throw new Conflict('Someone else changed this referral since you read it', referralView(me, current));
    const member = (await store.teamMembers()).find((m) => m.userId === userId);
    if (!member)
      throw new Unprocessable('The referral was not reassigned', [
        { field: 'userId', reason: 'Choose a member of the front door' },
      ]);
    if (current.reviewer?.userId === member.userId)
      throw new Unprocessable('The referral was not reassigned', [
        { field: 'userId', reason: `${member.name} is already reviewing this referral` },
      ]);
    const at = clock().toISOString();
    const referral = {
      ...current,
      status: 'in_review' as const,
      reviewer: { ...member, at },
      updatedAt: at,
      version: expected + 1,
    };
    const from = current.reviewer ? ` from ${current.reviewer.name}` : '';
    await written(me, id, () =>
      store.update(referral, expected, {
        entry: entryFor(me, 'reassigned', at, `Reassigned${from} to ${member.name}`),
        audit: deps.audit.putItem(event(c, me, action, referral)),
      }),
    );
    return respond(c, referralView(me, referral), 200);
  });

  return app;
}
