import { z } from 'zod';
import { greatest, least } from 'd3-array';
import * as Plot from '@observablehq/plot';
import { commonChartFields } from '../../schemas/chart.ts';
import { identifier } from '../../schemas/primitives.ts';
import { capitalise, countOf, formatCoefficient, formatCount, formatShare } from '../../format/format.ts';
import type { ChartColumn, ChartRow } from '../../model/chartReport.ts';
import type { CharacterAgreementResult, DatasetReliability, DimensionReport } from '../../model/report.ts';
import { quoted } from '../../problems/problem.ts';
import { byId } from '../../model/byId.ts';
import type { ChartKind, ChartContext, Tabulated } from '../chartKind.ts';
import { barColour, chartTheme, indentedLabel, mutedColour, nestedBarColour } from '../theme.ts';
import { categoryAxisY, labelMargin, rowHeight } from '../labels.ts';
import { coderList, reliableAlpha, tentativeAlpha } from './agreementReading.ts';

/** A definition of this kind, as written in content/charts/<id>.yaml. */
export const agreementChart = z.strictObject({
  ...commonChartFields,
  kind: z.literal('agreement'),
  dataset: identifier,
  /**
   * `alpha`: Krippendorff's alpha per dimension (with its interval) and per code on presence;
   * `characters`: percent agreement and kappa per code character by character (datasets of spans).
   */
  measure: z.enum(['alpha', 'characters']).default('alpha'),
});

type Definition = z.infer<typeof agreementChart>;

/** Agreement between coders on one dataset: alpha per dimension and code, or per code character by character. */
export const agreement: ChartKind<Definition> = {
  name: 'agreement',
  schema: agreementChart,
  checkReferences(definition, references) {
    const dataset = references.dataset(definition.dataset, ['dataset']);
    if (dataset && !dataset.hasReliability)
      references.problem(
        ['dataset'],
        `expected a dataset with each coder's own codes (set datasets.${definition.dataset}.reliability in study.yaml); found ${quoted(definition.dataset)}, which has none`,
      );
    else if (dataset && definition.measure === 'characters' && !dataset.hasSpans)
      references.problem(
        ['measure'],
        `expected measure: alpha for a dataset whose units are not spans of sources (set datasets.${definition.dataset}.spans in study.yaml for characters); found "characters"`,
      );
  },
  shows: (definition) =>
    definition.measure === 'alpha' ? { agreement: [definition.dataset] } : { characterAgreement: [definition.dataset] },
  defaultFor: (subject) =>
    subject.type === 'agreement' || subject.type === 'characterAgreement'
      ? {
          kind: 'agreement',
          dataset: subject.dataset.id,
          title:
            subject.type === 'agreement'
              ? `Agreement between coders: ${subject.dataset.label}`
              : `Agreement between coders, character by character: ${subject.dataset.label}`,
          measure: subject.type === 'agreement' ? 'alpha' : 'characters',
          notes: [],
        }
      : undefined,
  tabulate: (definition, context) =>
    definition.measure === 'alpha' ? tabulateAlpha(definition, context) : tabulateCharacters(definition, context),
  plot(chart, language, width) {
    const rows = chart.rows;
    const value = chart.definition.measure === 'alpha' ? 'alpha' : 'kappa';
    // One line per row of alpha; per code (and pair) for characters, its sources' dots on the pooled row's line.
    const keyOf = (row: ChartRow, index: number) => (value === 'alpha' ? String(index) : JSON.stringify([row.dimension, row.label]));
    const keys = [...new Set(rows.map(keyOf))];
    const labelOf = new Map(
      rows.map((row, index) => [keyOf(row, index), indentedLabel(String(row.label), Number(row.depth ?? 0))] as const),
    );
    const labels = keys.map((key) => labelOf.get(key)!);
    const lowest = Math.min(0, ...rows.flatMap((row) => [row[value], row.low]).filter((x): x is number => typeof x === 'number'));
    const drawn: (ChartRow & { key: string; display: string })[] = rows.map((row, index) => ({
      ...row,
      key: keyOf(row, index),
      display: labelOf.get(keyOf(row, index))!,
    }));
    const withValue = drawn.filter((row) => typeof row[value] === 'number');
    const margin = labelMargin(labels, width);
    const plot: Plot.PlotOptions = {
      ...chartTheme,
      width,
      height: 72 + keys.length * rowHeight(labels, width),
      marginLeft: margin,
      marginRight: 56,
      marginTop: 28,
      marginBottom: 44,
      x: {
        label: value === 'alpha' ? "Krippendorff's alpha" : "Cohen's kappa",
        labelAnchor: 'center',
        labelOffset: 36,
        domain: [lowest, 1],
        grid: true,
      },
      y: { label: null, domain: keys, axis: null },
      marks: [
        // The conventional reading of alpha (Krippendorff 2004): .800 reliable, .667 the least for
        // tentative conclusions. Kappa has no agreed thresholds of its own, so none are drawn for it.
        ...(value === 'alpha'
          ? [
              Plot.ruleX([tentativeAlpha, reliableAlpha], { stroke: mutedColour, strokeDasharray: '4 3' }),
              // The two lines can be a few pixels apart: their numbers lean away from each other.
              ...(
                [
                  [tentativeAlpha, 'end', -3],
                  [reliableAlpha, 'start', 3],
                ] as const
              ).map(([threshold, textAnchor, dx]) =>
                Plot.text([threshold], {
                  x: (at: number) => at,
                  frameAnchor: 'top',
                  dy: -18,
                  dx,
                  textAnchor,
                  text: (at: number) => formatCoefficient(at, language),
                  fill: 'currentColor',
                }),
              ),
            ]
          : []),
        Plot.ruleX([0]),
        ...(value === 'alpha'
          ? [
              Plot.ruleY(
                drawn.filter((row) => typeof row.low === 'number'),
                { y: 'key', x1: 'low', x2: 'high', stroke: barColour, strokeWidth: 2 },
              ),
            ]
          : [
              Plot.dot(
                drawn.filter((row) => row.source !== allSources && typeof row.kappa === 'number'),
                {
                  x: 'kappa',
                  y: 'key',
                  r: 2.5,
                  fill: mutedColour,
                  title: (row: ChartRow) => `${String(row.source)}: ${formatCoefficient(Number(row.kappa), language)}`,
                },
              ),
            ]),
        Plot.dot(
          withValue.filter((row) => value === 'alpha' || row.source === allSources),
          {
            x: value,
            y: 'key',
            r: 4.5,
            fill: (row: ChartRow) => (Number(row.depth) > 0 ? nestedBarColour : barColour),
            title: (row: ChartRow & { display: string }) => `${row.display.trim()}: ${formatCoefficient(Number(row[value]), language)}`,
          },
        ),
        Plot.text(
          withValue.filter((row) => value === 'alpha' || row.source === allSources),
          {
            x: 1,
            y: 'key',
            text: (row: ChartRow) => formatCoefficient(Number(row[value]), language),
            textAnchor: 'start',
            dx: 8,
            fill: 'currentColor',
          },
        ),
        categoryAxisY(keys, width, (key) => labelOf.get(key) ?? ''),
      ],
    };
    return { plot };
  },
};

