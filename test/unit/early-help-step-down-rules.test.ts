import { describe, expect, it } from 'vitest';
import { STEP_DOWN_RECORDED_WITHIN_WEEKS, stepDownProblems } from '../../shared/early-help/rules.ts';
import type { StepDownInput } from '../../shared/early-help/schema.ts';
import { stepDownInput } from '../support/step-down-fixtures.ts';

/** What a step-down from social care needs beyond its shape, against a clock at noon on 15 June 2026. */
const NOW = new Date('2026-06-15T11:00:00Z');
const input = (change: Partial<StepDownInput> = {}): StepDownInput =>
  ({ ...stepDownInput('CSC-1', '2026-06-12'), ...change }) as StepDownInput;
const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

describe('a step-down from social care', () => {
  it('passes with the child, an adult with parental responsibility and consent given', () => {
    expect(stepDownProblems(input(), NOW)).toEqual([]);
  });

  it('names the child and where she lives, as a referral must, so it can be stepped up again', () => {
    const problems = stepDownProblems(input({ child: { firstName: ' ' } }), NOW);
    expect(fields(problems)).toEqual([
      'child.firstName',
      'child.lastName',
      'child.dateOfBirth',
      'child.address',
    ]);
    const whereabouts = input({
      child: { ...input().child, address: undefined, currentWhereabouts: 'With her aunt' },
    });
    expect(stepDownProblems(whereabouts, NOW)).toEqual([]);
  });

  it('needs an adult with parental responsibility', () => {
    const adult = {
      name: 'Lee Marchbank',
      relationship: 'Uncle',
      parentalResponsibility: false,
      doNotContact: false,
    };
    expect(fields(stepDownProblems(input({ household: { adults: [adult] } }), NOW))).toEqual([
      'household.adults',
    ]);
  });

  it('needs the family’s consent: early help is offered, never imposed', () => {
    expect(fields(stepDownProblems(input({ consent: undefined }), NOW))).toEqual(['consent.status']);
    const refused = input({ consent: { status: 'refused', byWhom: 'Dawn Marchbank', date: '2026-06-12' } });
    expect(fields(stepDownProblems(refused, NOW))).toEqual(['consent.status']);
  });

  it('happened today or in the last 13 weeks, judged by the UK date', () => {
    expect(STEP_DOWN_RECORDED_WITHIN_WEEKS).toBe(13);
    const on = (steppedDownOn: string, now = NOW) => fields(stepDownProblems(input({ steppedDownOn }), now));
    expect(on('2026-06-15')).toEqual([]);
    expect(on('2026-06-16')).toEqual(['steppedDownOn']);
    // 13 weeks before 15 June is 16 March: that day is in, the day before is not.
    expect(on('2026-03-16')).toEqual([]);
    expect(on('2026-03-15')).toEqual(['steppedDownOn']);
    // 23:30 on 15 June in UTC is already 16 June in London (BST).
    expect(on('2026-06-16', new Date('2026-06-15T23:30:00Z'))).toEqual([]);
  });
});
