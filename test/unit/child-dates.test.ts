import { describe, expect, it } from 'vitest';
import { illustrativeFramework } from '../../infra/seed/guidance-framework.ts';
import { childDateProblems, consentRuleOf, submissionProblems } from '../../shared/referrals/rules.ts';
import { completeReferral } from '../support/referral-fixtures.ts';

// Wednesday 2 December 2026, 10:00 in the UK (GMT).
const NOW = new Date('2026-12-02T10:00:00Z');

const dob = (dateOfBirth: string) => childDateProblems({ dateOfBirth }, NOW);
const edd = (expectedDateOfBirth: string) => childDateProblems({ expectedDateOfBirth }, NOW);
const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

/** The consent rule the seeded guidance gives a level (consent needed at 1–3, not at 4). */
const ruleAt = (level: 1 | 2 | 3 | 4 | undefined) => consentRuleOf(illustrativeFramework, level);

describe('a child’s date of birth against today', () => {
  it.each(['2026-12-02', '2026-12-01', '2018-05-14', '2016-02-29', '2001-12-02'])('accepts %s', (date) => {
    expect(dob(date)).toEqual([]);
  });

  it.each([
    ['0000-01-01', 'within the last 25 years'],
    ['1899-12-31', 'within the last 25 years'],
    ['2001-12-01', 'within the last 25 years'],
    ['2026-12-03', 'today or in the past'],
    ['9999-12-31', 'today or in the past'],
    ['2026-02-30', 'a real date'],
    ['2025-02-29', 'a real date'],
    ['2026-13-01', 'a real date'],
    ['2026-1-1', 'a real date'],
  ])('refuses %s (%s), naming child.dateOfBirth', (date, why) => {
    const problems = dob(date);
    expect(fields(problems)).toEqual(['child.dateOfBirth']);
    expect(problems[0]?.reason).toContain(why);
  });

  it('takes today as the UK date: just after midnight BST, a birth that day is not in the future', () => {
    const justAfterMidnightBst = new Date('2026-06-30T23:30:00Z');
    expect(childDateProblems({ dateOfBirth: '2026-07-01' }, justAfterMidnightBst)).toEqual([]);
    expect(fields(childDateProblems({ dateOfBirth: '2026-07-02' }, justAfterMidnightBst))).toEqual([
      'child.dateOfBirth',
    ]);
  });
});

describe('an unborn child’s expected date of birth', () => {
  it.each(['2026-12-02', '2027-10-02', '2026-11-02', '2027-03-15'])('accepts %s', (date) => {
    expect(edd(date)).toEqual([]);
  });

  it.each([
    ['2027-10-03', 'within the next 10 months'],
    ['9999-12-31', 'within the next 10 months'],
    ['2026-11-01', 'has passed'],
    ['0000-01-01', 'has passed'],
    ['2027-02-29', 'a real'],
  ])('refuses %s (%s), naming child.expectedDateOfBirth', (date, why) => {
    const problems = edd(date);
    expect(fields(problems)).toEqual(['child.expectedDateOfBirth']);
    expect(problems[0]?.reason).toContain(why);
  });

  it('ends a month on its last day: ten months from 31 December is 31 October', () => {
    const newYearsEve = new Date('2026-12-31T12:00:00Z');
    expect(childDateProblems({ expectedDateOfBirth: '2027-10-31' }, newYearsEve)).toEqual([]);
    expect(fields(childDateProblems({ expectedDateOfBirth: '2027-11-01' }, newYearsEve))).toEqual([
      'child.expectedDateOfBirth',
    ]);
    // A month before 31 March is the last day of February.
    const march = new Date('2027-03-31T12:00:00Z');
    expect(childDateProblems({ expectedDateOfBirth: '2027-02-28' }, march)).toEqual([]);
    expect(fields(childDateProblems({ expectedDateOfBirth: '2027-02-27' }, march))).toEqual([
      'child.expectedDateOfBirth',
    ]);
  });
});

describe('at submission', () => {
  it('checks the dates when given the clock, naming the field', () => {
    const referral = completeReferral();
    referral.child = { ...referral.child, dateOfBirth: '9999-12-31' };
    expect(fields(submissionProblems(referral, ruleAt(2), NOW))).toEqual(['child.dateOfBirth']);
    expect(submissionProblems(completeReferral(), ruleAt(2), NOW)).toEqual([]);
  });

  it('checks nothing else: no child, no dates, no problems from this rule', () => {
    expect(childDateProblems(undefined, NOW)).toEqual([]);
    expect(childDateProblems({ firstName: 'Maisie' }, NOW)).toEqual([]);
  });
});
