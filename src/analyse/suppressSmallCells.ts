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
 *   smallest other cell of the line is suppressed too, preferring a non-zero one. This is
 *   repeated over rows and columns until nothing changes.
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
  for (const row of counts) for (const n of row) if (!Number.isInteger(n) || n < 0) throw new Error(`internal: suppressSmallCells needs counts; found ${n}`);

  const mask = counts.map((row, r) => row.map((n, c) => isSmallCount(n, minCell) || (options.force?.(r, c) ?? false)));
  const primary = mask.flat().filter(Boolean).length;
  if (primary === 0) return { suppressed: mask, primary, secondary: 0 };

  const rows = counts.map((row, r) => row.map((_, c) => [r, c] as const));
  const columns = Array.from({ length: width }, (_, c) => counts.map((_, r) => [r, c] as const));
  let secondary = 0;
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of [...rows, ...columns]) {
      if (line.filter(([r, c]) => mask[r]![c]).length !== 1) continue;
      const candidate = smallestShown(line, counts, mask);
      if (!candidate) continue;
      mask[candidate[0]]![candidate[1]] = true;
      secondary++;
      changed = true;
    }
  }
  return { suppressed: mask, primary, secondary };
}

/** The smallest cell still shown in a line, a non-zero one if there is any (hiding a zero hides little). */
function smallestShown(line: readonly (readonly [number, number])[], counts: readonly (readonly number[])[], mask: readonly (readonly boolean[])[]): readonly [number, number] | undefined {
  const shown = line.filter(([r, c]) => !mask[r]![c]);
  const nonZero = shown.filter(([r, c]) => counts[r]![c]! > 0);
  const pool = nonZero.length > 0 ? nonZero : shown;
  let best: readonly [number, number] | undefined;
  for (const cell of pool) if (!best || counts[cell[0]]![cell[1]]! < counts[best[0]]![best[1]]!) best = cell;
  return best;
}

/** A single list with a published total (e.g. participants per country): one row of the table. */
export function suppressSmallCounts(counts: readonly number[], minCell: number): readonly boolean[] {
  return suppressSmallCells([counts], minCell).suppressed[0] ?? [];
}
