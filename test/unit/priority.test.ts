import { describe, expect, it } from 'vitest';
import {
  LEVEL_OUTCOMES,
  levelOutcomeProblems,
  outcomeFitsLevel,
} from '../../shared/referrals/level-outcomes.ts';
import {
  clockDescription,
  dueState,
  PRIORITIES,
  priorityDueAt,
  priorityOf,
  priorityRank,
} from '../../shared/referrals/priority.ts';

const due = (priority: Parameters<typeof priorityDueAt>[0], submitted: string) =>
  priorityDueAt(priority, new Date(submitted)).toISOString();

describe('the priority a referral is given', () => {
  it('is urgent for immediate danger at any level and for level 4, high for 3, standard otherwise', () => {
    expect([1, 2, 3, 4].map((level) => priorityOf(level as 1 | 2 | 3 | 4, true))).toEqual(
      Array(4).fill('urgent'),
    );
    expect([undefined, 1, 2, 3, 4].map((level) => priorityOf(level as 1 | undefined, false))).toEqual([
      'standard',
      'standard',
      'standard',
      'high',
      'urgent',
    ]);
  });

  it('ranks urgent first in the queue', () => {
    expect(PRIORITIES.map(priorityRank)).toEqual([1, 2, 3]);
  });

  it('is said in words the referrer reads on the confirmation', () => {
    expect(PRIORITIES.map(clockDescription)).toEqual([
      'within 4 hours',
      'by the end of the next working day',
      'within 3 working days',
    ]);
  });
});

describe('when the decision is due', () => {
  it('is four clock hours after an urgent one, nights and weekends included', () => {
    expect(due('urgent', '2026-03-06T22:30:00Z')).toBe('2026-03-07T02:30:00.000Z');
  });

  it('is 17:00 UK time at the end of the next working day for a high one, past weekends and bank holidays', () => {
    // Friday evening: Monday. Thursday before Easter 2026: the Tuesday after Easter Monday.
    expect(due('high', '2026-03-06T18:00:00Z')).toBe('2026-03-09T17:00:00.000Z');
    expect(due('high', '2026-04-02T10:00:00Z')).toBe('2026-04-07T16:00:00.000Z');
  });

  it('is the end of the third working day for a standard one, in BST as in GMT', () => {
    expect(due('standard', '2026-03-02T09:00:00Z')).toBe('2026-03-05T17:00:00.000Z');
    // Wednesday 23 December 2026: Thursday, then Christmas and the substitute Boxing Day skipped.
    expect(due('standard', '2026-12-23T12:00:00Z')).toBe('2026-12-30T17:00:00.000Z');
    expect(due('standard', '2026-06-10T12:00:00Z')).toBe('2026-06-15T16:00:00.000Z');
  });

  it('turns amber within the clock’s window and red once past', () => {
    const at = new Date('2026-03-02T13:00:00Z');
    const minutesBefore = (minutes: number) => new Date(at.getTime() - minutes * 60_000);
    expect(dueState(at, minutesBefore(61), 'urgent')).toBe('on_track');
    expect(dueState(at, minutesBefore(60), 'urgent')).toBe('due_soon');
    expect(dueState(at, minutesBefore(300), 'standard')).toBe('due_soon');
    expect(dueState(at, new Date(at.getTime() + 1), 'urgent')).toBe('overdue');
  });
});

describe('the outcomes a level of need allows', () => {
  it('refuses a strategy discussion at level 1 and closing a level 4 with advice, naming the outcome', () => {
    expect(outcomeFitsLevel(1, 'strategy_discussion')).toBe(false);
    expect(outcomeFitsLevel(4, 'advice_signposting')).toBe(false);
    expect(levelOutcomeProblems(4, 'no_further_action')).toEqual([
      {
        field: 'outcome',
        reason: expect.stringMatching(/^At level 4 the outcome must be one of: .*strategy discussion/i),
      },
    ]);
    expect(levelOutcomeProblems(3, 'targeted_early_help')).toEqual([]);
  });

  it('lets every level record that the child is already open to a worker', () => {
    for (const outcomes of Object.values(LEVEL_OUTCOMES)) expect(outcomes).toContain('already_open');
  });
});
