import * as z from '../platform/zod.ts';
import { type LatestUpdate, type MeasureValues, withEvidence } from './evidence.ts';
import { type ActionStatus, RAG_RATINGS, type Rag } from './labels.ts';

/**
 * The board action plan's rules: the RAG rating computed from
 * dates and progress, the override that needs a written justification, escalation to the executive
 * group, and what closing an action requires. Pure: `today` is always an argument, never read.
 *
 * Dates are calendar dates `YYYY-MM-DD` and all arithmetic is done in UTC, so a change of clocks
 * (BST/GMT) never makes a day 23 or 25 hours long. A timestamp (`lastUpdateAt`) counts on its UTC date.
 */

/** How near the due date an action must be before a stale one turns amber. */
export const DUE_SOON_DAYS = 14;
/** An update older than this many days is stale. */
export const STALE_AFTER_DAYS = 30;
/** Overdue by more than this many days escalates to the executive group. */
export const ESCALATE_OVERDUE_DAYS = 28;
/** The shortest written justification an override accepts. */
export const MIN_JUSTIFICATION_LENGTH = 10;

const DAY_MS = 86_400_000;

export class InvalidDateError extends Error {
  override readonly name = 'InvalidDateError';
}

/** Milliseconds since the epoch at UTC midnight of a `YYYY-MM-DD` date; throws on anything else. */
function utcMidnight(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new InvalidDateError(`Not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    throw new InvalidDateError(`No such date: ${date}`);
  }
  return ms;
}

/** Whole days from `a` to `b` (positive when `b` is later): `daysBetween('2026-03-28', '2026-03-30') === 2`. */
export function daysBetween(a: string, b: string): number {
  return Math.round((utcMidnight(b) - utcMidnight(a)) / DAY_MS);
}

/** The date `days` after `date` (before, when negative). */
export function addDays(date: string, days: number): string {
  return new Date(utcMidnight(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The UTC calendar date of an ISO timestamp, or the date itself when given `YYYY-MM-DD`. */
export function utcDateOf(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) {
    utcMidnight(iso);
    return iso;
  }
  const ms = Date.parse(iso);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(iso) || Number.isNaN(ms)) {
    throw new InvalidDateError(`Not an ISO timestamp: ${JSON.stringify(iso)}`);
  }
  // Date.parse rolls 2026-02-30T… into March: the date as written must exist.
  utcMidnight(iso.slice(0, 10));
  return new Date(ms).toISOString().slice(0, 10);
}

/** The date an action is judged against: the revised due date when there is one, else the due date. */
export function effectiveDueDate(action: { dueDate: string; revisedDueDate?: string | undefined }): string {
  return action.revisedDueDate || action.dueDate;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const RagOverrideSchema = z.object({
  rag: z.enum(RAG_RATINGS),
  justification: z
    .string()
    .check(
      z.trim(),
      z.minLength(
        MIN_JUSTIFICATION_LENGTH,
        `Write at least ${MIN_JUSTIFICATION_LENGTH} characters explaining why`,
      ),
    ),
});
export type RagOverride = { rag: Rag; justification: string };

/** Why an override cannot be accepted (an empty list when it can). */
export function validateOverride(override: { rag?: unknown; justification?: unknown }): string[] {
  const problems: string[] = [];
  if (!(RAG_RATINGS as readonly unknown[]).includes(override.rag)) {
    problems.push('Choose red, amber or green');
  }
  const text = typeof override.justification === 'string' ? override.justification.trim() : '';
  if (text.length === 0) problems.push('Explain why the rating is overridden');
  else if (text.length < MIN_JUSTIFICATION_LENGTH) {
    problems.push(`Write at least ${MIN_JUSTIFICATION_LENGTH} characters explaining why`);
  }
  return problems;
}

export class InvalidOverrideError extends Error {
  override readonly name = 'InvalidOverrideError';
}

export interface RagInput {
  status: ActionStatus;
  dueDate: string;
  revisedDueDate?: string | undefined;
  /** When the latest progress update was made (ISO timestamp); absent when there has been none. */
  lastUpdateAt?: string | undefined;
  override?: RagOverride | undefined;
  /** The latest update's evidence (evidence.ts): a better rating than before it needs some. */
  latestUpdate?: LatestUpdate | undefined;
  outcomeMeasure?: MeasureValues | undefined;
}

export interface RagResult {
  /** The rating to show: the override when there is one, else the computed rating. */
  rag: Rag;
  /** The rating the rules give, shown beside an override so the board sees both. */
  computed: Rag;
  overridden: boolean;
  /** Why, in plain English: "Overdue by 12 days", "Due in 9 days and no update for 41 days". */
  reason: string;
}

function dueIn(days: number): string {
  return days === 0 ? 'Due today' : `Due in ${plural(days, 'day')}`;
}

/**
 * The rules, first match wins:
 * 1. complete → green (whatever the dates);
 * 2. overdue (today is after the effective due date) → red, even when blocked;
 * 3. due within 14 days (today up to 14 days ahead) and no update in the last 30 days → amber;
 * 4. blocked → amber at least (a blocked action is never green);
 * 5. otherwise green.
 * Then the evidence rule (evidence.ts): a rating better than the one before the latest update stands
 * only when the outcome measure moved toward its target or a second board member verified the update.
 * Amber gives every amber reason that applies. An override (which must carry a justification of at
 * least 10 characters, else `InvalidOverrideError`) wins, and counts as overridden even when it agrees
 * with the computed rating, because the board chose it and it will keep winning as the dates move.
 */
export function computeRag(input: RagInput, today: string): RagResult {
  const dated = computeWithoutOverride(input, today);
  // Closing needs evidence and a sign-off of its own, so a complete action is green whatever the update.
  const computed =
    input.status === 'complete' ? dated : withEvidence(dated, input.latestUpdate, input.outcomeMeasure);
  if (!input.override)
    return { rag: computed.rag, computed: computed.rag, overridden: false, reason: computed.reason };
  const problems = validateOverride(input.override);
  if (problems.length > 0) throw new InvalidOverrideError(problems.join('; '));
  return {
    rag: input.override.rag,
    computed: computed.rag,
    overridden: true,
    reason: `Set to ${input.override.rag} by the board: ${input.override.justification.trim()} (the rules give ${computed.rag}: ${computed.reason})`,
  };
}

function computeWithoutOverride(input: RagInput, today: string): { rag: Rag; reason: string } {
  if (input.status === 'complete') return { rag: 'green', reason: 'Complete' };
  const daysLeft = daysBetween(today, effectiveDueDate(input));
  if (daysLeft < 0) return { rag: 'red', reason: `Overdue by ${plural(-daysLeft, 'day')}` };

  const sinceUpdate =
    input.lastUpdateAt === undefined ? undefined : daysBetween(utcDateOf(input.lastUpdateAt), today);
  const stale = sinceUpdate === undefined || sinceUpdate > STALE_AFTER_DAYS;
  const amber: string[] = [];
  if (daysLeft <= DUE_SOON_DAYS && stale) {
    amber.push(
      sinceUpdate === undefined
        ? `${dueIn(daysLeft)} and no update yet`
        : `${dueIn(daysLeft)} and no update for ${plural(sinceUpdate, 'day')}`,
    );
  }
  if (input.status === 'blocked') amber.push('Blocked, so amber at least until it is unblocked');
  if (amber.length > 0) return { rag: 'amber', reason: amber.join('; ') };

  return { rag: 'green', reason: `On track: ${dueIn(daysLeft).toLowerCase()}` };
}

export interface EscalationInput {
  /** The RAG recorded with each progress update, oldest first, newest last. */
  ragHistory: readonly Rag[];
  effectiveDueDate: string;
  status: ActionStatus;
}

/**
 * Flag for the executive group when the two latest updates were both red, or the action is overdue by
 * more than 28 days (29 or more). A complete action is never escalated, whatever its history.
 */
export function needsEscalation(
  input: EscalationInput,
  today: string,
): { escalate: boolean; reasons: string[] } {
  if (input.status === 'complete') return { escalate: false, reasons: [] };
  const reasons: string[] = [];
  const latest = input.ragHistory.at(-1);
  const previous = input.ragHistory.at(-2);
  if (latest === 'red' && previous === 'red') reasons.push('Red for two consecutive updates');
  const overdue = daysBetween(input.effectiveDueDate, today);
  if (overdue > ESCALATE_OVERDUE_DAYS) {
    reasons.push(`Overdue by ${plural(overdue, 'day')} (more than ${ESCALATE_OVERDUE_DAYS})`);
  }
  return { escalate: reasons.length > 0, reasons };
}

export interface CloseInput {
  evidence: readonly { title: string; url?: string | undefined }[];
  signOff?: { by: string; at: string } | undefined;
}

/** Closing an action requires at least one titled piece of evidence and a sign-off (who and when). */
export function canClose(input: CloseInput): { ok: true } | { ok: false; reasons: string[] } {
  const reasons: string[] = [];
  if (!input.evidence.some((e) => e.title.trim().length > 0)) {
    reasons.push('Add at least one piece of evidence before closing the action');
  }
  if (!input.signOff || input.signOff.by.trim().length === 0 || input.signOff.at.trim().length === 0) {
    reasons.push('Record who signed off the action, and when, before closing it');
  }
  return reasons.length === 0 ? { ok: true } : { ok: false, reasons };
}
