import { type TextKind, text } from '../platform/text.ts';
import * as z from '../platform/zod.ts';
import { ACTION_STATUSES, OPEN_STATUSES, RAG_RATINGS, SOURCE_KINDS, THEMES } from './labels.ts';

// Board actions: the safeguarding partnership's plan (its fixed lists and their words are in labels.ts).
// Text fields follow the one rule in text.ts; `required` is a field that must not be left empty.
const required = (max: number, empty = 'Enter some text', kind: TextKind = 'line') =>
  text(max, kind).check(z.minLength(1, empty));
const isoDate = z.iso.date({ error: 'Enter a real date, as YYYY-MM-DD' });
const agencyId = z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/, 'is not an agency id'));

export const EvidenceSchema = z.strictObject({
  title: required(200, 'Describe the evidence'),
  url: z.optional(
    z.url({ protocol: /^https?$/, error: 'Enter a web address starting https://' }).check(z.maxLength(500)),
  ),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const ActionFieldsSchema = z.strictObject({
  reference: z
    .string()
    .check(
      z.trim(),
      z.regex(
        /^[A-Za-z0-9][A-Za-z0-9./-]{1,19}$/,
        'Use 2 to 20 letters, digits, dots, slashes or hyphens, like BA-014',
      ),
    ),
  title: required(200, 'Enter a title'),
  description: required(4000, 'Describe the action', 'multiline'),
  source: z.strictObject({
    kind: z.enum(SOURCE_KINDS, { error: 'Choose where the action comes from' }),
    reference: required(120, 'Enter the source document'),
    paragraph: z.optional(text(40)),
  }),
  theme: z.enum(THEMES, { error: 'Choose a theme' }),
  outcomeMeasure: z.optional(
    z.strictObject({
      measure: required(300),
      baseline: text(120),
      target: text(120),
      current: text(120),
    }),
  ),
  ownerAgencyId: agencyId,
  lead: required(120, 'Enter the lead', 'name'),
  contributingAgencyIds: z._default(z.array(agencyId).check(z.maxLength(20)), []),
  subgroup: z.optional(text(120)),
  startDate: isoDate,
  dueDate: isoDate,
});
export type ActionFields = z.infer<typeof ActionFieldsSchema>;

export const RagOverrideInputSchema = z.strictObject({
  rag: z.enum(RAG_RATINGS, { error: 'Choose red, amber or green' }),
  justification: required(1000, 'Explain why the rating is overridden', 'multiline').check(
    z.minLength(10, 'Explain why in at least 10 characters'),
  ),
});

/**
 * The parts of an action an edit may change; closing and progress have their own routes. Unknown
 * fields stay refused: omit, partial and extend keep the strictness of ActionFieldsSchema.
 */
export const ActionPatchSchema = z
  .extend(z.partial(z.omit(ActionFieldsSchema, { reference: true, startDate: true, dueDate: true })), {
    // Without this, `z.partial` keeps the field's default of [], and every edit would empty the list.
    contributingAgencyIds: z.optional(z.array(agencyId).check(z.maxLength(20))),
    status: z.optional(z.enum(OPEN_STATUSES, { error: 'Close the action to complete it' })),
    revisedDueDate: z.optional(isoDate),
    revisionReason: z.optional(text(1000, 'multiline')),
    /** null clears an override. */
    ragOverride: z.optional(z.nullable(RagOverrideInputSchema)),
  })
  .check(
    z.refine((p) => p.revisedDueDate === undefined || Boolean(p.revisionReason), {
      path: ['revisionReason'],
      message: 'Give the reason the due date is revised',
    }),
  );
export type ActionPatch = z.infer<typeof ActionPatchSchema>;

export const ProgressInputSchema = z.strictObject({
  narrative: required(4000, 'Describe the progress', 'multiline'),
  evidence: z._default(z.array(EvidenceSchema).check(z.maxLength(10)), []),
  status: z.optional(z.enum(OPEN_STATUSES)),
  /** The outcome measure's value now, as "70%": it becomes the measure's current value. */
  measureCurrent: z.optional(required(120, 'Enter the outcome measure’s value now')),
});

/** The independent chair's challenge on an action, and the owner agency's response. */
export const MAX_CHALLENGE_LENGTH = 2000;
export const ChallengeInputSchema = z.strictObject({
  text: required(MAX_CHALLENGE_LENGTH, 'Enter the challenge', 'multiline'),
});
export const ChallengeResponseInputSchema = z.strictObject({
  text: required(4000, 'Enter the response', 'multiline'),
});

export const CloseInputSchema = z.strictObject({
  evidence: z
    .array(EvidenceSchema)
    .check(z.minLength(1, 'Add the evidence that the action is complete'), z.maxLength(10)),
  signOff: z.strictObject({
    name: required(120, 'Enter who signed it off', 'name'),
    role: required(120, 'Enter their role'),
  }),
});

const PersonRef = z.object({ userId: z.string(), name: z.string() });

export const ActionSchema = z.extend(ActionFieldsSchema, {
  id: z.string(),
  status: z.enum(ACTION_STATUSES),
  revisedDueDate: z.optional(z.string()),
  revisionReason: z.optional(z.string()),
  ragOverride: z.optional(z.extend(RagOverrideInputSchema, { by: PersonRef, at: z.string() })),
  /** The RAG recorded with each progress update, oldest first. */
  ragHistory: z.array(z.enum(RAG_RATINGS)),
  lastUpdateAt: z.optional(z.string()),
  /** The latest update as the evidence rule reads it (absent on updates made before the rule). */
  latestUpdate: z.optional(
    z.object({
      id: z.string(),
      by: PersonRef,
      ragBefore: z.enum(RAG_RATINGS),
      verified: z.optional(z.object({ by: PersonRef, at: z.string() })),
    }),
  ),
  updateCount: z.int(),
  closed: z.optional(
    z.object({
      evidence: z.array(EvidenceSchema),
      signOff: z.object({ name: z.string(), role: z.string() }),
      at: z.string(),
      by: PersonRef,
    }),
  ),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.int().check(z.positive()),
});
export type Action = z.infer<typeof ActionSchema>;

/** An action as read: with its RAG and escalation worked out for today. */
export const ActionViewSchema = z.extend(ActionSchema, {
  rag: z.enum(RAG_RATINGS),
  ragComputed: z.enum(RAG_RATINGS),
  ragReason: z.string(),
  escalate: z.boolean(),
  escalationReasons: z.array(z.string()),
  effectiveDueDate: z.string(),
});
export type ActionView = z.infer<typeof ActionViewSchema>;

export const ProgressUpdateSchema = z.object({
  id: z.string(),
  at: z.string(),
  by: PersonRef,
  narrative: z.string(),
  evidence: z.array(EvidenceSchema),
  ragThen: z.enum(RAG_RATINGS),
  statusThen: z.enum(ACTION_STATUSES),
  /** The outcome measure's current value when the update was added. */
  measureThen: z.optional(z.string()),
  /** A second board member's check that the update is borne out. */
  verified: z.optional(z.object({ by: PersonRef, at: z.string() })),
});
export type ProgressUpdate = z.infer<typeof ProgressUpdateSchema>;

export const ChallengeSchema = z.object({
  id: z.string(),
  actionId: z.string(),
  text: z.string(),
  by: PersonRef,
  at: z.string(),
  /** The owner agency's response is due by the end of this day: 10 working days after the challenge. */
  dueDate: z.iso.date(),
  response: z.optional(z.object({ text: z.string(), by: PersonRef, at: z.string() })),
});
export type Challenge = z.infer<typeof ChallengeSchema>;

/** A challenge waiting for a response, as the dashboard lists it. */
export const OpenChallengeSchema = z.extend(ChallengeSchema, {
  reference: z.string(),
  title: z.string(),
  ownerAgencyId: z.string(),
  overdue: z.boolean(),
});
export type OpenChallenge = z.infer<typeof OpenChallengeSchema>;

/** What the plan's list shows. */
export const ActionSummarySchema = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  theme: z.enum(THEMES),
  /** Where it comes from: the dashboard shows which joint-commissioning actions answer unmet need. */
  sourceKind: z.enum(SOURCE_KINDS),
  status: z.enum(ACTION_STATUSES),
  rag: z.enum(RAG_RATINGS),
  ragReason: z.string(),
  escalate: z.boolean(),
  dueDate: z.iso.date(),
  effectiveDueDate: z.string(),
  ownerAgencyId: z.string(),
  lead: z.string(),
  lastUpdateAt: z.optional(z.string()),
  updatedAt: z.iso.datetime(),
});
export type ActionSummary = z.infer<typeof ActionSummarySchema>;
