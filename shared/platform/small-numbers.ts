/**
 * Small-number suppression for published counts about children, as in the Office for National
 * Statistics' and NHS Digital's disclosure control: primary suppression of every count from 1 to
 * `threshold − 1` (default 5, so 1–4), then secondary suppression of enough further counts that no
 * hidden one can be worked out from the totals published beside it. Pure: it runs on the server,
 * which applies it before anything is sent, and the dashboard reads its types.
 *
 * A table is described as figures (each a count, published or not) and the sums a reader knows to
 * hold between them ("the parts add up to the total"): a row and its row total, a column and its
 * column total, on time + late = decided. A figure that is never published but follows from others
 * (late = decided − on time) is a figure too, so a small one is protected like a published one.
 *
 * What is protected:
 * - every count from 1 to threshold − 1, published or derivable, is hidden;
 * - no hidden small count can be worked out exactly from the published figures by any combination
 *   of the sums (checked by linear algebra over all of them at once, not row by row);
 * - where a total is published, the hidden counts under it add up to enough that "each hidden count
 *   is at least 1" does not narrow a small one below the full 1 to threshold − 1 (so 1 + 1 = 2 cannot
 *   be read off a total of 2);
 * - a percentage is hidden when its numerator or denominator is, or its denominator is below the
 *   threshold (`share`).
 *
 * What is not:
 * - bounds from several totals combined (solving it in general needs linear programming): a reader
 *   who puts several totals together may narrow a hidden count to a range, never to one number;
 * - anything outside the figures given: a count published elsewhere, or a reader who knows most of
 *   a small agency's referrals, can still subtract;
 * - counts of things other than children (the board's action plan and its CSV count actions, so
 *   they are not suppressed).
 *
 * Zero is never hidden: "no child" identifies no one, and hiding zeros would hide where nothing
 * happens, which the board needs to see. A secondary count is therefore never a zero either, so a
 * hidden count is at least 1.
 *
 * Hidden counts carry one marker, `{ suppressed: true }`, whether small or hidden to protect a small
 * one. Telling them apart would leak: if a hidden 1 and a hidden 5 are known to be "below 5" and "5
 * or more", a total of 6 gives the 1 away. The marker is an object, not null, so no client can add it
 * up as 0.
 */

export const DEFAULT_SMALL_NUMBER_THRESHOLD = 5;

/** A count or percentage that is not shown. */
export interface Suppressed {
  readonly suppressed: true;
}
export const SUPPRESSED: Suppressed = Object.freeze({ suppressed: true as const });

/** A published count: the number, or the marker. */
export type Count = number | Suppressed;
/** A published percentage (0–100): the number, null when there is nothing to measure, or the marker. */
export type Share = number | null | Suppressed;

export function isSuppressed(value: unknown): value is Suppressed {
  return typeof value === 'object' && value !== null && (value as Suppressed).suppressed === true;
}

export interface Figure {
  key: string;
  value: number;
  /** False for a figure never shown but that follows from others (a difference). Default true. */
  published?: boolean;
}

/** A sum a reader knows holds: the parts add up to the total. */
export interface Relation {
  parts: readonly string[];
  total: string;
}

export class InvalidSuppressionInputError extends Error {
  override readonly name = 'InvalidSuppressionInputError';
}

export function checkThreshold(threshold: number): void {
  // 1 would hide nothing: a setting that switches protection off is a mistake, not a choice.
  if (!Number.isInteger(threshold) || threshold < 2 || threshold > 100) {
    throw new InvalidSuppressionInputError(
      `The threshold must be a whole number from 2 to 100, not ${threshold}`,
    );
  }
}

const EPSILON = 1e-9;

/** Which of the hidden figures the published ones pin to one value (Gauss–Jordan over the sums). */
function determined(relations: readonly Relation[], hidden: ReadonlySet<string>): Set<string> {
  const variables = [...new Set(relations.flatMap((r) => [...r.parts, r.total]))].filter((k) =>
    hidden.has(k),
  );
  // parts − total = 0, over the hidden figures. A sum with none hidden is a row of zeros, which is
  // never a pivot and so changes nothing. (No figure is named twice in a sum: `suppress` refuses it.)
  const rows: number[][] = relations.map((r) =>
    variables.map((k) => (r.parts.includes(k) ? 1 : r.total === k ? -1 : 0)),
  );
  const pivots: { row: number; col: number }[] = [];
  let next = 0;
  for (let col = 0; col < variables.length && next < rows.length; col++) {
    let best = -1;
    for (let r = next; r < rows.length; r++) {
      const size = Math.abs(rows[r]?.[col] ?? 0);
      if (size > EPSILON && (best < 0 || size > Math.abs(rows[best]?.[col] ?? 0))) best = r;
    }
    if (best < 0) continue;
    [rows[next], rows[best]] = [rows[best] as number[], rows[next] as number[]];
    const pivotRow = rows[next] as number[];
    const p = pivotRow[col] ?? 1;
    for (let c = 0; c < pivotRow.length; c++) pivotRow[c] = (pivotRow[c] ?? 0) / p;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r] as number[];
      const f = row[col] ?? 0;
      if (r === next || Math.abs(f) <= EPSILON) continue;
      for (let c = 0; c < row.length; c++) row[c] = (row[c] ?? 0) - f * (pivotRow[c] ?? 0);
    }
    pivots.push({ row: next, col });
    next++;
  }
  // A variable is pinned exactly when its pivot row has nothing else in it: x = known figures.
  const out = new Set<string>();
  for (const { row, col } of pivots) {
    const r = rows[row] as number[];
    if (r.every((x, c) => c === col || Math.abs(x) <= EPSILON)) out.add(variables[col] as string);
  }
  return out;
}

