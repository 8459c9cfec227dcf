import { describe, expect, it } from 'vitest';
import type { TimerKind } from '../../shared/early-help/labels.ts';
import { DEFAULT_STANDARDS, type EarlyHelpStandards } from '../../shared/early-help/standards.ts';
import {
  countdown,
  isDrifting,
  runningTimer,
  type Timer,
  type TimerFacts,
  timerStatus,
  timersOf,
} from '../../shared/early-help/timers.ts';
import { ukDateOf } from '../../shared/platform/working-days.ts';

/**
 * Every due date below is worked out by hand from a calendar and the England and Wales bank
 * holidays; the comment beside it shows the counting. "(n)" is the nth working day counted.
 */

const weekday = (date: string) =>
  ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][new Date(`${date}T00:00:00Z`).getUTCDay()];

const dueOf = (facts: TimerFacts, kind: TimerKind, standards = DEFAULT_STANDARDS) =>
  timersOf(facts, standards).find((t) => t.kind === kind)?.dueOn;

describe('lead: 5 working days from the decision', () => {
  it.each([
    // Mon 1 Jun 2026: Tue 2 (1), Wed 3 (2), Thu 4 (3), Fri 5 (4), Mon 8 (5).
    ['an ordinary Monday', '2026-06-01', '2026-06-08'],
    // Fri 5 Jun 2026: Mon 8 (1) … Fri 12 (5): a Friday plus 5 is the Friday after.
    ['a Friday', '2026-06-05', '2026-06-12'],
    // Sat 6 Jun 2026: the weekend does not count; Mon 8 (1) … Fri 12 (5).
    ['a Saturday', '2026-06-06', '2026-06-12'],
    // Thu 25 Mar 2027: Good Friday 26 Mar and Easter Monday 29 Mar are bank holidays;
    // Tue 30 (1), Wed 31 (2), Thu 1 Apr (3), Fri 2 (4), Mon 5 (5).
    ['the Thursday before Easter 2027', '2027-03-25', '2027-04-05'],
    // Wed 1 Apr 2026: Thu 2 (1); Good Friday 3 Apr, Easter Monday 6 Apr; Tue 7 (2), Wed 8 (3),
    // Thu 9 (4), Fri 10 (5).
    ['the Wednesday before Easter 2026', '2026-04-01', '2026-04-10'],
    // Wed 23 Dec 2026: Thu 24 (1); Christmas Fri 25, Boxing Day Sat 26 → substitute Mon 28; Tue 29 (2),
    // Wed 30 (3), Thu 31 (4); New Year's Day Fri 1 Jan 2027; Mon 4 Jan (5).
    ['before Christmas 2026 (Boxing Day substituted)', '2026-12-23', '2027-01-04'],
    // Thu 23 Dec 2027: Fri 24 (1); Christmas Sat 25 → Mon 27, Boxing Day Sun 26 → Tue 28; Wed 29 (2),
    // Thu 30 (3), Fri 31 (4); New Year's Day Sat 1 Jan 2028 → substitute Mon 3 Jan; Tue 4 Jan (5).
    ['before Christmas 2027 (every day substituted)', '2027-12-23', '2028-01-04'],
    // Wed 29 Apr 2026: Thu 30 (1), Fri 1 May (2); early May bank holiday Mon 4; Tue 5 (3), Wed 6 (4),
    // Thu 7 (5).
    ['before the early May bank holiday 2026', '2026-04-29', '2026-05-07'],
    // Fri 22 May 2026: spring bank holiday Mon 25; Tue 26 (1), Wed 27 (2), Thu 28 (3), Fri 29 (4),
    // Mon 1 Jun (5).
    ['before the spring bank holiday 2026', '2026-05-22', '2026-06-01'],
    // Thu 27 Aug 2026: Fri 28 (1); summer bank holiday Mon 31; Tue 1 Sep (2), Wed 2 (3), Thu 3 (4),
    // Fri 4 (5).
    ['before the summer bank holiday 2026', '2026-08-27', '2026-09-04'],
  ])('decided on %s (%s) → due %s', (_, startedOn, due) => {
    expect(dueOf({ state: 'awaiting_lead', startedOn }, 'lead')).toBe(due);
  });
});

