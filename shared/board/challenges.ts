import { addWorkingDays } from '../platform/working-days.ts';

/**
 * The independent chair's challenge on an action, pure: when the owner agency's response is due and
 * who may give it. The chair (role `board-chair`) challenges; a board member of the action's owner
 * agency responds, and never the challenger, so no one answers their own question.
 */

/** Working days the owner agency has to respond (UK working days: no weekends or bank holidays). */
export const CHALLENGE_RESPONSE_WORKING_DAYS = 10;

/** The day the response is due by the end of: 10 working days after the UK date of the challenge. */
export function challengeDueDate(challengedOn: string): string {
  return addWorkingDays(challengedOn, CHALLENGE_RESPONSE_WORKING_DAYS);
}

/** Overdue once the due day has ended without a response. */
export function isChallengeOverdue(
  challenge: { dueDate: string; response?: unknown },
  today: string,
): boolean {
  return !challenge.response && challenge.dueDate < today;
}

export type RespondRefusal = 'answered' | 'challenger' | 'not-owner';

/** May this board member respond? The refusal, in words, when not. */
export function canRespond(
  challenge: { by: { userId: string }; response?: unknown },
  action: { ownerAgencyId: string },
  responder: { userId: string; agencyId: string | null },
  ownerName: string,
): { ok: true } | { ok: false; why: RespondRefusal; reason: string } {
  if (challenge.response) {
    return { ok: false, why: 'answered', reason: 'This challenge already has its response' };
  }
  if (challenge.by.userId === responder.userId) {
    return {
      ok: false,
      why: 'challenger',
      reason: 'You made this challenge: the owner agency responds to it, not the challenger',
    };
  }
  if (responder.agencyId !== action.ownerAgencyId) {
    return {
      ok: false,
      why: 'not-owner',
      reason: `Only a board member of ${ownerName}, the action's owner agency, can respond to this challenge`,
    };
  }
  return { ok: true };
}