/**
 * The sums under a published total whose hidden parts are too few to protect a small one: the most a
 * hidden part could be (the rest of the hidden total, less at least 1 for each other hidden published
 * part) is below threshold − 1.
 */
function narrowed(
  relations: readonly Relation[],
  figures: ReadonlyMap<string, Figure>,
  hidden: ReadonlySet<string>,
  threshold: number,
): { key: string; relation: Relation }[] {
  const out: { key: string; relation: Relation }[] = [];
  for (const relation of relations) {
    if (hidden.has(relation.total)) continue;
    const parts = relation.parts.filter((p) => hidden.has(p));
    const rest = parts.reduce((sum, p) => sum + (figures.get(p)?.value ?? 0), 0);
    for (const key of parts) {
      const value = figures.get(key)?.value ?? 0;
      if (value === 0 || value >= threshold) continue;
      const others = parts.filter((p) => p !== key && figures.get(p)?.published !== false).length;
      if (rest - others < threshold - 1) out.push({ key, relation });
    }
  }
  return out;
}

/**
 * Hides what must be hidden. Returns each published figure's value as shown: the number, or the
 * marker. Secondary suppression prefers the smallest count in the same row or column as the count it
 * protects (then further out), and, of those, one that on its own makes the small count safe.
 */
export function suppress(
  figureList: readonly Figure[],
  relations: readonly Relation[],
  threshold: number = DEFAULT_SMALL_NUMBER_THRESHOLD,
): Map<string, Count> {
  checkThreshold(threshold);
  const figures = new Map<string, Figure>();
  for (const f of figureList) {
    if (figures.has(f.key)) throw new InvalidSuppressionInputError(`Two figures are called ${f.key}`);
    if (!Number.isInteger(f.value) || f.value < 0)
      throw new InvalidSuppressionInputError(`Counts must be whole numbers, 0 or more, not ${f.value}`);
    figures.set(f.key, f);
  }
  for (const r of relations) {
    const keys = [...r.parts, r.total];
    for (const k of keys)
      if (!figures.has(k)) throw new InvalidSuppressionInputError(`A sum names no figure ${k}`);
    if (new Set(keys).size < keys.length)
      throw new InvalidSuppressionInputError(`A sum names a figure twice: ${keys.join(', ')}`);
  }

  const small = (f: Figure) => f.value > 0 && f.value < threshold;
  const hidden = new Set(
    [...figures.values()].filter((f) => f.published === false || small(f)).map((f) => f.key),
  );
  const sensitive = [...figures.values()].filter(small).map((f) => f.key);
  const relationsOf = (key: string) => relations.filter((r) => r.total === key || r.parts.includes(key));

  /** The first small figure not yet safe, and the sums to look for another count to hide in. */
  const exposed = (): { key: string; near: Relation[] } | null => {
    const pinned = determined(relations, hidden);
    const key = sensitive.find((k) => pinned.has(k));
    if (key) return { key, near: relationsOf(key) };
    const [first] = narrowed(relations, figures, hidden, threshold);
    return first ? { key: first.key, near: [first.relation] } : null;
  };
  const safeWith = (key: string, candidate: string): boolean => {
    hidden.add(candidate);
    const pinned = determined(relations, hidden);
    const stillNarrow = narrowed(relations, figures, hidden, threshold).some((n) => n.key === key);
    hidden.delete(candidate);
    return !pinned.has(key) && !stillNarrow;
  };
  const shownCounts = (near: readonly Relation[]) =>
    [...new Set(near.flatMap((r) => [...r.parts, r.total]))]
      .map((k) => figures.get(k) as Figure)
      .filter((f) => !hidden.has(f.key) && f.value > 0)
      .sort((a, b) => a.value - b.value || Number(isTotal(a.key)) - Number(isTotal(b.key)));
  const isTotal = (key: string) => relations.some((r) => r.total === key);
  /**
   * When no one count makes the small one safe: a count (not a total, which readers need more) from a
   * row or column where the small one is the only hidden figure, smallest first.
   */
  const fallbackOf = (candidates: Figure[], near: readonly Relation[]) => {
    const lone = near.filter((r) => [...r.parts, r.total].filter((k) => hidden.has(k)).length === 1);
    const inLone = (f: Figure) => lone.some((r) => r.parts.includes(f.key) || r.total === f.key);
    const rank = (f: Figure) => Number(isTotal(f.key)) * 2 + Number(!inLone(f));
    // The candidates come smallest first and the sort is stable, so each rank stays smallest first.
    return [...candidates].sort((a, b) => rank(a) - rank(b))[0];
  };

  for (let guard = figures.size + 1; guard > 0; guard--) {
    const problem = exposed();
    if (!problem) break;
    // Widen from the small count's own rows and columns until there is a count to hide.
    let near = problem.near;
    let chosen: Figure | undefined;
    let fallback: Figure | undefined;
    const seen = new Set<Relation>();
    while (near.length > 0 && !chosen) {
      for (const r of near) seen.add(r);
      const candidates = shownCounts(near);
      fallback ??= fallbackOf(candidates, near);
      chosen = candidates.find((c) => safeWith(problem.key, c.key));
      const reached = new Set(near.flatMap((r) => [...r.parts, r.total]).filter((k) => hidden.has(k)));
      near = relations.filter((r) => !seen.has(r) && [...r.parts, r.total].some((k) => reached.has(k)));
    }
    // Nothing to hide anywhere near it only when the sums it is in do not hold (they "work it out" from
    // figures that are all 0): hiding counts further away could not change that.
    const pick = chosen ?? fallback;
    if (!pick) break;
    hidden.add(pick.key);
  }

  const shown = new Map<string, Count>();
  for (const f of figures.values()) {
    if (f.published === false) continue;
    shown.set(f.key, hidden.has(f.key) ? SUPPRESSED : f.value);
  }
  return shown;
}