describe('lead across the clock change: the decision instant becomes a UK date first', () => {
  it.each([
    // BST starts at 01:00 UTC on Sun 29 Mar 2026. Fri 27 Mar 23:30 UTC is 23:30 GMT, still Fri 27.
    // Mon 30 (1), Tue 31 (2), Wed 1 Apr (3), Thu 2 (4); Good Friday 3, Easter Monday 6; Tue 7 (5).
    ['2026-03-27T23:30:00Z', '2026-03-27', 'Fri', '2026-04-07'],
    // Mon 30 Mar 2026 23:30 UTC is 00:30 BST on Tue 31 Mar: the UK date flips. Wed 1 Apr (1),
    // Thu 2 (2); Good Friday 3, Easter Monday 6; Tue 7 (3), Wed 8 (4), Thu 9 (5). (Counting from the
    // UTC date, Mon 30, would wrongly give Wed 8.)
    ['2026-03-30T23:30:00Z', '2026-03-31', 'Tue', '2026-04-09'],
    // BST starts at 01:00 UTC on Sun 28 Mar 2027. Sat 27 Mar 23:30 UTC is 23:30 GMT, still Sat 27.
    // Easter Monday Mon 29; Tue 30 (1), Wed 31 (2), Thu 1 Apr (3), Fri 2 (4), Mon 5 (5).
    ['2027-03-27T23:30:00Z', '2027-03-27', 'Sat', '2027-04-05'],
    // Sun 28 Mar 2027 23:30 UTC is 00:30 BST on Mon 29 Mar (Easter Monday, not a working day):
    // Tue 30 (1) … Mon 5 Apr (5).
    ['2027-03-28T23:30:00Z', '2027-03-29', 'Mon', '2027-04-05'],
    // BST ends at 01:00 UTC on Sun 25 Oct 2026. Thu 22 Oct 23:30 UTC is 00:30 BST on Fri 23 Oct:
    // Mon 26 (1), Tue 27 (2), Wed 28 (3), Thu 29 (4), Fri 30 (5).
    ['2026-10-22T23:30:00Z', '2026-10-23', 'Fri', '2026-10-30'],
    // Mon 26 Oct 2026 23:30 UTC is after the change: 23:30 GMT, still Mon 26. Tue 27 (1), Wed 28 (2),
    // Thu 29 (3), Fri 30 (4), Mon 2 Nov (5).
    ['2026-10-26T23:30:00Z', '2026-10-26', 'Mon', '2026-11-02'],
    // BST ends at 01:00 UTC on Sun 31 Oct 2027. Thu 28 Oct 23:30 UTC is 00:30 BST on Fri 29 Oct:
    // Mon 1 Nov (1) … Fri 5 Nov (5). (From the UTC date, Thu 28, it would wrongly be Thu 4 Nov.)
    ['2027-10-28T23:30:00Z', '2027-10-29', 'Fri', '2027-11-05'],
    // Sat 30 Oct 2027 23:30 UTC is before 01:00 UTC on Sun 31, so BST: 00:30 BST on Sun 31 Oct.
    // Mon 1 Nov (1) … Fri 5 Nov (5).
    ['2027-10-30T23:30:00Z', '2027-10-31', 'Sun', '2027-11-05'],
    // Sun 31 Oct 2027 23:30 UTC is after the change: 23:30 GMT, still Sun 31. Mon 1 Nov (1) … Fri 5 (5).
    ['2027-10-31T23:30:00Z', '2027-10-31', 'Sun', '2027-11-05'],
  ])('decided at %s: UK date %s (%s) → due %s', (instant, ukDate, day, due) => {
    const startedOn = ukDateOf(new Date(instant));
    expect(startedOn).toBe(ukDate);
    expect(weekday(startedOn)).toBe(day);
    expect(dueOf({ state: 'awaiting_lead', startedOn }, 'lead')).toBe(due);
  });
});

