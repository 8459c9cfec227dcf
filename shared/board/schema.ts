import * as z from 'zod';
import { lazySchema } from '../platform/lazy-schema.ts';
import { type TextKind, text } from '../text.ts';

/** Board actions: the safeguarding partnership's plan. */
export const ACTION_STATUSES = ['not_started', 'in_progress', 'blocked', 'complete'] as const;
export const RAG_RATINGS = ['red', 'amber', 'green'] as const;

export const STATUS_LABELS: Record<(typeof ACTION_STATUSES)[number], string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  blocked: 'Blocked',
  complete: 'Complete',
};

export const SOURCE_KINDS = ['inspection', 'practice_review', 'multi_agency_audit', 'business_plan'] as const;
export const SOURCE_LABELS: Record<(typeof SOURCE_KINDS)[number], string> = {
  inspection: 'Inspection recommendation',
  practice_review: 'Child safeguarding practice review',
  multi_agency_audit: 'Multi-agency audit',
  business_plan: 'Business plan',
};

export const THEMES = [
  'joint-commissioning',
  'early-help',
  'thresholds',
  'exploitation',
  'neglect',
  'domestic-abuse',
  'care-leavers',
  'mental-health',
  'education',
  'workforce',
] as const;
export const THEME_LABELS: Record<(typeof THEMES)[number], string> = {
  'joint-commissioning': 'Joint commissioning',
  'early-help': 'Early help',
  thresholds: 'Thresholds',
  exploitation: 'Exploitation',
  neglect: 'Neglect',
  'domestic-abuse': 'Domestic abuse',
  'care-leavers': 'Care leavers',
  'mental-health': 'Mental health',
  education: 'Education',
  workforce: 'Workforce',
};

// Text fields follow the one rule in text.ts; `required` is a field that must not be left empty.
const required = (max: number, empty = 'Enter some text', kind: TextKind = 'line') =>
  text(max, kind).min(1, empty);
const isoDate = lazySchema(() => z.iso.date({ error: 'Enter a real date, as YYYY-MM-DD' }));
const agencyId = lazySchema(() => z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'is not an agency id'));

export const EvidenceSchema = lazySchema(() =>
  z.strictObject({
    title: required(200, 'Describe the evidence'),
    url: z
      .url({ protocol: /^https?$/, error: 'Enter a web address starting https://' })
      .max(500)
      .optional(),
  }),
);
export type Evidence = z.infer<typeof EvidenceSchema>;

export const ActionFieldsSchema = lazySchema(() =>
  z.strictObject({
    reference: z
      .string()
      .trim()
      .regex(
        /^[A-Z0-9][A-Z0-9./-]{1,19}$/i,
        'Use 2 to 20 letters, digits, dots, slashes or hyphens, like BA-014',
      ),
    title: required(200, 'Enter a title'),
    description: required(4000, 'Describe the action', 'multiline'),
    source: z.strictObject({
      kind: z.enum(SOURCE_KINDS, { error: 'Choose where the action comes from' }),
      reference: required(120, 'Enter the source document'),
      paragraph: text(40).optional(),
    }),
    theme: z.enum(THEMES, { error: 'Choose a theme' }),
    outcomeMeasure: z
      .strictObject({
        measure: required(300),
        baseline: text(120),
        target: text(120),
        current: text(120),
      })
      .optional(),
    ownerAgencyId: agencyId,
    lead: required(120, 'Enter the lead', 'name'),
    contributingAgencyIds: z.array(agencyId).max(20).default([]),
    subgroup: text(120).optional(),
    startDate: isoDate,
    dueDate: isoDate,
  }),
);
export type ActionFields = z.infer<typeof ActionFieldsSchema>;

export const RagOverrideInputSchema = lazySchema(() =>
  z.strictObject({
    rag: z.enum(RAG_RATINGS, { error: 'Choose red, amber or green' }),
    justification: required(1000, 'Explain why the rating is overridden', 'multiline').min(
      10,
      'Explain why in at least 10 characters',
    ),
  }),
);

