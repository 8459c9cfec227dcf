import { describe, expect, it } from 'vitest';
import {
  type Count,
  isSuppressed,
  type Relation,
  SUPPRESSED,
  suppress,
  twoWayTable,
} from '../../shared/platform/small-numbers.ts';
import { suppressedLine as line, suppressedTable as table } from '../support/small-numbers-tables.ts';

/**
 * The guards of small-number suppression that a first set of tests let through: each case is a table
 * in which a count would be given away, or hidden for nothing, if one check were missing.
 */

const S = SUPPRESSED;

/** Figures from `{ key: value }` (a key starting with `_` is never published), suppressed. */
function shownOf(values: Record<string, number>, relations: Relation[]): Record<string, Count> {
  const figures = Object.entries(values).map(([key, value]) => ({
    key,
    value,
    published: !key.startsWith('_'),
  }));
  return Object.fromEntries(suppress(figures, relations));
}

describe('the marker', () => {
  it('is told apart from anything else a client may hold where a count goes', () => {
    expect(isSuppressed(SUPPRESSED)).toBe(true);
    for (const other of [undefined, {}, { suppressed: false }, { suppressed: 'true' }, 'suppressed', 4])
      expect(isSuppressed(other), JSON.stringify(other)).toBe(false);
  });
});

describe('what suppression refuses', () => {
  it('takes a threshold up to 100, and no higher', () => {
    const at100 = suppress(
      [99, 100].map((value) => ({ key: `n${value}`, value })),
      [],
      100,
    );
    expect([...at100.values()]).toEqual([S, 100]);
    expect(() => suppress([], [], 101)).toThrow(/threshold/);
  });

  it('refuses two figures of one name, and a sum that names one figure twice', () => {
    expect(() =>
      suppress(
        [
          { key: 'a', value: 6 },
          { key: 'a', value: 7 },
        ],
        [],
      ),
    ).toThrow(/Two figures are called a/);
    const figures = [
      { key: 'a', value: 6 },
      { key: 'b', value: 12 },
    ];
    expect(() => suppress(figures, [{ parts: ['a', 'a'], total: 'b' }])).toThrow(
      'A sum names a figure twice: a, a, b',
    );
    expect(() => suppress(figures, [{ parts: ['a', 'b'], total: 'a' }])).toThrow(/twice/);
  });
});

describe('a count worked out by subtraction', () => {
  it('hides a partner for a 4 alone under a published total, though "at least 1 each" narrows nothing', () => {
    // 20 − 7 − 9 = 4: the 4 is the only hidden figure, so the total gives it back exactly.
    expect(line([4, 7, 9])).toEqual({ cells: [S, S, 9], total: 20 });
  });

  it('takes the smallest count as the partner, wherever it stands in the row', () => {
    expect(line([2, 9, 7])).toEqual({ cells: [S, 9, S], total: 18 });
  });

  it('protects each sum on its own: a line that protects itself does not stop the next from being fixed', () => {
    // 2 + 3 = 5 leaves each of them anything from 1 to 4; 13 − 9 gives the second line's 4 back.
    expect(
      shownOf({ a: 2, b: 3, p: 5, c: 4, d: 9, q: 13 }, [
        { parts: ['a', 'b'], total: 'p' },
        { parts: ['c', 'd'], total: 'q' },
      ]),
    ).toEqual({ a: S, b: S, p: 5, c: S, d: S, q: 13 });
  });

  it('sees a count a reader works out from two sums at once', () => {
    // a + b = 11 and a + 7 = b, with b never published: 2a + 7 = 11, so a = 2. Hiding the 7 leaves
    // a + b = 11 alone, which b (not published, so possibly 0) does not narrow.
    expect(
      shownOf({ a: 2, x: 7, _b: 9, p: 11 }, [
        { parts: ['a', '_b'], total: 'p' },
        { parts: ['a', 'x'], total: '_b' },
      ]),
    ).toEqual({ a: S, x: S, p: 11 });
  });
});

