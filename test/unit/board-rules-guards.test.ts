import { describe, expect, it } from 'vitest';
import {
  addDays,
  canClose,
  computeRag,
  daysBetween,
  effectiveDueDate,
  InvalidDateError,
  InvalidOverrideError,
  needsEscalation,
  RagOverrideSchema,
  utcDateOf,
  validateOverride,
} from '../../shared/board/rules.ts';

const today = '2026-06-10';

describe('escalation only for an action that is red now', () => {
  const base = { effectiveDueDate: '2026-07-01', status: 'in_progress' as const };

  it('does not escalate an action that recovered: red, red, then green', () => {
    expect(needsEscalation({ ...base, ragHistory: ['red', 'red', 'green'] }, today)).toEqual({
      escalate: false,
      reasons: [],
    });
    expect(needsEscalation({ ...base, ragHistory: ['red', 'red', 'amber'] }, today).escalate).toBe(false);
  });

  it('escalates red twice running however long the history, and not for one red or none', () => {
    expect(needsEscalation({ ...base, ragHistory: ['red', 'red'] }, today).escalate).toBe(true);
    expect(needsEscalation({ ...base, ragHistory: ['amber', 'green', 'red', 'red'] }, today).escalate).toBe(
      true,
    );
    expect(needsEscalation({ ...base, ragHistory: ['green', 'red'] }, today).escalate).toBe(false);
    expect(needsEscalation({ ...base, ragHistory: [] }, today)).toEqual({ escalate: false, reasons: [] });
  });

  it('gives both reasons when red twice and long overdue', () => {
    expect(
      needsEscalation(
        { ragHistory: ['red', 'red'], status: 'blocked', effectiveDueDate: addDays(today, -40) },
        today,
      ),
    ).toEqual({
      escalate: true,
      reasons: ['Red for two consecutive updates', 'Overdue by 40 days (more than 28)'],
    });
  });

  it('does not escalate an action due in the future, however far', () => {
    const future = needsEscalation(
      { ragHistory: [], status: 'in_progress', effectiveDueDate: '2027-06-10' },
      today,
    );
    expect(future.escalate).toBe(false);
  });
});

describe('closing an action needs a real sign-off', () => {
  const evidence = [{ title: 'Audit report, May 2026' }];

  it('refuses a sign-off by nobody: a name of spaces', () => {
    expect(canClose({ evidence, signOff: { by: '   ', at: '2026-06-10T10:00:00Z' } })).toEqual({
      ok: false,
      reasons: ['Record who signed off the action, and when, before closing it'],
    });
    expect(canClose({ evidence, signOff: { by: '', at: '2026-06-10T10:00:00Z' } }).ok).toBe(false);
  });

  it('refuses a sign-off with no time', () => {
    expect(canClose({ evidence, signOff: { by: 'Helen Marsh', at: ' ' } }).ok).toBe(false);
    expect(canClose({ evidence, signOff: { by: 'Helen Marsh', at: '' } }).ok).toBe(false);
  });

  it('takes any one titled piece of evidence among untitled ones', () => {
    const signOff = { by: 'Helen Marsh', at: '2026-06-10T10:00:00Z' };
    expect(canClose({ evidence: [{ title: ' ' }, { title: 'Minutes, 3 June' }], signOff })).toEqual({
      ok: true,
    });
  });
});

describe('impossible dates are refused, never rolled into the next month', () => {
  it('refuses an update timestamp on 30 February rather than counting it as 2 March', () => {
    expect(() => utcDateOf('2026-02-30T10:00:00Z')).toThrow(InvalidDateError);
    expect(() => utcDateOf('2026-04-31T09:00:00.000Z')).toThrow(/No such date: 2026-04-31/);
    expect(() =>
      computeRag(
        { status: 'in_progress', dueDate: '2026-03-10', lastUpdateAt: '2026-02-30T10:00:00Z' },
        '2026-03-01',
      ),
    ).toThrow(InvalidDateError);
  });

  it('refuses a calendar date that does not exist, in every part', () => {
    for (const date of ['2026-02-29', '2026-13-01', '2026-00-10', '2026-06-00', '2026-06-31']) {
      expect(() => daysBetween(date, today)).toThrow(InvalidDateError);
      expect(() => utcDateOf(date)).toThrow(InvalidDateError);
    }
    expect(daysBetween('2028-02-29', '2028-03-01')).toBe(1);
  });

  it('refuses what is not a date or a timestamp', () => {
    for (const value of ['', '2026-6-1', ' 2026-06-01', '2026-06-01 ', 'yesterday', '2026-06-01X10:00:00Z']) {
      expect(() => utcDateOf(value)).toThrow(InvalidDateError);
    }
    expect(() => utcDateOf('2026-06-01T25:00:00Z')).toThrow(/Not an ISO timestamp/);
  });

  it('takes a timestamp on its UTC date, and a date as itself', () => {
    expect(utcDateOf('2026-06-01')).toBe('2026-06-01');
    expect(utcDateOf('2026-06-01T23:30:00-01:00')).toBe('2026-06-02');
    expect(utcDateOf('2026-06-01T00:30:00+01:00')).toBe('2026-05-31');
  });
});

