import { LevelNumberSchema } from '../guidance/schema.ts';
import { text } from '../platform/text.ts';
import * as z from '../platform/zod.ts';
import { NONE_FITTED_REASONS } from '../services/labels.ts';
import { ServiceSnapshotSchema } from '../services/schema.ts';
import { ReferralConsultationSchema } from './consultation-schema.ts';
import { DASH_RISKS, NHS_NUMBER_PATTERN, PHONE_PATTERN, SEND_STATUSES, UPN_PATTERN } from './form-labels.ts';
import {
  CONSENT_NOT_SOUGHT_REASONS,
  CONSENT_STATUSES,
  OUTCOMES,
  REFERRAL_STATUSES,
  SEXES,
  TIMELINE_KINDS,
  UK_POSTCODE,
} from './labels.ts';
import { PRIORITIES } from './priority.ts';

// Types only, for the many modules that name them with the schemas' types; the values are in labels.ts.
export type { Outcome, ReferralStatus, TriageView } from './labels.ts';

/**
 * The early-help referral. A draft is saved at every step of the form, so every part
 * is optional while it is a draft; `submissionProblems` (rules.ts) says what must be
 * complete before it can be submitted. Text is bounded everywhere.
 */

// Text fields follow the one rule in text.ts: names, one-line answers and multi-line free text.
const personName = (max = 60) => text(max, 'name');
const line = (max = 120) => text(max, 'line');
const words = (max = 5000) => text(max, 'multiline');
const isoDate = z.iso.date({ error: 'Enter a real date, as YYYY-MM-DD' });

export const ChildSchema = z.strictObject({
  firstName: personName(60),
  lastName: personName(60),
  knownAs: z.optional(personName(60)),
  /** For an unborn child, leave out and give the expected date of birth. */
  dateOfBirth: z.optional(isoDate),
  expectedDateOfBirth: z.optional(isoDate),
  sex: z.optional(z.enum(SEXES, { error: 'Choose the child’s sex' })),
  ethnicity: z.optional(line(80)),
  firstLanguage: z.optional(line(60)),
  needsOrDisability: z.optional(words(1000)),
  schoolOrSetting: z.optional(line(120)),
  address: z.optional(
    z.strictObject({
      line1: line(120),
      line2: z.optional(line(120)),
      town: line(60),
      postcode: z.string().check(z.trim(), z.regex(UK_POSTCODE, 'Enter a real UK postcode, like NS1 2AB')),
    }),
  ),
  currentWhereabouts: z.optional(line(200)),
  nhsNumber: z.optional(
    z
      .string()
      .check(z.trim(), z.regex(NHS_NUMBER_PATTERN, 'Enter the NHS number as 10 digits, like 943 476 5919')),
  ),
  upn: z.optional(
    z
      .string()
      .check(
        z.trim(),
        z.regex(UPN_PATTERN, 'Enter the unique pupil number as 13 characters, like H801200001001'),
      ),
  ),
  gp: z.optional(line(200)),
  send: z.optional(z.enum(SEND_STATUSES, { error: 'Choose the child’s special educational needs' })),
  interpreter: z.optional(z.strictObject({ needed: z.boolean(), language: z.optional(line(60)) })),
});
export type Child = z.infer<typeof ChildSchema>;

/** Another child in the household, as a person: the front door checks each one. */
export const HouseholdChildSchema = z.strictObject({
  name: personName(120).check(z.minLength(1, 'Enter the child’s name')),
  dateOfBirth: z.optional(isoDate),
  relationship: line(60).check(z.minLength(1, 'Enter how they are related to the child')),
  livesWithChild: z.boolean(),
});

export const AdultSchema = z.strictObject({
  name: personName(120).check(z.minLength(1, 'Enter the adult’s name')),
  relationship: line(60).check(z.minLength(1, 'Enter their relationship to the child')),
  parentalResponsibility: z.boolean(),
  /** Do not contact this adult (for example, a risk to the child or to the referrer). */
  doNotContact: z.boolean(),
  contact: z.optional(line(200)),
});
export type Adult = z.infer<typeof AdultSchema>;

