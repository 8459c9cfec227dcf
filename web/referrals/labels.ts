/**
 * The referral's fixed lists and their words, as shared/referrals/schema.ts has them. Copied (and held to
 * its types, and compared with it by test/unit/referral-labels.test.ts) because importing that
 * module's values would bring zod's schemas into every referral page.
 */
import type {
  CONSENT_NOT_SOUGHT_REASONS,
  CONSENT_STATUSES,
  Outcome,
  ReferralStatus,
  SEXES,
  TimelineEntry,
} from '../../shared/referrals/schema.ts';

export const STATUS_LABELS: Record<ReferralStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  in_review: 'In review',
  decided: 'Decided',
  closed: 'Closed',
  withdrawn: 'Withdrawn',
};

export const OUTCOME_LABELS: Record<Outcome, string> = {
  no_further_action: 'No further action',
  advice_signposting: 'Advice or signposting to universal services',
  early_help_single_agency: 'Early help, single agency',
  targeted_early_help: 'Targeted early help with a lead practitioner',
  social_care_assessment: 'Step up to a children’s social care assessment',
  strategy_discussion: 'Strategy discussion',
  already_open: 'Already open to a worker',
};
export const OUTCOMES = Object.keys(OUTCOME_LABELS) as Outcome[];

export type NotSoughtReason = (typeof CONSENT_NOT_SOUGHT_REASONS)[number];
export const CONSENT_NOT_SOUGHT_LABELS: Record<NotSoughtReason, string> = {
  would_increase_risk_to_child: 'Seeking consent would put the child at greater risk',
  would_increase_risk_to_adult: 'Seeking consent would put an adult at risk',
  could_not_contact_family: 'The family could not be contacted in time',
  risk_of_evidence_loss: 'It could prejudice a police investigation',
  child_in_immediate_danger: 'The child is in immediate danger',
};
export const CONSENT_NOT_SOUGHT_REASON_LIST = Object.keys(CONSENT_NOT_SOUGHT_LABELS) as NotSoughtReason[];

export type ConsentStatus = (typeof CONSENT_STATUSES)[number];
export const CONSENT_STATUS_LABELS: Record<ConsentStatus, string> = {
  given: 'Yes, the family gave their informed consent',
  refused: 'No, the family refused',
  not_sought: 'Consent was not sought',
};

export type Sex = (typeof SEXES)[number];
export const SEX_LABELS: Record<Sex, string> = {
  female: 'Female',
  male: 'Male',
  not_known: 'Not known',
  unborn: 'Unborn',
};

/** shared/referrals/schema.ts's UK_POSTCODE. */
export const UK_POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/i;

export const TIMELINE_LABELS: Record<TimelineEntry['kind'], string> = {
  created: 'Started as a draft',
  submitted: 'Sent to the Front Door',
  review_started: 'Opened for review',
  decided: 'Decision recorded',
  closed: 'Closed',
  withdrawn: 'Withdrawn',
  note: 'Further information added',
};
