import * as z from 'zod';
import { LevelNumberSchema } from '../guidance/schema.ts';
import { lazySchema } from '../platform/lazy-schema.ts';
import { text } from '../text.ts';

/**
 * The early-help referral. A draft is saved at every step of the form, so every part
 * is optional while it is a draft; `submissionProblems` (referral-rules.ts) says what must be
 * complete before it can be submitted. Text is bounded everywhere.
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

// Text fields follow the one rule in text.ts: names, one-line answers and multi-line free text.
const personName = (max = 60) => text(max, 'name');
const line = (max = 120) => text(max, 'line');
const words = (max = 5000) => text(max, 'multiline');
const isoDate = lazySchema(() => z.iso.date({ error: 'Enter a real date, as YYYY-MM-DD' }));

export const SEXES = ['female', 'male', 'not_known', 'unborn'] as const;
export const UK_POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/i;

export const ChildSchema = lazySchema(() =>
  z.strictObject({
    firstName: personName(60),
    lastName: personName(60),
    knownAs: personName(60).optional(),
    /** For an unborn child, leave out and give the expected date of birth. */
    dateOfBirth: isoDate.optional(),
    expectedDateOfBirth: isoDate.optional(),
    sex: z.enum(SEXES, { error: 'Choose the child’s sex' }).optional(),
    ethnicity: line(80).optional(),
    firstLanguage: line(60).optional(),
    needsOrDisability: words(1000).optional(),
    schoolOrSetting: line(120).optional(),
    address: z
      .strictObject({
        line1: line(120),
        line2: line(120).optional(),
        town: line(60),
        postcode: z.string().trim().regex(UK_POSTCODE, 'Enter a real UK postcode, like NS1 2AB'),
      })
      .optional(),
    currentWhereabouts: line(200).optional(),
  }),
);
export type Child = z.infer<typeof ChildSchema>;

export const AdultSchema = lazySchema(() =>
  z.strictObject({
    name: personName(120).min(1, 'Enter the adult’s name'),
    relationship: line(60).min(1, 'Enter their relationship to the child'),
    parentalResponsibility: z.boolean(),
    /** Do not contact this adult (for example, a risk to the child or to the referrer). */
    doNotContact: z.boolean(),
    contact: line(200).optional(),
  }),
);
export type Adult = z.infer<typeof AdultSchema>;

export const HouseholdSchema = lazySchema(() =>
  z.strictObject({
    adults: z.array(AdultSchema).max(12, 'List 12 adults or fewer'),
    otherChildren: words(1000).optional(),
  }),
);

export const CONSENT_STATUSES = ['given', 'refused', 'not_sought'] as const;
/** Why consent was not sought: a fixed list, so the front door can count and audit the reasons. */
export const CONSENT_NOT_SOUGHT_REASONS = [
  'would_increase_risk_to_child',
  'would_increase_risk_to_adult',
  'could_not_contact_family',
  'risk_of_evidence_loss',
  'child_in_immediate_danger',
] as const;
export const CONSENT_NOT_SOUGHT_LABELS: Record<(typeof CONSENT_NOT_SOUGHT_REASONS)[number], string> = {
  would_increase_risk_to_child: 'Seeking consent would put the child at greater risk',
  would_increase_risk_to_adult: 'Seeking consent would put an adult at risk',
  could_not_contact_family: 'The family could not be contacted in time',
  risk_of_evidence_loss: 'It could prejudice a police investigation',
  child_in_immediate_danger: 'The child is in immediate danger',
};

export const ConsentSchema = lazySchema(() =>
  z.strictObject({
    status: z.enum(CONSENT_STATUSES, { error: 'Say whether the family consented' }),
    /** Who gave or refused it, and when. */
    byWhom: personName(120).optional(),
    date: isoDate.optional(),
    notSoughtReason: z
      .enum(CONSENT_NOT_SOUGHT_REASONS, { error: 'Choose why consent was not sought' })
      .optional(),
  }),
);
export type Consent = z.infer<typeof ConsentSchema>;

