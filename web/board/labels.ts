/**
 * The board plan's fixed lists and their words, as shared/board/schema.ts has them. Copied (held to its
 * types, and compared with it by test/unit/board-labels.test.ts) because importing that module's
 * values would bring zod's schemas into every board page (+80 KB).
 */
import type { ActionSummary, ActionView, ProgressUpdate } from '../../shared/board/schema.ts';

export type Theme = ActionSummary['theme'];
export type Rag = ActionSummary['rag'];
export type ActionStatus = ActionSummary['status'];
export type SourceKind = ActionView['source']['kind'];
export type ActionWithUpdates = ActionView & { updates: ProgressUpdate[] };

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
export const THEMES = Object.keys(THEME_LABELS) as Theme[];

export const STATUS_LABELS: Record<ActionStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  blocked: 'Blocked',
  complete: 'Complete',
};
/** The statuses a person sets; "complete" comes only from closing the action. */
export const OPEN_STATUSES: Exclude<ActionStatus, 'complete'>[] = ['not_started', 'in_progress', 'blocked'];

export const SOURCE_LABELS: Record<SourceKind, string> = {
  inspection: 'Inspection recommendation',
  practice_review: 'Child safeguarding practice review',
  multi_agency_audit: 'Multi-agency audit',
  business_plan: 'Business plan',
};
export const SOURCE_KINDS = Object.keys(SOURCE_LABELS) as SourceKind[];

export const RAG_LABELS: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green' };
export const RAGS: Rag[] = ['red', 'amber', 'green'];
