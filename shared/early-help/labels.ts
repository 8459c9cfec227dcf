/**
 * The early-help episode's fixed lists and their words, free of zod: the schemas (schema.ts) build on
 * them, and browser pages import them from here without bringing the schemas into their bundles.
 */
import type { StandardField } from './standards.ts';

/**
 * Where an episode stands. It waits for a lead practitioner, then for the Early Help Assessment,
 * then for the plan; with a plan it is reviewed until it closes (a step-up to social care closes it
 * too, with that reason).
 */
export const EPISODE_STATES = ['awaiting_lead', 'assessing', 'planning', 'reviewing', 'closed'] as const;
export type EpisodeState = (typeof EPISODE_STATES)[number];

export const EPISODE_STATE_LABELS: Record<EpisodeState, string> = {
  awaiting_lead: 'Waiting for a lead practitioner',
  assessing: 'Early Help Assessment under way',
  planning: 'Plan being agreed',
  reviewing: 'Plan in place, reviewed regularly',
  closed: 'Closed',
};

/** How an episode began: a front-door decision of early help, or a step-down from social care. */
export const EPISODE_ORIGINS = ['referral_decision', 'step_down'] as const;
export type EpisodeOrigin = (typeof EPISODE_ORIGINS)[number];

/** The levels of need a step-down from social care comes into: early help's. */
export const STEP_DOWN_LEVELS = [2, 3] as const;
export type StepDownLevel = (typeof STEP_DOWN_LEVELS)[number];

/** What became of the last request to an agency to lead. */
export const LEAD_ANSWERS = ['asked', 'accepted', 'declined'] as const;
export type LeadAnswer = (typeof LEAD_ANSWERS)[number];

/** Progress against an outcome at a review: a scaling question, 0 (no progress) to 10 (achieved). */
export const PROGRESS_SCALE_MIN = 0;
export const PROGRESS_SCALE_MAX = 10;

export const REVIEW_DECISIONS = ['continue', 'step_up', 'step_down', 'close'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export const REVIEW_DECISION_LABELS: Record<ReviewDecision, string> = {
  continue: 'Continue with the plan',
  step_up: 'Step up to the front door (children’s social care)',
  step_down: 'Step down to universal services',
  close: 'Close: the plan’s outcomes are met',
};

export const CLOSURE_REASONS = [
  'outcomes_met',
  'stepped_down',
  'consent_withdrawn',
  'moved_away',
  'stepped_up',
  'other',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

export const CLOSURE_REASON_LABELS: Record<ClosureReason, string> = {
  outcomes_met: 'The plan’s outcomes were met',
  stepped_down: 'Stepped down to universal services',
  consent_withdrawn: 'The family withdrew their consent',
  moved_away: 'The family moved away',
  stepped_up: 'Stepped up to children’s social care',
  other: 'Another reason',
};

/** The timers the partnership's standards set, in the order an episode meets them. */
export const TIMER_KINDS = ['lead', 'assessment', 'plan', 'review'] as const;
export type TimerKind = (typeof TIMER_KINDS)[number];

export const TIMER_LABELS: Record<TimerKind, string> = {
  lead: 'Lead practitioner allocated',
  assessment: 'Early Help Assessment completed',
  plan: 'Plan agreed',
  review: 'Review held',
};

/** The list views: the caller's own episodes (as lead or team), or, for the front door, all. */
export const EPISODE_VIEWS = ['mine', 'open', 'overdue', 'closed'] as const;
export type EpisodeView = (typeof EPISODE_VIEWS)[number];

/**
 * The kind of the drift alarm's notification, beside the referrals' kinds in the same outbox: sent
 * to the agency leading the episode and to the front door once per overdue timer.
 */
export const EPISODE_OVERDUE_KIND = 'episode.overdue';

/**
 * Each of the partnership's standards (standards.ts) in words: the step it times, and from when
 * its working days are counted.
 */
export const STANDARD_LABELS: Record<StandardField, { label: string; hint: string }> = {
  leadWithinWorkingDays: {
    label: 'Lead practitioner allocated',
    hint: 'Working days from the front door’s decision, or the step-down, to a lead practitioner accepting',
  },
  assessmentWithinWorkingDays: {
    label: 'Early Help Assessment completed',
    hint: 'Working days from the lead practitioner accepting to the completed assessment',
  },
  planWithinWorkingDays: {
    label: 'Plan agreed',
    hint: 'Working days from the completed assessment to the agreed plan',
  },
  reviewEveryWorkingDays: {
    label: 'Reviews held',
    hint: 'Working days from the plan, or the last review, to the next review',
  },
};

/** Services in the team around the family: at most this many, from the published directory. */
export const MAX_TEAM_SERVICES = 10;
