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
 * - `STEPDOWN#<case reference>#<date> / EPISODE` a step-down's one episode (its social care case
 *   reference, upper-cased, and the date it stepped down)
 * - `REFERENCE#<year> / COUNTER`              the year's episode references
 * - `STANDARDS / CURRENT`                     the partnership's standards, when set
 * - `ALARM#<id> / <kind>#<from>`              a drift alarm already sent for that timer
 * - `CHILD#<hashed key> / EPISODE#<id>`       a child's episodes, for re-referrals (child-keys.ts)
 * - `STATS / Q#<yyyy-Qn>#AGENCY#<id>|NOLEAD`  the dashboard's counters of a quarter, by the agency
 *   leading (or asked to lead) when each thing happened; `STATS / OPEN#AGENCY#<id>|NOLEAD` the
 *   episodes open now. Both written in the same transactions as the episode (counters.ts)
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

export const stepDownClaimKey = (socialCareReference: string, steppedDownOn: string): Key => ({
  pk: `STEPDOWN#${socialCareReference.trim().toUpperCase()}#${steppedDownOn}`,
  sk: 'EPISODE',
});

export const referenceCounterKey = (year: number): Key => ({ pk: `REFERENCE#${year}`, sk: 'COUNTER' });

export const STANDARDS_KEY: Key = { pk: 'STANDARDS', sk: 'CURRENT' };

export const alarmKey = (id: string, kind: string, from: string): Key => ({
  pk: `ALARM#${id}`,
  sk: `${kind}#${from}`,
});

/** An episode filed under one of its child's hashed match keys, never her details. */
export const childIndexPartition = (matchKey: string) => `CHILD#${matchKey}`;
export const childIndexKey = (matchKey: string, id: string): Key => ({
  pk: childIndexPartition(matchKey),
  sk: `${EPISODE_PREFIX}${id}`,
});

/** The dashboard counters' partition, and their rows. `null` is no agency leading or asked to. */
export const STATS_PK = 'STATS';
const agencyPart = (agencyId: string | null) => (agencyId === null ? 'NOLEAD' : `AGENCY#${agencyId}`);
export const counterKey = (sk: string): Key => ({ pk: STATS_PK, sk });
/** A quarter's counters (`2026-Q2`) for one agency. */
export const quarterCounterSk = (quarter: string, agencyId: string | null) =>
  `Q#${quarter}#${agencyPart(agencyId)}`;
/** The episodes open now for one agency. */
export const openCounterSk = (agencyId: string | null) => `OPEN#${agencyPart(agencyId)}`;
/** The prefixes of one year's quarter rows, and of the open rows. */
export const quarterCountersOf = (year: number) => `Q#${year}-`;
export const OPEN_COUNTERS = 'OPEN#';
/** The agency a counter row is for (null: none), and the quarter of a quarter row. */
export const counterAgency = (sk: string): string | null => sk.split('#AGENCY#')[1] ?? null;
export const counterQuarter = (sk: string) => sk.slice(2, 9);
