/**
 * What the dashboard reads from the API beside the agencies' names: the action plan's figures and the
 * referral figures' shapes. Types only, so no zod reaches the page.
 */
import type { Theme } from '../../shared/board/labels.ts';
import type { ActionSummary, OpenChallenge } from '../../shared/board/schema.ts';

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
  /** The chair's challenges waiting for the owner agency's response, soonest due first. */
  challenges: OpenChallenge[];
}

/** GET /api/stats/referrals and its quarters' figures (shared/referrals/stats.ts). */
export type { QuarterFigures, ReferralStats } from '../../shared/referrals/stats.ts';
