/**
 * Working days and decision due times for the front door, which works in UK local time
 * (Europe/London). Pure: every instant comes in as an argument; no clock, no Intl, no time-zone
 * library.
 *
 * UK local time is GMT, or BST (GMT+1) from 01:00 UTC on the last Sunday of March until 01:00 UTC on
 * the last Sunday of October (the Summer Time Order 2002 rules).
 *
 * A working day is Monday to Friday that is not an England and Wales bank holiday
 * (`shared/platform/bank-holidays.ts`). A date outside the years that data covers throws
 * `BankHolidaysNotCoveredError` rather than giving an answer that may be wrong.
 */
import { BankHolidaysNotCoveredError, bankHolidayOn, isCoveredYear } from './bank-holidays.ts';

export { BankHolidaysNotCoveredError } from './bank-holidays.ts';

/** The end of the front door's working day, UK local time: when a decision falls due. */
export const DECISION_DUE_LOCAL_HOUR = 17;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a `YYYY-MM-DD` calendar date; throws a RangeError if it is not one. */
function dayNumber(date: string): number {
  const match = DATE_PATTERN.exec(date);
  const [year, month, day] = [Number(match?.[1]), Number(match?.[2]), Number(match?.[3])];
  const ms = Date.UTC(year, month - 1, day);
  if (!match || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  }
  return ms / DAY;
}

function dateOfDayNumber(days: number): string {
  return new Date(days * DAY).toISOString().slice(0, 10);
}

function assertValidInstant(instant: Date, what: string): void {
  if (Number.isNaN(instant.getTime())) throw new RangeError(`${what} is not a valid date and time`);
}

/** 01:00 UTC on the last Sunday of a month (0-based), in ms since the epoch. */
function lastSundayAtOneUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/** Minutes UK local time is ahead of UTC at an instant: 60 in BST, 0 in GMT. */
export function ukOffsetMinutes(instant: Date): 0 | 60 {
  assertValidInstant(instant, 'The instant');
  const t = instant.getTime();
  const year = instant.getUTCFullYear();
  return t >= lastSundayAtOneUtc(year, 2) && t < lastSundayAtOneUtc(year, 9) ? 60 : 0;
}

/** The UK calendar date (`YYYY-MM-DD`) at an instant. */
export function ukDateOf(instant: Date): string {
  return new Date(instant.getTime() + ukOffsetMinutes(instant) * MINUTE).toISOString().slice(0, 10);
}

/**
 * The instant a UK wall-clock time happens on a date. In the hour skipped in March the time is read
 * as GMT; in the hour repeated in October, the first (BST) occurrence is chosen.
 */
export function ukLocalTimeToInstant(date: string, hour: number, minute = 0): Date {
  const asIfUtc = dayNumber(date) * DAY + hour * HOUR + minute * MINUTE;
  const ifBst = new Date(asIfUtc - HOUR);
  return ukOffsetMinutes(ifBst) === 60 ? ifBst : new Date(asIfUtc);
}

/**
 * Whether a `YYYY-MM-DD` date is a working day: Monday to Friday and not a bank holiday in England
 * and Wales. Throws `BankHolidaysNotCoveredError` outside the years the data covers.
 */
export function isWorkingDay(date: string): boolean {
  const days = dayNumber(date);
  if (!isCoveredYear(Number(date.slice(0, 4)))) throw new BankHolidaysNotCoveredError(date);
  const weekday = new Date(days * DAY).getUTCDay(); // 0 Sunday … 6 Saturday
  return weekday !== 0 && weekday !== 6 && bankHolidayOn(date) === undefined;
}

/** The first working day strictly after a `YYYY-MM-DD` date. */
export function nextWorkingDayAfter(date: string): string {
  let days = dayNumber(date);
  if (!isCoveredYear(Number(date.slice(0, 4)))) throw new BankHolidaysNotCoveredError(date);
  for (;;) {
    days += 1;
    const candidate = dateOfDayNumber(days);
    if (isWorkingDay(candidate)) return candidate;
  }
}

/**
 * The date `count` working days after a `YYYY-MM-DD` date: 0 gives the date itself, 1 the next
 * working day. A Friday plus 5 is the Friday after (or later, round a bank holiday).
 */
export function addWorkingDays(date: string, count: number): string {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`Not a count of working days: ${count}`);
  let day = date;
  dayNumber(day);
  for (let added = 0; added < count; added += 1) day = nextWorkingDayAfter(day);
  return day;
}

/**
 * When the front door's decision on a referral is due.
 *
 * The rule: a referral is due by the end of the next working day after the UK calendar day it was
 * submitted on, that is 17:00 UK local time (BST or GMT, whichever is in force that day). The time
 * of submission within the day does not matter, and nor does whether that day was a working day:
 * submitted at 08:00 or 23:00 on a Tuesday, due 17:00 Wednesday; submitted any time on Friday,
 * Saturday or Sunday, due 17:00 Monday; submitted on the Thursday before Easter, due 17:00 on the
 * Tuesday after it.
 */
export function decisionDueAt(submittedAt: Date): Date {
  assertValidInstant(submittedAt, 'The submission time');
  return ukLocalTimeToInstant(nextWorkingDayAfter(ukDateOf(submittedAt)), DECISION_DUE_LOCAL_HOUR);
}

/**
 * The number of working days after `from` up to and including `to` (both `YYYY-MM-DD`), so a
 * Friday to the following Monday is 1. Negative when `to` is before `from`; 0 when they are equal.
 * For instants, pass `ukDateOf(instant)`.
 */
export function workingDaysBetween(from: string, to: string): number {
  const start = dayNumber(from);
  const end = dayNumber(to);
  for (const date of [from, to]) {
    if (!isCoveredYear(Number(date.slice(0, 4)))) throw new BankHolidaysNotCoveredError(date);
  }
  let count = 0;
  for (let days = Math.min(start, end) + 1; days <= Math.max(start, end); days += 1) {
    if (isWorkingDay(dateOfDayNumber(days))) count += 1;
  }
  return start <= end ? count : -count;
}

/** Past due and still undecided. Exactly at the due time is not yet overdue. */
export function isOverdue(dueAt: Date, now: Date, decided: boolean): boolean {
  assertValidInstant(dueAt, 'The due time');
  assertValidInstant(now, 'The current time');
  return !decided && now.getTime() > dueAt.getTime();
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

function describeSpan(ms: number): string {
  if (ms < MINUTE) return 'less than a minute';
  if (ms < HOUR) return plural(Math.floor(ms / MINUTE), 'minute');
  if (ms < 2 * DAY) {
    const hours = Math.floor(ms / HOUR);
    const minutes = Math.floor((ms % HOUR) / MINUTE);
    return hours < 10 && minutes > 0
      ? `${plural(hours, 'hour')} ${plural(minutes, 'minute')}`
      : plural(hours, 'hour');
  }
  return plural(Math.floor(ms / DAY), 'day');
}

/**
 * How long until a decision is due, for a person: "due in 3 hours", "due in 1 hour 20 minutes",
 * "due in less than a minute", "overdue by 2 days". Rounds down. Minutes are shown under 10 hours,
 * hours under 2 days, whole days beyond.
 */
export function timeUntilDue(dueAt: Date, now: Date): string {
  assertValidInstant(dueAt, 'The due time');
  assertValidInstant(now, 'The current time');
  const remaining = dueAt.getTime() - now.getTime();
  return remaining >= 0 ? `due in ${describeSpan(remaining)}` : `overdue by ${describeSpan(-remaining)}`;
}
