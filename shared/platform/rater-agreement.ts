/**
 * How far two people's ratings of the same cases agree, on an ordinal scale (the four-point scale
 * case audits use, rank 0 the best): Cohen's weighted kappa, and how often a first rating was more
 * favourable than the one agreed in the end ("generosity"). Pure, so a dashboard and its tests
 * compute the same figures.
 */

/** Two ratings of one case, each a rank on a scale of `categories` points (0 the most favourable). */
export interface RatingPair {
  first: number;
  second: number;
}

export type KappaWeights = 'linear' | 'quadratic';

function checkRank(rank: number, categories: number): void {
  if (!Number.isInteger(rank) || rank < 0 || rank >= categories)
    throw new RangeError(`A rating must be a whole rank from 0 to ${categories - 1}, not ${rank}`);
}

/**
 * Cohen's weighted kappa: 1 − Σ w·observed / Σ w·expected, where `observed` is the share of cases
 * in each cell of the two raters' table, `expected` what the raters' own totals would give by chance,
 * and w the disagreement weight of a cell (|i − j| / (k − 1), squared for quadratic weights).
 * 1 is full agreement, 0 no better than chance, below 0 worse. Null when it is undefined: no cases,
 * or totals that leave no room for disagreement by chance (both raters gave one grade to every case).
 */
export function weightedKappa(
  pairs: readonly RatingPair[],
  categories: number,
  weights: KappaWeights = 'quadratic',
): number | null {
  if (!Number.isInteger(categories) || categories < 2)
    throw new RangeError('A scale needs two points or more');
  if (pairs.length === 0) return null;
  const n = pairs.length;
  const rows = new Array<number>(categories).fill(0);
  const columns = new Array<number>(categories).fill(0);
  const cells = Array.from({ length: categories }, () => new Array<number>(categories).fill(0));
  for (const { first, second } of pairs) {
    checkRank(first, categories);
    checkRank(second, categories);
    (cells[first] as number[])[second] = ((cells[first] as number[])[second] ?? 0) + 1;
    rows[first] = (rows[first] ?? 0) + 1;
    columns[second] = (columns[second] ?? 0) + 1;
  }
  const weight = (i: number, j: number) => {
    const linear = Math.abs(i - j) / (categories - 1);
    return weights === 'linear' ? linear : linear * linear;
  };
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < categories; i++) {
    for (let j = 0; j < categories; j++) {
      observed += (weight(i, j) * ((cells[i] as number[])[j] ?? 0)) / n;
      expected += (weight(i, j) * (rows[i] ?? 0) * (columns[j] ?? 0)) / (n * n);
    }
  }
  if (expected === 0) return null;
  return 1 - observed / expected;
}

/** A first rating beside the one agreed at moderation. */
export interface ModeratedRating {
  first: number;
  agreed: number;
}

export interface Generosity {
  /** How many first ratings there were. */
  rated: number;
  /** How many were more favourable than the agreed rating (a better rank). */
  higher: number;
  /** How many were less favourable. */
  lower: number;
  /** `higher / rated`, or null when nothing was rated. */
  rate: number | null;
}

/**
 * How often first ratings were more favourable than the moderated ones: the measure of
 * over-optimism. Rank 0 is the best, so "more favourable" is a smaller rank.
 */
export function generosity(ratings: readonly ModeratedRating[]): Generosity {
  const higher = ratings.filter((r) => r.first < r.agreed).length;
  const lower = ratings.filter((r) => r.first > r.agreed).length;
  return {
    rated: ratings.length,
    higher,
    lower,
    rate: ratings.length === 0 ? null : higher / ratings.length,
  };
}

/** Generosity for each group (an auditor's agency, a quarter), in the order the groups first appear. */
export function generosityBy<T>(
  ratings: readonly (ModeratedRating & T)[],
  groupOf: (rating: T) => string,
): Map<string, Generosity> {
  const groups = new Map<string, ModeratedRating[]>();
  for (const rating of ratings) {
    const key = groupOf(rating);
    groups.set(key, [...(groups.get(key) ?? []), rating]);
  }
  return new Map([...groups].map(([key, group]) => [key, generosity(group)]));
}
