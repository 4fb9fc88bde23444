import { z } from 'zod';
import { commonChartFields } from '../../schemas/chart.ts';
import { identifier } from '../../schemas/primitives.ts';
import * as Plot from '@observablehq/plot';
import { countOf, formatCount, formatShare, withArticle, capitalise } from '../../format/format.ts';
import type { ChartKind } from '../chartKind.ts';
import type { ChartRow } from '../../model/chartReport.ts';
import { barColour, bottomAxisLabel, chartTheme, nestedBarColour, withDisplayLabels } from '../theme.ts';
import { categoryAxisY, labelMargin, rowHeight, textWidth } from '../labels.ts';
import { drawsDots } from './participantsReporting.ts';
import { describeRanking, measureNoun, sourceLine } from './describe.ts';

/** A definition of this kind, as written in content/charts/<id>.yaml. */
export const distributionChart = z.strictObject({
  ...commonChartFields,
  kind: z.literal('distribution'),
  dimension: identifier,
  /** Codebook order keeps a chart comparable across versions; size order ranks the codes. */
  order: z.enum(['codebook', 'size']).default('codebook'),
});

type Definition = z.infer<typeof distributionChart>;

/** How often each code of one dimension occurs: bars with count and share, nested codes indented. */
export const distribution: ChartKind<Definition> = {
  name: 'distribution',
  schema: distributionChart,
  checkReferences: (definition, references) => void references.dimension(definition.dimension, ['dimension']),
  shows: (definition) => ({ dimensions: [definition.dimension] }),
  // The default for every dimension that participants-reporting does not draw as dots.
  defaultFor: (subject) =>
    subject.type === 'dimension' && !drawsDots(subject.dimension)
      ? { kind: 'distribution', dimension: subject.dimension.id, title: subject.dimension.label, order: 'codebook', notes: [] }
      : undefined,
  tabulate(definition, context) {
    const dimension = context.dimension(definition.dimension);
    const dataset = context.datasetSummary(dimension.dataset);
    const measure = measureNoun(dimension, dataset, context.report);
    const codes = definition.order === 'size' ? [...dimension.codes].sort((a, b) => b.n - a.n) : dimension.codes;
    const rows: ChartRow[] = codes.map((code) => ({
      code: code.id,
      label: code.label,
      parent: code.parent ?? '',
      depth: code.depth,
      n: code.n,
      share: code.share,
    }));
    return {
      dataset: dataset.id,
      dimensions: [dimension.id],
      columns: [
        { key: 'label', label: 'Code', type: 'text' },
        { key: 'n', label: capitalise(measure[1]), type: 'count' },
        { key: 'share', label: `Share of ${formatCount(dimension.denominator, context.language)}`, type: 'share' },
      ],
      rows,
      n: { units: dimension.codedUnits, participants: dimension.codedParticipants },
      sourceLine: sourceLine(dimension, dataset, context.report),
      description:
        `${capitalise(countOf(dimension.denominator, measure, context.language))} ${dimension.countBy === 'participants' ? `with coded ${dataset.unit[1]}` : 'coded'} ` +
        `on ${dimension.label.toLowerCase()}, ${dimension.codes.length} codes. ` +
        describeRanking(
          dimension.codes.filter((code) => code.depth === 0),
          (code) => `${code.label} (${formatCount(code.n, context.language)}, ${formatShare(code.share, context.language)})`,
        ) +
        (dimension.multiple
          ? ` ${capitalise(withArticle(dataset.unit[0]))} may carry several codes, so shares add up to more than 100%.`
          : ''),
    };
  },

  plot(chart, language, width) {
    const rows = withDisplayLabels(chart.rows);
    const labels = rows.map((row) => row.display);
    const value = (row: ChartRow) => `${formatCount(Number(row.n), language)} (${formatShare(Number(row.share), language)})`;
    const plot: Plot.PlotOptions = {
      ...chartTheme,
      width,
      height: 20 + bottomAxisLabel.marginBottom + rows.length * rowHeight(labels, width),
      marginLeft: labelMargin(labels, width),
      // Room for the longest count at the end of its bar.
      marginRight: Math.ceil(12 + Math.max(0, ...rows.map((row) => textWidth(value(row))))),
      marginBottom: bottomAxisLabel.marginBottom,
      x: { label: `${chart.columns[1]!.label}`, grid: true, nice: true, ...bottomAxisLabel.x },
      y: { label: null, domain: labels, axis: null },
      marks: [
        // <title> elements give each bar a tooltip without script (Plot.tip needs a browser).
        Plot.barX(rows, {
          x: 'n',
          y: 'display',
          fill: (row: ChartRow) => (Number(row.depth) > 0 ? nestedBarColour : barColour),
          title: (row: ChartRow) => `${row.label}: ${formatCount(Number(row.n), language)} (${formatShare(Number(row.share), language)})`,
        }),
        Plot.text(rows, {
          x: 'n',
          y: 'display',
          text: value,
          textAnchor: 'start',
          dx: 4,
          fill: 'currentColor',
        }),
        Plot.ruleX([0]),
        categoryAxisY(labels, width),
      ],
    };
    return { plot };
  },
};