describe('assessment: 20 working days from the lead’s acceptance', () => {
  it.each([
    // Mon 1 Jun 2026, no bank holiday in June: 20 working days is four weeks, Mon 29 Jun.
    ['an ordinary Monday', '2026-06-01', '2026-06-29'],
    // Fri 16 Apr 2027: Mon 19 (1) … Fri 30 (10); early May bank holiday Mon 3 May; Tue 4 (11) … Fri 7
    // (14), Mon 10 (15) … Fri 14 (19), Mon 17 (20).
    ['before the early May bank holiday 2027', '2027-04-16', '2027-05-17'],
    // Mon 17 May 2027: Tue 18 (1) … Fri 21 (4), Mon 24 (5) … Fri 28 (9); spring bank holiday Mon 31;
    // Tue 1 Jun (10) … Fri 4 (13), Mon 7 (14) … Fri 11 (18), Mon 14 (19), Tue 15 (20).
    ['before the spring bank holiday 2027', '2027-05-17', '2027-06-15'],
    // Mon 14 Dec 2026: Tue 15 (1) … Fri 18 (4), Mon 21 (5) … Thu 24 (8); Fri 25 and Mon 28 (Boxing Day
    // substitute) off; Tue 29 (9), Wed 30 (10), Thu 31 (11); Fri 1 Jan off; Mon 4 (12) … Fri 8 (16),
    // Mon 11 (17) … Thu 14 (20).
    ['before Christmas 2026', '2026-12-14', '2027-01-14'],
  ])('accepted on %s (%s) → due %s', (_, leadAcceptedOn, due) => {
    const facts: TimerFacts = { state: 'assessing', startedOn: leadAcceptedOn, leadAcceptedOn };
    expect(dueOf(facts, 'assessment')).toBe(due);
  });
});

describe('plan: 5 working days from the completed assessment', () => {
  it.each([
    // Thu 2 Apr 2026: Good Friday 3 and Easter Monday 6 off; Tue 7 (1), Wed 8 (2), Thu 9 (3), Fri 10 (4),
    // Mon 13 (5).
    ['before Easter 2026', '2026-04-02', '2026-04-13'],
    // Fri 28 May 2027: spring bank holiday Mon 31; Tue 1 Jun (1), Wed 2 (2), Thu 3 (3), Fri 4 (4), Mon 7 (5).
    ['before the spring bank holiday 2027', '2027-05-28', '2027-06-07'],
    // Fri 18 Dec 2026: Mon 21 (1), Tue 22 (2), Wed 23 (3), Thu 24 (4); Fri 25 and Mon 28 off; Tue 29 (5).
    ['before Christmas 2026', '2026-12-18', '2026-12-29'],
  ])('completed %s (%s) → due %s', (_, assessmentCompletedOn, due) => {
    const facts: TimerFacts = {
      state: 'planning',
      startedOn: assessmentCompletedOn,
      leadAcceptedOn: assessmentCompletedOn,
      assessmentCompletedOn,
    };
    expect(dueOf(facts, 'plan')).toBe(due);
  });
});

