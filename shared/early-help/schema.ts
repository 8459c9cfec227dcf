import { LevelNumberSchema } from '../guidance/schema.ts';
import { text } from '../platform/text.ts';
import * as z from '../platform/zod.ts';
import { ChildSchema, ConsentSchema, HouseholdSchema } from '../referrals/schema.ts';
import { ServiceSnapshotSchema } from '../services/schema.ts';
import {
  CLOSURE_REASONS,
  EPISODE_ORIGINS,
  EPISODE_STATES,
  LEAD_ANSWERS,
  MAX_TEAM_SERVICES,
  PROGRESS_SCALE_MAX,
  PROGRESS_SCALE_MIN,
  REVIEW_DECISIONS,
  STEP_DOWN_LEVELS,
  TIMER_KINDS,
} from './labels.ts';
import { STANDARD_MAX_WORKING_DAYS, STANDARD_MIN_WORKING_DAYS } from './standards.ts';

// Types only, for modules that name them with the schemas' types; the values are in labels.ts.
export type { ClosureReason, EpisodeState, ReviewDecision, TimerKind } from './labels.ts';

/**
 * The early-help episode: what follows a front-door decision of early help. Requests are strict
 * (an unknown field is refused); every text is bounded and follows the one text rule (text.ts).
 */

const personName = (max = 120) => text(max, 'name');
const line = (max = 200) => text(max, 'line');
const words = (max = 5000) => text(max, 'multiline');
const isoDate = z.iso.date({ error: 'Enter a real date, as YYYY-MM-DD' });
const required = (schema: ReturnType<typeof words>, message: string) => schema.check(z.minLength(1, message));

/** A record's id: a ULID, as every area makes them. */
export const RecordIdSchema = z
  .string()
  .check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Give a record id (a ULID)'));
/** An agency's id, as the directory holds it (lower-case words joined by hyphens). */
export const AgencyIdSchema = z
  .string()
  .check(z.regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'Give an agency id, like harbour-family-support'));

const PersonRef = z.object({ userId: z.string(), name: z.string() });

// ── Requests ────────────────────────────────────────────────────────────────────────────────────

/** The front door starts the episode from its decision of early help, naming the agency asked to lead. */
export const CreateEpisodeInputSchema = z.strictObject({
  referralId: RecordIdSchema,
  leadAgencyId: z.optional(AgencyIdSchema),
});
export type CreateEpisodeInput = z.infer<typeof CreateEpisodeInputSchema>;

/**
 * The front door records a child stepping down from children's social care into early help. It
 * carries what a referral would (the child, the household, the family's consent), so the episode
 * can be stepped up again as any other; the rules beyond shape are stepDownProblems (rules.ts).
 */
export const StepDownInputSchema = z.strictObject({
  child: z.partial(ChildSchema),
  household: HouseholdSchema,
  consent: z.optional(ConsentSchema),
  level: z.literal(STEP_DOWN_LEVELS, { error: 'Choose level 2 or 3: a step-down is into early help' }),
  /** The UK date social care stepped the child down: the lead timer runs from it. */
  steppedDownOn: isoDate,
  socialCare: z.strictObject({
    /** The case's reference in social care's own system: one step-down per case and date. */
    reference: required(line(40), 'Enter the social care case reference'),
    socialWorker: required(personName(120), 'Enter the social worker’s name'),
    summary: required(words(5000), 'Say why the child steps down and what help the family still needs'),
  }),
  leadAgencyId: z.optional(AgencyIdSchema),
});
export type StepDownInput = z.infer<typeof StepDownInputSchema>;

/** The front door asks an agency to lead (again, after a decline). */
export const LeadRequestInputSchema = z.strictObject({ agencyId: AgencyIdSchema });
export type LeadRequestInput = z.infer<typeof LeadRequestInputSchema>;

/** A practitioner of the agency asked accepts the lead role, or declines it with a reason. */
export const LeadAnswerInputSchema = z.strictObject({
  answer: z.enum(['accepted', 'declined'], { error: 'Say whether you accept the lead role' }),
  reason: z.optional(words(1000)),
});
export type LeadAnswerInput = z.infer<typeof LeadAnswerInputSchema>;

