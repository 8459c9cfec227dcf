import { Unprocessable } from '../platform/errors.ts';
import { type AreaApp, type PlatformDeps, signedIn, sourceIp } from '../platform/http.ts';
import { requireRole } from '../platform/identity.ts';
import { bindRoute } from '../platform/routing.ts';
import { restorePerson, suspendPerson } from './people-routes.ts';
import type { PeopleStore } from './people-store.ts';

export interface PeopleDeps extends PlatformDeps {
  people: PeopleStore;
}

/** The system owner suspends and restores a person's access (people-routes.ts). */
export function registerPeopleRoutes(app: AreaApp, deps: PeopleDeps): void {
  const { people, audit, clock, access } = deps;

  bindRoute(app, suspendPerson, async (c) => {
    const me = signedIn(c);
    requireRole(me, 'admin');
    const { id } = c.req.valid('param');
    // The only admin locking themselves out would leave no one to restore anybody.
    if (id === me.userId) throw new Unprocessable('You cannot suspend yourself');
    const record = await people.suspend(
      id,
      clock().toISOString(),
      audit.putItem({
        action: 'person.suspend',
        entity: { type: 'person', id },
        outcome: 'allowed',
        actor: me,
        requestId: c.get('requestId'),
        sourceIp: sourceIp(c),
      }),
    );
    // This process stops at once; every other one within the standing check's bound.
    access.forget({ userId: id });
    return c.json(record, 200);
  });

  bindRoute(app, restorePerson, async (c) => {
    const me = signedIn(c);
    requireRole(me, 'admin');
    const { id } = c.req.valid('param');
    const record = await people.restore(
      id,
      clock().toISOString(),
      audit.putItem({
        action: 'person.restore',
        entity: { type: 'person', id },
        outcome: 'allowed',
        actor: me,
        requestId: c.get('requestId'),
        sourceIp: sourceIp(c),
      }),
    );
    access.forget({ userId: id });
    return c.json(record, 200);
  });
}