describe('hidden counts too few to protect each other', () => {
  it('hides a further count when the others under a total leave a small one less than 1 to 4', () => {
    // 1 + 3 = 4 and each is at least 1, so the 1 is at most 3.
    expect(line([1, 3, 20])).toEqual({ cells: [S, S, S], total: 24 });
    // 1 + 2 + 2 = 5, and the other two are at least 1 each: the 1 is at most 3.
    expect(line([1, 2, 2, 20])).toEqual({ cells: [S, S, S, S], total: 25 });
  });

  it('needs nothing further when the hidden ones leave each small one the full 1 to 4', () => {
    // 2 + 2 + 2 = 6: any one of them could be 1 to 4 (the other two taking the rest).
    expect(line([2, 2, 2, 20])).toEqual({ cells: [S, S, S, 20], total: 26 });
  });

  it('counts a figure never published as possibly 0, so it does not narrow the one beside it', () => {
    // a + late = 4 with late unpublished (0 here): a could be anything from 1 to 4 as far as a reader knows.
    expect(shownOf({ a: 4, _late: 0, b: 7, t: 11 }, [{ parts: ['a', '_late', 'b'], total: 't' }])).toEqual({
      a: S,
      b: 7,
      t: 11,
    });
  });
});

describe('figures never published', () => {
  it('needs no protection for a large one that follows from two published ones', () => {
    // late = 20 − 12 = 8 can be worked out, and may be: 8 is not a small number.
    expect(
      shownOf({ decided: 20, onTime: 12, _late: 8 }, [{ parts: ['onTime', '_late'], total: 'decided' }]),
    ).toEqual({ decided: 20, onTime: 12 });
  });

  it('hides nothing for a derived 0 (no decision late)', () => {
    expect(
      shownOf({ decided: 10, onTime: 10, _late: 0 }, [{ parts: ['onTime', '_late'], total: 'decided' }]),
    ).toEqual({ decided: 10, onTime: 10 });
  });

  it('are not known to a reader, so a column nobody is shown does not give a small count away', () => {
    //        on time  late* | decided
    //   A       3      8    |   11
    //   B       6      5    |   11
    //  total    9     13*   |   22         (* never published)
    // A's 3 comes back from the on-time column (9 − 6), so B's 6 goes; the late column, never
    // shown, cannot be subtracted, and nothing else needs to go.
    const cells: Record<string, number> = { 'A.onTime': 3, 'A.late': 8, 'B.onTime': 6, 'B.late': 5 };
    const { figures, relations } = twoWayTable({
      rows: ['A', 'B'],
      columns: ['onTime', 'late'],
      cell: (r, c) => cells[`${r}.${c}`] ?? 0,
      key: (r, c) => `${r}.${c}`,
      rowTotal: (r) => `${r}.decided`,
      columnTotal: (c) => `all.${c}`,
      grandTotal: 'all.decided',
      unpublishedColumns: ['late'],
    });
    expect(figures.filter((f) => f.published === false).map((f) => f.key)).toEqual([
      'A.late',
      'B.late',
      'all.late',
    ]);
    expect(Object.fromEntries(suppress(figures, relations))).toEqual({
      'A.onTime': S,
      'A.decided': 11,
      'B.onTime': S,
      'B.decided': 11,
      'all.onTime': 9,
      'all.decided': 22,
    });
  });
});