export const HouseholdSchema = z.strictObject({
  adults: z.array(AdultSchema).check(z.maxLength(12, 'List 12 adults or fewer')),
  /** Free text, as older drafts recorded them; new ones list each child in `children`. */
  otherChildren: z.optional(words(1000)),
  children: z.optional(z.array(HouseholdChildSchema).check(z.maxLength(12, 'List 12 children or fewer'))),
});

export const ConsentSchema = z.strictObject({
  status: z.enum(CONSENT_STATUSES, { error: 'Say whether the family consented' }),
  /** Who gave or refused it, and when. */
  byWhom: z.optional(personName(120)),
  date: z.optional(isoDate),
  notSoughtReason: z.optional(
    z.enum(CONSENT_NOT_SOUGHT_REASONS, { error: 'Choose why consent was not sought' }),
  ),
});
export type Consent = z.infer<typeof ConsentSchema>;

/**
 * A referral made by stepping up an early-help episode: the front door's queue flags it, and the
 * episode's history comes with it.
 */
export const StepUpFromSchema = z.strictObject({
  episodeId: z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Give an episode id (a ULID)')),
  episodeReference: line(40).check(z.minLength(1, 'Give the episode’s reference')),
});
export type StepUpFrom = z.infer<typeof StepUpFromSchema>;

/** What the referrer writes. Everything is optional in a draft. */
export const ReferralContentSchema = z.strictObject({
  child: z.optional(z.partial(ChildSchema)),
  household: z.optional(HouseholdSchema),
  otherAgencies: z.optional(words(1000)),
  concerns: z.optional(words(5000)),
  indicatorIds: z.optional(
    z
      .array(z.string().check(z.minLength(1), z.maxLength(80)))
      .check(z.maxLength(60, 'Choose 60 indicators or fewer')),
  ),
  triedSoFar: z.optional(words(3000)),
  earlyHelpAssessmentInPlace: z.optional(z.boolean()),
  childViews: z.optional(words(3000)),
  parentViews: z.optional(words(3000)),
  consent: z.optional(ConsentSchema),
  stepUpFrom: z.optional(StepUpFromSchema),
  /** Who is referring, as the front door needs to call them back. */
  referrer: z.optional(
    z.strictObject({
      role: z.optional(line(120)),
      phone: z.optional(
        z.string().check(z.trim(), z.regex(PHONE_PATTERN, 'Enter a telephone number, like 01632 960 001')),
      ),
      /** The designated safeguarding lead, where the referrer is not them. */
      dslName: z.optional(personName(120)),
    }),
  ),
  /** The level the referrer thinks the child's needs are at, beside the one the indicators suggest. */
  referrerLevel: z.optional(LevelNumberSchema),
  /** The partnership's questions: what is going well, what needs to change, what is asked for. */
  strengths: z.optional(
    z.strictObject({
      goingWell: z.optional(words(3000)),
      needsToChange: z.optional(words(3000)),
      askingFor: z.optional(words(3000)),
    }),
  ),
  /** Whether the family has been told about this request, and why not. */
  familyInformed: z.optional(z.strictObject({ told: z.boolean(), whyNot: z.optional(words(1000)) })),
  /** What must not be shared with the family (for example, who raised a concern). */
  notToShare: z.optional(words(3000)),
  /** A police referral's incident or crime number and the DASH risk level. */
  police: z.optional(
    z.strictObject({
      incidentNumber: z.optional(line(40)),
      crimeNumber: z.optional(line(40)),
      dashRisk: z.optional(z.enum(DASH_RISKS, { error: 'Choose the DASH risk level' })),
    }),
  ),
});
export type ReferralContent = z.infer<typeof ReferralContentSchema>;

/** At most this many services a signposting decision names. */
export const MAX_SIGNPOSTS = 5;

/** That no service in the directory fitted, why, and the need it left unmet (a guidance sub-domain). */
export const NoneFittedSchema = z.strictObject({
  reason: z.enum(NONE_FITTED_REASONS, { error: 'Choose why no service fitted' }),
  need: z.string().check(z.regex(/^[a-z0-9-]{1,64}$/, 'Choose the need no service met')),
  note: z.optional(words(500)),
});
export type NoneFitted = z.infer<typeof NoneFittedSchema>;

/**
 * For "advice or signposting" and "no further action": the published services the family is pointed
 * to (by id), or that none fitted.
 */
