import { describe, expect, it } from 'vitest';
import type { LevelNumber } from '../../shared/guidance/schema.ts';
import {
  agreementFromMatrix,
  byAgencyAndQuarter,
  emptyMatrix,
  InvalidMatrixError,
  matrixFromPairs,
  quarterOf,
} from '../../shared/referrals/consistency.ts';

describe('every referral counted, however many share a cell', () => {
  it('counts a pair repeated in one agency-quarter as many times as it happened', () => {
    const rows = [
      { agencyId: 'school-b', quarter: '2026-Q3', suggested: 2, decided: 2 },
      { agencyId: 'school-b', quarter: '2026-Q3', suggested: 2, decided: 2 },
      { agencyId: 'school-b', quarter: '2026-Q3', suggested: 2, decided: 2 },
      { agencyId: 'school-b', quarter: '2026-Q3', suggested: 3, decided: 2 },
      { agencyId: 'school-b', quarter: '2026-Q3', suggested: 3, decided: 2 },
    ] as const;
    const [group] = byAgencyAndQuarter(rows);
    expect(group?.matrix).toEqual([
      [0, 0, 0, 0],
      [0, 3, 0, 0],
      [0, 2, 0, 0],
      [0, 0, 0, 0],
    ]);
    expect(group).toMatchObject({ n: 5, agreed: 3, agreementPct: 60 });
  });

  it('counts repeated pairs in the list version too', () => {
    const pair = { suggested: 4, decided: 1 } as const;
    expect(matrixFromPairs([pair, pair, { suggested: 1, decided: 4 }])).toEqual([
      [0, 0, 0, 1],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [2, 0, 0, 0],
    ]);
  });

  it('keeps agencies and quarters apart when one of them is shared', () => {
    const groups = byAgencyAndQuarter([
      { agencyId: 'a', quarter: '2026-Q1', suggested: 1, decided: 1 },
      { agencyId: 'a', quarter: '2026-Q2', suggested: 1, decided: 1 },
      { agencyId: 'b', quarter: '2026-Q1', suggested: 1, decided: 1 },
    ]);
    expect(groups.map((g) => `${g.agencyId} ${g.quarter} ${g.n}`)).toEqual([
      'a 2026-Q1 1',
      'a 2026-Q2 1',
      'b 2026-Q1 1',
    ]);
  });
});

describe('a level outside 1–4 is refused, never dropped', () => {
  it.each([0, 5, 2.5, Number.NaN])('refuses suggested or decided level %s by agency and quarter', (bad) => {
    const good = { agencyId: 'a', quarter: '2026-Q1', suggested: 2, decided: 2 } as const;
    expect(() => byAgencyAndQuarter([good, { ...good, suggested: bad as LevelNumber }])).toThrow(
      /The suggested level must be 1 to 4/,
    );
    expect(() => byAgencyAndQuarter([good, { ...good, decided: bad as LevelNumber }])).toThrow(
      /The decided level must be 1 to 4/,
    );
    expect(() => matrixFromPairs([{ suggested: 2, decided: bad as LevelNumber }])).toThrow(
      /The decided level must be 1 to 4/,
    );
  });

  it('accepts the ends of the scale', () => {
    expect(agreementFromMatrix(matrixFromPairs([{ suggested: 1, decided: 4 }])).n).toBe(1);
  });
});

describe('the count matrix', () => {
  it('starts as sixteen zeros, each row its own', () => {
    const matrix = emptyMatrix();
    expect(matrix).toEqual([
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
    const first = matrix[0];
    if (first) first[0] = 1;
    expect(matrix[1]?.[0]).toBe(0);
  });

  it('refuses a row of the wrong length, and a count that is not a whole number', () => {
    expect(() =>
      agreementFromMatrix([
        [0, 0, 0, 0],
        [0, 0, 0],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
      ]),
    ).toThrow(/4×4/);
    const half = emptyMatrix();
    (half[1] as number[])[1] = 0.5;
    expect(() => agreementFromMatrix(half)).toThrow(/whole numbers, 0 or more, not 0.5/);
    const missing = emptyMatrix() as (number | null)[][];
    (missing[0] as (number | null)[])[0] = null;
    expect(() => agreementFromMatrix(missing as number[][])).toThrow(InvalidMatrixError);
    expect(() => agreementFromMatrix(missing as number[][])).toThrow(/whole numbers, 0 or more, not null/);
  });

  it('gives weighted kappa less credit for a decision three levels away than one level away', () => {
    const near = agreementFromMatrix([
      [5, 0, 0, 0],
      [0, 5, 2, 0],
      [0, 2, 5, 0],
      [0, 0, 0, 5],
    ]);
    const far = agreementFromMatrix([
      [5, 0, 0, 2],
      [0, 5, 0, 0],
      [0, 0, 5, 0],
      [2, 0, 0, 5],
    ]);
    expect(near.kappa).toBeCloseTo(far.kappa ?? Number.NaN, 10);
    expect(near.weightedKappa).toBeGreaterThan(far.weightedKappa ?? 1);
  });
});

describe('quarters of real dates only', () => {
  it.each(['2026-02-30', '2026-06-31', '2026-13-01', '2026-00-10', '2026-04-00'])('refuses %s', (date) => {
    expect(() => quarterOf(date)).toThrow(RangeError);
  });

  it('refuses a timestamp on a day that does not exist rather than rolling it into the next quarter', () => {
    // 31 June would roll into 1 July: counted in Q3 for a decision that never happened in Q3.
    expect(() => quarterOf('2026-06-31T10:00:00Z')).toThrow(/Not an ISO date/);
    expect(() => quarterOf('2026-02-30T10:00:00Z')).toThrow(RangeError);
  });

  it('puts the last day of each quarter in it and the next day in the next', () => {
    expect(['2026-03-31', '2026-04-01', '2026-06-30', '2026-07-01', '2026-12-31'].map(quarterOf)).toEqual([
      '2026-Q1',
      '2026-Q2',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
    ]);
    expect(quarterOf('2028-02-29T12:00:00Z')).toBe('2028-Q1');
  });

  it('refuses what is not a date, and says so', () => {
    for (const value of ['', 'Q3 2026', '2026-06', '2026-06-01x', '2026-06-01T99:00:00Z', 'yesterday']) {
      expect(() => quarterOf(value)).toThrow(`Not an ISO date: ${JSON.stringify(value)}`);
    }
  });

  it('says why kappa is missing when everyone used one level', () => {
    const one = emptyMatrix();
    (one[1] as number[])[1] = 6;
    expect(agreementFromMatrix(one).kappaNote).toBe(
      'Every referral was suggested and decided at the same single level, so chance agreement is 100% ' +
        'and kappa is undefined (0/0); the agreement percentage still applies',
    );
  });
});
