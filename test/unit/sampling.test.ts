import { describe, expect, it } from 'vitest';
import { seededRandom, shuffled, stratifiedSample } from '../../shared/platform/sampling.ts';

interface Case {
  id: string;
  agency: string;
}

/** Decided referrals from three agencies: 12 from the school, 5 from health, 1 from the police. */
const CASES: Case[] = [
  ...Array.from({ length: 12 }, (_, i) => ({
    id: `r-school-${String(i).padStart(2, '0')}`,
    agency: 'school',
  })),
  ...Array.from({ length: 5 }, (_, i) => ({ id: `r-health-${i}`, agency: 'health' })),
  { id: 'r-police-0', agency: 'police' },
];
const draw = (items: readonly Case[], size: number, seed: string) =>
  stratifiedSample(items, { size, seed, idOf: (c) => c.id, groupOf: (c) => c.agency });
const ids = (sample: Case[]) => sample.map((c) => c.id);

describe('reproducible samples', () => {
  it('draws the same sample from the same seed, whatever order the records come in', () => {
    const first = draw(CASES, 8, '2026-12#audit-front-door');
    expect(ids(draw(CASES, 8, '2026-12#audit-front-door'))).toEqual(ids(first));
    expect(ids(draw([...CASES].reverse(), 8, '2026-12#audit-front-door'))).toEqual(ids(first));
    expect(ids(draw(shuffled(CASES, seededRandom('any order')), 8, '2026-12#audit-front-door'))).toEqual(
      ids(first),
    );
  });

  it('draws other samples from other seeds', () => {
    const samples = new Set(
      ['a', 'b', 'c', 'd', 'e'].map((seed) =>
        ids(draw(CASES, 8, seed))
          .sort()
          .join(),
      ),
    );
    expect(samples.size).toBeGreaterThan(1);
  });

  it('gives every agency a case while the sample has room, and never a case twice', () => {
    for (const seed of ['one', 'two', 'three', 'four']) {
      const sample = draw(CASES, 8, seed);
      expect(sample).toHaveLength(8);
      expect(new Set(ids(sample)).size).toBe(8);
      expect(new Set(sample.map((c) => c.agency))).toEqual(new Set(['school', 'health', 'police']));
    }
  });

  it('with less room than agencies, takes each case from a different agency', () => {
    const sample = draw(CASES, 2, 'small');
    expect(new Set(sample.map((c) => c.agency)).size).toBe(2);
  });

  it('takes everything when asked for more than there is, and nothing when asked for none', () => {
    expect(ids(draw(CASES, 50, 'all')).sort()).toEqual(ids(CASES).sort());
    expect(draw(CASES, 0, 'none')).toEqual([]);
    expect(() => draw(CASES, -1, 'bad')).toThrow(RangeError);
  });

  it('gives a larger agency more of the sample, as chance would', () => {
    const big = [
      ...Array.from({ length: 90 }, (_, i) => ({ id: `a-${String(i).padStart(2, '0')}`, agency: 'school' })),
      ...Array.from({ length: 10 }, (_, i) => ({ id: `b-${i}`, agency: 'charity' })),
    ];
    const sample = draw(big, 20, 'proportion');
    const school = sample.filter((c) => c.agency === 'school').length;
    expect(school).toBeGreaterThan(20 - school);
    expect(sample.some((c) => c.agency === 'charity')).toBe(true);
  });

  it('has a generator whose numbers lie in [0, 1) and repeat from the same seed', () => {
    const a = seededRandom('seed');
    const b = seededRandom('seed');
    const values = Array.from({ length: 1000 }, () => a());
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(Array.from({ length: 1000 }, () => b())).toEqual(values);
    expect(new Set(values).size).toBeGreaterThan(990);
  });
});