export const SignpostsInputSchema = z.strictObject({
  serviceIds: z._default(
    z
      .array(z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'is not a service id')))
      .check(z.maxLength(MAX_SIGNPOSTS, `Choose ${MAX_SIGNPOSTS} services or fewer`)),
    [],
  ),
  noneFitted: z.optional(NoneFittedSchema),
});
export type SignpostsInput = z.infer<typeof SignpostsInputSchema>;

export const DecisionInputSchema = z.strictObject({
  levelOfNeed: LevelNumberSchema,
  outcome: z.enum(OUTCOMES, { error: 'Choose the outcome' }),
  rationale: words(5000).check(z.minLength(1, 'Enter the rationale for the decision')),
  /** What the referrer reads: plain words a school will understand. */
  feedback: words(3000).check(z.minLength(1, 'Enter the feedback the referrer will read')),
  /** For "no further action": anything more about the support the family can turn to. */
  alternativeSupport: z.optional(words(1000)),
  signposts: z.optional(SignpostsInputSchema),
});
export type DecisionInput = z.infer<typeof DecisionInputSchema>;

const PersonRef = z.object({ userId: z.string(), name: z.string() });

export const DuplicateFlagSchema = z.object({
  referralId: z.string(),
  reference: z.string(),
  agencyId: z.string(),
  submittedAt: z.string(),
  reason: z.string(),
});

export const ReferralSchema = z.extend(ReferralContentSchema, {
  id: z.string(),
  reference: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  agencyId: z.string(),
  createdBy: PersonRef,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.int().check(z.positive()),
  guidanceVersion: z.optional(z.int()),
  suggestedLevel: z.optional(LevelNumberSchema),
  submittedAt: z.optional(z.iso.datetime()),
  /** From the suggested level and immediate danger at submission (priority.ts): it sets the decision's clock. */
  priority: z.optional(z.enum(PRIORITIES)),
  decisionDueAt: z.optional(z.iso.datetime()),
  reviewer: z.optional(z.extend(PersonRef, { at: z.iso.datetime() })),
  decision: z.optional(
    z.extend(DecisionInputSchema, {
      decidedAt: z.iso.datetime(),
      decidedBy: PersonRef,
      /** The services named, as they were at the decision (so the feedback still reads right), or none fitted. */
      signposts: z.optional(
        z.object({ services: z.array(ServiceSnapshotSchema), noneFitted: z.optional(NoneFittedSchema) }),
      ),
    }),
  ),
  closedAt: z.optional(z.iso.datetime()),
  withdrawn: z.optional(z.object({ reason: z.string(), at: z.iso.datetime() })),
  /** For the front door only: earlier referrals that look like the same child. */
  possibleDuplicates: z.optional(z.array(DuplicateFlagSchema)),
  /** The front door's call that asked for this written request (the front door's alone). */
  consultation: z.optional(ReferralConsultationSchema),
  /** For the front door only: three or more requests for this child in 12 months. */
  managerReview: z.optional(z.object({ requestsInTwelveMonths: z.int(), reason: z.string() })),
});
export type Referral = z.infer<typeof ReferralSchema>;

/** What a list shows: enough to find and prioritise, and the child's name for those who may see it. */
export const ReferralSummarySchema = z.object({
  id: z.string(),
  reference: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  agencyId: z.string(),
  childName: z.optional(z.string()),
  suggestedLevel: z.optional(LevelNumberSchema),
  submittedAt: z.optional(z.iso.datetime()),
  priority: z.optional(z.enum(PRIORITIES)),
  decisionDueAt: z.optional(z.iso.datetime()),
  reviewerName: z.optional(z.string()),
  outcome: z.optional(z.enum(OUTCOMES)),
  possibleDuplicate: z.optional(z.boolean()),
  /** Three or more requests for the child in 12 months: for a manager's review. */
  managerReview: z.optional(z.boolean()),
  stepUpFrom: z.optional(StepUpFromSchema),
  updatedAt: z.iso.datetime(),
});
export type ReferralSummary = z.infer<typeof ReferralSummarySchema>;

export const TimelineEntrySchema = z.object({
  at: z.iso.datetime(),
  kind: z.enum(TIMELINE_KINDS),
  by: z.extend(PersonRef, { agencyId: z.nullable(z.string()) }),
  text: z.optional(z.string()),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;
