/**
 * The board pages' own types. The plan's fixed lists and their words are in shared/board/labels.ts,
 * which pages import directly: it holds no zod, so the schemas stay out of the pages' bundles.
 */
import type { ActionView, Challenge, ProgressUpdate } from '../../shared/board/schema.ts';

/** GET /api/board/actions/{id}: the action with its updates and the chair's challenges. */
export type ActionWithUpdates = ActionView & { updates: ProgressUpdate[]; challenges: Challenge[] };
