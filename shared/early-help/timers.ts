import { addWorkingDays, workingDaysBetween } from '../platform/working-days.ts';
import type { EpisodeState, TimerKind } from './labels.ts';
import type { EarlyHelpStandards } from './standards.ts';

/**
 * The episode's timers, from the partnership's standards (standards.ts). Pure: dates are UK
 * calendar dates (`YYYY-MM-DD`, from `ukDateOf` for an instant) and today comes in as an argument.
 *
 * An episode meets its timers in order: a lead practitioner accepted within N working days of the
 * decision; the assessment completed within N of the lead's acceptance; the plan agreed within N
 * of the assessment; then a review at least every N working days from the plan or the last review.
 * A timer falls due at the end of its due date, so it is overdue from the next day: that is a drift
 * alarm. A closed episode has no running timer.
 */

/** The dates an episode has reached so far. */
export interface TimerFacts {
  readonly state: EpisodeState;
  /** The decision's (or step-down's) UK date. */
  readonly startedOn: string;
  readonly leadAcceptedOn?: string;
  readonly assessmentCompletedOn?: string;
  readonly planAgreedOn?: string;
  /** Every review's date, in any order. */
  readonly reviewsHeldOn?: readonly string[];
}

export interface Timer {
  readonly kind: TimerKind;
  readonly from: string;
  readonly dueOn: string;
  readonly metOn?: string;
}

export type TimerState = 'met_on_time' | 'met_late' | 'running' | 'overdue';

export interface TimerStatus extends Timer {
  readonly status: TimerState;
  /** Working days from today to the due date (negative once overdue); absent once met. */
  readonly workingDaysLeft?: number;
}

function timer(kind: TimerKind, from: string, days: number, metOn: string | undefined): Timer {
  const dueOn = addWorkingDays(from, days);
  return metOn === undefined ? { kind, from, dueOn } : { kind, from, dueOn, metOn };
}

/** Every timer the facts start, met or not, in order; the next review's only while open. */
function startedTimers(facts: TimerFacts, standards: EarlyHelpStandards): Timer[] {
  const timers = [timer('lead', facts.startedOn, standards.leadWithinWorkingDays, facts.leadAcceptedOn)];
  if (facts.leadAcceptedOn === undefined) return timers;
  timers.push(
    timer(
      'assessment',
      facts.leadAcceptedOn,
      standards.assessmentWithinWorkingDays,
      facts.assessmentCompletedOn,
    ),
  );
  if (facts.assessmentCompletedOn === undefined) return timers;
  timers.push(
    timer('plan', facts.assessmentCompletedOn, standards.planWithinWorkingDays, facts.planAgreedOn),
  );
  if (facts.planAgreedOn === undefined) return timers;
  let from = facts.planAgreedOn;
  for (const heldOn of [...(facts.reviewsHeldOn ?? [])].sort()) {
    timers.push(timer('review', from, standards.reviewEveryWorkingDays, heldOn));
    from = heldOn;
  }
  if (facts.state !== 'closed')
    timers.push(timer('review', from, standards.reviewEveryWorkingDays, undefined));
  return timers;
}

/**
 * The episode's timers in order. Reviews: one timer per review held (from the plan or the review
 * before), then, while the episode is open, the next review's. A closed episode keeps only the
 * timers it met: closing stops the clock, so a step it never reached is neither running nor overdue.
 */
export function timersOf(facts: TimerFacts, standards: EarlyHelpStandards): Timer[] {
  const timers = startedTimers(facts, standards);
  return facts.state === 'closed' ? timers.filter((t) => t.metOn !== undefined) : timers;
}

/** How a timer stands on `today`: met on time or late, still running, or overdue (a drift alarm). */
export function timerStatus(t: Timer, today: string): TimerStatus {
  if (t.metOn !== undefined) return { ...t, status: t.metOn <= t.dueOn ? 'met_on_time' : 'met_late' };
  if (today <= t.dueOn)
    return { ...t, status: 'running', workingDaysLeft: workingDaysBetween(today, t.dueOn) };
  // Overdue on a weekend after a Friday due date is still a day late.
  return { ...t, status: 'overdue', workingDaysLeft: -Math.max(1, workingDaysBetween(t.dueOn, today)) };
}

/** The timer still to be met, if the episode is open. */
export function runningTimer(facts: TimerFacts, standards: EarlyHelpStandards): Timer | undefined {
  if (facts.state === 'closed') return undefined;
  return timersOf(facts, standards).find((t) => t.metOn === undefined);
}

/** Whether the episode has drifted on `today`: its running timer is past its due date. */
export function isDrifting(facts: TimerFacts, standards: EarlyHelpStandards, today: string): boolean {
  const running = runningTimer(facts, standards);
  return running !== undefined && today > running.dueOn;
}

/**
 * A countdown in words, for a list or the episode's page: "due today", "due in 3 working days",
 * "overdue by 1 working day", "met on time", "met late".
 */
export function countdown(status: TimerStatus): string {
  if (status.status === 'met_on_time') return 'met on time';
  if (status.status === 'met_late') return 'met late';
  const days = status.workingDaysLeft ?? 0;
  const unit = (n: number) => `${n} working day${n === 1 ? '' : 's'}`;
  if (status.status === 'overdue') return `overdue by ${unit(-days)}`;
  return days === 0 ? 'due today' : `due in ${unit(days)}`;
}
