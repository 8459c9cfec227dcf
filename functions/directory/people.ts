import { Unprocessable } from '../platform/errors.ts';
import {
  type AppContext,
  type AreaApp,
  auditEvent,
  type PlatformDeps,
  signedInAs,
} from '../platform/http.ts';
import type { Principal } from '../platform/identity.ts';
import { bindRoute } from '../platform/routing.ts';
import { restorePerson, suspendPerson } from './people-routes.ts';
import type { PeopleStore } from './people-store.ts';

export interface PeopleDeps extends PlatformDeps {
  people: PeopleStore;
}

/** The system owner suspends and restores a person's access (people-routes.ts). */
export function registerPeopleRoutes(app: AreaApp, deps: PeopleDeps): void {
  const { people, audit, clock, access } = deps;

  /** Writes the change with its audit entry, then answers with the person's access as it now is. */
  const change = async (c: AppContext, me: Principal, id: string, what: 'suspend' | 'restore') => {
    const record = await people[what](
      id,
      clock().toISOString(),
      audit.putItem(auditEvent(c, me, `person.${what}`, { type: 'person', id })),
    );
    // This process stops at once; every other one within the standing check's bound.
    access.forget({ userId: id });
    return c.json(record, 200);
  };

  bindRoute(app, suspendPerson, async (c) => {
    const me = signedInAs(c, 'admin');
    const { id } = c.req.valid('param');
    // The only admin locking themselves out would leave no one to restore anybody.
    if (id === me.userId) throw new Unprocessable('You cannot suspend yourself');
    return change(c, me, id, 'suspend');
  });

  bindRoute(app, restorePerson, async (c) => {
    const me = signedInAs(c, 'admin');
    return change(c, me, c.req.valid('param').id, 'restore');
  });
}