describe('reviews: 30 working days from the plan, then from each review', () => {
  /** One episode through 2027, every step worked out by hand. */
  const episode: TimerFacts = {
    state: 'reviewing',
    // Thu 25 Mar 2027 → lead due Mon 5 Apr (Easter, worked out above); accepted Fri 16 Apr: late.
    startedOn: '2027-03-25',
    leadAcceptedOn: '2027-04-16',
    // From Fri 16 Apr → due Mon 17 May (early May bank holiday, above); completed Fri 28 May: late.
    assessmentCompletedOn: '2027-05-28',
    // From Fri 28 May → due Mon 7 Jun (spring bank holiday, above); agreed Mon 7 Jun: on the due date.
    planAgreedOn: '2027-06-07',
    // Given out of order: the timers chain them by date.
    reviewsHeldOn: ['2027-09-07', '2027-07-26'],
  };

  it('chains each review from the one before, across the summer bank holiday', () => {
    expect(timersOf(episode, DEFAULT_STANDARDS)).toEqual([
      { kind: 'lead', from: '2027-03-25', dueOn: '2027-04-05', metOn: '2027-04-16' },
      { kind: 'assessment', from: '2027-04-16', dueOn: '2027-05-17', metOn: '2027-05-28' },
      { kind: 'plan', from: '2027-05-28', dueOn: '2027-06-07', metOn: '2027-06-07' },
      // Mon 7 Jun: no bank holiday until 30 Aug, so 30 working days is six weeks, Mon 19 Jul.
      { kind: 'review', from: '2027-06-07', dueOn: '2027-07-19', metOn: '2027-07-26' },
      // Mon 26 Jul: Tue 27 Jul … Mon 23 Aug is 20; Tue 24 (21) … Fri 27 (24); summer bank holiday
      // Mon 30 Aug; Tue 31 (25), Wed 1 Sep (26) … Fri 3 (28), Mon 6 (29), Tue 7 Sep (30).
      { kind: 'review', from: '2027-07-26', dueOn: '2027-09-07', metOn: '2027-09-07' },
      // Tue 7 Sep: no bank holiday in September or October, so six weeks, Tue 19 Oct. Still to be met.
      { kind: 'review', from: '2027-09-07', dueOn: '2027-10-19' },
    ]);
  });

  it('runs the next review from the plan when no review has been held', () => {
    const noReviews = { ...episode, reviewsHeldOn: [] };
    expect(timersOf(noReviews, DEFAULT_STANDARDS).at(-1)).toEqual({
      kind: 'review',
      from: '2027-06-07',
      dueOn: '2027-07-19',
    });
    expect(timersOf({ ...episode, reviewsHeldOn: undefined }, DEFAULT_STANDARDS)).toHaveLength(4);
  });

  it('counts a review across Christmas 2027 and New Year 2028', () => {
    // Mon 22 Nov 2027: Tue 23 Nov (1) … Fri 24 Dec (24); Christmas and Boxing Day substitutes Mon 27 and
    // Tue 28 off; Wed 29 (25), Thu 30 (26), Fri 31 (27); New Year substitute Mon 3 Jan 2028 off;
    // Tue 4 (28), Wed 5 (29), Thu 6 Jan (30).
    const facts: TimerFacts = { ...episode, planAgreedOn: '2027-11-22', reviewsHeldOn: [] };
    expect(dueOf(facts, 'review')).toBe('2028-01-06');
  });
});

