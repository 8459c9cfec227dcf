import { describe, expect, it } from 'vitest';
import {
  addDays,
  canClose,
  computeRag,
  daysBetween,
  effectiveDueDate,
  InvalidOverrideError,
  needsEscalation,
  RagOverrideSchema,
  validateOverride,
} from '../../shared/board/rules.ts';

const today = '2026-06-10';

describe('dates', () => {
  it('counts whole days across the change to British Summer Time and a leap day', () => {
    // Clocks went forward on Sunday 29 March 2026: still two days, not 1.96.
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-06-10', '2026-06-01')).toBe(-9);
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
  });

  it('refuses dates that do not exist or are not YYYY-MM-DD', () => {
    expect(() => daysBetween('2026-02-30', today)).toThrow(/No such date/);
    expect(() => daysBetween('10/06/2026', today)).toThrow(/YYYY-MM-DD/);
  });

  it('judges against the revised due date when there is one', () => {
    expect(effectiveDueDate({ dueDate: '2026-05-01', revisedDueDate: '2026-09-01' })).toBe('2026-09-01');
    expect(effectiveDueDate({ dueDate: '2026-05-01' })).toBe('2026-05-01');
  });
});

describe('the computed RAG rating', () => {
  it('is red and says by how much when the due date has passed', () => {
    const rag = computeRag(
      { status: 'in_progress', dueDate: '2026-05-29', lastUpdateAt: '2026-06-09T09:00:00Z' },
      today,
    );
    expect(rag).toEqual({ rag: 'red', computed: 'red', overridden: false, reason: 'Overdue by 12 days' });
    expect(computeRag({ status: 'in_progress', dueDate: '2026-06-09' }, today).reason).toBe(
      'Overdue by 1 day',
    );
  });

  it('is not overdue on the due date itself, nor when the due date was revised to a later one', () => {
    const fresh = '2026-06-01T12:00:00Z';
    expect(computeRag({ status: 'in_progress', dueDate: today, lastUpdateAt: fresh }, today).rag).toBe(
      'green',
    );
    const revised = computeRag(
      { status: 'in_progress', dueDate: '2026-05-01', revisedDueDate: '2026-08-01', lastUpdateAt: fresh },
      today,
    );
    expect(revised.rag).toBe('green');
  });

  it('is green when complete, even past its due date', () => {
    expect(computeRag({ status: 'complete', dueDate: '2026-01-01' }, today)).toMatchObject({
      rag: 'green',
      reason: 'Complete',
    });
  });

  it('is amber when due within 14 days and not updated in the last 30, and says both numbers', () => {
    const rag = computeRag(
      { status: 'in_progress', dueDate: '2026-06-19', lastUpdateAt: '2026-04-30T10:00:00Z' },
      today,
    );
    expect(rag).toMatchObject({ rag: 'amber', reason: 'Due in 9 days and no update for 41 days' });
    expect(computeRag({ status: 'not_started', dueDate: '2026-06-15' }, today)).toMatchObject({
      rag: 'amber',
      reason: 'Due in 5 days and no update yet',
    });
  });

  it('draws the lines at 14 days to go and 30 days since the update', () => {
    const at = (dueDate: string, lastUpdateAt: string) =>
      computeRag({ status: 'in_progress', dueDate, lastUpdateAt }, today).rag;
    const due14 = addDays(today, 14);
    const due15 = addDays(today, 15);
    expect(at(due14, '2026-05-11T08:00:00Z')).toBe('green'); // updated 30 days ago: recent enough
    expect(at(due14, '2026-05-10T08:00:00Z')).toBe('amber'); // 31 days ago: stale
    expect(at(due15, '2026-01-01T08:00:00Z')).toBe('green'); // stale but 15 days to go
  });

  it('makes a blocked action amber at least, and says it is blocked', () => {
    const blocked = computeRag(
      { status: 'blocked', dueDate: '2026-12-01', lastUpdateAt: '2026-06-09T09:00:00Z' },
      today,
    );
    expect(blocked.rag).toBe('amber');
    expect(blocked.reason).toMatch(/^Blocked/);
    const both = computeRag(
      { status: 'blocked', dueDate: '2026-06-19', lastUpdateAt: '2026-04-30T10:00:00Z' },
      today,
    );
    expect(both.reason).toBe(
      'Due in 9 days and no update for 41 days; Blocked, so amber at least until it is unblocked',
    );
  });

  it('makes a blocked action red once it is overdue', () => {
    expect(computeRag({ status: 'blocked', dueDate: '2026-06-01' }, today).rag).toBe('red');
  });
});