export const TeamMemberSchema = z.strictObject({
  agencyId: AgencyIdSchema,
  name: required(personName(120), 'Enter the team member’s name'),
  role: required(line(120), 'Enter their role, like class teacher or health visitor'),
});
export type TeamMember = z.infer<typeof TeamMemberSchema>;

/**
 * The team around the family: the people and agencies working with the lead, and the services from
 * the directory working with the family (by id; left out, the team's services stay as they were).
 */
export const TeamInputSchema = z.strictObject({
  members: z.array(TeamMemberSchema).check(z.maxLength(20, 'List 20 team members or fewer')),
  services: z.optional(
    z
      .array(RecordIdSchema)
      .check(z.maxLength(MAX_TEAM_SERVICES, `Choose ${MAX_TEAM_SERVICES} services or fewer`)),
  ),
});
export type TeamInput = z.infer<typeof TeamInputSchema>;

/** What the family agreed to share, and with which agencies. It governs who may join the team. */
export const ConsentInputSchema = z.strictObject({
  sharingAgreed: z.boolean({ error: 'Say whether the family agreed to share information' }),
  shareWithAgencyIds: z.array(AgencyIdSchema).check(z.maxLength(20, 'Name 20 agencies or fewer')),
  agreedBy: required(personName(120), 'Enter who in the family agreed'),
  agreedOn: isoDate,
  note: z.optional(words(1000)),
});
export type ConsentInput = z.infer<typeof ConsentInputSchema>;

/** The Early Help Assessment: started, then completed with strengths, needs and the family's words. */
export const AssessmentInputSchema = z.strictObject({
  startedOn: isoDate,
  completedOn: z.optional(isoDate),
  strengths: words(5000),
  needs: words(5000),
  familyWords: words(5000),
});
export type AssessmentInput = z.infer<typeof AssessmentInputSchema>;

export const PlanActionSchema = z.strictObject({
  id: z.optional(z.string().check(z.minLength(1), z.maxLength(40))),
  what: required(line(300), 'Enter what will be done'),
  owner: required(personName(120), 'Enter who will do it'),
  dueOn: isoDate,
});

export const PlanOutcomeSchema = z.strictObject({
  /** Kept when an outcome is edited, so reviews still point at it; made by the server when new. */
  id: z.optional(z.string().check(z.minLength(1), z.maxLength(40))),
  title: required(line(300), 'Enter the outcome the family wants, in their words'),
  actions: z
    .array(PlanActionSchema)
    .check(z.minLength(1, 'Add at least one action'), z.maxLength(10, 'Add 10 actions or fewer')),
});

/** The plan: the outcomes the family wants, each with actions, owners and dates. */
export const PlanInputSchema = z.strictObject({
  agreedOn: isoDate,
  outcomes: z
    .array(PlanOutcomeSchema)
    .check(z.minLength(1, 'Add at least one outcome'), z.maxLength(8, 'Add 8 outcomes or fewer')),
});
export type PlanInput = z.infer<typeof PlanInputSchema>;

export const OutcomeProgressSchema = z.strictObject({
  outcomeId: z.string().check(z.minLength(1), z.maxLength(40)),
  score: z
    .int({ error: `Give a whole number from ${PROGRESS_SCALE_MIN} to ${PROGRESS_SCALE_MAX}` })
    .check(
      z.minimum(PROGRESS_SCALE_MIN, `Give a score of ${PROGRESS_SCALE_MIN} or more`),
      z.maximum(PROGRESS_SCALE_MAX, `Give a score of ${PROGRESS_SCALE_MAX} or less`),
    ),
  note: z.optional(words(1000)),
});

