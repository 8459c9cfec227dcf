import { ulid } from 'ulid';
import type { EpisodeRecord } from '../functions/early-help/records.ts';
import { DEMO_USERS } from '../infra/seed/demo-data.ts';
import type { ClosureReason, EpisodeState, ReviewDecision } from '../shared/early-help/labels.ts';
import { ukDateOf } from '../shared/platform/working-days.ts';
import { DAY, EARLIEST, FIRST_NAMES, LAST_NAMES, pickFrom, weighted } from './lib/synthetic.ts';
import { REFERRING } from './seed-referrals.ts';

/**
 * One synthetic early-help episode for the scale benchmark, in its last state and as the front door
 * started it. Dates are worked back from its latest step, so open episodes' timers run from recent
 * dates (about a third overdue) and closed ones spread over up to three years. Every name here is
 * invented.
 */

/** Agencies asked to lead, weighted: the family-support charity leads most plans. */
const LEADING = [
  { id: 'harbour-family-support', weight: 3 },
  { id: 'brookfield-primary', weight: 2 },
  { id: 'northshire-academy', weight: 2 },
  { id: 'northshire-community-health', weight: 2 },
  { id: 'ashgrove-infant', weight: 1 },
] as const;
const TEAM_AGENCIES = [
  'harbour-family-support',
  'brookfield-primary',
  'northshire-community-health',
  'northshire-police',
];

const HOUR = 60 * 60 * 1000;
/** The latest step of an open episode, at most this many days ago: about a third are overdue. */
const OPEN_AGE_DAYS: Record<Exclude<EpisodeState, 'closed'>, number> = {
  awaiting_lead: 12,
  assessing: 40,
  planning: 12,
  reviewing: 60,
};
/** How far a closed episode's steps may reach back before its closing (four reviews and the rest). */
const LONGEST_EPISODE_DAYS = 230;

const frontDoor = DEMO_USERS.find((u) => u.roles.includes('triage'));
const FRONT_DOOR = { userId: frontDoor?.sub ?? 'bench-triage', name: frontDoor?.name ?? 'The front door' };
function practitionerOf(agencyId: string) {
  const user = DEMO_USERS.find((u) => u.agencyId === agencyId && u.roles.includes('referrer'));
  return { userId: user?.sub ?? `bench-${agencyId}`, name: user?.name ?? 'A practitioner' };
}

export interface EpisodePlan {
  count: number;
  /** How many of them are open: the front door's open list, and the agencies'. */
  open: number;
  /** Distinguishes references between sizes. */
  batch: number;
  now: Date;
}

/** How far the episode got: 0 waiting for a lead, 1 lead accepted, 2 assessed, 3 plan agreed. */
type Reached = 0 | 1 | 2 | 3;

export interface SyntheticEpisode {
  /** The episode as the front door started it, from which its counters move to `record`'s. */
  created: EpisodeRecord;
  record: EpisodeRecord;
}