/** The source column's value on rows pooled over every source. */
export const allSources = 'All sources';

function tabulateAlpha(definition: Definition, context: ChartContext): Tabulated {
  const reliability = context.reliability(definition.dataset);
  const dataset = context.datasetSummary(definition.dataset);
  const language = context.language;
  const rows: ChartRow[] = reliability.dimensions.flatMap((figures) => {
    const dimension = context.dimension(figures.dimension);
    return [
      {
        label: dimension.label,
        depth: 0,
        ...defined({ alpha: figures.alpha, low: figures.interval?.low, high: figures.interval?.high, agreement: figures.percentAgreement }),
        units: figures.units,
        values: figures.pairableValues,
      },
      ...figures.codes.map((code) => ({
        label: byId(dimension.codes, code.code, 'code').label,
        depth: 1 + byId(dimension.codes, code.code, 'code').depth,
        ...defined({ alpha: code.alpha, agreement: code.percentAgreement }),
        units: code.units,
        values: code.pairableValues,
      })),
    ];
  });
  const level = formatShare(reliability.bootstrap.level, language);
  const columns: ChartColumn[] = [
    { key: 'label', label: 'Dimension, then each code', type: 'text' },
    { key: 'alpha', label: "Krippendorff's alpha", type: 'coefficient' },
    { key: 'low', label: `${level} interval, low`, type: 'coefficient' },
    { key: 'high', label: `${level} interval, high`, type: 'coefficient' },
    { key: 'agreement', label: 'Agreement', type: 'share' },
    { key: 'units', label: `Pairable ${dataset.unit[1]}`, type: 'count' },
    { key: 'values', label: 'Pairable values', type: 'count' },
  ];
  const dimensions = reliability.dimensions.map((figures) => ({ figures, dimension: context.dimension(figures.dimension) }));
  const described = dimensions.filter(({ figures }) => figures.alpha !== null);
  const reliable = described.filter(({ figures }) => figures.alpha! >= reliableAlpha);
  const weakest = dimensions
    .flatMap(({ figures, dimension }) => figures.codes.map((code) => ({ code, dimension })))
    .filter(({ code }) => code.alpha !== null)
    .sort((a, b) => a.code.alpha! - b.code.alpha!)[0];
  const description =
    `${subsetSentence(reliability, dataset.unit, language)} ` +
    (described.length === 0
      ? 'Alpha is not defined for any dimension: the coded values do not vary.'
      : `Krippendorff's alpha was ${described.map(({ figures, dimension }) => `${formatCoefficient(figures.alpha!, language)} for ${dimension.label.toLowerCase()}`).join(', ')}; ` +
        `${reliable.length === described.length && described.length > 1 ? `all ${formatCount(described.length, language)}` : `${formatCount(reliable.length, language)} of ${formatCount(described.length, language)}`} reach ${formatCoefficient(reliableAlpha, language)}, conventionally taken as reliable, and ${formatCoefficient(tentativeAlpha, language)} is the least for tentative conclusions.`) +
    (weakest
      ? ` Per code, on presence or absence, agreement was lowest for ${byId(weakest.dimension.codes, weakest.code.code, 'code').label} (${weakest.dimension.label.toLowerCase()}, ${formatCoefficient(weakest.code.alpha!, language)}).`
      : '');
  return {
    dataset: dataset.id,
    dimensions: reliability.dimensions.map((figures) => figures.dimension),
    columns,
    rows,
    n: { units: reliability.units, participants: reliability.participants },
    sourceLine: `${dataset.label}: ${formatCount(reliability.units, language)} of ${countOf(reliability.of, dataset.unit, language)} coded independently by ${coderList(reliability)}; ${level} intervals from ${formatCount(reliability.bootstrap.resamples, language)} bootstrap resamples.`,
    description,
  };
}

