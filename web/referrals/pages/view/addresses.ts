/** The referral pages' addresses, and who works the Front Door's side of them. */
import type { Me } from '../../../../shared/directory/me.ts';

export const viewUrl = (id: string, done?: string) =>
  `/referrals/view/?id=${encodeURIComponent(id)}${done ? `&done=${done}` : ''}`;

export const isTriage = (me: Me) => me.roles.includes('triage');

/** The lifecycle's view of the person signed in, to ask it what they may do (as the API does). */
export const actorOf = (me: Me) => ({ userId: me.userId, roles: me.roles, agencyId: me.agency?.id ?? null });
