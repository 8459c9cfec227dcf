import { EPISODE_OVERDUE_KIND } from '../early-help/labels.ts';

/**
 * The referral's fixed lists and their words, free of zod: the schemas (schema.ts, notification.ts)
 * build on them, and browser pages import them from here without bringing the schemas into their bundles.
 */

/** The front door's queue, by where a referral stands: what `GET /api/referrals?view=` offers. */
export const TRIAGE_VIEWS = ['open', 'decided', 'closed', 'withdrawn'] as const;
export type TriageView = (typeof TRIAGE_VIEWS)[number];

export const REFERRAL_STATUSES = [
  'draft',
  'submitted',
  'in_review',
  'decided',
  'closed',
  'withdrawn',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const STATUS_LABELS: Record<ReferralStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  in_review: 'In review',
  decided: 'Decided',
  closed: 'Closed',
  withdrawn: 'Withdrawn',
};

export const SEXES = ['female', 'male', 'not_known', 'unborn'] as const;
export type Sex = (typeof SEXES)[number];

export const SEX_LABELS: Record<Sex, string> = {
  female: 'Female',
  male: 'Male',
  not_known: 'Not known',
  unborn: 'Unborn',
};

/** Either case, spelt out rather than with the `i` flag: the OpenAPI document's JSON Schema has no flags. */
export const UK_POSTCODE = /^[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}$/;

export const CONSENT_STATUSES = ['given', 'refused', 'not_sought'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

export const CONSENT_STATUS_LABELS: Record<ConsentStatus, string> = {
  given: 'Yes, the family gave their informed consent',
  refused: 'No, the family refused',
  not_sought: 'Consent was not sought',
};

/** Why consent was not sought: a fixed list, so the front door can count and audit the reasons. */
export const CONSENT_NOT_SOUGHT_REASONS = [
  'would_increase_risk_to_child',
  'would_increase_risk_to_adult',
  'could_not_contact_family',
  'risk_of_evidence_loss',
  'child_in_immediate_danger',
] as const;
export type NotSoughtReason = (typeof CONSENT_NOT_SOUGHT_REASONS)[number];

export const CONSENT_NOT_SOUGHT_LABELS: Record<NotSoughtReason, string> = {
  would_increase_risk_to_child: 'Seeking consent would put the child at greater risk',
  would_increase_risk_to_adult: 'Seeking consent would put an adult at risk',
  could_not_contact_family: 'The family could not be contacted in time',
  risk_of_evidence_loss: 'It could prejudice a police investigation',
  child_in_immediate_danger: 'The child is in immediate danger',
};

export const OUTCOMES = [
  'no_further_action',
  'advice_signposting',
  'early_help_single_agency',
  'targeted_early_help',
  'social_care_assessment',
  'strategy_discussion',
  'already_open',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The outcomes that point the family to services in the directory (or record that none fitted). */
export const SIGNPOSTING_OUTCOMES: readonly Outcome[] = ['advice_signposting', 'no_further_action'];

export const OUTCOME_LABELS: Record<Outcome, string> = {
  no_further_action: 'No further action',
  advice_signposting: 'Advice or signposting to universal services',
  early_help_single_agency: 'Early help, single agency',
  targeted_early_help: 'Targeted early help with a lead practitioner',
  social_care_assessment: 'Step up to a children’s social care assessment',
  strategy_discussion: 'Strategy discussion',
  already_open: 'Already open to a worker',
};

/** The outcomes that start an early-help episode, led by a practitioner of a partner agency. */
export const EARLY_HELP_OUTCOMES: readonly string[] = [
  'targeted_early_help',
  'early_help_single_agency',
] satisfies Outcome[];

/** What a timeline entry records. */
export const TIMELINE_KINDS = [
  'created',
  'submitted',
  'review_started',
  'reassigned',
  'decided',
  'closed',
  'withdrawn',
  'note',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const TIMELINE_LABELS: Record<TimelineKind, string> = {
  created: 'Started as a draft',
  submitted: 'Sent to the Front Door',
  review_started: 'Opened for review',
  reassigned: 'Reassigned',
  decided: 'Decision recorded',
  closed: 'Closed',
  withdrawn: 'Withdrawn',
  note: 'Further information added',
};

/**
 * What a notification is about: a referral submitted, decided, or about to be overdue; or an
 * early-help episode whose step is overdue (the drift alarm's, in the same outbox).
 */
export const NOTIFICATION_KINDS = [
  'referral.submitted',
  'referral.decided',
  'referral.due_soon',
  EPISODE_OVERDUE_KIND,
] as const;
