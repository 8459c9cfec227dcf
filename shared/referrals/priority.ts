/**
 * How urgently the front door must decide a referral, and by when. The clocks and the level–outcome
 * table are the partnership's own rules, held here as data (changed by a reviewed commit, like the
 * bank holidays), and read by the API when a referral is submitted and decided and by the queue.
 * Pure: every instant comes in as an argument.
 */
import type { LevelNumber } from '../guidance/schema.ts';
import {
  addWorkingDays,
  DECISION_DUE_LOCAL_HOUR,
  ukDateOf,
  ukLocalTimeToInstant,
} from '../platform/working-days.ts';

/** Most urgent first: the queue sorts by this order, then by due time. */
export const PRIORITIES = ['urgent', 'high', 'standard'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const PRIORITY_LABELS: Record<Priority, string> = {
  urgent: 'Urgent',
  high: 'High',
  standard: 'Standard',
};

/** A decision clock: so many clock hours from submission, or the end of the nth working day after it. */
export type DecisionClock =
  | { readonly hours: number; readonly dueSoonWithinHours: number }
  | { readonly workingDays: number; readonly dueSoonWithinHours: number };

/**
 * The partnership's decision clocks. An immediate danger or a level 4 concern cannot wait for the
 * end of a working day; level 3 is decided by the end of the next working day; levels 1 and 2 within
 * three. `dueSoonWithinHours` is when the queue turns the timer amber.
 */
export const PRIORITY_CLOCKS: Readonly<Record<Priority, DecisionClock>> = {
  urgent: { hours: 4, dueSoonWithinHours: 1 },
  high: { workingDays: 1, dueSoonWithinHours: 4 },
  standard: { workingDays: 3, dueSoonWithinHours: 8 },
};

/** In words, for the referrer's confirmation and the referral's page. */
export function clockDescription(priority: Priority): string {
  const clock = PRIORITY_CLOCKS[priority];
  if ('hours' in clock) return `within ${clock.hours} hours`;
  return clock.workingDays === 1
    ? 'by the end of the next working day'
    : `within ${clock.workingDays} working days`;
}

/**
 * The priority a referral's suggested level and indicators give it. With no suggested level (no
 * indicators yet), standard.
 */
export function priorityOf(level: LevelNumber | undefined, immediateDanger: boolean): Priority {
  if (immediateDanger || level === 4) return 'urgent';
  if (level === 3) return 'high';
  return 'standard';
}

/**
 * When the decision is due: `hours` after submission for an hours clock; otherwise 17:00 UK time at
 * the end of the nth working day after the UK day it was submitted (whatever the time of day, and
 * whether or not that day was a working day).
 */
export function priorityDueAt(priority: Priority, submittedAt: Date): Date {
  if (Number.isNaN(submittedAt.getTime()))
    throw new RangeError('The submission time is not a valid date and time');
  const clock = PRIORITY_CLOCKS[priority];
  if ('hours' in clock) return new Date(submittedAt.getTime() + clock.hours * 3_600_000);
  return ukLocalTimeToInstant(
    addWorkingDays(ukDateOf(submittedAt), clock.workingDays),
    DECISION_DUE_LOCAL_HOUR,
  );
}

/** The queue's timer colour: red past due, amber within the clock's due-soon window, green before. */
export type DueState = 'overdue' | 'due_soon' | 'on_track';

export const DUE_STATE_LABELS: Record<DueState, string> = {
  overdue: 'Overdue',
  due_soon: 'Due soon',
  on_track: 'On track',
};

export function dueState(dueAt: Date, now: Date, priority: Priority = 'high'): DueState {
  const remaining = dueAt.getTime() - now.getTime();
  if (remaining < 0) return 'overdue';
  return remaining <= PRIORITY_CLOCKS[priority].dueSoonWithinHours * 3_600_000 ? 'due_soon' : 'on_track';
}

/** The sort-key prefix that puts more urgent referrals first in the front door's open queue. */
export const priorityRank = (priority: Priority | undefined): number =>
  PRIORITIES.indexOf(priority ?? 'high') + 1;
