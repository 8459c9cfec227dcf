import { describe, expect, it } from 'vitest';
import { isNhsNumber } from '../../shared/referrals/form-labels.ts';
import { furtherAnswerProblems } from '../../shared/referrals/form-rules.ts';
import { completeReferral } from '../support/referral-fixtures.ts';

const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

describe('the NHS number’s check digit', () => {
  it('accepts real numbers, with or without spaces, and refuses one digit wrong or a check digit of 10', () => {
    expect(['943 476 5919', '9434765919', '401 023 2137'].map(isNhsNumber)).toEqual([true, true, true]);
    expect(['943 476 5910', '943 476 591', 'abc4765919', ''].map(isNhsNumber)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    // 10 as the remainder's complement is no check digit at all: no NHS number ends that way.
    expect(isNhsNumber('1000000010')).toBe(false);
    expect(isNhsNumber('1000000060')).toBe(true);
  });
});

describe('what the front door needs beyond the child and consent', () => {
  const {
    referrer: _r,
    referrerLevel: _l,
    strengths: _s,
    familyInformed: _f,
    police: _p,
    ...bare
  } = completeReferral();

  it('asks who to call back, their view of the level, the three questions and whether the family knows', () => {
    expect(fields(furtherAnswerProblems(bare))).toEqual([
      'referrer.role',
      'referrer.phone',
      'referrerLevel',
      'strengths.goingWell',
      'strengths.needsToChange',
      'strengths.askingFor',
      'familyInformed.told',
    ]);
    expect(furtherAnswerProblems(completeReferral())).toEqual([]);
  });

  it('asks why the family has not been told, and which language an interpreter is for', () => {
    const untold = completeReferral({ familyInformed: { told: false } });
    expect(fields(furtherAnswerProblems(untold))).toEqual(['familyInformed.whyNot']);
    const base = completeReferral();
    const interpreter = { ...base, child: { ...base.child, interpreter: { needed: true } } };
    expect(fields(furtherAnswerProblems(interpreter))).toEqual(['child.interpreter.language']);
  });

  it('asks a police referrer for the incident or crime number and the DASH level, and no one else', () => {
    const { police: _police, ...noPolice } = completeReferral();
    expect(fields(furtherAnswerProblems(noPolice, 'police'))).toEqual([
      'police.incidentNumber',
      'police.dashRisk',
    ]);
    expect(furtherAnswerProblems(noPolice, 'school')).toEqual([]);
    expect(
      furtherAnswerProblems(
        { ...noPolice, police: { crimeNumber: 'NP/26/4471', dashRisk: 'high' } },
        'police',
      ),
    ).toEqual([]);
  });

  it('checks an NHS number whoever refers, and asks nothing more of a step-up from early help', () => {
    const base = completeReferral();
    const wrong = { ...bare, child: { ...base.child, nhsNumber: '943 476 5910' } };
    const stepUp = {
      ...wrong,
      stepUpFrom: { episodeId: '01JAAAAAAAAAAAAAAAAAAAAAAA', episodeReference: 'EHE-2026-000001' },
    };
    expect(fields(furtherAnswerProblems(stepUp, 'police'))).toEqual(['child.nhsNumber']);
  });
});
