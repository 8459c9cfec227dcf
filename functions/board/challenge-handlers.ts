import { ulid } from 'ulid';
import { canRespond, challengeDueDate } from '../../shared/board/challenges.ts';
import type { Action, Challenge } from '../../shared/board/schema.ts';
import type { Role } from '../../shared/platform/roles.ts';
import type { AgencyNames } from '../platform/agency-names.ts';
import type { AuditPut } from '../platform/audit.ts';
import { Forbidden, NotFound, Unprocessable } from '../platform/errors.ts';
import type { AppContext, AreaApp } from '../platform/http.ts';
import type { Principal } from '../platform/identity.ts';
import { bindRoute } from '../platform/routing.ts';
import { ukToday } from './plan-views.ts';
import { addChallenge, respondToChallenge } from './routes.ts';
import type { BoardStore } from './store.ts';

/**
 * The independent chair's challenge and the owner agency's response (shared/board/challenges.ts for
 * the rules). Both are writes to the action, sent with its version like every other, so a challenge
 * and an edit made from the same read cannot both land. A closed action can be challenged too: the
 * chair may question how it was closed.
 */
export interface ChallengeHandlerDeps {
  store: BoardStore;
  clock: () => Date;
  agencies: AgencyNames;
  atVersion(
    c: AppContext,
    id: string,
    role?: Role,
  ): Promise<{ me: Principal; action: Action; expected: number }>;
  auditPut(c: AppContext, me: Principal, action: string, id: string, detail?: string): AuditPut;
  respond(c: AppContext, action: Action): Response;
  person(me: Principal): { userId: string; name: string };
}

export function bindChallengeRoutes(app: AreaApp, deps: ChallengeHandlerDeps): void {
  const { store, clock, atVersion, auditPut, respond, person } = deps;
  const nextVersion = (action: Action, expected: number): Action => ({
    ...action,
    updatedAt: clock().toISOString(),
    version: expected + 1,
  });

  bindRoute(app, addChallenge, async (c) => {
    const { id } = c.req.valid('param');
    const { text } = c.req.valid('json');
    const { me, action, expected } = await atVersion(c, id, 'board-chair');
    const now = clock();
    const challenge: Challenge = {
      id: ulid(now.getTime()),
      actionId: id,
      text,
      by: person(me),
      at: now.toISOString(),
      dueDate: challengeDueDate(ukToday(now)),
    };
    const saved = nextVersion(action, expected);
    const audit = auditPut(c, me, 'action.challenge', id, `challenge ${challenge.id}`);
    await store.save(saved, expected, audit, { challenge });
    return respond(c, saved);
  });

  bindRoute(app, respondToChallenge, async (c) => {
    const { id, challengeId } = c.req.valid('param');
    const { text } = c.req.valid('json');
    const { me, action, expected } = await atVersion(c, id);
    const challenge = (await store.challenges(id)).find((x) => x.id === challengeId);
    if (!challenge) throw new NotFound('There is no such challenge on this action');
    const names = await deps.agencies.names();
    const ownerName = names.get(action.ownerAgencyId) ?? action.ownerAgencyId;
    const check = canRespond(challenge, action, me, ownerName);
    if (!check.ok) {
      if (check.why === 'not-owner') throw new Forbidden(check.reason);
      throw new Unprocessable(check.reason, [{ field: 'challengeId', reason: check.reason }]);
    }
    const saved = nextVersion(action, expected);
    const answered: Challenge = {
      ...challenge,
      response: { text, by: person(me), at: saved.updatedAt },
    };
    const audit = auditPut(c, me, 'action.challenge_response', id, `challenge ${challengeId}`);
    await store.save(saved, expected, audit, { challenge: answered });
    return respond(c, saved);
  });
}
