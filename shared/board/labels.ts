/**
 * The board plan's fixed lists and their words, free of zod: the schemas (schema.ts) build on them,
 * and browser pages import them from here without bringing the schemas into their bundles.
 */
export const ACTION_STATUSES = ['not_started', 'in_progress', 'blocked', 'complete'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** The statuses a person sets; "complete" comes only from closing the action. */
export const OPEN_STATUSES = ['not_started', 'in_progress', 'blocked'] as const satisfies readonly Exclude<
  ActionStatus,
  'complete'
>[];

export const STATUS_LABELS: Record<ActionStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  blocked: 'Blocked',
  complete: 'Complete',
};

export const RAG_RATINGS = ['red', 'amber', 'green'] as const;
export type Rag = (typeof RAG_RATINGS)[number];

export const RAG_LABELS: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green' };

/** `unmet_need`: the needs the front door found no service for (the dashboard's unmet need, by quarter). */
export const SOURCE_KINDS = [
  'inspection',
  'practice_review',
  'multi_agency_audit',
  'business_plan',
  'unmet_need',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const SOURCE_LABELS: Record<SourceKind, string> = {
  inspection: 'Inspection recommendation',
  practice_review: 'Child safeguarding practice review',
  multi_agency_audit: 'Multi-agency audit',
  business_plan: 'Business plan',
  unmet_need: 'Unmet need recorded at the front door',
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
export type Theme = (typeof THEMES)[number];

export const THEME_LABELS: Record<Theme, string> = {
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