/** What the referrer writes. Everything is optional in a draft. */
export const ReferralContentSchema = lazySchema(() =>
  z.strictObject({
    child: ChildSchema.partial().optional(),
    household: HouseholdSchema.optional(),
    otherAgencies: words(1000).optional(),
    concerns: words(5000).optional(),
    indicatorIds: z.array(z.string().min(1).max(80)).max(60, 'Choose 60 indicators or fewer').optional(),
    triedSoFar: words(3000).optional(),
    earlyHelpAssessmentInPlace: z.boolean().optional(),
    childViews: words(3000).optional(),
    parentViews: words(3000).optional(),
    consent: ConsentSchema.optional(),
  }),
);
export type ReferralContent = z.infer<typeof ReferralContentSchema>;

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
export const OUTCOME_LABELS: Record<Outcome, string> = {
  no_further_action: 'No further action',
  advice_signposting: 'Advice or signposting to universal services',
  early_help_single_agency: 'Early help, single agency',
  targeted_early_help: 'Targeted early help with a lead practitioner',
  social_care_assessment: 'Step up to a children’s social care assessment',
  strategy_discussion: 'Strategy discussion',
  already_open: 'Already open to a worker',
};

export const DecisionInputSchema = lazySchema(() =>
  z.strictObject({
    levelOfNeed: LevelNumberSchema,
    outcome: z.enum(OUTCOMES, { error: 'Choose the outcome' }),
    rationale: words(5000).min(1, 'Enter the rationale for the decision'),
    /** What the referrer reads: plain words a school will understand. */
    feedback: words(3000).min(1, 'Enter the feedback the referrer will read'),
    /** Required for "no further action": the support the family can turn to instead. */
    alternativeSupport: words(1000).optional(),
  }),
);
export type DecisionInput = z.infer<typeof DecisionInputSchema>;

const PersonRef = lazySchema(() => z.object({ userId: z.string(), name: z.string() }));

export const DuplicateFlagSchema = lazySchema(() =>
  z.object({
    referralId: z.string(),
    reference: z.string(),
    agencyId: z.string(),
    submittedAt: z.string(),
    reason: z.string(),
  }),
);

export const ReferralSchema = lazySchema(() =>
  ReferralContentSchema.extend({
    id: z.string(),
    reference: z.string(),
    status: z.enum(REFERRAL_STATUSES),
    agencyId: z.string(),
    createdBy: PersonRef,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    version: z.number().int().positive(),
    guidanceVersion: z.number().int().optional(),
    suggestedLevel: LevelNumberSchema.optional(),
    submittedAt: z.iso.datetime().optional(),
    decisionDueAt: z.iso.datetime().optional(),
    reviewer: PersonRef.extend({ at: z.iso.datetime() }).optional(),
    decision: DecisionInputSchema.extend({ decidedAt: z.iso.datetime(), decidedBy: PersonRef }).optional(),
    closedAt: z.iso.datetime().optional(),
    withdrawn: z.object({ reason: z.string(), at: z.iso.datetime() }).optional(),
    /** For the front door only: earlier referrals that look like the same child. */
    possibleDuplicates: z.array(DuplicateFlagSchema).optional(),
  }),
);
export type Referral = z.infer<typeof ReferralSchema>;

/** What a list shows: enough to find and prioritise, and the child's name for those who may see it. */
export const ReferralSummarySchema = lazySchema(() =>
  z.object({
    id: z.string(),
    reference: z.string(),
    status: z.enum(REFERRAL_STATUSES),
    agencyId: z.string(),
    childName: z.string().optional(),
    suggestedLevel: LevelNumberSchema.optional(),
    submittedAt: z.iso.datetime().optional(),
    decisionDueAt: z.iso.datetime().optional(),
    reviewerName: z.string().optional(),
    outcome: z.enum(OUTCOMES).optional(),
    possibleDuplicate: z.boolean().optional(),
    updatedAt: z.iso.datetime(),
  }),
);
export type ReferralSummary = z.infer<typeof ReferralSummarySchema>;

export const TimelineEntrySchema = lazySchema(() =>
  z.object({
    at: z.iso.datetime(),
    kind: z.enum(['created', 'submitted', 'review_started', 'decided', 'closed', 'withdrawn', 'note']),
    by: PersonRef.extend({ agencyId: z.string().nullable() }),
    text: z.string().optional(),
  }),
);
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;
