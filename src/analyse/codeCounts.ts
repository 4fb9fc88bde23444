import type { Dimension } from '../model/study.ts';
import type { UnitTable } from '../model/unitTable.ts';

/** The rows of the units with at least one code on a dimension. */
export function codedRows(units: UnitTable, dimension: Dimension): number[] {
  const coded = units.codeSets.map((codes) => (codes[dimension.id]?.length ?? 0) > 0);
  const rows: number[] = [];
  for (let row = 0; row < units.length; row++) if (coded[units.codeSetOf[row]!]) rows.push(row);
  return rows;
}
