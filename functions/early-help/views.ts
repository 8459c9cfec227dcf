import type { Reading } from '../../shared/early-help/lifecycle.ts';
import type { Episode, EpisodeForReferrer, EpisodeSummary, Review } from '../../shared/early-help/schema.ts';
import type { EarlyHelpStandards } from '../../shared/early-help/standards.ts';
import { isDrifting, timerStatus, timersOf } from '../../shared/early-help/timers.ts';
import type { Shown } from '../platform/shown.ts';
import { type EpisodeRecord, factsOf, type StoredSummary } from './records.ts';

/**
 * What each caller may see of an episode, and the only place an episode is made fit to leave the
 * area: a full reader gets the episode with today's timers; the referring agency, outside the team,
 * only that it exists, who leads it and its state; a list gets its rows. Timers are worked out on
 * every read from the standards and today's UK date, so they are never stale.
 */

declare module '../platform/shown.ts' {
  interface PerCallerRecords {
    episode: Episode;
    episodeSummary: EpisodeSummary;
  }
}

export function fullView(
  record: EpisodeRecord,
  reviews: Review[],
  standards: EarlyHelpStandards,
  today: string,
): Shown<Episode> {
  const { reviewsHeldOn: _dates, ...episode } = record;
  const facts = factsOf(record);
  const timers = timersOf(facts, standards).map((t) => timerStatus(t, today));
  return {
    ...episode,
    reviews,
    timers,
    drift: isDrifting(facts, standards, today),
  } as Shown<Episode>;
}

export function referrerView(record: EpisodeRecord): Shown<EpisodeForReferrer> {
  const lead = record.lead;
  return {
    id: record.id,
    reference: record.reference,
    state: record.state,
    ...(lead ? { leadAgencyId: lead.agencyId, leadAnswer: lead.answer } : {}),
    ...(lead?.practitioner ? { leadName: lead.practitioner.name } : {}),
    ...(record.closure ? { closureReason: record.closure.reason } : {}),
  } as Shown<EpisodeForReferrer>;
}

/** The episode as a reader of `reading` may see it (never called for `none`). */
export function viewFor(
  reading: Exclude<Reading, 'none'>,
  record: EpisodeRecord,
  reviews: Review[],
  standards: EarlyHelpStandards,
  today: string,
): Shown<Episode> | Shown<EpisodeForReferrer> {
  return reading === 'full' ? fullView(record, reviews, standards, today) : referrerView(record);
}

/** A list row with today's countdown on its running timer. */
export function rowView(summary: StoredSummary, today: string): Shown<EpisodeSummary> {
  const { running, ...rest } = summary;
  const status = running ? timerStatus(running, today) : undefined;
  return {
    ...rest,
    ...(status ? { running: status } : {}),
    drift: status?.status === 'overdue',
  } as Shown<EpisodeSummary>;
}
