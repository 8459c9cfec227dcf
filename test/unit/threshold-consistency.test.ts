import { describe, expect, it } from 'vitest';
import type { LevelNumber } from '../../shared/guidance/schema.ts';
import {
  agreement,
  agreementFromMatrix,
  byAgencyAndQuarter,
  matrixFromPairs,
  quarterOf,
} from '../../shared/referrals/consistency.ts';

/** Rows: the level the referrer's indicators suggested (1–4); columns: the level the front door set. */
type Matrix = number[][];

/** The pairs a matrix counts, so the list version can be checked against the same hand-worked figures. */
function pairsOf(matrix: Matrix): { suggested: LevelNumber; decided: LevelNumber }[] {
  return matrix.flatMap((row, s) =>
    row.flatMap((count, d) =>
      Array.from({ length: count }, () => ({
        suggested: (s + 1) as LevelNumber,
        decided: (d + 1) as LevelNumber,
      })),
    ),
  );
}

describe('threshold agreement and Cohen’s kappa, against hand-worked examples', () => {
  it('gives kappa 1 for perfect agreement across several levels', () => {
    // n = 10, all on the diagonal: 3 at level 1, 2 at level 2, 4 at level 3, 1 at level 4.
    // po = 10/10 = 1. Row and column totals are both 3, 2, 4, 1, so
    // pe = (3·3 + 2·2 + 4·4 + 1·1) / 10² = 30/100 = 0.3.
    // kappa = (1 − 0.3) / (1 − 0.3) = 1.
    const matrix = [
      [3, 0, 0, 0],
      [0, 2, 0, 0],
      [0, 0, 4, 0],
      [0, 0, 0, 1],
    ];
    const result = agreementFromMatrix(matrix);
    expect(result).toMatchObject({ n: 10, agreed: 10, agreementPct: 100 });
    expect(result.kappa).toBeCloseTo(1, 10);
    expect(result.weightedKappa).toBeCloseTo(1, 10);
    expect(result.kappaNote).toBeUndefined();
  });

  it('gives kappa 0 when agreement is exactly what chance predicts, though a quarter agreed', () => {
    // One referral in every cell: n = 16, 4 on the diagonal, po = 4/16 = 0.25.
    // Every row and column total is 4, so pe = 4 × (4·4) / 16² = 64/256 = 0.25.
    // kappa = (0.25 − 0.25) / (1 − 0.25) = 0. The same independence makes weighted kappa 0.
    const matrix = [
      [1, 1, 1, 1],
      [1, 1, 1, 1],
      [1, 1, 1, 1],
      [1, 1, 1, 1],
    ];
    const result = agreementFromMatrix(matrix);
    expect(result).toMatchObject({ n: 16, agreed: 4, agreementPct: 25, kappa: 0, weightedKappa: 0 });
  });

  it('gives a negative kappa when referrers and the front door agree less than chance would', () => {
    // Levels 1 and 2 only: 1 agreed at each, 4 suggested 1 but set 2, 4 suggested 2 but set 1.
    // n = 10, po = 2/10 = 0.2. Rows 5, 5; columns 5, 5: pe = (5·5 + 5·5) / 100 = 0.5.
    // kappa = (0.2 − 0.5) / (1 − 0.5) = −0.3 / 0.5 = −0.6.
    const matrix = [
      [1, 4, 0, 0],
      [4, 1, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ];
    const result = agreementFromMatrix(matrix);
    expect(result.agreementPct).toBe(20);
    expect(result.kappa).toBeCloseTo(-0.6, 10);
  });

  it('reproduces the textbook two-level example (po 0.7, pe 0.5, kappa 0.4) on levels 2 and 3', () => {
    // 100 referrals at levels 2 and 3: 35 agreed at each, 15 each way apart.
    // po = 70/100 = 0.7. Rows 50, 50; columns 50, 50: pe = (50·50 + 50·50) / 100² = 0.5.
    // kappa = (0.7 − 0.5) / (1 − 0.5) = 0.4. Levels 1 and 4, unused, change nothing.
    const matrix = [
      [0, 0, 0, 0],
      [0, 35, 15, 0],
      [0, 15, 35, 0],
      [0, 0, 0, 0],
    ];
    expect(agreementFromMatrix(matrix).kappa).toBeCloseTo(0.4, 10);
    expect(agreementFromMatrix(matrix).agreementPct).toBe(70);
  });

  it('extends the textbook example to all four levels (kappa 0.6, linearly weighted 0.76)', () => {
    // n = 100, every row and column totals 25; diagonal 18 + 17 + 17 + 18 = 70, the other 30 all one
    // level apart. po = 0.7; pe = 4 × (25·25) / 100² = 0.25; kappa = (0.7 − 0.25) / 0.75 = 0.6.
    // Weighted (1 on the diagonal, 2/3 one level apart, 1/3 two apart, 0 three apart):
    //   po_w = (70 + 30 × 2/3) / 100 = 0.9;
    //   pe_w = (1/16) × (4 × 1 + 6 × 2/3 + 4 × 1/3 + 2 × 0) = (1/16) × 28/3 = 7/12;
    //   kappa_w = (0.9 − 7/12) / (1 − 7/12) = (19/60) / (25/60) = 0.76.
    const matrix = [
      [18, 7, 0, 0],
      [7, 17, 1, 0],
      [0, 1, 17, 7],
      [0, 0, 7, 18],
    ];
    const result = agreementFromMatrix(matrix);
    expect(result).toMatchObject({ n: 100, agreed: 70, agreementPct: 70 });
    expect(result.kappa).toBeCloseTo(0.6, 10);
    expect(result.weightedKappa).toBeCloseTo(0.76, 10);
    // The list version gives the same answer, by building the same matrix.
    const fromList = agreement(pairsOf(matrix));
    expect(fromList).toEqual(result);
    expect(matrixFromPairs(pairsOf(matrix))).toEqual(matrix);
  });

  it('gives an agency with one referral its 100% or 0%, but no kappa, and says why', () => {
    // One agreeing referral: po = 1 and pe = 1, so kappa is 0/0. One disagreeing referral would give
    // 0 / 1 = 0, which would read as "no better than chance" on a single case: also null.
    const agreed = agreement([{ suggested: 2, decided: 2 }]);
    expect(agreed).toMatchObject({ n: 1, agreed: 1, agreementPct: 100, kappa: null, weightedKappa: null });
    expect(agreed.kappaNote).toMatch(/only one referral/i);
    const disagreed = agreement([{ suggested: 2, decided: 3 }]);
    expect(disagreed).toMatchObject({ n: 1, agreed: 0, agreementPct: 0, kappa: null });
    expect(disagreed.kappaNote).toMatch(/only one referral/i);
  });

  it('gives no kappa when every referral was suggested and decided at one level (pe = 1)', () => {
    // 6 referrals, all suggested and set at level 3: po = 1, pe = 6·6 / 6² = 1, kappa = 0/0.
    const result = agreement(Array.from({ length: 6 }, () => ({ suggested: 3, decided: 3 }) as const));
    expect(result).toMatchObject({ n: 6, agreementPct: 100, kappa: null });
    expect(result.kappaNote).toMatch(/same single level/);
  });

  it('gives nothing for no referrals, and says so', () => {
    const result = agreement([]);
    expect(result).toMatchObject({ n: 0, agreed: 0, agreementPct: null, kappa: null, weightedKappa: null });
    expect(result.kappaNote).toMatch(/No referrals/);
  });

  it('refuses a matrix that is not 4×4 whole counts, and a level outside 1–4', () => {
    expect(() => agreementFromMatrix([[1, 0, 0, 0]])).toThrow(/4×4/);
    const negative = [
      [1, 0, 0, 0],
      [0, -1, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ];
    expect(() => agreementFromMatrix(negative)).toThrow(/whole numbers/);
    expect(() => agreement([{ suggested: 5 as LevelNumber, decided: 1 }])).toThrow(/suggested level/);
  });

  it('refuses a matrix with a count hidden by small-number suppression, rather than reading it as 0', () => {
    // Taken as 0, the hidden 3 would give 8 of 8 agreed and kappa 1 for what is 8 of 11.
    const hidden = [
      [4, { suppressed: true }, 0, 0],
      [0, 4, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ] as unknown as number[][];
    expect(() => agreementFromMatrix(hidden)).toThrow(/not shown.*full counts/);
  });
});

describe('by agency and quarter', () => {
  it('puts dates in calendar quarters, timestamps on their UTC date', () => {
    expect(quarterOf('2026-01-01')).toBe('2026-Q1');
    expect(quarterOf('2026-03-31')).toBe('2026-Q1');
    expect(quarterOf('2026-04-01')).toBe('2026-Q2');
    expect(quarterOf('2026-09-30')).toBe('2026-Q3');
    expect(quarterOf('2026-12-31')).toBe('2026-Q4');
    expect(quarterOf('2026-03-31T23:30:00Z')).toBe('2026-Q1');
    expect(quarterOf('2026-03-31T23:30:00-01:00')).toBe('2026-Q2');
    expect(() => quarterOf('31/03/2026')).toThrow();
  });

  it('gives each agency its own figure for each quarter, in order', () => {
    const rows = [
      { agencyId: 'school-b', quarter: '2026-Q3', suggested: 2, decided: 2 },
      { agencyId: 'gp-a', quarter: '2026-Q3', suggested: 3, decided: 2 },
      { agencyId: 'school-b', quarter: '2026-Q2', suggested: 2, decided: 3 },
      { agencyId: 'school-b', quarter: '2026-Q3', suggested: 3, decided: 3 },
      { agencyId: 'school-b', quarter: '2026-Q3', suggested: 2, decided: 3 },
    ] as const;
    const groups = byAgencyAndQuarter(rows);
    expect(groups.map((g) => [g.agencyId, g.quarter, g.n, g.agreed])).toEqual([
      ['gp-a', '2026-Q3', 1, 0],
      ['school-b', '2026-Q2', 1, 0],
      ['school-b', '2026-Q3', 3, 2],
    ]);
    // school-b in Q3: suggested 2→2, 3→3, 2→3. po = 2/3; rows (level 2, 3) = 2, 1; columns = 1, 2;
    // pe = (2·1 + 1·2) / 9 = 4/9; kappa = (2/3 − 4/9) / (1 − 4/9) = (2/9) / (5/9) = 0.4.
    expect(groups[2]?.kappa).toBeCloseTo(0.4, 10);
    expect(groups[0]?.kappa).toBeNull();
  });
});
