import type { LevelNumber } from '../guidance/schema.ts';

/**
 * Threshold consistency: how often the level of need a referrer's indicators suggested
 * (1–4) matched the level the front door set, as a percentage and as Cohen's kappa, which discounts
 * the agreement two raters would reach by chance given how often each uses each level.
 *
 * The dashboard keeps counters, not lists, so everything works from a 4×4 count matrix:
 * `matrix[s - 1][d - 1]` is the number of referrals suggested at level `s` and decided at level `d`
 * (rows: suggested, columns: decided). The list version builds the matrix and calls the matrix version.
 *
 * Kappa = (po − pe) / (1 − pe), where po is the observed agreement (the diagonal over n) and pe the
 * chance agreement, Σ (row total × column total) / n². It is computed from the integer counts as
 * (n·agreed − Σ rᵢcᵢ) / (n² − Σ rᵢcᵢ), so a chance-level matrix gives exactly 0, not 1e-17.
 *
 * Kappa is null, with `kappaNote` saying why, when:
 * - n = 0: nothing to measure;
 * - n = 1: one referral agrees (pe = 1, 0/0) or disagrees (kappa would be 0, which would read as
 *   "no better than chance" on a single case); either way one referral says nothing about consistency;
 * - pe = 1: every referral was suggested and decided at the same single level. The formula is 0/0.
 *   Some report 1 by convention; we do not, because when everyone uses one level the data cannot tell
 *   consistent judgement from chance. The agreement percentage (100%) is still given.
 * Nothing is rounded: round for display.
 *
 * Only ever from the full counts: a matrix with a cell hidden by small-number suppression
 * (shared/platform/small-numbers.ts) is refused, never read as 0, because kappa from a matrix with a 3 taken
 * for 0 would be wrong and would look right. The server computes agreement before it hides anything.
 */
export type LevelMatrix = number[][];

export interface ThresholdAgreement {
  /** Referrals with both a suggested and a decided level. */
  n: number;
  /** Of those, how many were decided at the level suggested. */
  agreed: number;
  /** 0–100, null when n = 0. */
  agreementPct: number | null;
  /** Cohen's kappa, −1 to 1; null when undefined or meaningless (see `kappaNote`). */
  kappa: number | null;
  /** Why `kappa` is null; absent when it has a value. */
  kappaNote?: string;
  /**
   * Linearly weighted kappa: a decision one level away counts as 2/3 agreement, two levels 1/3, three
   * none, because the levels are ordered. Null in the same cases as `kappa`.
   */
  weightedKappa: number | null;
}

export const LEVEL_COUNT = 4;

export class InvalidMatrixError extends Error {
  override readonly name = 'InvalidMatrixError';
}

export function emptyMatrix(): LevelMatrix {
  return Array.from({ length: LEVEL_COUNT }, () => Array<number>(LEVEL_COUNT).fill(0));
}

function checkLevel(level: number, what: string): void {
  if (!Number.isInteger(level) || level < 1 || level > LEVEL_COUNT) {
    throw new InvalidMatrixError(`The ${what} level must be 1 to ${LEVEL_COUNT}, not ${level}`);
  }
}

/** The count matrix of a list of pairs. */
export function matrixFromPairs(
  pairs: readonly { suggested: LevelNumber; decided: LevelNumber }[],
): LevelMatrix {
  const matrix = emptyMatrix();
  for (const { suggested, decided } of pairs) {
    checkLevel(suggested, 'suggested');
    checkLevel(decided, 'decided');
    const row = matrix[suggested - 1];
    if (row) row[decided - 1] = (row[decided - 1] ?? 0) + 1;
  }
  return matrix;
}

function cell(matrix: readonly (readonly number[])[], s: number, d: number): number {
  return matrix[s]?.[d] ?? 0;
}

function checkMatrix(matrix: readonly (readonly number[])[]): void {
  if (matrix.length !== LEVEL_COUNT || matrix.some((row) => row.length !== LEVEL_COUNT)) {
    throw new InvalidMatrixError(`The matrix must be ${LEVEL_COUNT}×${LEVEL_COUNT}`);
  }
  for (const row of matrix) {
    for (const count of row) {
      if (typeof count === 'object' && count !== null) {
        throw new InvalidMatrixError(
          'A count is not shown (small-number suppression): agreement needs the full counts',
        );
      }
      if (!Number.isInteger(count) || count < 0) {
        throw new InvalidMatrixError(`Counts must be whole numbers, 0 or more, not ${count}`);
      }
    }
  }
}