describe('overriding the RAG rating', () => {
  it('shows the override but keeps the computed rating and the justification in view', () => {
    const rag = computeRag(
      {
        status: 'in_progress',
        dueDate: '2026-05-29',
        override: { rag: 'amber', justification: 'Funding agreed at the executive on 3 June' },
      },
      today,
    );
    expect(rag.rag).toBe('amber');
    expect(rag.computed).toBe('red');
    expect(rag.overridden).toBe(true);
    expect(rag.reason).toContain('Funding agreed at the executive on 3 June');
    expect(rag.reason).toContain('Overdue by 12 days');
  });

  it('needs a written justification of at least 10 characters', () => {
    expect(validateOverride({ rag: 'green', justification: '' })).toEqual([
      'Explain why the rating is overridden',
    ]);
    expect(validateOverride({ rag: 'green', justification: '   too short   ' })).toEqual([
      'Write at least 10 characters explaining why',
    ]);
    expect(validateOverride({ rag: 'purple', justification: 'Agreed at the board' })).toEqual([
      'Choose red, amber or green',
    ]);
    expect(validateOverride({ rag: 'green', justification: 'Agreed at the board' })).toEqual([]);
    expect(RagOverrideSchema.safeParse({ rag: 'green', justification: 'short' }).success).toBe(false);
    expect(() =>
      computeRag(
        { status: 'in_progress', dueDate: today, override: { rag: 'green', justification: 'ok' } },
        today,
      ),
    ).toThrow(InvalidOverrideError);
  });
});

describe('escalation to the executive group', () => {
  const base = { effectiveDueDate: '2026-07-01', status: 'in_progress' as const };

  it('escalates an action red at its two latest updates, not red twice with amber between', () => {
    expect(needsEscalation({ ...base, ragHistory: ['green', 'red', 'red'] }, today)).toEqual({
      escalate: true,
      reasons: ['Red for two consecutive updates'],
    });
    expect(needsEscalation({ ...base, ragHistory: ['red', 'amber', 'red'] }, today).escalate).toBe(false);
    expect(needsEscalation({ ...base, ragHistory: ['red'] }, today).escalate).toBe(false);
  });

  it('escalates an action overdue by more than 28 days: 29 yes, 28 no', () => {
    const overdue = (days: number) =>
      needsEscalation(
        { ragHistory: [], status: 'in_progress', effectiveDueDate: addDays(today, -days) },
        today,
      );
    expect(overdue(29)).toEqual({ escalate: true, reasons: ['Overdue by 29 days (more than 28)'] });
    expect(overdue(28).escalate).toBe(false);
  });

  it('never escalates a complete action', () => {
    expect(
      needsEscalation(
        { ragHistory: ['red', 'red'], status: 'complete', effectiveDueDate: '2026-01-01' },
        today,
      ),
    ).toEqual({ escalate: false, reasons: [] });
  });
});

describe('closing an action', () => {
  const signOff = { by: 'Chair of the partnership', at: '2026-06-10T10:00:00Z' };

  it('needs evidence and a sign-off, and names what is missing', () => {
    expect(canClose({ evidence: [] })).toEqual({
      ok: false,
      reasons: [
        'Add at least one piece of evidence before closing the action',
        'Record who signed off the action, and when, before closing it',
      ],
    });
    expect(canClose({ evidence: [{ title: 'Audit report, May 2026' }] })).toEqual({
      ok: false,
      reasons: ['Record who signed off the action, and when, before closing it'],
    });
    expect(canClose({ evidence: [{ title: '  ' }], signOff })).toEqual({
      ok: false,
      reasons: ['Add at least one piece of evidence before closing the action'],
    });
  });

  it('allows closing with evidence and a sign-off', () => {
    expect(
      canClose({ evidence: [{ title: 'Audit report', url: 'https://example.org/a' }], signOff }),
    ).toEqual({
      ok: true,
    });
  });
});