describe('timersOf, runningTimer and isDrifting', () => {
  const awaiting: TimerFacts = { state: 'awaiting_lead', startedOn: '2026-06-01' };

  it('starts each timer only once the step before it is met, in the standards’ order', () => {
    const kinds = (facts: TimerFacts) => timersOf(facts, DEFAULT_STANDARDS).map((t) => t.kind);
    expect(kinds(awaiting)).toEqual(['lead']);
    const assessing = { ...awaiting, state: 'assessing', leadAcceptedOn: '2026-06-03' } as const;
    expect(kinds(assessing)).toEqual(['lead', 'assessment']);
    const planning = { ...assessing, state: 'planning', assessmentCompletedOn: '2026-06-20' } as const;
    expect(kinds(planning)).toEqual(['lead', 'assessment', 'plan']);
    const reviewing = { ...planning, state: 'reviewing', planAgreedOn: '2026-06-24' } as const;
    expect(kinds(reviewing)).toEqual(['lead', 'assessment', 'plan', 'review']);
    expect(kinds({ ...reviewing, reviewsHeldOn: ['2026-07-20', '2026-08-20'] })).toEqual([
      'lead',
      'assessment',
      'plan',
      'review',
      'review',
      'review',
    ]);
  });

  it('runs the first unmet timer', () => {
    // Mon 1 Jun 2026 → lead due Mon 8 Jun (worked out above).
    expect(runningTimer(awaiting, DEFAULT_STANDARDS)).toEqual({
      kind: 'lead',
      from: '2026-06-01',
      dueOn: '2026-06-08',
    });
    // Accepted Wed 3 Jun 2026: Thu 4 (1), Fri 5 (2), then three weeks to Fri 26 Jun (17), Mon 29 (18),
    // Tue 30 (19), Wed 1 Jul (20).
    expect(
      runningTimer({ ...awaiting, state: 'assessing', leadAcceptedOn: '2026-06-03' }, DEFAULT_STANDARDS),
    ).toEqual({ kind: 'assessment', from: '2026-06-03', dueOn: '2026-07-01' });
  });

  it('drifts from the day after the due date, not on it', () => {
    expect(isDrifting(awaiting, DEFAULT_STANDARDS, '2026-06-05')).toBe(false);
    expect(isDrifting(awaiting, DEFAULT_STANDARDS, '2026-06-08')).toBe(false); // the due date itself
    expect(isDrifting(awaiting, DEFAULT_STANDARDS, '2026-06-09')).toBe(true);
    // A late lead does not keep the episode drifting once the assessment's timer runs on time.
    const assessing = { ...awaiting, state: 'assessing', leadAcceptedOn: '2026-06-15' } as const;
    expect(isDrifting(assessing, DEFAULT_STANDARDS, '2026-06-16')).toBe(false);
  });

  it('a closed episode has no running timer, no drift, and no timer it never met', () => {
    // Closed while waiting for a lead, long past the lead's due date.
    const closedEarly: TimerFacts = { ...awaiting, state: 'closed' };
    expect(timersOf(closedEarly, DEFAULT_STANDARDS)).toEqual([]);
    expect(runningTimer(closedEarly, DEFAULT_STANDARDS)).toBeUndefined();
    expect(isDrifting(closedEarly, DEFAULT_STANDARDS, '2026-12-01')).toBe(false);
    // Closed at a review: the reviews held stay, the next review never starts.
    const closed: TimerFacts = {
      state: 'closed',
      startedOn: '2026-06-01',
      leadAcceptedOn: '2026-06-03',
      assessmentCompletedOn: '2026-06-20',
      planAgreedOn: '2026-06-24',
      reviewsHeldOn: ['2026-07-20'],
    };
    expect(timersOf(closed, DEFAULT_STANDARDS).map((t) => [t.kind, t.metOn])).toEqual([
      ['lead', '2026-06-03'],
      ['assessment', '2026-06-20'],
      ['plan', '2026-06-24'],
      ['review', '2026-07-20'],
    ]);
    expect(runningTimer(closed, DEFAULT_STANDARDS)).toBeUndefined();
    expect(isDrifting(closed, DEFAULT_STANDARDS, '2027-06-01')).toBe(false);
  });

  it('takes the standards as data: other targets give other due dates', () => {
    const tight: EarlyHelpStandards = {
      leadWithinWorkingDays: 2,
      assessmentWithinWorkingDays: 10,
      planWithinWorkingDays: 1,
      reviewEveryWorkingDays: 15,
    };
    const facts: TimerFacts = {
      state: 'reviewing',
      startedOn: '2027-03-25',
      leadAcceptedOn: '2027-03-31',
      assessmentCompletedOn: '2027-04-14',
      planAgreedOn: '2027-04-15',
    };
    expect(timersOf(facts, tight).map((t) => t.dueOn)).toEqual([
      // Thu 25 Mar 2027: Good Friday 26 and Easter Monday 29 off; Tue 30 (1), Wed 31 (2).
      '2027-03-31',
      // Wed 31 Mar: Thu 1 Apr (1), Fri 2 (2), Mon 5 (3) … Fri 9 (7), Mon 12 (8), Tue 13 (9), Wed 14 (10).
      '2027-04-14',
      // Wed 14 Apr: Thu 15 (1).
      '2027-04-15',
      // Thu 15 Apr: Fri 16 (1), Mon 19 (2) … Fri 30 (11); early May bank holiday Mon 3 May; Tue 4 (12),
      // Wed 5 (13), Thu 6 (14), Fri 7 (15).
      '2027-05-07',
    ]);
    expect(isDrifting(facts, tight, '2027-05-07')).toBe(false);
    expect(isDrifting(facts, tight, '2027-05-10')).toBe(true);
    // The same episode under the defaults is not drifting that day: its review is due later.
    expect(isDrifting(facts, DEFAULT_STANDARDS, '2027-05-10')).toBe(false);
  });
});