export function agreementFromMatrix(matrix: readonly (readonly number[])[]): ThresholdAgreement {
  checkMatrix(matrix);
  const rows = [0, 1, 2, 3].map((s) => [0, 1, 2, 3].reduce((sum, d) => sum + cell(matrix, s, d), 0));
  const cols = [0, 1, 2, 3].map((d) => [0, 1, 2, 3].reduce((sum, s) => sum + cell(matrix, s, d), 0));
  const n = rows.reduce((a, b) => a + b, 0);
  const agreed = [0, 1, 2, 3].reduce((sum, i) => sum + cell(matrix, i, i), 0);
  const agreementPct = n === 0 ? null : (100 * agreed) / n;

  const none = (kappaNote: string): ThresholdAgreement => ({
    n,
    agreed,
    agreementPct,
    kappa: null,
    kappaNote,
    weightedKappa: null,
  });
  if (n === 0) return none('No referrals with both a suggested and a decided level, so nothing to measure');
  if (n === 1) return none('Only one referral: kappa needs at least two to say anything about consistency');

  // Unweighted: everything times n², so the sums stay whole numbers.
  const chance = [0, 1, 2, 3].reduce((sum, i) => sum + (rows[i] ?? 0) * (cols[i] ?? 0), 0);
  if (chance === n * n) {
    return none(
      'Every referral was suggested and decided at the same single level, so chance agreement is 100% ' +
        'and kappa is undefined (0/0); the agreement percentage still applies',
    );
  }
  const kappa = (n * agreed - chance) / (n * n - chance);

  // Linear weights times 3: 3 on the diagonal, 2 one level apart, 1 two apart, 0 three apart.
  const weight = (s: number, d: number) => LEVEL_COUNT - 1 - Math.abs(s - d);
  let observedW = 0;
  let chanceW = 0;
  for (let s = 0; s < LEVEL_COUNT; s++) {
    for (let d = 0; d < LEVEL_COUNT; d++) {
      observedW += weight(s, d) * cell(matrix, s, d);
      chanceW += weight(s, d) * (rows[s] ?? 0) * (cols[d] ?? 0);
    }
  }
  const maxW = (LEVEL_COUNT - 1) * n * n;
  const weightedKappa = (n * observedW - chanceW) / (maxW - chanceW);

  return { n, agreed, agreementPct, kappa, weightedKappa };
}

export function agreement(
  pairs: readonly { suggested: LevelNumber; decided: LevelNumber }[],
): ThresholdAgreement {
  return agreementFromMatrix(matrixFromPairs(pairs));
}

/**
 * The calendar quarter of a date (`YYYY-MM-DD`) or timestamp, as `2026-Q3`: Q1 is January to March,
 * Q2 April to June, Q3 July to September, Q4 October to December. Calendar, not the April-to-March
 * financial year some partnership reports use. A timestamp counts on its UTC date, so a decision at
 * 00:30 on 1 April in British Summer Time (23:30 UTC on 31 March) falls in Q1.
 */
export function quarterOf(dateIso: string): string {
  let date = dateIso;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dateIso)) {
    const ms = Date.parse(dateIso);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(dateIso) || Number.isNaN(ms)) {
      throw new RangeError(`Not an ISO date: ${JSON.stringify(dateIso)}`);
    }
    date = new Date(ms).toISOString().slice(0, 10);
  }
  // The date as written must exist: Date.parse rolls 2026-06-31T… into July, the next quarter.
  const written = dateIso.slice(0, 10);
  const [year, month, day] = written.split('-').map(Number) as [number, number, number];
  if (new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10) !== written) {
    throw new RangeError(`Not an ISO date: ${JSON.stringify(dateIso)}`);
  }
  return `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
}

export interface AgencyQuarterAgreement extends ThresholdAgreement {
  agencyId: string;
  quarter: string;
  matrix: LevelMatrix;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** One agreement per agency and quarter present in the rows, ordered by agency then quarter. */
export function byAgencyAndQuarter(
  rows: readonly { agencyId: string; quarter: string; suggested: LevelNumber; decided: LevelNumber }[],
): AgencyQuarterAgreement[] {
  const groups = new Map<string, { agencyId: string; quarter: string; matrix: LevelMatrix }>();
  for (const row of rows) {
    checkLevel(row.suggested, 'suggested');
    checkLevel(row.decided, 'decided');
    const key = JSON.stringify([row.agencyId, row.quarter]);
    let group = groups.get(key);
    if (!group) {
      group = { agencyId: row.agencyId, quarter: row.quarter, matrix: emptyMatrix() };
      groups.set(key, group);
    }
    const line = group.matrix[row.suggested - 1];
    if (line) line[row.decided - 1] = (line[row.decided - 1] ?? 0) + 1;
  }
  return [...groups.values()]
    .sort((a, b) => compare(a.agencyId, b.agencyId) || compare(a.quarter, b.quarter))
    .map((g) => ({
      agencyId: g.agencyId,
      quarter: g.quarter,
      matrix: g.matrix,
      ...agreementFromMatrix(g.matrix),
    }));
}
