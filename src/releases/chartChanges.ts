import type { ChartRow } from '../model/chartReport.ts';
import type { ChartChanges } from '../model/releases.ts';
import { canonicalJson, type ChartInputs } from './chartInputs.ts';

/**
 * What changed in a chart between two versions, from their stored inputs alone: counts per
 * row before and after, rows added and removed, n, the title, the definition's fields and the
 * definitions of its codes. Rows are matched by their text columns (a code's label, a group
 * and a code, a day), so the same comparison serves every chart kind.
 */
export function chartChanges(from: string, before: ChartInputs, after: ChartInputs): ChartChanges {
  const rowsBefore = keyedCounts(before);
  const rowsAfter = keyedCounts(after);
  const rows = [
    ...[...rowsAfter].map(([key, count]) => ({ key, before: rowsBefore.has(key) ? rowsBefore.get(key) : undefined, after: count })),
    ...[...rowsBefore].filter(([key]) => !rowsAfter.has(key)).map(([key, count]) => ({ key, before: count, after: undefined })),
  ];
  const definition = [...new Set([...Object.keys(before.definition), ...Object.keys(after.definition)])]
    .filter((field) => field !== 'title' && canonicalJson(before.definition[field]) !== canonicalJson(after.definition[field]))
    .sort();
  const titleBefore = String(before.definition.title);
  const titleAfter = String(after.definition.title);
  const changes: Omit<ChartChanges, 'none'> = {
    from,
    ...(titleBefore === titleAfter ? {} : { title: { before: titleBefore, after: titleAfter } }),
    definition,
    n: {
      units: { before: before.table.n.units, after: after.table.n.units },
      participants: { before: before.table.n.participants, after: after.table.n.participants },
    },
    rows,
    added: rows.filter((row) => row.before === undefined).map((row) => row.key),
    removed: rows.filter((row) => row.after === undefined).map((row) => row.key),
    codeDefinitions: codeDefinitionChanges(before, after),
  };
  return { ...changes, none: canonicalJson(before) === canonicalJson(after) };
}

/** Row key (its text cells) -> its count: the first count column, null where the count is suppressed. */
function keyedCounts(inputs: ChartInputs): Map<string, number | null> {
  const { columns, rows } = inputs.table;
  const textKeys = columns.filter((column) => column.type === 'text' && column.key !== 'counted').map((column) => column.key);
  const count = columns.find((column) => column.key === 'n') ?? columns.find((column) => column.type === 'count');
  const counts = new Map<string, number | null>();
  for (const row of rows) counts.set(rowKey(row, textKeys), count === undefined ? null : countOf(row[count.key]));
  return counts;
}

function rowKey(row: ChartRow, textKeys: readonly string[]): string {
  return textKeys.map((key) => String(row[key] ?? '')).join(' · ');
}

function countOf(value: string | number | undefined): number | null {
  return typeof value === 'number' ? value : null;
}

function codeDefinitionChanges(before: ChartInputs, after: ChartInputs): ChartChanges['codeDefinitions'] {
  const definitions = (inputs: ChartInputs) =>
    new Map(inputs.codebook.flatMap((dimension) => dimension.codes.map((code) => [`${dimension.label}: ${code.label}`, code.definition] as const)));
  const [was, is] = [definitions(before), definitions(after)];
  return [...new Set([...was.keys(), ...is.keys()])]
    .filter((code) => was.get(code) !== is.get(code) && was.has(code) && is.has(code))
    .map((code) => ({ code, ...(was.get(code) === undefined ? {} : { before: was.get(code) }), ...(is.get(code) === undefined ? {} : { after: is.get(code) }) }));
}
