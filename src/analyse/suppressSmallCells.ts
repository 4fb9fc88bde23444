/**
 * Small-cell suppression for tables of counts about groups of participants (breakdowns by
 * an attribute such as role or country), so that no published figure singles out a few
 * people. Pure: counts in, a mask out.
 *
 * - Primary: a cell counting 1 to `minCell - 1` is suppressed. Zeros are shown: they count
 *   no one. (`minCell` 1, the default, suppresses nothing.)
 * - Forced: cells a caller suppresses whatever their count, e.g. every cell of a group with
 *   fewer than `minCell` participants.
 * - Secondary: every row and every column is taken to have a published total (the overall
 *   distribution gives the column totals; a row's last column can be its own total). A line
 *   with exactly one suppressed cell would give that cell away by subtraction, so the
 *   smallest other cell of the line is suppressed too: a non-zero one when there is one,
 *   and one whose own column (or row) also has a lone suppressed cell when there is one,
 *   so that one cell protects two lines. This is repeated over rows and columns until
 *   nothing changes. It is a greedy rule, not an optimal one: it may hide a few more cells
 *   than strictly needed, never fewer.
 *
 * Every suppressed cell is published the same way, whether primary or secondary, so a
 * reader cannot tell the small ones from those hidden to protect them.
 */
export interface Suppression {
  /** Same shape as the counts: true where the cell must not be published. */
  readonly suppressed: readonly (readonly boolean[])[];
  /** Cells suppressed for being small (or forced). */
  readonly primary: number;
  /** Cells suppressed so that the primary ones cannot be worked out from totals. */
  readonly secondary: number;
}

export interface SuppressionOptions {
  /** Cells to suppress whatever their count. */
  readonly force?: (row: number, column: number) => boolean;
}

/** How a suppressed count is written in tables, CSV and JSON, for primary and secondary cells alike. */
export const suppressedMark = 'suppressed';

export function isSmallCount(n: number, minCell: number): boolean {
  return n > 0 && n < minCell;
}

export function suppressSmallCells(counts: readonly (readonly number[])[], minCell: number, options: SuppressionOptions = {}): Suppression {
  const width = counts[0]?.length ?? 0;
  if (counts.some((row) => row.length !== width)) throw new Error('internal: suppressSmallCells needs a rectangular table');
  for (const row of counts)
    for (const n of row) if (!Number.isInteger(n) || n < 0) throw new Error(`internal: suppressSmallCells needs counts; found ${n}`);

  const mask = counts.map((row, r) => row.map((n, c) => isSmallCount(n, minCell) || (options.force?.(r, c) ?? false)));
  const primary = mask.flat().filter(Boolean).length;
  if (primary === 0) return { suppressed: mask, primary, secondary: 0 };

  const rowCells = counts.map((row, r) => row.map((_, c) => [r, c] as const));
  const columnCells = Array.from({ length: width }, (_, c) => counts.map((_, r) => [r, c] as const));
  const hiddenIn = (line: readonly Cell[]) => line.filter(([r, c]) => mask[r]![c]).length;
  const lines = [
    ...rowCells.map((line) => ({ line, crossing: (cell: Cell) => columnCells[cell[1]]! })),
    ...columnCells.map((line) => ({ line, crossing: (cell: Cell) => rowCells[cell[0]]! })),
  ];
  let secondary = 0;
  for (let changed = true; changed;) {
    changed = false;
    for (const { line, crossing } of lines) {
      if (hiddenIn(line) !== 1) continue;
      // Smallest first, after two preferences: a non-zero count (hiding a zero hides little),
      // then a cell whose crossing line also needs a second suppressed cell.
      const rank = (cell: Cell) =>
        [counts[cell[0]]![cell[1]]! === 0 ? 1 : 0, hiddenIn(crossing(cell)) === 1 ? 0 : 1, counts[cell[0]]![cell[1]]!] as const;
      const candidate = line
        .filter(([r, c]) => !mask[r]![c])
        .reduce<Cell | undefined>((best, cell) => (best === undefined || before(rank(cell), rank(best)) ? cell : best), undefined);
      if (!candidate) continue;
      mask[candidate[0]]![candidate[1]] = true;
      secondary++;
      changed = true;
    }
  }
  return { suppressed: mask, primary, secondary };
}

type Cell = readonly [row: number, column: number];

/** Lexicographic order of ranks; the first of equals stays first. */
function before(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

/** A single list with a published total (e.g. participants per country): one row of the table. */
export function suppressSmallCounts(counts: readonly number[], minCell: number): readonly boolean[] {
  return suppressSmallCells([counts], minCell).suppressed[0] ?? [];
}
