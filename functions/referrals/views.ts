import type { Notification } from '../../shared/referrals/notification.ts';
import type { Referral, ReferralSummary, TimelineEntry } from '../../shared/referrals/schema.ts';
import type { Principal } from '../platform/identity.ts';
import type { Shown } from '../platform/shown.ts';
import { audienceAgency } from './keys.ts';
import { notificationFor } from './notifications.ts';
import type { Audience, OutboxMessage } from './store.ts';

/**
 * What each caller may see of a referral, and the only place a referral is made fit to leave the area:
 * the detail, a list item, a conflict's `current`, a replay, a creation's answer and a notification
 * are all made here, from the caller and the stored record. Responses take only `Shown` values.
 *
 * The rule: possible duplicates name other agencies' referrals, and the decision's rationale is the
 * front door's record and may weigh what other agencies said; both are the front door's alone, as is
 * its record of the consultation call that asked for the referral. The
 * referrer reads the outcome and the feedback written for them.
 */

/** Whom a view is for: a signed-in caller, or a notification's audience. */
export type Viewer = Pick<Principal, 'roles' | 'agencyId'>;

export type ReferralDetail = Referral & { timeline: TimelineEntry[] };

declare module '../platform/shown.ts' {
  interface PerCallerRecords {
    referral: Referral;
    summary: ReferralSummary;
  }
}

const isFrontDoor = (viewer: Viewer) => viewer.roles.includes('triage');

/** The referral as this caller may read it. */
export function referralView(viewer: Viewer, referral: Referral): Shown<Referral> {
  if (isFrontDoor(viewer)) return referral as Shown<Referral>;
  const { possibleDuplicates: _duplicates, managerReview: _review, consultation: _call, ...rest } = referral;
  if (!rest.decision) return rest as Shown<Referral>;
  const { rationale: _rationale, signposts, ...decision } = rest.decision;
  // The note on a "none fitted" is for the board, as the rationale is for the record.
  const noneFitted = signposts?.noneFitted;
  const shownSignposts = signposts
    ? {
        services: signposts.services,
        ...(noneFitted ? { noneFitted: { reason: noneFitted.reason, need: noneFitted.need } } : {}),
      }
    : undefined;
  return {
    ...rest,
    decision: { ...decision, ...(shownSignposts ? { signposts: shownSignposts } : {}) } as NonNullable<
      Referral['decision']
    >,
  } as Shown<Referral>;
}

/** One referral with its timeline, as `GET /api/referrals/{id}` answers it. */
export function detailView(
  viewer: Viewer,
  referral: Referral,
  timeline: TimelineEntry[],
): Shown<ReferralDetail> {
  return { ...referralView(viewer, referral), timeline } as Shown<ReferralDetail>;
}

/** A list item as this caller may read it: the flag says another agency referred the child too. */
export function listItemView(viewer: Viewer, summary: ReferralSummary): Shown<ReferralSummary> {
  if (isFrontDoor(viewer)) return summary as Shown<ReferralSummary>;
  const { possibleDuplicate: _flag, managerReview: _review, ...rest } = summary;
  return rest as Shown<ReferralSummary>;
}

/** Who reads an audience's notifications. */
export function audienceViewer(audience: Audience): Viewer {
  return audience === 'TRIAGE'
    ? { roles: ['triage'], agencyId: null }
    : { roles: ['referrer'], agencyId: audienceAgency(audience) };
}

/** A notification to an audience, written from what that audience may read of the referral. */
export function notificationTo(
  audience: Audience,
  kind: 'submitted' | 'decided',
  at: string,
  referral: Referral,
): OutboxMessage {
  const shown = referralView(audienceViewer(audience), referral);
  // The words take only the reference, the id for the link and the due time (notifications.ts).
  return { audience, notification: notificationFor[kind](at, shown) as Shown<Notification> };
}
