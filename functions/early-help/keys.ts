/**
 * Every key of the early-help table, made and read here only (access patterns first,
 * shared/deployment/tables.ts):
 * - `EPISODE#<id> / EPISODE`                 the episode; `… / SNAPSHOT` what it kept of its referral
 *   (child, household, indicators, consent) for a step-up; `… / REVIEW#<ulid>` its reviews, in order;
 *   `… / AGENCY#<agencyId>` one list item per agency working it (the lead, the agency asked, the team)
 * - gsi1 `FRONTDOOR#open|closed`              the front door's lists: open episodes by the running
 *   timer's due date (`<dueOn>#<id>`), so "overdue" is a key condition; closed ones by closing date
 * - gsi2 `AGENCY#<agencyId>#open|closed`      an agency's episodes, on its list items, in the same order
 * - `REFERRAL#<referralId> / EPISODE`         the referral's one episode
 * - `REFERENCE#<year> / COUNTER`              the year's episode references
 * - `STANDARDS / CURRENT`                     the partnership's standards, when set
 * - `ALARM#<id> / <kind>#<from>`              a drift alarm already sent for that timer
 */
type Key = { pk: string; sk: string };

export type ListState = 'open' | 'closed';

const EPISODE_PREFIX = 'EPISODE#';
const episodePartition = (id: string) => `${EPISODE_PREFIX}${id}`;
export const episodeKey = (id: string): Key => ({ pk: episodePartition(id), sk: 'EPISODE' });
export const snapshotKey = (id: string): Key => ({ pk: episodePartition(id), sk: 'SNAPSHOT' });

export const REVIEW_PREFIX = 'REVIEW#';
export const reviewsPartition = episodePartition;
export const reviewKey = (id: string, reviewId: string): Key => ({
  pk: episodePartition(id),
  sk: `${REVIEW_PREFIX}${reviewId}`,
});

export const agencyItemKey = (id: string, agencyId: string): Key => ({
  pk: episodePartition(id),
  sk: `AGENCY#${agencyId}`,
});

/** gsi1: the front door's lists. `sortOn` is the running timer's due date, or the closing date. */
export const frontDoorPartition = (state: ListState) => `FRONTDOOR#${state}`;
export const frontDoorKeys = (state: ListState, sortOn: string, id: string) => ({
  gsi1pk: frontDoorPartition(state),
  gsi1sk: `${sortOn}#${id}`,
});

/** gsi2: one agency's episodes, in the same order as the front door's. */
export const agencyPartition = (agencyId: string, state: ListState) => `AGENCY#${agencyId}#${state}`;
export const agencyListKeys = (agencyId: string, state: ListState, sortOn: string, id: string) => ({
  gsi2pk: agencyPartition(agencyId, state),
  gsi2sk: `${sortOn}#${id}`,
});

export const referralClaimKey = (referralId: string): Key => ({
  pk: `REFERRAL#${referralId}`,
  sk: 'EPISODE',
});

export const referenceCounterKey = (year: number): Key => ({ pk: `REFERENCE#${year}`, sk: 'COUNTER' });

export const STANDARDS_KEY: Key = { pk: 'STANDARDS', sk: 'CURRENT' };

export const alarmKey = (id: string, kind: string, from: string): Key => ({
  pk: `ALARM#${id}`,
  sk: `${kind}#${from}`,
});