describe('what is never hidden', () => {
  it('never hides a zero, even where hiding it would protect a count', () => {
    // a + z + b = t, t never published but t = 15 − 6. Hiding the 0 would leave a + z = 2 unknown,
    // but "no child" is shown: the 7 goes instead.
    expect(
      shownOf({ a: 2, z: 0, b: 7, _t: 9, w: 6, g: 15 }, [
        { parts: ['a', 'z', 'b'], total: '_t' },
        { parts: ['_t', 'w'], total: 'g' },
      ]),
    ).toEqual({ a: S, z: 0, b: S, w: 6, g: 15 });
  });

  it('hides nothing further for a sum that does not hold: a reader could work out only a wrong number', () => {
    // "a + z = y" with a = 2 and z = y = 0 does not hold (a broken counter), and hiding the 9
    // elsewhere would change nothing about it.
    expect(shownOf({ a: 2, z: 0, y: 0, b: 9 }, [{ parts: ['a', 'z'], total: 'y' }])).toEqual({
      a: S,
      z: 0,
      y: 0,
      b: 9,
    });
  });
});

describe('which counts go to protect a small one', () => {
  it('closes a rectangle when no one count will do, and hides nothing more', () => {
    //        c0  c1  c2 | total
    //   r0    1  12   8 |  21
    //   r1   14  13  12 |  39
    //  total 15  25  20 |  60
    // The 1 comes back from its row and from its column, so no one count protects it. The 8 goes
    // (the smallest in its row), then the 14 (its column's only other count), then the 12 that
    // closes the rectangle: each row and column then has two hidden cells. The row's 12 stays.
    expect(
      table([
        [1, 12, 8],
        [14, 13, 12],
      ]),
    ).toEqual({
      cells: [
        [S, 12, S],
        [S, 13, S],
      ],
      rowTotals: [21, 39],
      columnTotals: [15, 25, 20],
      total: 60,
    });
  });

  it('takes the partners from the rows where the small counts are alone, not from the column they share', () => {
    //        c0  c1 | total
    //   r0    5   0 |   5
    //   r1    4   9 |  13
    //   r2    2  15 |  17
    //  total 11  24 |  35
    // Each small count is given back by its own row, so the 9 and the 15 must go whatever else
    // does; with them the four cells protect each other, and the 5 above (the smallest count in the
    // column) would protect nothing.
    expect(
      table([
        [5, 0],
        [4, 9],
        [2, 15],
      ]),
    ).toEqual({
      cells: [
        [5, 0],
        [S, S],
        [S, S],
      ],
      rowTotals: [5, 13, 17],
      columnTotals: [11, 24],
      total: 35,
    });
  });

  it('does not settle for a partner that stops the subtraction but leaves a small count narrowed', () => {
    //        c0  c1  c2 | total
    //   r0    2   1   7 |  10
    //   r1    5  15  14 |  34
    //  total  7  16  21 |  44
    // With every total published, no cell can stay: a second-row cell shown gives back the small
    // count above it (7 − 5, 16 − 15), or with the 14 shown, 21 − 14 gives the 7 and then
    // 10 − 7 = 3 leaves the 2 and the 1 as "1 or 2"; a shown 7 does the same directly.
    expect(
      table([
        [2, 1, 7],
        [5, 15, 14],
      ]),
    ).toEqual({
      cells: [
        [S, S, S],
        [S, S, S],
      ],
      rowTotals: [10, 34],
      columnTotals: [7, 16, 21],
      total: 44,
    });
  });

  it('hides counts rather than totals, which readers need more', () => {
    //        c0  c1  c2 | total
    //   r0    2   1   9 |  12
    //   r1    3   8   7 |  18
    //   r2    0   6   8 |  14
    //  total  5  15  24 |  44
    // Hiding the column total 5 would be the cheapest single step, but the first two rows can go
    // instead (2 + 1 = 3 narrows both, so the 9 must go too, and every column then needs a second
    // hidden cell from row r1), and every total stays.
    expect(
      table([
        [2, 1, 9],
        [3, 8, 7],
        [0, 6, 8],
      ]),
    ).toEqual({
      cells: [
        [S, S, S],
        [S, S, S],
        [0, 6, 8],
      ],
      rowTotals: [12, 18, 14],
      columnTotals: [5, 15, 24],
      total: 44,
    });
  });
});