function tabulateCharacters(definition: Definition, context: ChartContext): Tabulated {
  const reliability = context.reliability(definition.dataset);
  const dataset = context.datasetSummary(definition.dataset);
  const language = context.language;
  const results = reliability.characters ?? [];
  const several = reliability.coders.length > 2;
  const label = (result: CharacterAgreementResult, dimension: DimensionReport) =>
    `${byId(dimension.codes, result.code, 'code').label}${several ? ` (${result.pair.join(' and ')})` : ''}`;
  const rows: ChartRow[] = results.map((result) => {
    const dimension = context.dimension(result.dimension);
    return {
      label: label(result, dimension),
      depth: 0,
      dimension: dimension.label,
      source: result.source ?? allSources,
      characters: result.characters,
      ...defined({ agreement: result.agreement, kappa: result.kappa }),
    };
  });
  const pooled = results.filter((result) => result.source === null && result.kappa !== null);
  const lowest = least(pooled, (result) => result.kappa);
  const highest = greatest(pooled, (result) => result.kappa);
  const describe = (result: CharacterAgreementResult) =>
    `${label(result, context.dimension(result.dimension))} (kappa ${formatCoefficient(result.kappa!, language)}, ${formatShare(result.agreement ?? 0, language)} of characters agreed)`;
  return {
    dataset: dataset.id,
    dimensions: reliability.dimensions.map((figures) => figures.dimension),
    columns: [
      { key: 'label', label: 'Code', type: 'text' },
      { key: 'dimension', label: 'Dimension', type: 'text' },
      { key: 'source', label: 'Source', type: 'text' },
      { key: 'characters', label: 'Characters', type: 'count' },
      { key: 'agreement', label: 'Agreement', type: 'share' },
      { key: 'kappa', label: "Cohen's kappa", type: 'coefficient' },
    ],
    rows,
    n: { units: reliability.units, participants: reliability.participants },
    sourceLine: `${dataset.label}: characters of the source documents ${coderList(reliability)} coded, per code, pooled over sources (large dots) and per source (small dots).`,
    description:
      `${subsetSentence(reliability, dataset.unit, language)} ` +
      (lowest && highest
        ? `Character by character, agreement was highest for ${describe(highest)} and lowest for ${describe(lowest)}. Long stretches no one coded make agreement high whatever the coders did, which is why kappa is drawn.`
        : 'No code was used by the coders in the sources they coded.'),
  };
}

/** "Coder A and Coder B coded 40 of the 300 posts independently." */
function subsetSentence(reliability: DatasetReliability, unit: readonly [string, string], language: string): string {
  return `${capitalise(coderList(reliability))} coded ${formatCount(reliability.units, language)} of the ${countOf(reliability.of, unit, language)} independently.`;
}

/** Only the figures that are defined: a row of a chart holds numbers or text, never null. */
function defined(figures: Record<string, number | null | undefined>): Record<string, number> {
  return Object.fromEntries(Object.entries(figures).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));
}
