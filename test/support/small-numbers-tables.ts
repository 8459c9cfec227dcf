import {
  type Count,
  type Figure,
  type Relation,
  suppress,
  twoWayTable,
} from '../../shared/platform/small-numbers.ts';

/**
 * The shapes the small-number suppression tests feed `suppress`, built from plain counts and read
 * back the same way, so a test states only the counts and what comes back.
 */

/** One line of counts with a published total. */
export function suppressedLine(values: number[], threshold?: number): { cells: Count[]; total: Count } {
  const figures: Figure[] = values.map((value, i) => ({ key: `c${i}`, value }));
  figures.push({ key: 'total', value: values.reduce((a, b) => a + b, 0) });
  const relations: Relation[] = [{ parts: values.map((_, i) => `c${i}`), total: 'total' }];
  const shown = suppress(figures, relations, threshold);
  return { cells: values.map((_, i) => shown.get(`c${i}`) as Count), total: shown.get('total') as Count };
}

/** A table with its margins, suppressed, read back as rows of cells, row totals, column totals, total. */
export function suppressedTable(
  cells: number[][],
  threshold?: number,
): { cells: Count[][]; rowTotals: Count[]; columnTotals: Count[]; total: Count } {
  const rows = cells.map((_, r) => `r${r}`);
  const columns = (cells[0] ?? []).map((_, c) => `c${c}`);
  const key = (r: string, c: string) => `${r}.${c}`;
  const { figures, relations } = twoWayTable({
    rows,
    columns,
    cell: (r, c) => cells[Number(r.slice(1))]?.[Number(c.slice(1))] ?? 0,
    key,
    rowTotal: (r) => key(r, 'total'),
    columnTotal: (c) => key('total', c),
    grandTotal: 'total',
  });
  const shown = suppress(figures, relations, threshold);
  const get = (k: string) => shown.get(k) as Count;
  return {
    cells: rows.map((r) => columns.map((c) => get(key(r, c)))),
    rowTotals: rows.map((r) => get(key(r, 'total'))),
    columnTotals: columns.map((c) => get(key('total', c))),
    total: get('total'),
  };
}
