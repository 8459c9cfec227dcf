import type { TimelineEntry } from '../../shared/referrals/schema.ts';
import type { Principal } from '../platform/identity.ts';

/** Who did something, as a referral records them: their id and name, nothing else. */
export const person = (me: Principal) => ({ userId: me.userId, name: me.name });

/** A timeline entry by the caller, with the text they wrote if any. */
export function entryFor(
  me: Principal,
  kind: TimelineEntry['kind'],
  at: string,
  text?: string,
): TimelineEntry {
  return {
    at,
    kind,
    by: { ...person(me), agencyId: me.agencyId },
    ...(text ? { text } : {}),
  };
}
