/**
 * What the early-help pages read from and send to the API: an episode (whole, or the referrer's
 * summary), a page of episodes, a referral's episode, a change sent with the version read, and the
 * episode a 409 carries. Types only from shared/early-help/schema.ts, so no zod reaches a page.
 */

import type { Me } from '../../shared/directory/me.ts';
import type { EpisodeView } from '../../shared/early-help/labels.ts';
import type { Actor, EpisodeAction, EpisodeRef } from '../../shared/early-help/lifecycle.ts';
import { canAct } from '../../shared/early-help/lifecycle.ts';
import type { Episode, EpisodeForReferrer, EpisodeSummary } from '../../shared/early-help/schema.ts';
import { ApiError, apiGet, apiRequest, orNotFound } from '../platform/api.ts';

// The agencies' names (web/platform/agencies.ts), beside the episode's for the early-help pages.
export { type AgencyName, agencyName, loadAgencies } from '../platform/agencies.ts';

export type { Episode, EpisodeForReferrer, EpisodeSummary };
export type EpisodeRead = Episode | EpisodeForReferrer;

export const EPISODE_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** A whole episode (timers and all), as opposed to the summary the referring agency gets. */
export const isWhole = (episode: EpisodeRead): episode is Episode => 'timers' in episode;

export function episodeUrl(id: string, extra = ''): string {
  return `/early-help/episode/?id=${encodeURIComponent(id)}${extra}`;
}

/** The episode at this id as the caller may read it; null when there is none they may read. */
export function loadEpisode(id: string): Promise<EpisodeRead | null> {
  return EPISODE_ID.test(id)
    ? orNotFound(apiGet<EpisodeRead>(`/episodes/${encodeURIComponent(id)}`))
    : Promise.resolve(null);
}

export interface EpisodePage {
  items: EpisodeSummary[];
  nextCursor: string | null;
}

export function loadEpisodes(view: EpisodeView, cursor?: string | null): Promise<EpisodePage> {
  const query = new URLSearchParams({ view, limit: '50', ...(cursor ? { cursor } : {}) });
  return apiGet<EpisodePage>(`/episodes?${query}`);
}

/** Who leads a referral's episode now, or null when it has none the caller may read. */
export function loadEpisodeOfReferral(referralId: string): Promise<EpisodeForReferrer | null> {
  return orNotFound(apiGet<EpisodeForReferrer>(`/episodes/by-referral/${encodeURIComponent(referralId)}`));
}

/** The front door starts the episode from its decision of early help. */
export async function startEpisode(referralId: string, leadAgencyId?: string): Promise<EpisodeRead> {
  const body = { referralId, ...(leadAgencyId ? { leadAgencyId } : {}) };
  return (await apiRequest<EpisodeRead>('/episodes', { method: 'POST', body })).data;
}

/** A change to the episode (`/episodes/{id}/{path}`), sent with the version read. */
export async function changeEpisode(
  episode: Episode,
  method: 'POST' | 'PUT',
  path: string,
  body: unknown,
): Promise<EpisodeRead> {
  const url = `/episodes/${encodeURIComponent(episode.id)}/${path}`;
  return (await apiRequest<EpisodeRead>(url, { method, body, ifMatch: episode.version })).data;
}

/** The episode as it now is, when the API refused a change because it had changed (409). */
export function currentEpisode(error: unknown): EpisodeRead | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const current = error.problem.current as Partial<EpisodeRead> | undefined;
  return current && typeof current.id === 'string' && typeof current.state === 'string'
    ? (current as EpisodeRead)
    : null;
}

export const isConflict = (error: unknown): error is ApiError =>
  error instanceof ApiError && (error.status === 409 || error.status === 412);

// Who may do what -----------------------------------------------------------------------------------

export function actorOf(me: Me): Actor {
  return { userId: me.userId, roles: me.roles, agencyId: me.agency?.id ?? null };
}

export function refOfEpisode(episode: Episode): EpisodeRef {
  return {
    state: episode.state,
    ...(episode.referral ? { referrerAgencyId: episode.referral.agencyId } : {}),
    ...(episode.lead ? { lead: { agencyId: episode.lead.agencyId, answer: episode.lead.answer } } : {}),
    teamAgencyIds: [...new Set(episode.team.map((m) => m.agencyId))],
  };
}

/** Whether the server would let this person do this to the episode now. */
export function mayDo(action: EpisodeAction, me: Me, episode: Episode): boolean {
  return canAct(action, actorOf(me), refOfEpisode(episode)).ok;
}

export const isTriage = (me: Me) => me.roles.includes('triage');
export const isPractitioner = (me: Me) => me.roles.includes('referrer') && me.agency !== null;
