/**
 * The early-help referral's lifecycle as a pure state machine, and who may do what.
 *
 *   draft → submitted → in_review → decided → closed
 *   draft | submitted → withdrawn   (before review only)
 *
 * The API asks here before every write and maps a refusal to its named error: `not-found` → 404
 * (another agency's referral is answered as if it did not exist), `forbidden` → 403, `conflict` → 409.
 * Checks run in that order of disclosure: what the actor's roles can never do is refused first,
 * without looking at the referral; then a referral the actor may not read is "not found"; only then
 * is its status compared, so a status is never revealed to someone who may not read the referral.
 */
import type { ReferralStatus } from './labels.ts';

export type Transition = 'submit' | 'withdraw' | 'review' | 'decide' | 'close';

export interface TransitionRule {
  /** The statuses this transition may start from. */
  readonly from: readonly ReferralStatus[];
  readonly to: ReferralStatus;
  /** The roles that may perform it. */
  readonly roles: readonly string[];
  /** Only a referrer of the agency that owns the referral may perform it. */
  readonly ownAgencyOnly: boolean;
  /** The request must carry a reason (recorded on the timeline). */
  readonly needsReason: boolean;
  /** The actor is recorded on the referral as its reviewer. */
  readonly recordsReviewer: boolean;
  /** For the timeline: "Submitted", "Withdrawn", … */
  readonly label: string;
}

export const REFERRAL_TRANSITIONS: Readonly<Record<Transition, TransitionRule>> = {
  submit: {
    from: ['draft'],
    to: 'submitted',
    roles: ['referrer'],
    ownAgencyOnly: true,
    needsReason: false,
    recordsReviewer: false,
    label: 'Submitted',
  },
  withdraw: {
    from: ['draft', 'submitted'],
    to: 'withdrawn',
    roles: ['referrer'],
    ownAgencyOnly: true,
    needsReason: true,
    recordsReviewer: false,
    label: 'Withdrawn',
  },
  review: {
    from: ['submitted'],
    to: 'in_review',
    roles: ['triage'],
    ownAgencyOnly: false,
    needsReason: false,
    recordsReviewer: true,
    label: 'Opened for review',
  },
  decide: {
    from: ['in_review'],
    to: 'decided',
    roles: ['triage'],
    ownAgencyOnly: false,
    needsReason: false,
    recordsReviewer: false,
    label: 'Decided',
  },
  close: {
    from: ['decided'],
    to: 'closed',
    roles: ['triage'],
    ownAgencyOnly: false,
    needsReason: false,
    recordsReviewer: false,
    label: 'Closed',
  },
};

export const TRANSITIONS = Object.keys(REFERRAL_TRANSITIONS) as Transition[];

export interface Actor {
  /** Who they are: a decision is the reviewer's (or a manager's) to make. */
  readonly userId?: string;
  readonly roles: readonly string[];
  /** The agency the user belongs to; null for a user with none. */
  readonly agencyId: string | null;
}

export interface ReferralRef {
  readonly status: ReferralStatus;
  /** The agency that made (owns) the referral. */
  readonly agencyId: string;
  /** Who opened it for review, if anyone has. */
  readonly reviewer?: { readonly userId: string; readonly name: string };
}

/** The front door's manager: reassigns referrals, and may decide one a colleague has opened. */
export const FRONT_DOOR_MANAGER_ROLE = 'front-door-manager';
const isManager = (actor: Actor) => actor.roles.includes(FRONT_DOOR_MANAGER_ROLE);

export type Refusal = {
  ok: false;
  reason: 'not-found' | 'forbidden' | 'conflict';
  /** A sentence for the person who asked. Never mentions a referral they may not read. */
  message: string;
};
export type Permission = { ok: true } | Refusal;
export type TransitionCheck = { ok: true; to: ReferralStatus } | Refusal;

/** The message every unreadable referral gets, whatever exists behind it. */
export const REFERRAL_NOT_FOUND_MESSAGE = 'Referral not found';

const isOwnAgencyReferrer = (actor: Actor, referral: ReferralRef): boolean =>
  actor.roles.includes('referrer') && actor.agencyId !== null && actor.agencyId === referral.agencyId;

/**
 * Referrers read their own agency's referrals, drafts included; the front door (triage) reads every
 * referral once it is submitted (a draft is the referrer's work in progress, consent perhaps not yet
 * settled); no one else reads any.
 */
export function canRead(actor: Actor, referral: ReferralRef): boolean {
  if (isOwnAgencyReferrer(actor, referral)) return true;
  return actor.roles.includes('triage') && referral.status !== 'draft';
}

const notFound: Refusal = { ok: false, reason: 'not-found', message: REFERRAL_NOT_FOUND_MESSAGE };

