// Turns the results into the printed table, the targets block and the JSON object.
import { availableParallelism, totalmem } from 'node:os';
import type { ImportResult } from './import.ts';
import type { CaseResult } from './measure.ts';
import type { RebuildResult } from './rebuilds.ts';
import type { TargetResult } from './targets.ts';

interface Column {
  readonly header: string;
  readonly cell: (result: CaseResult) => string;
  readonly align: 'left' | 'right';
}

const COLUMNS: readonly Column[] = [
  { header: 'case', cell: (r) => r.name, align: 'left' },
  { header: 'units', cell: (r) => r.units.toLocaleString('en-US'), align: 'right' },
  { header: 'participants', cell: (r) => r.participants.toLocaleString('en-US'), align: 'right' },
  { header: 'wall s', cell: (r) => r.wallS.toFixed(2), align: 'right' },
  { header: 'read+validate s', cell: (r) => r.readValidateS.toFixed(2), align: 'right' },
  { header: 'analyse s', cell: (r) => r.analyseS.toFixed(2), align: 'right' },
  { header: 'DuckDB s', cell: (r) => r.duckdbS.toFixed(2), align: 'right' },
  { header: 'render charts s', cell: (r) => r.renderChartsS.toFixed(2), align: 'right' },
  { header: 'write pages s', cell: (r) => r.writePagesS.toFixed(2), align: 'right' },
  { header: 'peak RSS MB', cell: (r) => r.peakRssMB.toFixed(0), align: 'right' },
  { header: 'dist size MB', cell: (r) => r.distMB.toFixed(3), align: 'right' },
];

/** Fixed-width columns, each as wide as its widest cell, so the table reads in any terminal or log. */
export function formatTable(results: readonly CaseResult[]): string {
  const rows = [COLUMNS.map((column) => column.header), ...results.map((result) => COLUMNS.map((column) => column.cell(result)))];
  const widths = COLUMNS.map((_, index) => Math.max(...rows.map((row) => row[index]!.length)));
  const line = (row: readonly string[]) =>
    row.map((cell, index) => (COLUMNS[index]!.align === 'left' ? cell.padEnd(widths[index]!) : cell.padStart(widths[index]!))).join('  ');
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(rows[0]!), rule, ...rows.slice(1).map(line)].join('\n');
}

export function formatTargets(targets: readonly TargetResult[]): string {
  const statusWidth = Math.max(...targets.map((t) => t.status.length));
  const targetWidth = Math.max(...targets.map((t) => t.target.length));
  return [
    'targets',
    ...targets.map((t) => `  ${t.status.padEnd(statusWidth)}  ${t.target.padEnd(targetWidth)}  ${t.value ?? ''}`.trimEnd()),
  ].join('\n');
}

/** The machine the figures came from: without it, numbers from two runs cannot be compared. */
export function machineInfo() {
  return {
    cpus: availableParallelism(),
    memoryGB: Number((totalmem() / 1024 ** 3).toFixed(1)),
    node: process.version,
  };
}

/** The import's figure on one line, under the build table. */
export function formatImport(imported: ImportResult | undefined): string {
  if (!imported) return 'import: not run';
  return `import: ${imported.codings.toLocaleString('en-US')} codings (${imported.zipMB.toFixed(1)} MB .qdpx) in ${imported.wallS.toFixed(2)} s wall`;
}

/** The rebuilds' figures, one line each, with what the chart cache said. */
export function formatRebuilds(rebuilds: RebuildResult | undefined): string {
  if (!rebuilds) return 'rebuilds: not run';
  return [
    `rebuilds of default (chart cache): cold ${rebuilds.coldS.toFixed(2)} s wall`,
    `  no change      ${rebuilds.noChangeS.toFixed(2)} s  ${rebuilds.chartLines.noChange}`,
    `  one-row change ${rebuilds.oneRowS.toFixed(2)} s  ${rebuilds.chartLines.oneRow}`,
    `  prose edit     ${rebuilds.proseS.toFixed(2)} s  ${rebuilds.chartLines.prose}`,
  ].join('\n');
}

export function benchJson(
  results: readonly CaseResult[],
  targets: readonly TargetResult[],
  imported?: ImportResult,
  rebuilds?: RebuildResult,
): string {
  return JSON.stringify(
    { machine: machineInfo(), cases: results, ...(imported ? { import: imported } : {}), ...(rebuilds ? { rebuilds } : {}), targets },
    null,
    2,
  );
}
