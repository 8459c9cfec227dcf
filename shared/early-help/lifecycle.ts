import type { EpisodeState, LeadAnswer } from './labels.ts';

/**
 * Who may read and change an episode, and when. Pure, so the server enforces it and the pages show
 * only what the server would allow.
 *
 * - The front door (triage) reads every episode and asks agencies to lead.
 * - The agency asked to lead reads it while the request stands, so a practitioner can decide; once
 *   accepted, the lead's agency works it (team, consent, assessment, plan, reviews, closure).
 * - The team around the family reads it: agencies the family agreed to share with.
 * - The agency that referred, if not in the team, sees only that an episode exists, who leads it and
 *   its state (`summary`).
 * - Everyone else, the board included, gets nothing: a 404, exactly as for a missing episode.
 */

export interface Actor {
  readonly userId: string;
  readonly roles: readonly string[];
  readonly agencyId: string | null;
}

export interface EpisodeRef {
  readonly state: EpisodeState;
  readonly referrerAgencyId?: string;
  readonly lead?: { readonly agencyId: string; readonly answer: LeadAnswer };
  readonly teamAgencyIds: readonly string[];
}

export type Reading = 'full' | 'summary' | 'none';

/** The message every unreadable episode gets, whatever exists behind it. */
export const EPISODE_NOT_FOUND_MESSAGE = 'Episode not found';

const isPractitioner = (actor: Actor): actor is Actor & { agencyId: string } =>
  actor.roles.includes('referrer') && actor.agencyId !== null;

const leadsIt = (actor: Actor, episode: EpisodeRef): boolean =>
  isPractitioner(actor) && episode.lead?.agencyId === actor.agencyId && episode.lead.answer === 'accepted';

const isAskedToLead = (actor: Actor, episode: EpisodeRef): boolean =>
  isPractitioner(actor) && episode.lead?.agencyId === actor.agencyId && episode.lead.answer === 'asked';

export function readingOf(actor: Actor, episode: EpisodeRef): Reading {
  if (actor.roles.includes('triage')) return 'full';
  if (!isPractitioner(actor)) return 'none';
  if (leadsIt(actor, episode) || isAskedToLead(actor, episode)) return 'full';
  if (episode.teamAgencyIds.includes(actor.agencyId)) return 'full';
  return episode.referrerAgencyId === actor.agencyId ? 'summary' : 'none';
}

/** What a caller may do to an episode. */
export type EpisodeAction =
  | 'ask_lead'
  | 'answer_lead'
  | 'set_team'
  | 'set_consent'
  | 'record_assessment'
  | 'agree_plan'
  | 'record_review'
  | 'close';

export type Permission =
  | { ok: true }
  | { ok: false; reason: 'not-found' | 'forbidden' | 'conflict'; message: string };

const notFound: Permission = { ok: false, reason: 'not-found', message: EPISODE_NOT_FOUND_MESSAGE };
const forbidden = (message: string): Permission => ({ ok: false, reason: 'forbidden', message });
const conflict = (message: string): Permission => ({ ok: false, reason: 'conflict', message });

/** The states each action may happen in, and the words for a state it may not. */
const ALLOWED_IN: Record<EpisodeAction, readonly EpisodeState[]> = {
  ask_lead: ['awaiting_lead'],
  answer_lead: ['awaiting_lead'],
  set_team: ['assessing', 'planning', 'reviewing'],
  set_consent: ['assessing', 'planning', 'reviewing'],
  record_assessment: ['assessing'],
  agree_plan: ['planning', 'reviewing'],
  record_review: ['reviewing'],
  close: ['awaiting_lead', 'assessing', 'planning', 'reviewing'],
};

function stateConflict(action: EpisodeAction, state: EpisodeState): string {
  if (state === 'closed') return 'This episode is closed';
  if (action === 'ask_lead' || action === 'answer_lead')
    return 'A lead practitioner has already accepted this episode';
  if (state === 'awaiting_lead') return 'This episode has no lead practitioner yet';
  if (action === 'record_assessment') return 'The Early Help Assessment is already complete';
  if (action === 'agree_plan') return 'The Early Help Assessment must be completed before the plan';
  return 'The plan must be agreed before a review';
}

/**
 * Whether `actor` may do `action` to `episode` now. Refuses with `not-found` for a caller who may not
 * read it, `forbidden` for one who may read it but not do this, `conflict` when its state forbids it.
 */
export function canAct(action: EpisodeAction, actor: Actor, episode: EpisodeRef): Permission {
  const reading = readingOf(actor, episode);
  if (reading === 'none') return notFound;
  const triage = actor.roles.includes('triage');
  if (action === 'ask_lead') {
    if (!triage) return forbidden('Only the front door can ask an agency to lead');
  } else if (action === 'answer_lead') {
    if (!isAskedToLead(actor, episode)) {
      return episode.state === 'awaiting_lead' || reading !== 'full'
        ? forbidden('Only a practitioner of the agency asked to lead can answer')
        : conflict(stateConflict(action, episode.state));
    }
  } else if (action === 'close') {
    if (!triage && !leadsIt(actor, episode))
      return forbidden('Only the lead practitioner’s agency or the front door can close this episode');
  } else if (!leadsIt(actor, episode)) {
    return forbidden('Only the lead practitioner’s agency can change this episode');
  }
  if (!ALLOWED_IN[action].includes(episode.state)) return conflict(stateConflict(action, episode.state));
  return { ok: true };
}