describe('dates the RAG rating is judged on', () => {
  it('falls back to the due date when the revised one is empty', () => {
    expect(effectiveDueDate({ dueDate: '2026-05-01', revisedDueDate: '' })).toBe('2026-05-01');
  });

  it('says "due today" and "1 day" in words', () => {
    const fresh = '2026-06-09T09:00:00Z';
    expect(computeRag({ status: 'in_progress', dueDate: today, lastUpdateAt: fresh }, today).reason).toBe(
      'On track: due today',
    );
    expect(
      computeRag({ status: 'in_progress', dueDate: '2026-06-11', lastUpdateAt: fresh }, today).reason,
    ).toBe('On track: due in 1 day');
    expect(computeRag({ status: 'not_started', dueDate: today }, today).reason).toBe(
      'Due today and no update yet',
    );
    expect(
      computeRag(
        { status: 'in_progress', dueDate: '2026-06-11', lastUpdateAt: '2026-05-01T09:00:00Z' },
        today,
      ).reason,
    ).toBe('Due in 1 day and no update for 40 days');
  });

  it('an override that agrees with the rules still counts as the board’s choice', () => {
    const rag = computeRag(
      {
        status: 'in_progress',
        dueDate: '2026-05-29',
        override: { rag: 'red', justification: '  Agreed at the June board  ' },
      },
      today,
    );
    expect(rag).toEqual({
      rag: 'red',
      computed: 'red',
      overridden: true,
      reason: 'Set to red by the board: Agreed at the June board (the rules give red: Overdue by 12 days)',
    });
  });
});

describe('an override’s justification', () => {
  it('accepts exactly 10 characters and asks for a justification that is missing or not text', () => {
    expect(validateOverride({ rag: 'amber', justification: '1234567890' })).toEqual([]);
    expect(validateOverride({ rag: 'amber', justification: ' 123456789 ' })).toEqual([
      'Write at least 10 characters explaining why',
    ]);
    expect(validateOverride({ rag: 'amber' })).toEqual(['Explain why the rating is overridden']);
    expect(validateOverride({ rag: 'amber', justification: 12345678901 })).toEqual([
      'Explain why the rating is overridden',
    ]);
  });

  it('the API’s schema counts the words, not the spaces around them, and says what it needs', () => {
    const padded = RagOverrideSchema.safeParse({ rag: 'green', justification: '   short      ' });
    expect(padded.success).toBe(false);
    expect(padded.error?.issues[0]?.message).toBe('Write at least 10 characters explaining why');
    expect(
      RagOverrideSchema.parse({ rag: 'green', justification: '  Agreed at board  ' }).justification,
    ).toBe('Agreed at board');
  });

  it('refuses an invalid override with every problem named', () => {
    expect(() =>
      computeRag(
        { status: 'in_progress', dueDate: today, override: { rag: 'purple' as 'red', justification: '' } },
        today,
      ),
    ).toThrow(new InvalidOverrideError('Choose red, amber or green; Explain why the rating is overridden'));
  });
});

describe('dates with a two-digit year or stray characters', () => {
  it('refuses year 0050 rather than reading it as 1950', () => {
    expect(() => daysBetween('0050-01-01', today)).toThrow(/No such date: 0050-01-01/);
  });

  it('refuses anything before or after the date', () => {
    expect(() => daysBetween('x2026-06-01', today)).toThrow(InvalidDateError);
    expect(() => daysBetween('2026-06-01x', today)).toThrow(InvalidDateError);
    expect(() => addDays('2026-06-01T10:00:00Z', 1)).toThrow(InvalidDateError);
  });
});