describe('timerStatus and countdown', () => {
  // Mon 1 Jun 2026 + 5 → Mon 8 Jun.
  const lead: Timer = { kind: 'lead', from: '2026-06-01', dueOn: '2026-06-08' };
  const on = (today: string, t: Timer = lead) => {
    const status = timerStatus(t, today);
    return [status.status, status.workingDaysLeft, countdown(status)];
  };

  it('is met on time up to and including the due date, and late after it', () => {
    expect(on('2026-06-20', { ...lead, metOn: '2026-06-03' })).toEqual([
      'met_on_time',
      undefined,
      'met on time',
    ]);
    expect(on('2026-06-20', { ...lead, metOn: '2026-06-08' })).toEqual([
      'met_on_time',
      undefined,
      'met on time',
    ]);
    expect(on('2026-06-20', { ...lead, metOn: '2026-06-09' })).toEqual(['met_late', undefined, 'met late']);
  });

  it.each([
    // Mon 1 Jun to Mon 8 Jun: Tue 2, Wed 3, Thu 4, Fri 5, Mon 8.
    ['2026-06-01', 5, 'due in 5 working days'],
    // Fri 5 Jun to Mon 8 Jun: Mon 8 only.
    ['2026-06-05', 1, 'due in 1 working day'],
    // Sat 6 Jun: Mon 8 is still the next working day.
    ['2026-06-06', 1, 'due in 1 working day'],
    ['2026-06-08', 0, 'due today'],
  ])('runs on %s with %i working days left: "%s"', (today, left, words) => {
    expect(on(today)).toEqual(['running', left, words]);
  });

  it.each([
    // Tue 9 Jun: one working day past Mon 8.
    ['2026-06-09', -1, 'overdue by 1 working day'],
    // Mon 15 Jun: Tue 9, Wed 10, Thu 11, Fri 12, Mon 15.
    ['2026-06-15', -5, 'overdue by 5 working days'],
  ])('is overdue on %s by %i: "%s"', (today, left, words) => {
    expect(on(today)).toEqual(['overdue', left, words]);
  });

  it('is overdue by 1 working day on the weekend after a Friday due date', () => {
    // Fri 5 Jun 2026 + 5 → Fri 12 Jun; Sat 13 and Sun 14 hold no working day, but the timer is late.
    const friday: Timer = { kind: 'plan', from: '2026-06-05', dueOn: '2026-06-12' };
    expect(on('2026-06-12', friday)).toEqual(['running', 0, 'due today']);
    expect(on('2026-06-13', friday)).toEqual(['overdue', -1, 'overdue by 1 working day']);
    expect(on('2026-06-14', friday)).toEqual(['overdue', -1, 'overdue by 1 working day']);
    expect(on('2026-06-15', friday)).toEqual(['overdue', -1, 'overdue by 1 working day']);
    expect(on('2026-06-16', friday)).toEqual(['overdue', -2, 'overdue by 2 working days']);
  });

  it('counts the days left and overdue round a bank holiday', () => {
    // Wed 1 Apr 2026 + 5 → Fri 10 Apr (worked out above).
    const easter: Timer = { kind: 'lead', from: '2026-04-01', dueOn: '2026-04-10' };
    // Thu 2 Apr to Fri 10: Good Friday and Easter Monday off; Tue 7, Wed 8, Thu 9, Fri 10.
    expect(on('2026-04-02', easter)).toEqual(['running', 4, 'due in 4 working days']);
    // Due Thu 2 Apr, seen on Tue 7: Fri 3, Sat, Sun and Mon 6 hold no working day; Tue 7 is one.
    const beforeEaster: Timer = { kind: 'plan', from: '2026-03-26', dueOn: '2026-04-02' };
    expect(on('2026-04-06', beforeEaster)).toEqual(['overdue', -1, 'overdue by 1 working day']);
    expect(on('2026-04-07', beforeEaster)).toEqual(['overdue', -1, 'overdue by 1 working day']);
    expect(on('2026-04-08', beforeEaster)).toEqual(['overdue', -2, 'overdue by 2 working days']);
  });

  it('keeps the timer’s own fields beside its status', () => {
    expect(timerStatus(lead, '2026-06-03')).toEqual({ ...lead, status: 'running', workingDaysLeft: 3 });
    expect(timerStatus({ ...lead, metOn: '2026-06-04' }, '2026-06-03')).toEqual({
      ...lead,
      metOn: '2026-06-04',
      status: 'met_on_time',
    });
  });
});