/** Why a referral in `status` cannot go through `transition`, in words for the person who tried. */
function conflictMessage(status: ReferralStatus, transition: Transition): string {
  switch (status) {
    case 'draft':
      return 'This referral is still a draft: it has not been submitted yet';
    case 'submitted':
      if (transition === 'submit') return 'This referral has already been submitted';
      if (transition === 'decide') return 'This referral must be opened for review before it can be decided';
      return 'This referral has not been decided yet, so it cannot be closed';
    case 'in_review':
      if (transition === 'withdraw') {
        return 'This referral can no longer be withdrawn: the front door is already reviewing it';
      }
      if (transition === 'review') return 'This referral is already being reviewed';
      if (transition === 'close') return 'This referral has not been decided yet, so it cannot be closed';
      return 'This referral has already been submitted and is being reviewed';
    case 'decided':
      return 'This referral has already been decided';
    case 'closed':
      return 'This referral has been closed';
    case 'withdrawn':
      return 'This referral has been withdrawn';
  }
}

/**
 * Whether `actor` may apply `transition` to `referral` now, and the status it would move to.
 * Refuses with `forbidden` when none of the actor's roles may ever do it (or, for a user who can read
 * the referral, when it is not their agency's), `not-found` when the actor may not read the referral,
 * and `conflict` when the referral's status does not allow it.
 */
export function canTransition(transition: Transition, actor: Actor, referral: ReferralRef): TransitionCheck {
  const rule = REFERRAL_TRANSITIONS[transition];
  if (!rule.roles.some((role) => actor.roles.includes(role))) {
    return {
      ok: false,
      reason: 'forbidden',
      message: `You do not have permission to ${transition} referrals`,
    };
  }
  if (!canRead(actor, referral)) return notFound;
  if (rule.ownAgencyOnly && !isOwnAgencyReferrer(actor, referral)) {
    return {
      ok: false,
      reason: 'forbidden',
      message: `Only the agency that made this referral can ${transition} it`,
    };
  }
  if (!rule.from.includes(referral.status)) {
    return { ok: false, reason: 'conflict', message: conflictMessage(referral.status, transition) };
  }
  // One person decides: whoever opened it, unless a manager steps in (or reassigns it first).
  if (transition === 'decide' && !isManager(actor) && referral.reviewer?.userId !== actor.userId) {
    return {
      ok: false,
      reason: 'forbidden',
      message: `${referral.reviewer?.name ?? 'A colleague'} is reviewing this referral: only they or a front-door manager can decide it`,
    };
  }
  return { ok: true, to: rule.to };
}

/**
 * Whether `actor` may hand `referral` to another member of the front door: a front-door manager, while
 * it waits for a decision (submitted, or already being reviewed). It then counts as opened by them.
 */
export function canReassign(actor: Actor, referral: ReferralRef): Permission {
  if (!isManager(actor)) {
    return { ok: false, reason: 'forbidden', message: 'Only a front-door manager can reassign referrals' };
  }
  if (!canRead(actor, referral)) return notFound;
  if (referral.status !== 'submitted' && referral.status !== 'in_review') {
    return { ok: false, reason: 'conflict', message: conflictMessage(referral.status, 'review') };
  }
  return { ok: true };
}

/**
 * Whether `actor` may add a note (further information) to `referral`: the referrer of the owning
 * agency or the front door, at any status but closed and withdrawn.
 */
export function canAddNote(actor: Actor, referral: ReferralRef): Permission {
  if (!actor.roles.includes('referrer') && !actor.roles.includes('triage')) {
    return {
      ok: false,
      reason: 'forbidden',
      message: 'You do not have permission to add notes to referrals',
    };
  }
  if (!canRead(actor, referral)) return notFound;
  if (referral.status === 'closed' || referral.status === 'withdrawn') {
    return {
      ok: false,
      reason: 'conflict',
      message: `${conflictMessage(referral.status, 'submit')}: no more information can be added`,
    };
  }
  return { ok: true };
}

/** The longest withdrawal reason accepted. */
export const WITHDRAW_REASON_MAX_LENGTH = 1000;

/** Checks the reason a withdrawal needs: the trimmed reason, or a message saying what is wrong. */
export function checkWithdrawReason(
  reason: unknown,
): { ok: true; reason: string } | { ok: false; message: string } {
  const trimmed = typeof reason === 'string' ? reason.trim() : '';
  if (trimmed === '') return { ok: false, message: 'Enter why you are withdrawing this referral' };
  if (trimmed.length > WITHDRAW_REASON_MAX_LENGTH) {
    return { ok: false, message: `The reason must be ${WITHDRAW_REASON_MAX_LENGTH} characters or fewer` };
  }
  return { ok: true, reason: trimmed };
}
