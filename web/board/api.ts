/**
 * What the board's pages read from the API: the dashboard's and the referral figures' shapes, the
 * whole plan, the agencies' names, the plan as CSV, and the action a 409 carries.
 *
 * Types only from shared/board/schema.ts: its values would bring zod's schemas into every page (+80 KB).
 */

import type { Theme } from '../../shared/board/labels.ts';
import type { ActionSummary, ActionView } from '../../shared/board/schema.ts';
import { ApiError, apiDownload, apiGet } from '../platform/api.ts';

/** GET /api/board/dashboard, as functions/board/routes.ts's DashboardSchema has it. */
export interface RagCounts {
  red: number;
  amber: number;
  green: number;
}
export interface Dashboard {
  today: string;
  total: number;
  byRag: RagCounts;
  byTheme: (RagCounts & { theme: Theme })[];
  byOwner: (RagCounts & { agencyId: string; agencyName: string; overdue: number })[];
  overdue: ActionSummary[];
  escalated: (ActionSummary & { escalationReasons: string[] })[];
}

/** GET /api/stats/referrals and its quarters' figures (shared/referrals/stats.ts). */
export type { QuarterFigures, ReferralStats } from '../../shared/referrals/stats.ts';

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

export interface AgencyName {
  id: string;
  name: string;
  active: boolean;
}

/** The partner agencies, by name. A deactivated agency keeps its name on the actions it owns. */
export async function loadAgencies(signal?: AbortSignal): Promise<AgencyName[]> {
  const page = await apiGet<{ items: AgencyName[] }>('/agencies?limit=200', signal);
  return [...page.items].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

export function agencyName(agencies: readonly AgencyName[], id: string): string {
  return agencies.find((a) => a.id === id)?.name ?? id;
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