/** A review of the plan: who came, progress per outcome, the views heard, and what happens next. */
export const ReviewInputSchema = z.strictObject({
  heldOn: isoDate,
  attendees: required(words(1000), 'Enter who attended'),
  progress: z.array(OutcomeProgressSchema).check(z.maxLength(8)),
  childViews: words(3000),
  familyViews: words(3000),
  decision: z.enum(REVIEW_DECISIONS, { error: 'Choose what happens next' }),
  /** Why the episode steps up: the concerns the front door reads. Required for a step-up. */
  notes: z.optional(words(5000)),
  /**
   * For a step-up, the threshold guidance's indicators now present, when they are not the referral's
   * (a step-down from social care has none); the guidance checks them as for any referral.
   */
  indicatorIds: z.optional(
    z
      .array(z.string().check(z.minLength(1), z.maxLength(80)))
      .check(z.maxLength(60, 'Choose 60 indicators or fewer')),
  ),
});
export type ReviewInput = z.infer<typeof ReviewInputSchema>;

export const CloseInputSchema = z.strictObject({
  reason: z.enum(CLOSURE_REASONS, { error: 'Choose why the episode is closing' }),
  note: z.optional(words(1000)),
});
export type CloseInput = z.infer<typeof CloseInputSchema>;

// ── Records ─────────────────────────────────────────────────────────────────────────────────────

export const EpisodeChildSchema = z.object({
  firstName: z.string(),
  lastName: z.string(),
  knownAs: z.optional(z.string()),
  dateOfBirth: z.optional(z.string()),
  expectedDateOfBirth: z.optional(z.string()),
  schoolOrSetting: z.optional(z.string()),
});
export type EpisodeChild = z.infer<typeof EpisodeChildSchema>;

export const LeadSchema = z.object({
  agencyId: z.string(),
  answer: z.enum(LEAD_ANSWERS),
  askedAt: z.iso.datetime(),
  askedBy: PersonRef,
  /** The practitioner who accepted: the lead practitioner. */
  practitioner: z.optional(PersonRef),
  answeredAt: z.optional(z.iso.datetime()),
  declineReason: z.optional(z.string()),
});
export type Lead = z.infer<typeof LeadSchema>;

export const TimerStatusSchema = z.object({
  kind: z.enum(TIMER_KINDS),
  /** The UK date the timer started from, and the date the standard sets. */
  from: isoDate,
  dueOn: isoDate,
  metOn: z.optional(isoDate),
  status: z.enum(['met_on_time', 'met_late', 'running', 'overdue']),
  /** Working days from today to the due date: negative once overdue. Absent once met. */
  workingDaysLeft: z.optional(z.int()),
});
export type TimerStatusView = z.infer<typeof TimerStatusSchema>;

export const ReviewSchema = z.extend(ReviewInputSchema, {
  id: z.string(),
  recordedAt: z.iso.datetime(),
  recordedBy: PersonRef,
});
export type Review = z.infer<typeof ReviewSchema>;

export const EpisodeSchema = z.object({
  id: z.string(),
  reference: z.string(),
  version: z.int().check(z.positive()),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  state: z.enum(EPISODE_STATES),
  origin: z.enum(EPISODE_ORIGINS),
  /** The referral the front door decided, and the agency that made it. */
  referral: z.optional(z.object({ id: z.string(), reference: z.string(), agencyId: z.string() })),
  level: LevelNumberSchema,
  child: EpisodeChildSchema,
  /** The UK date of the decision (or step-down): the lead timer runs from it. */
  startedOn: isoDate,
  lead: z.optional(LeadSchema),
  /** Earlier requests to lead that were declined, with their reasons. */
  declined: z.array(z.object({ agencyId: z.string(), reason: z.string(), at: z.iso.datetime() })),
  team: z.array(TeamMemberSchema),
  /** Services from the directory in the team, as they were when chosen (absent on older episodes: none). */
  teamServices: z.optional(z.array(ServiceSnapshotSchema)),
  consent: z.optional(z.extend(ConsentInputSchema, { recordedAt: z.iso.datetime() })),
  assessment: z.optional(AssessmentInputSchema),
  plan: z.optional(
    z.object({
      /** The first agreement: the timers run from it, however often the plan is agreed again. */
      agreedOn: isoDate,
      /** The latest re-agreement, once the plan has been changed. */
      revisedOn: z.optional(isoDate),
      outcomes: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          actions: z.array(z.object({ id: z.string(), what: z.string(), owner: z.string(), dueOn: isoDate })),
        }),
      ),
    }),
  ),
  reviews: z.array(ReviewSchema),
  closure: z.optional(
    z.object({
      reason: z.enum(CLOSURE_REASONS),
      note: z.optional(z.string()),
      closedOn: isoDate,
      by: PersonRef,
    }),
  ),
  /** Social care's handover, when the episode began as a step-down from it. */
  stepDown: z.optional(
    z.object({ socialCareReference: z.string(), socialWorker: z.string(), summary: z.string() }),
  ),
  /** The front-door referral a step-up made. */
  steppedUpTo: z.optional(z.object({ referralId: z.string(), reference: z.string() })),
  /** Computed on every read from the standards and today's date. */
  timers: z.array(TimerStatusSchema),
  /** True when a timer has run out: the drift alarm. */
  drift: z.boolean(),
});
export type Episode = z.infer<typeof EpisodeSchema>;

