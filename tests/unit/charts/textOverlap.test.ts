import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadReport } from '../../../src/build/loadReport.ts';
import { standaloneSvg } from '../../../src/charts/export/standaloneSvg.ts';
import type { ChartReport } from '../../../src/model/chartReport.ts';
import { formatProblem } from '../../../src/problems/problem.ts';
import { writeStudy } from '../../../scripts/generate-study.ts';
import { svgOf } from '../../helpers/chartFixture.ts';
import { repoRoot } from '../../helpers/runBuild.ts';
import { overlappingText, textBoxes, textOutside } from './textBoxes.ts';

// The overlap guarantee (docs/charts.md): no two visible text boxes of a chart overlap, at
// either width or in the standalone file, with boxes computed from the font metrics the
// charts wrap and place text by.

function chartsOf(root: string): readonly ChartReport[] {
  const result = loadReport(join(root, 'data'), join(root, 'content'), root);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.report.charts;
}

const scratch = mkdtempSync(join(tmpdir(), 'qualpress-overlap-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * A generated study of 40,000 tweets from 60 administrators (so breakdowns fold the rest into
 * "All others"), its counts then multiplied by 10 so that cells, bars and totals run to five
 * digits without reading half a million rows.
 */
function fiveDigitCharts(): readonly ChartReport[] {
  writeStudy(join(scratch, 'data'), { tweets: 40_000, participants: 60 });
  const charts = loadReport(join(scratch, 'data'), join(repoRoot, 'content'), scratch);
  if (!charts.ok) throw new Error(charts.problems.map(formatProblem).join('\n'));
  return charts.report.charts.map((chart) => {
    const counts = chart.columns.filter((column) => column.type === 'count').map((column) => column.key);
    const scaled = chart.rows.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([key, value]) => [key, counts.includes(key) && typeof value === 'number' ? value * 10 : value]),
      ),
    );
    return { ...chart, rows: scaled };
  });
}

const studies: [string, () => readonly ChartReport[]][] = [
  ['the default study', () => chartsOf(repoRoot)],
  ['the hostile fixture', () => chartsOf(join(repoRoot, 'tests', 'fixtures', 'hostile'))],
  ['a study whose counts run to five digits', fiveDigitCharts],
];

describe.each(studies)('%s', (_, load) => {
  const charts = load();
  it.each(charts.map((chart) => [chart.id, chart] as const))('%s: no text overlaps other text', (_id, chart) => {
    const drawings = {
      wide: svgOf(chart, 'wide'),
      narrow: svgOf(chart, 'narrow'),
      standalone: standaloneSvg(svgOf(chart, 'wide'), { title: chart.definition.title, source: chart.sourceLine }),
    };
    const found = Object.entries(drawings).flatMap(([variant, svg]) => overlappingText(svg).map((pair) => `${variant}: ${pair}`));
    expect(found).toEqual([]);
  });
  it.each(charts.map((chart) => [chart.id, chart] as const))('%s: no text runs out of the drawing', (_id, chart) => {
    const found = (['wide', 'narrow'] as const).flatMap((variant) =>
      textOutside(svgOf(chart, variant)).map((text) => `${variant}: ${text}`),
    );
    expect(found).toEqual([]);
  });
});

describe('the overlap check', () => {
  it('finds text set on top of other text, and lets text side by side be', () => {
    const svg = (second: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" font-size="10"><text x="10" y="20">1,234</text>${second}</svg>`;
    expect(overlappingText(svg('<text x="30" y="22">5,678</text>'))).toEqual(['"1,234" overlaps "5,678"']);
    expect(overlappingText(svg('<text x="60" y="20">5,678</text>'))).toEqual([]);
    expect(overlappingText(svg('<text x="10" y="30">5,678</text>'))).toEqual([]);
  });

  it('follows transforms, anchors, baselines and the lines of a text', () => {
    const [end] = textBoxes('<svg font-size="10"><g transform="translate(100,50)" text-anchor="end"><text y="0.32em">abc</text></g></svg>');
    // "abc" is 3 × 0.56 em wide, ending at x = 100; its em box is centred near y = 50.
    expect(end!.corners[1]![0]).toBeCloseTo(100);
    expect(end!.corners[0]![0]).toBeCloseTo(100 - 16.8);
    expect(end!.corners[0]![1]).toBeCloseTo(50 + 3.2 - 8);
    const lines = textBoxes(
      '<svg font-size="10"><text x="5" y="10"><tspan x="5" dy="0">one</tspan><tspan x="5" dy="1em">two</tspan></text></svg>',
    );
    expect(lines.map((box) => box.corners[0])).toEqual([
      [5, 2],
      [5, 12],
    ]);
  });

  it('sees that labels rotated side by side are apart, and that crowded ones overlap', () => {
    const labels = (spacing: number) =>
      `<svg font-size="10" text-anchor="end">${[0, 1, 2].map((i) => `<text transform="translate(${i * spacing},100) rotate(-90)">All others (4,973)</text>`).join('')}</svg>`;
    expect(overlappingText(labels(12))).toEqual([]);
    expect(overlappingText(labels(8))).toEqual([
      '"All others (4,973)" overlaps "All others (4,973)"',
      '"All others (4,973)" overlaps "All others (4,973)"',
    ]);
  });
});
