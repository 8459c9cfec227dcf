/**
 * What the board's pages read from the API: the whole plan, the plan as CSV, and the action a 409
 * carries. The agencies' names are web/platform/agencies.ts's.
 *
 * Types only from shared/board/schema.ts: its values would bring zod's schemas into every page (+80 KB).
 */

import type { ActionSummary, ActionView } from '../../shared/board/schema.ts';
import { ApiError, apiDownload, apiGet } from '../platform/api.ts';

/** The whole plan: it is small (tens of actions), so every page of it, soonest due first. */
export async function loadAllActions(signal?: AbortSignal): Promise<ActionSummary[]> {
  const items: ActionSummary[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 20; pages++) {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page: { items: ActionSummary[]; nextCursor: string | null } = await apiGet(
      `/board/actions?limit=200${query}`,
      signal,
    );
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return items;
}

/** Downloads the plan as CSV, whatever the page's filters: every action. */
export function downloadPlanCsv(): Promise<string> {
  return apiDownload('/board/actions.csv', { accept: 'text/csv', fallbackName: 'action-plan.csv' });
}

/** Is this problem's `current` an action (a 409 carries the action as it now is)? */
export function currentAction(error: unknown): ActionView | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const current = error.problem.current as Partial<ActionView> | undefined;
  return current && typeof current.id === 'string' && typeof current.version === 'number'
    ? (current as ActionView)
    : null;
}