/** A row of a list: enough to work the list by what is due, nothing of the plan's contents. */
export const EpisodeSummarySchema = z.object({
  id: z.string(),
  reference: z.string(),
  state: z.enum(EPISODE_STATES),
  level: LevelNumberSchema,
  childName: z.string(),
  leadAgencyId: z.optional(z.string()),
  leadName: z.optional(z.string()),
  leadAnswer: z.optional(z.enum(LEAD_ANSWERS)),
  running: z.optional(TimerStatusSchema),
  drift: z.boolean(),
  closedOn: z.optional(isoDate),
  closureReason: z.optional(z.enum(CLOSURE_REASONS)),
  updatedAt: z.iso.datetime(),
});
export type EpisodeSummary = z.infer<typeof EpisodeSummarySchema>;

/**
 * What the referrer who is not in the team sees: that an episode exists, who leads it and its
 * state. Nothing of the child, the assessment, the plan or the reviews.
 */
export const EpisodeForReferrerSchema = z.object({
  id: z.string(),
  reference: z.string(),
  state: z.enum(EPISODE_STATES),
  leadAgencyId: z.optional(z.string()),
  leadAnswer: z.optional(z.enum(LEAD_ANSWERS)),
  leadName: z.optional(z.string()),
  closureReason: z.optional(z.enum(CLOSURE_REASONS)),
});
export type EpisodeForReferrer = z.infer<typeof EpisodeForReferrerSchema>;

/** One standard: a whole number of working days within the bounds (standards.ts). */
const workingDays = () => {
  const message = `Enter a whole number of working days from ${STANDARD_MIN_WORKING_DAYS} to ${STANDARD_MAX_WORKING_DAYS}`;
  return z
    .int({ error: message })
    .check(z.minimum(STANDARD_MIN_WORKING_DAYS, message), z.maximum(STANDARD_MAX_WORKING_DAYS, message));
};

/** The four standards, each checked: what the board sends, and what a stored standards item must hold. */
export const STANDARDS_SHAPE = {
  leadWithinWorkingDays: workingDays(),
  assessmentWithinWorkingDays: workingDays(),
  planWithinWorkingDays: workingDays(),
  reviewEveryWorkingDays: workingDays(),
};

/** The board changes the partnership's standards: all four at once, sent with If-Match. */
export const StandardsInputSchema = z.strictObject(STANDARDS_SHAPE);
export type StandardsInput = z.infer<typeof StandardsInputSchema>;

/** The partnership's standards as the API answers them (standards.ts), in working days. */
export const StandardsSchema = z.object({
  leadWithinWorkingDays: z.int(),
  assessmentWithinWorkingDays: z.int(),
  planWithinWorkingDays: z.int(),
  reviewEveryWorkingDays: z.int(),
  /** When the board last changed them; absent while the defaults apply. */
  changedAt: z.optional(z.iso.datetime()),
});
export type Standards = z.infer<typeof StandardsSchema>;