/** One synthetic episode: `n < plan.open` ones are open, the rest closed. */
export function syntheticEpisode(n: number, plan: EpisodePlan, random: () => number): SyntheticEpisode {
  const pick = pickFrom(random);
  // Whole milliseconds: ulid() takes only those.
  const between = (min: number, max: number) => Math.round((min + random() * (max - min)) * DAY);
  const nowMs = plan.now.getTime();
  const isOpen = n < plan.open;

  // What it reached, how it closed (if it did) and when its latest step was.
  let reached: Reached;
  let reviewCount: number;
  let latestMs: number;
  let closing: { reason: ClosureReason; byReview?: ReviewDecision } | undefined;
  if (isOpen) {
    const r = random();
    const state = r < 0.2 ? 'awaiting_lead' : r < 0.45 ? 'assessing' : r < 0.55 ? 'planning' : 'reviewing';
    reached = ({ awaiting_lead: 0, assessing: 1, planning: 2, reviewing: 3 } as const)[state];
    reviewCount = reached === 3 ? Math.floor(random() * 4) : 0;
    latestMs = Math.round(nowMs - random() * OPEN_AGE_DAYS[state] * DAY - random() * 6 * HOUR);
  } else {
    const spread = Math.max(
      DAY,
      Math.min(3 * 365 * DAY, nowMs - 5 * DAY - EARLIEST - LONGEST_EPISODE_DAYS * DAY),
    );
    latestMs = Math.round(nowMs - 5 * DAY - random() * spread);
    const r = random();
    if (r < 0.7) {
      reached = 3;
      reviewCount = 1 + Math.floor(random() * 4);
      const d = random();
      const byReview = d < 0.6 ? 'close' : d < 0.9 ? 'step_down' : 'step_up';
      const reason = ({ close: 'outcomes_met', step_down: 'stepped_down', step_up: 'stepped_up' } as const)[
        byReview
      ];
      closing = { reason, byReview };
    } else {
      reached = r < 0.85 ? 1 : 0;
      reviewCount = 0;
      closing = { reason: reached ? pick(['consent_withdrawn', 'moved_away'] as const) : 'other' };
    }
  }
  const closedMs = closing ? latestMs : undefined;
  // Closed outside a review, it closed some days after its last step.
  if (closing && !closing.byReview) latestMs -= between(3, 20);

  // Every step's instant, worked back from the latest.
  let t = latestMs;
  const reviewsMs: number[] = [];
  let planMs: number | undefined;
  let completedMs: number | undefined;
  let acceptedMs: number | undefined;
  if (reached >= 3) {
    for (let i = 0; i < reviewCount; i++) {
      reviewsMs.unshift(t);
      t -= between(25, 45);
    }
    planMs = t;
    t -= between(1, 7);
  }
  if (reached >= 2) {
    completedMs = t;
    t -= between(5, 28);
  }
  if (reached >= 1) {
    acceptedMs = t;
    t -= between(0, 7);
  }
  const decidedMs = t;

  const date = (ms: number) => ukDateOf(new Date(ms));
  const iso = (ms: number) => new Date(ms).toISOString();
  const firstName = pick(FIRST_NAMES);
  const lastName = pick(LAST_NAMES);
  const parent = `Kerry ${lastName}`;
  const level = random() < 0.6 ? 3 : 2;
  const year = new Date(decidedMs).getUTCFullYear();
  const id = ulid(decidedMs);
  const leadAgencyId = weighted(random, LEADING);
  const lead = practitionerOf(leadAgencyId);
  let version = 1;

  // Waiting for a lead: most have an agency asked, some after another declined, a few none yet.
  const l = reached === 0 ? random() : 0;
  const declinedBy = l > 0.8 && l <= 0.9 ? pick(LEADING.filter((a) => a.id !== leadAgencyId)).id : undefined;
  const declined = declinedBy
    ? [{ agencyId: declinedBy, reason: 'No capacity this term', at: iso(decidedMs + 2 * HOUR) }]
    : [];
  if (declinedBy) version += 2;
  if (acceptedMs !== undefined) version += 1;
  const asked = {
    agencyId: leadAgencyId,
    askedAt: iso(decidedMs + (declinedBy ? 3 : 1) * HOUR),
    askedBy: FRONT_DOOR,
  };
  const firstAsked = l <= 0.9 ? (declinedBy ?? leadAgencyId) : undefined;
  const leadField: EpisodeRecord['lead'] =
    acceptedMs !== undefined
      ? { ...asked, answer: 'accepted', practitioner: lead, answeredAt: iso(acceptedMs) }
      : l <= 0.9
        ? { ...asked, answer: 'asked' }
        : undefined;

  // With a lead: the family's consent and the team it allows, then the assessment and the plan.
  const others = TEAM_AGENCIES.filter((a) => a !== leadAgencyId && random() < 0.35);
  const consented = acceptedMs !== undefined && random() < 0.85;
  const consent = consented
    ? {
        sharingAgreed: true,
        shareWithAgencyIds: [leadAgencyId, ...others],
        agreedBy: `${parent} (mother)`,
        agreedOn: date(acceptedMs ?? decidedMs),
        recordedAt: iso((acceptedMs ?? decidedMs) + HOUR),
      }
    : undefined;
  const team = consented
    ? [
        { agencyId: leadAgencyId, name: lead.name, role: 'Lead practitioner' },
        ...others.map((agencyId) => ({ agencyId, name: practitionerOf(agencyId).name, role: 'Team member' })),
      ]
    : [];
  if (consented) version += 2;
  const assessed = completedMs !== undefined || (acceptedMs !== undefined && random() < 0.6);
  const assessment = assessed
    ? {
        startedOn: date(acceptedMs ?? decidedMs),
        ...(completedMs !== undefined ? { completedOn: date(completedMs) } : {}),
        strengths: `${parent} is warm with ${firstName} and wants help with routines.`,
        needs: `${firstName} is often late and hungry; the household is under money pressure.`,
        familyWords: '"We want mornings to be calmer."',
      }
    : undefined;
  if (assessed) version += completedMs !== undefined ? 2 : 1;
  const agreedMs = planMs;
  const outcomes =
    agreedMs === undefined
      ? []
      : Array.from({ length: 1 + Math.floor(random() * 3) }, (_, o) => ({
          id: ulid(agreedMs),
          title: ['Calmer mornings', 'Attending every day', 'Money worries in hand'][o] ?? 'Another outcome',
          actions: Array.from({ length: 1 + Math.floor(random() * 2) }, (_, a) => ({
            id: ulid(agreedMs),
            what: a === 0 ? 'Breakfast club place' : 'Weekly home visit',
            owner: lead.name,
            dueOn: date(agreedMs + between(30, 90)),
          })),
        }));
  if (agreedMs !== undefined) version += 1;

  version += reviewsMs.length + (closing && !closing.byReview ? 1 : 0);

  const record: EpisodeRecord = {
    id,
    reference: `EHE-${year}-B${plan.batch}${String(n).padStart(6, '0')}`,
    version,
    createdAt: iso(decidedMs),
    updatedAt: iso(Math.max(closedMs ?? 0, latestMs, (acceptedMs ?? 0) + HOUR)),
    state: closing ? 'closed' : (['awaiting_lead', 'assessing', 'planning', 'reviewing'] as const)[reached],
    origin: 'referral_decision',
    referral: {
      id: ulid(decidedMs - 2 * DAY),
      reference: `EH-${year}-E${plan.batch}${String(n).padStart(6, '0')}`,
      agencyId: weighted(random, REFERRING),
    },
    level,
    child: { firstName, lastName, dateOfBirth: '2016-03-14', schoolOrSetting: 'Brookfield Primary School' },
    startedOn: date(decidedMs),
    ...(leadField ? { lead: leadField } : {}),
    declined,
    team,
    ...(consent ? { consent } : {}),
    ...(assessment ? { assessment } : {}),
    ...(planMs !== undefined ? { plan: { agreedOn: date(planMs), outcomes } } : {}),
    reviewsHeldOn: reviewsMs.map(date),
    ...(closing && closedMs !== undefined
      ? {
          closure: {
            reason: closing.reason,
            ...(closing.reason === 'other' ? { note: 'The family moved to another support service.' } : {}),
            closedOn: date(closedMs),
            by: closing.byReview ? lead : FRONT_DOOR,
          },
        }
      : {}),
    ...(closing?.byReview === 'step_up'
      ? { steppedUpTo: { referralId: ulid(closedMs), reference: `EH-${year}-U${plan.batch}${n}` } }
      : {}),
  };
  const {
    lead: _lead,
    consent: _c,
    assessment: _a,
    plan: _p,
    closure: _x,
    steppedUpTo: _s,
    ...common
  } = record;
  const created: EpisodeRecord = {
    ...common,
    version: 1,
    updatedAt: record.createdAt,
    state: 'awaiting_lead',
    ...(firstAsked
      ? {
          lead: {
            agencyId: firstAsked,
            answer: 'asked',
            askedAt: iso(decidedMs + HOUR),
            askedBy: FRONT_DOOR,
          },
        }
      : {}),
    declined: [],
    team: [],
    reviewsHeldOn: [],
  };
  return { created, record };
}