/** The parts of an action an edit may change; closing and progress have their own routes. */
export const ActionPatchSchema = lazySchema(() =>
  ActionFieldsSchema.omit({ reference: true, startDate: true, dueDate: true })
    .partial()
    .extend({
      // Without this, `.partial()` keeps the fields' `.default([])`, and every edit would empty the list.
      contributingAgencyIds: z.array(agencyId).max(20).optional(),
      status: z
        .enum(['not_started', 'in_progress', 'blocked'], { error: 'Close the action to complete it' })
        .optional(),
      revisedDueDate: isoDate.optional(),
      revisionReason: text(1000, 'multiline').optional(),
      /** null clears an override. */
      ragOverride: RagOverrideInputSchema.nullable().optional(),
    })
    .strict()
    .refine((p) => p.revisedDueDate === undefined || Boolean(p.revisionReason), {
      path: ['revisionReason'],
      message: 'Give the reason the due date is revised',
    }),
);
export type ActionPatch = z.infer<typeof ActionPatchSchema>;

export const ProgressInputSchema = lazySchema(() =>
  z.strictObject({
    narrative: required(4000, 'Describe the progress', 'multiline'),
    evidence: z.array(EvidenceSchema).max(10).default([]),
    status: z.enum(['not_started', 'in_progress', 'blocked']).optional(),
  }),
);

export const CloseInputSchema = lazySchema(() =>
  z.strictObject({
    evidence: z.array(EvidenceSchema).min(1, 'Add the evidence that the action is complete').max(10),
    signOff: z.strictObject({
      name: required(120, 'Enter who signed it off', 'name'),
      role: required(120, 'Enter their role'),
    }),
  }),
);

const PersonRef = lazySchema(() => z.object({ userId: z.string(), name: z.string() }));

export const ActionSchema = lazySchema(() =>
  ActionFieldsSchema.extend({
    id: z.string(),
    status: z.enum(ACTION_STATUSES),
    revisedDueDate: z.string().optional(),
    revisionReason: z.string().optional(),
    ragOverride: RagOverrideInputSchema.extend({ by: PersonRef, at: z.string() }).optional(),
    /** The RAG recorded with each progress update, oldest first. */
    ragHistory: z.array(z.enum(RAG_RATINGS)),
    lastUpdateAt: z.string().optional(),
    updateCount: z.number().int(),
    closed: z
      .object({
        evidence: z.array(EvidenceSchema),
        signOff: z.object({ name: z.string(), role: z.string() }),
        at: z.string(),
        by: PersonRef,
      })
      .optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int().positive(),
  }),
);
export type Action = z.infer<typeof ActionSchema>;

/** An action as read: with its RAG and escalation worked out for today. */
export const ActionViewSchema = lazySchema(() =>
  ActionSchema.extend({
    rag: z.enum(RAG_RATINGS),
    ragComputed: z.enum(RAG_RATINGS),
    ragReason: z.string(),
    escalate: z.boolean(),
    escalationReasons: z.array(z.string()),
    effectiveDueDate: z.string(),
  }),
);
export type ActionView = z.infer<typeof ActionViewSchema>;

export const ProgressUpdateSchema = lazySchema(() =>
  z.object({
    id: z.string(),
    at: z.string(),
    by: PersonRef,
    narrative: z.string(),
    evidence: z.array(EvidenceSchema),
    ragThen: z.enum(RAG_RATINGS),
    statusThen: z.enum(ACTION_STATUSES),
  }),
);
export type ProgressUpdate = z.infer<typeof ProgressUpdateSchema>;

/** What the plan's list shows. */
export const ActionSummarySchema = lazySchema(() =>
  z.object({
    id: z.string(),
    reference: z.string(),
    title: z.string(),
    theme: z.enum(THEMES),
    status: z.enum(ACTION_STATUSES),
    rag: z.enum(RAG_RATINGS),
    ragReason: z.string(),
    escalate: z.boolean(),
    dueDate: z.iso.date(),
    effectiveDueDate: z.string(),
    ownerAgencyId: z.string(),
    lead: z.string(),
    lastUpdateAt: z.string().optional(),
    updatedAt: z.iso.datetime(),
  }),
);
export type ActionSummary = z.infer<typeof ActionSummarySchema>;
