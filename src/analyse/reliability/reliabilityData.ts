import { group } from 'd3-array';

/**
 * What one coder wrote in one cell: a code id, a set of codes (a dimension whose units may
 * carry several codes), or nothing. An empty set is the same as nothing: the coder did not
 * code the unit, which is not a judgement that no code applies.
 */
export type CodedValue = string | readonly string[] | undefined;

/**
 * One cell of reliability data: the value one coder gave one unit. A unit a coder never
 * coded may simply have no cell; either way it is missing, and missing values are left out
 * of every statistic rather than counted as disagreement.
 */
export interface Coding {
  readonly unit: string;
  readonly coder: string;
  readonly value: CodedValue;
}

/**
 * A cell as one nominal value: its distinct codes, sorted, as one string; undefined when
 * missing. A set of codes is one value, so {a, b} and {a} disagree as fully as {a} and {c}
 * do: nominal comparison has no partial credit, and per-code agreement on sets is what
 * `presenceAlpha` is for. A single code and the set holding only it are the same value.
 */
export function nominalValue(value: CodedValue): string | undefined {
  if (value === undefined) return undefined;
  const codes = typeof value === 'string' ? [value] : [...new Set(value)].sort();
  if (codes.length === 0) return undefined;
  // JSON keeps sets apart whatever characters code ids contain, unlike joining with a separator.
  return JSON.stringify(codes);
}

/**
 * The non-missing nominal values of each unit, by coder, in the order units first appear.
 * A coder with two cells for one unit is a bug upstream (validation keeps one cell per
 * unit and coder), so it throws rather than guessing which cell counts.
 */
export function valuesByUnit(codings: readonly Coding[]): Map<string, Map<string, string>> {
  const byUnit = new Map<string, Map<string, string>>();
  for (const [unit, cells] of group(codings, (coding) => coding.unit)) {
    const byCoder = new Map<string, string>();
    for (const [coder, own] of group(cells, (coding) => coding.coder)) {
      if (own.length > 1) throw new Error(`internal: reliability data has ${own.length} cells for unit ${unit} and coder ${coder}`);
      const value = nominalValue(own[0]?.value);
      if (value !== undefined) byCoder.set(coder, value);
    }
    byUnit.set(unit, byCoder);
  }
  return byUnit;
}
