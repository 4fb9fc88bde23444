import { describe, expect, it } from 'vitest';
import { suppressSmallCells, suppressSmallCounts } from '../../../src/analyse/suppressSmallCells.ts';

// Hand-made tables, each worked through by hand in the comments. "x" marks a suppressed cell.
const masked = (counts: number[][], minCell: number, force?: (row: number, column: number) => boolean) =>
  suppressSmallCells(counts, minCell, force ? { force } : {}).suppressed.map((row) => row.map((hidden) => (hidden ? 'x' : '.')).join(''));

/** Every row and every column has no suppressed cell or at least two. */
function noLoneCell(mask: readonly (readonly boolean[])[]): boolean {
  const lines = [...mask, ...mask[0]!.map((_, c) => mask.map((row) => row[c]!))];
  return lines.every((line) => line.filter(Boolean).length !== 1);
}

describe('suppressSmallCells', () => {
  it('suppresses nothing when every count is zero or at least min_cell', () => {
    const result = suppressSmallCells(
      [
        [3, 0, 12],
        [40, 5, 0],
      ],
      3,
    );
    expect(result).toEqual({
      suppressed: [
        [false, false, false],
        [false, false, false],
      ],
      primary: 0,
      secondary: 0,
    });
  });

  it('suppresses nothing with min_cell 1, the default', () => {
    expect(suppressSmallCells([[1, 0, 2]], 1).primary).toBe(0);
  });

  it('handles an empty table', () => {
    expect(suppressSmallCells([], 3)).toEqual({ suppressed: [], primary: 0, secondary: 0 });
  });

  it('hides a small count and, in its row, the next smallest count', () => {
    // 2 is small; the row total would give it away, so 5 (the next smallest) goes too.
    // Each column has one cell, which no total can give away.
    const result = suppressSmallCells([[10, 2, 8, 5]], 3);
    expect(result.suppressed).toEqual([[false, true, false, true]]);
    expect(result).toMatchObject({ primary: 1, secondary: 1 });
  });

  it('prefers a non-zero count as the second cell, and takes a zero only when there is nothing else', () => {
    expect(masked([[10, 2, 0, 8]], 3)).toEqual(['.x.x']);
    expect(masked([[2, 0, 0]], 3)).toEqual(['xx.']);
  });

  it('leaves a row with two small counts as it is', () => {
    expect(masked([[1, 2, 30]], 3)).toEqual(['xx.']);
  });

  it('hides a second cell in a column, as in a row', () => {
    // Row 0: the 2 is alone, so 5 goes. Column 0: the 2 is alone, so 9 (smaller than 12) goes.
    // Column 1: the 5 is alone; of 6 and 8, 6 goes, as its row (row 1) also has a lone cell.
    // Every line now holds two suppressed cells or none: stable.
    expect(
      masked(
        [
          [2, 5, 30],
          [9, 6, 40],
          [12, 8, 50],
        ],
        3,
      ),
    ).toEqual(['xx.', 'xx.', '...']);
  });

  it('iterates until no row or column has a lone suppressed cell', () => {
    // 2 at (0,0). Row 0: 4 goes (smallest). Column 0: 7 goes (smaller than 11). Column 2:
    // the 4 is alone; 13 goes rather than the smaller 9, because row 2 then holds two
    // (the 7 and the 13) with no further cell. Hiding the 9 would have left rows 1 and 2
    // each with a lone cell, and cost two more: a 2 x 2 block is all it takes.
    const counts = [
      [2, 30, 4, 20],
      [11, 25, 9, 40],
      [7, 35, 13, 50],
    ];
    const result = suppressSmallCells(counts, 3);
    expect(result.suppressed[0]![0]).toBe(true);
    expect(noLoneCell(result.suppressed)).toBe(true);
    expect(result.primary).toBe(1);
    expect(result.secondary).toBe(3);
    expect(masked(counts, 3)).toEqual(['x.x.', '....', 'x.x.']);
  });

  it('follows a chain of secondary cells across the table', () => {
    // 1 at (0,0). Row 0: 3 goes. Column 0: 5 goes (smaller than 20). Column 1: the 3 is
    // alone; 30 goes rather than 4, as row 2 already has a lone cell (the 5). Stable.
    const counts = [
      [1, 3, 50, 60],
      [20, 4, 6, 70],
      [5, 30, 40, 8],
    ];
    const result = suppressSmallCells(counts, 3);
    expect(masked(counts, 3)).toEqual(['xx..', '....', 'xx..']);
    expect(result).toMatchObject({ primary: 1, secondary: 3 });
    expect(noLoneCell(result.suppressed)).toBe(true);
  });

  it('keeps going while a secondary cell leaves another line with a lone cell', () => {
    // 2 at (0,0). Row 0: 10 goes. Column 0: 11 goes. Column 1: the 10 is alone; the zero in
    // row 1 would close row 1 too, but a non-zero count comes first, so 12 at (2,1) goes.
    // Next pass: row 1 (the 11) loses 13 (not its zero); row 2 (the 12) loses 14 rather than
    // 40, as column 2 now has a lone cell (the 13). Every line then holds two or none.
    const counts = [
      [2, 10, 90],
      [11, 0, 13],
      [40, 12, 14],
    ];
    const result = suppressSmallCells(counts, 3);
    expect(masked(counts, 3)).toEqual(['xx.', 'x.x', '.xx']);
    expect(result).toMatchObject({ primary: 1, secondary: 5 });
    expect(noLoneCell(result.suppressed)).toBe(true);
  });

  it('suppresses every cell when every count is small', () => {
    const result = suppressSmallCells(
      [
        [1, 2],
        [2, 1],
      ],
      3,
    );
    expect(result).toEqual({
      suppressed: [
        [true, true],
        [true, true],
      ],
      primary: 4,
      secondary: 0,
    });
  });

  it('suppresses forced cells, such as a whole group too small to show, and protects them too', () => {
    // Row 1 is a group of two people: forced whatever its counts. Each column then holds one
    // suppressed cell, so the smallest other cell of each column goes: row 0's 10, 20 and 30.
    const result = suppressSmallCells(
      [
        [10, 20, 30],
        [15, 40, 55],
        [50, 60, 90],
      ],
      3,
      { force: (row) => row === 1 },
    );
    expect(result.suppressed.map((row) => row.map((hidden) => (hidden ? 'x' : '.')).join(''))).toEqual(['xxx', 'xxx', '...']);
    expect(result).toMatchObject({ primary: 3, secondary: 3 });
  });

  it('can leave a lone cell when nothing else is left in its line', () => {
    // One group only: its column totals are its own counts, which a breakdown cannot hide.
    expect(masked([[2]], 3)).toEqual(['x']);
  });

  it('refuses what is not a table of counts', () => {
    expect(() => suppressSmallCells([[1, 2], [3]], 3)).toThrow(/rectangular/);
    expect(() => suppressSmallCells([[1, -2]], 3)).toThrow(/counts/);
    expect(() => suppressSmallCells([[1.5]], 3)).toThrow(/counts/);
  });
});

describe('suppressSmallCounts (one list with a published total)', () => {
  it('hides a small group and the next smallest, so the total gives neither away', () => {
    expect(suppressSmallCounts([2, 5, 10], 3)).toEqual([true, true, false]);
    expect(suppressSmallCounts([2, 15], 3)).toEqual([true, true]);
  });

  it('leaves a list of large enough groups alone', () => {
    expect(suppressSmallCounts([9, 4, 4], 3)).toEqual([false, false, false]);
  });

  it('needs no second group when two are small', () => {
    expect(suppressSmallCounts([1, 2, 14], 3)).toEqual([true, true, false]);
  });
});
