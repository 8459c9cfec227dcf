import { describe, expect, it } from 'vitest';
import {
  generosity,
  generosityBy,
  type RatingPair,
  weightedKappa,
} from '../../shared/platform/rater-agreement.ts';

const times = (n: number, pair: RatingPair) => Array.from({ length: n }, () => pair);

describe('weighted kappa', () => {
  it('is 1 when the raters agree on every case, whatever the weights', () => {
    const pairs = [0, 1, 2, 3, 1].map((g) => ({ first: g, second: g }));
    expect(weightedKappa(pairs, 4, 'linear')).toBe(1);
    expect(weightedKappa(pairs, 4, 'quadratic')).toBe(1);
  });

  it('on a two-point scale is Cohen’s kappa: 20 yes-yes, 5 yes-no, 10 no-yes, 15 no-no gives 0.4', () => {
    // Observed agreement 35/50 = 0.7; by chance (25·30 + 25·20)/50² = 0.5; (0.7 − 0.5)/(1 − 0.5) = 0.4.
    const pairs = [
      ...times(20, { first: 0, second: 0 }),
      ...times(5, { first: 0, second: 1 }),
      ...times(10, { first: 1, second: 0 }),
      ...times(15, { first: 1, second: 1 }),
    ];
    expect(weightedKappa(pairs, 2, 'linear')).toBeCloseTo(0.4, 10);
  });

  // Ten cases on three points: 3 (0,0), 3 (1,1), 2 (2,2), 1 (0,1), 1 (1,2). The first rater's totals
  // are 4, 4, 2 and the second's 3, 4, 3.
  const tenCases = [
    ...times(3, { first: 0, second: 0 }),
    ...times(3, { first: 1, second: 1 }),
    ...times(2, { first: 2, second: 2 }),
    { first: 0, second: 1 },
    { first: 1, second: 2 },
  ];

  it('with linear weights, worked by hand: 1 − 0.1 / 0.42 = 16/21', () => {
    // Observed: ½·1 + ½·1 over 10 = 0.1. By chance: (½·4·4 + 1·4·3 + ½·4·3 + ½·4·3 + 1·2·3 + ½·2·4)/100 = 0.42.
    expect(weightedKappa(tenCases, 3, 'linear')).toBeCloseTo(16 / 21, 10);
  });

  it('with quadratic weights, worked by hand: 1 − 0.05 / 0.30 = 5/6', () => {
    // Observed: ¼ + ¼ over 10 = 0.05. By chance: (¼·16 + 12 + ¼·12 + ¼·12 + 6 + ¼·8)/100 = 0.30.
    expect(weightedKappa(tenCases, 3)).toBeCloseTo(5 / 6, 10);
  });

  it('counts a disagreement of two steps as worse than one of a step', () => {
    const near = [
      ...times(4, { first: 1, second: 1 }),
      { first: 0, second: 1 },
      { first: 2, second: 2 },
      { first: 3, second: 3 },
    ];
    const far = [
      ...times(4, { first: 1, second: 1 }),
      { first: 0, second: 2 },
      { first: 2, second: 2 },
      { first: 3, second: 3 },
    ];
    expect(weightedKappa(near, 4) ?? 0).toBeGreaterThan(weightedKappa(far, 4) ?? 0);
  });

  it('is below 0 when the raters disagree more than chance would', () => {
    const opposite = [...times(5, { first: 0, second: 1 }), ...times(5, { first: 1, second: 0 })];
    expect(weightedKappa(opposite, 2, 'linear')).toBeCloseTo(-1, 10);
  });

  it('is undefined with no cases, or when both gave one grade to everything', () => {
    expect(weightedKappa([], 4)).toBeNull();
    expect(weightedKappa(times(6, { first: 2, second: 2 }), 4)).toBeNull();
  });

  it('refuses a rating off the scale', () => {
    expect(() => weightedKappa([{ first: 4, second: 0 }], 4)).toThrow(RangeError);
    expect(() => weightedKappa([{ first: 0.5, second: 0 }], 4)).toThrow(RangeError);
    expect(() => weightedKappa([{ first: 0, second: 0 }], 1)).toThrow(RangeError);
  });
});

describe('generosity', () => {
  it('counts the first grades better than the moderated one (a smaller rank)', () => {
    const result = generosity([
      { first: 1, agreed: 2 }, // good, moderated to requires improvement: generous
      { first: 0, agreed: 1 }, // outstanding, moderated to good: generous
      { first: 2, agreed: 2 },
      { first: 3, agreed: 2 }, // harsher than agreed
      { first: 1, agreed: 1 },
    ]);
    expect(result).toEqual({ rated: 5, higher: 2, lower: 1, rate: 0.4 });
  });

  it('has no rate when nothing was graded', () => {
    expect(generosity([])).toEqual({ rated: 0, higher: 0, lower: 0, rate: null });
  });

  it('is worked out for each auditor’s agency apart', () => {
    const by = generosityBy(
      [
        { agency: 'police', first: 1, agreed: 2 },
        { agency: 'health', first: 2, agreed: 2 },
        { agency: 'police', first: 1, agreed: 1 },
        { agency: 'health', first: 1, agreed: 2 },
        { agency: 'police', first: 0, agreed: 2 },
      ],
      (r) => r.agency,
    );
    expect([...by.keys()]).toEqual(['police', 'health']);
    expect(by.get('police')?.rate).toBeCloseTo(2 / 3, 10);
    expect(by.get('health')?.rate).toBe(0.5);
  });
});
