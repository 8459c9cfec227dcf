import type { EpisodeRef } from '../../shared/early-help/lifecycle.ts';
import type { Episode, EpisodeSummary } from '../../shared/early-help/schema.ts';
import { type EarlyHelpStandards, standardsBasis } from '../../shared/early-help/standards.ts';
import { runningTimer, type Timer, type TimerFacts } from '../../shared/early-help/timers.ts';
import type { LevelNumber } from '../../shared/guidance/schema.ts';
import { ukDateOf } from '../../shared/platform/working-days.ts';
import type { Child, ReferralContent } from '../../shared/referrals/schema.ts';

/**
 * The episode as the store keeps it, and what each write derives from it: who it is listed for,
 * its timers' facts and its list row. The reviews are items of their own (store.ts), so a record
 * stays small however long the plan runs; it keeps only their dates, which the timers need.
 */
export type EpisodeRecord = Omit<Episode, 'timers' | 'drift' | 'reviews'> & {
  /** Every review's date, in the order they were recorded. */
  reviewsHeldOn: string[];
};

/**
 * What the episode keeps of the referral it began from, for a step-up to carry back to the front
 * door; never in a view of the episode.
 */
export interface EpisodeSnapshot {
  child: Pick<
    Partial<Child>,
    | 'firstName'
    | 'lastName'
    | 'knownAs'
    | 'dateOfBirth'
    | 'expectedDateOfBirth'
    | 'schoolOrSetting'
    | 'address'
    | 'currentWhereabouts'
  >;
  household?: ReferralContent['household'];
  indicatorIds: string[];
  consent?: ReferralContent['consent'];
  /** The level the guidance suggested for the indicators: the consent rule of a step-up follows it. */
  suggestedLevel?: LevelNumber;
}

/** A list row as stored: the running timer without today's status, which each read works out. */
export type StoredSummary = Omit<EpisodeSummary, 'running' | 'drift'> & { running?: Timer };

/**
 * What a write puts beside the episode: its list row, the date its lists sort it by, and the
 * standards both were worked out under (`standardsBasis`), so a change of standards finds the
 * episodes whose lists it must re-sort (relisting.ts).
 */
export interface Listing {
  summary: StoredSummary;
  sortOn: string;
  basis: string;
}

const teamAgencies = (record: Pick<EpisodeRecord, 'team'>) => [
  ...new Set(record.team.map((m) => m.agencyId)),
];

export function refOf(record: EpisodeRecord): EpisodeRef {
  return {
    state: record.state,
    ...(record.referral ? { referrerAgencyId: record.referral.agencyId } : {}),
    ...(record.lead ? { lead: { agencyId: record.lead.agencyId, answer: record.lead.answer } } : {}),
    teamAgencyIds: teamAgencies(record),
  };
}

/** What a nonexistent episode is checked as: nobody's, so only its absence is ever reported. */
export const NOBODYS_EPISODE: EpisodeRef = { state: 'awaiting_lead', teamAgencyIds: [] };

/** The agencies whose lists show the episode: the agency asked to lead or leading it, and the team's. */
export function listedAgencies(record: EpisodeRecord): string[] {
  const lead = record.lead && record.lead.answer !== 'declined' ? [record.lead.agencyId] : [];
  return [...new Set([...lead, ...teamAgencies(record)])];
}

export const leadAcceptedOn = (record: EpisodeRecord): string | undefined =>
  record.lead?.answer === 'accepted' && record.lead.answeredAt
    ? ukDateOf(new Date(record.lead.answeredAt))
    : undefined;

export function factsOf(record: EpisodeRecord): TimerFacts {
  const accepted = leadAcceptedOn(record);
  return {
    state: record.state,
    startedOn: record.startedOn,
    ...(accepted ? { leadAcceptedOn: accepted } : {}),
    ...(record.assessment?.completedOn ? { assessmentCompletedOn: record.assessment.completedOn } : {}),
    ...(record.plan ? { planAgreedOn: record.plan.agreedOn } : {}),
    reviewsHeldOn: record.reviewsHeldOn,
  };
}

export const childNameOf = (record: Pick<EpisodeRecord, 'child'>) =>
  [record.child.firstName, record.child.lastName].filter(Boolean).join(' ');

/** The episode's list row and sort date under `standards`: open ones by due date, closed ones by closing. */
export function listingOf(record: EpisodeRecord, standards: EarlyHelpStandards): Listing {
  const running = runningTimer(factsOf(record), standards);
  const summary: StoredSummary = {
    id: record.id,
    reference: record.reference,
    state: record.state,
    level: record.level,
    childName: childNameOf(record),
    ...(record.lead
      ? {
          leadAgencyId: record.lead.agencyId,
          leadAnswer: record.lead.answer,
          ...(record.lead.practitioner ? { leadName: record.lead.practitioner.name } : {}),
        }
      : {}),
    ...(running ? { running } : {}),
    ...(record.closure ? { closedOn: record.closure.closedOn, closureReason: record.closure.reason } : {}),
    updatedAt: record.updatedAt,
  };
  return {
    summary,
    sortOn: record.closure?.closedOn ?? running?.dueOn ?? record.startedOn,
    basis: standardsBasis(standards),
  };
}
