import { capitalise, formatCount } from '../format/format.ts';
import type { Before, ChartChanges } from '../model/releases.ts';
import { isolate } from './sentence.ts';

/** One line of a What changed table: a row's count before and after, and the difference. */
export interface ChangedRow {
  readonly label: string;
  readonly before: string;
  readonly after: string;
  readonly difference: string;
}

/**
 * What changed in a chart from one version to the next, in words and table rows a reader
 * scans. The lines are plain text (the pages and the feeds print them as they are), so data
 * text in them (the unit noun, titles, code ids and definitions, row keys) is between
 * Unicode isolates (FSI ... PDI), the plain-text <bdi>.
 */
export interface ChangeSummary {
  readonly from: string;
  /** "Posts: 120 → 118 (−2)", "Participants: 9 (unchanged)". */
  readonly n: readonly string[];
  readonly title?: string;
  readonly definition?: string;
  readonly codeDefinitions: readonly string[];
  readonly rows: readonly ChangedRow[];
  /** Rows whose count is the same in both versions, not listed. */
  readonly unchangedRows: number;
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly none: boolean;
}

export function changeSummary(changes: ChartChanges, unitNoun: string, language: string): ChangeSummary {
  const count = (n: number | null | undefined) => (n === undefined ? '–' : n === null ? 'not shown' : formatCount(n, language));
  const differs = changes.rows.filter((row) => row.before !== row.after);
  return {
    from: changes.from,
    n: [
      `${isolate(capitalise(unitNoun))}: ${beforeAfter(changes.n.units, language)}`,
      `Participants: ${beforeAfter(changes.n.participants, language)}`,
    ],
    ...(changes.title ? { title: `Title: “${isolate(changes.title.before)}” → “${isolate(changes.title.after)}”` } : {}),
    ...(changes.definition.length > 0 ? { definition: `Definition: ${changes.definition.join(', ')} changed` } : {}),
    codeDefinitions: changes.codeDefinitions.map(
      (change) => `${isolate(change.code)}: “${isolate(change.before ?? '')}” → “${isolate(change.after ?? '')}”`,
    ),
    rows: differs.map((row) => ({
      label: row.key,
      before: count(row.before),
      after: count(row.after),
      difference: difference(row.before, row.after, language),
    })),
    unchangedRows: changes.rows.length - differs.length,
    added: changes.added.map(isolate),
    removed: changes.removed.map(isolate),
    none: changes.none,
  };
}

/** "120 → 118 (−2)", or "9 (unchanged)". */
export function beforeAfter({ before, after }: Before<number>, language: string): string {
  if (before === after) return `${formatCount(after, language)} (unchanged)`;
  return `${formatCount(before, language)} → ${formatCount(after, language)} (${difference(before, after, language)})`;
}

function difference(before: number | null | undefined, after: number | null | undefined, language: string): string {
  if (typeof before !== 'number' || typeof after !== 'number')
    return before === undefined ? 'added' : after === undefined ? 'removed' : '–';
  const delta = after - before;
  return delta === 0 ? '0' : `${delta > 0 ? '+' : '−'}${formatCount(Math.abs(delta), language)}`;
}

/** What a chart's n counts, for its What changed lines: its dataset's units, or "units" when it draws on several datasets. */
export function chartUnitNoun(datasetUnits: string, datasetsDrawn: number): string {
  return datasetsDrawn > 1 ? 'units' : datasetUnits;
}