/**
 * A percentage of two published counts: hidden if either is, or if the denominator is below the
 * threshold (a share of 3 referrals points at children as surely as the 3 does); null for 0 of 0.
 */
export function share(
  numerator: Count,
  denominator: Count,
  threshold: number = DEFAULT_SMALL_NUMBER_THRESHOLD,
): Share {
  checkThreshold(threshold);
  if (isSuppressed(numerator) || isSuppressed(denominator)) return SUPPRESSED;
  if (denominator === 0) return null;
  if (denominator < threshold) return SUPPRESSED;
  return (100 * numerator) / denominator;
}

/**
 * The figures and sums of a two-way table with its margins: each row adds up to its row total, each
 * column to its column total, and both sets of totals to the grand total. Missing cells are zeros.
 */
export function twoWayTable(options: {
  rows: readonly string[];
  columns: readonly string[];
  cell: (row: string, column: string) => number;
  key: (row: string, column: string) => string;
  rowTotal: (row: string) => string;
  columnTotal: (column: string) => string;
  grandTotal: string;
  /** The column totals are derivable only (a column nobody is shown, such as "late"). */
  unpublishedColumns?: readonly string[];
}): { figures: Figure[]; relations: Relation[] } {
  const { rows, columns, cell, key, rowTotal, columnTotal, grandTotal } = options;
  const hiddenColumns = new Set(options.unpublishedColumns ?? []);
  const figures: Figure[] = [];
  const relations: Relation[] = [];
  for (const r of rows) {
    for (const c of columns)
      figures.push({ key: key(r, c), value: cell(r, c), published: !hiddenColumns.has(c) });
    figures.push({ key: rowTotal(r), value: columns.reduce((s, c) => s + cell(r, c), 0) });
    relations.push({ parts: columns.map((c) => key(r, c)), total: rowTotal(r) });
  }
  for (const c of columns) {
    figures.push({
      key: columnTotal(c),
      value: rows.reduce((s, r) => s + cell(r, c), 0),
      published: !hiddenColumns.has(c),
    });
    relations.push({ parts: rows.map((r) => key(r, c)), total: columnTotal(c) });
  }
  const grand = rows.reduce((s, r) => s + columns.reduce((t, c) => t + cell(r, c), 0), 0);
  figures.push({ key: grandTotal, value: grand });
  relations.push({ parts: rows.map(rowTotal), total: grandTotal });
  relations.push({ parts: columns.map(columnTotal), total: grandTotal });
  return { figures, relations };
}

/** A suppressed two-way table, read by row and column; `null` in either place is that margin's total. */
export interface SuppressedTable {
  get(row: string | null, column: string | null): Count;
}

/**
 * Counts by row and column with their margins, suppressed together (`suppress`), so no cell can be
 * worked out from the totals shown beside it.
 */
export function suppressedTwoWay(options: {
  rows: readonly string[];
  columns: readonly string[];
  cell: (row: string, column: string) => number;
  threshold: number;
}): SuppressedTable {
  const key = (row: string | null, column: string | null) => JSON.stringify([row, column]);
  const { figures, relations } = twoWayTable({
    rows: options.rows,
    columns: options.columns,
    cell: options.cell,
    key,
    rowTotal: (row) => key(row, null),
    columnTotal: (column) => key(null, column),
    grandTotal: key(null, null),
  });
  const shown = suppress(figures, relations, options.threshold);
  return { get: (row, column) => shown.get(key(row, column)) ?? 0 };
}
