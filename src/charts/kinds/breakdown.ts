import { z } from 'zod';
import { commonChartFields, topGroups } from '../../schemas/chart.ts';
import { identifier } from '../../schemas/primitives.ts';
import * as Plot from '@observablehq/plot';
import { rollup, sum } from 'd3-array';
import type { GroupCounts } from '../../model/report.ts';
import { isSmallCount, suppressedMark, suppressSmallCells } from '../../analyse/suppressSmallCells.ts';
import { countOf, formatCount, formatShare, capitalise } from '../../format/format.ts';
import type { ChartKind } from '../chartKind.ts';
import type { ChartRow } from '../../model/chartReport.ts';
import { bottomAxisLabel, categoricalColours, chartTheme, isNarrow, mutedColour, sequentialColours, withDisplayLabels } from '../theme.ts';
import { bandLabels, categoryAxisY, labelMargin, rowHeight, textWidth, type BandLabels } from '../labels.ts';
import { measureNoun, sourceLine } from './describe.ts';
import { foldOthers } from './foldOthers.ts';
import { didYouMean } from '../../problems/didYouMean.ts';
import { listOf, quoted } from '../../problems/problem.ts';

/** A definition of this kind, as written in content/charts/<id>.yaml. */
export const breakdownChart = z.strictObject({
  ...commonChartFields,
  kind: z.literal('breakdown'),
  dimension: identifier,
  /** `participant`, or a participant attribute column from study.yaml. */
  by: z.string().min(1).default('participant'),
  layout: z.enum(['heatmap', 'stacked']).default('heatmap'),
  top: topGroups,
});

type Definition = z.infer<typeof breakdownChart>;

/** Share thresholds of the heatmap's colour steps. */
const steps = [0.1, 0.2, 0.3, 0.5, 0.7];

/** The legend's and the stacked bars' name for suppressed cells. */
const notShown = 'Not shown';

/**
 * A dimension's codes across participants or across values of a participant attribute:
 * a heatmap of shares within each group, or stacked bars when codes exclude each other.
 *
 * By an attribute, small cells are suppressed (privacy.min_cell; see docs/privacy.md):
 * counts under min_cell, every cell of a group of fewer than min_cell participants, and the
 * cells that would give those away through the group's total or the code's overall count.
 * Per participant nothing is suppressed: participants appear only under pseudonymous ids.
 */
export const breakdown: ChartKind<Definition> = {
  name: 'breakdown',
  schema: breakdownChart,
  checkReferences(definition, references) {
    references.dimension(definition.dimension, ['dimension']);
    const attributes = references.outline.attributes.map((attribute) => attribute.column);
    if (definition.by !== 'participant' && !attributes.includes(definition.by)) {
      references.problem(
        ['by'],
        `expected "participant" or a participant attribute from study.yaml (${listOf(attributes) || 'none declared'}); found ${quoted(definition.by)}${didYouMean(definition.by, ['participant', ...attributes])}`,
      );
    }
  },
  shows: (definition) => ({ dimensions: [definition.dimension] }),
  tabulate(definition, context) {
    const dimension = context.dimension(definition.dimension);
    const dataset = context.datasetSummary(dimension.dataset);
    const language = context.language;
    const byParticipant = definition.by === 'participant';
    const attribute = byParticipant ? undefined : dimension.byAttribute.find((candidate) => candidate.column === definition.by);
    // The attribute was checked against study.yaml when the definition loaded.
    if (!byParticipant && !attribute) throw new Error(`internal: no attribute "${definition.by}"`);
    // Per participant the counts are units; per attribute value they count as the codebook says.
    const measure = byParticipant ? dataset.unit : measureNoun(dimension, dataset, context.report);
    const groups = byParticipant
      ? foldOthers(
          dimension.byParticipant,
          definition.top,
          (group) => group.denominator,
          (rest) => combineGroups(rest, language),
        )
      : attribute!.groups.filter((group) => group.denominator > 0);
    // Stacked bars must count each unit once: single-code dimensions only, and only their top-level
    // codes, which hold every coded unit once each. (Leaf codes would drop the units coded with a
    // parent itself, and a group's bar would fall short of 100%.) Beyond the palette's colours
    // it is drawn as a heatmap, of every code.
    const topLevel = dimension.codes.filter((code) => code.depth === 0);
    const stacked = definition.layout === 'stacked' && !dimension.multiple && topLevel.length <= categoricalColours.length;
    const codes = stacked ? topLevel : dimension.codes;

    // One row per group, one column per code and a last column for the group's denominator,
    // which is suppressed like any count: a group of 2 must not show its size.
    const minCell = context.report.study.minCell;
    const smallGroup = (group: GroupCounts) =>
      !byParticipant && ((group.members ?? 0) < minCell || isSmallCount(group.denominator, minCell));
    const table = groups.map((group) => [...codes.map((code) => group.counts[code.id] ?? 0), group.denominator]);
    const suppression = !byParticipant ? suppressSmallCells(table, minCell, { force: (row) => smallGroup(groups[row]!) }) : undefined;
    const hidden = (row: number, column: number) => suppression?.suppressed[row]![column] ?? false;
    const suppressedCells = suppression ? suppression.primary + suppression.secondary : 0;
    const hiddenSizes = groups.filter((_, g) => hidden(g, codes.length)).length;

    const rows: ChartRow[] = groups.flatMap((group, g) =>
      codes.map((code, c) => {
        const n = group.counts[code.id] ?? 0;
        const nHidden = hidden(g, c);
        const ofHidden = hidden(g, codes.length);
        const row = {
          group: group.group,
          code: code.id,
          label: code.label,
          depth: code.depth,
          n: nHidden ? suppressedMark : n,
          of: ofHidden ? suppressedMark : group.denominator,
        };
        // A share with its count or its denominator shown would give the other away.
        return nHidden || ofHidden ? row : { ...row, share: group.denominator === 0 ? 0 : n / group.denominator };
      }),
    );
    const groupName = byParticipant ? capitalise(context.report.participants.label[0]) : attribute!.label;
    const highest = rows.filter((row) => row.share !== undefined).sort((a, b) => Number(b.share) - Number(a.share))[0];
    // Suppressed counts are words among numbers: those columns are then text.
    const countType = suppressedCells > 0 ? 'text' : 'count';
    const people = context.report.participants.label[1];
    // Why cells are missing, naming only the reasons that apply here.
    const smallCounts = `${minCell === 2 ? '1' : minCell === 3 ? '1 or 2' : `1 to ${formatCount(minCell - 1, language)}`} ${minCell === 2 ? measure[0] : measure[1]}`;
    const reasons = [
      ...(table.some((row) => row.some((n) => isSmallCount(n, minCell))) ? [`counts of ${smallCounts}`] : []),
      ...(groups.some(smallGroup)
        ? [`every count of a group of fewer than ${countOf(minCell, context.report.participants.label, language)}`]
        : []),
      ...(suppression && suppression.secondary > 0 ? ['counts from which those could be worked out'] : []),
    ];
    return {
      dataset: dataset.id,
      dimensions: [dimension.id],
      columns: [
        { key: 'group', label: groupName, type: 'text' },
        { key: 'label', label: 'Code', type: 'text' },
        { key: 'n', label: capitalise(measure[1]), type: countType },
        { key: 'of', label: `Coded ${measure[1]} in group`, type: countType },
        { key: 'share', label: 'Share of group', type: 'share' },
      ],
      rows,
      variant: stacked ? 'stacked' : 'heatmap',
      n: { units: dimension.codedUnits, participants: dimension.codedParticipants },
      sourceLine:
        sourceLine(dimension, dataset, context.report) + (suppressedCells > 0 ? ` ${capitalise(listed(reasons))} are not shown.` : ''),
      description:
        `${dimension.label} by ${groupName.toLowerCase()}: ${groups.length} groups, ${codes.length} codes, shares within each group. ` +
        (highest && Number(highest.n) > 0
          ? `The largest share is ${highest.label} for ${highest.group}: ${formatCount(Number(highest.n), language)} of ${countOf(Number(highest.of), measure, language)} (${formatShare(Number(highest.share), language)}).`
          : 'Nothing was coded.') +
        (byParticipant && groups.length < dimension.byParticipant.length
          ? ` The ${definition.top} ${context.report.participants.label[1]} with the most coded ${dataset.unit[1]} are shown one by one; the rest are combined.`
          : '') +
        (suppressedCells > 0
          ? ` To protect the ${people}, ${formatCount(rows.filter((row) => row.n === suppressedMark).length, language)} of ${formatCount(rows.length, language)} cells` +
            (hiddenSizes > 0 ? ` and the size of ${formatCount(hiddenSizes, language)} ${hiddenSizes === 1 ? 'group' : 'groups'}` : '') +
            ` are not shown (marked "${suppressedMark}"): ${listed(reasons)}.`
          : ''),
    };
  },

  plot(chart, language, width) {
    const all = withDisplayLabels(chart.rows);
    const groups = [...new Set(all.map((row) => String(row.group)))];
    const codes = [...new Set(all.map((row) => row.display))];
    // Suppressed cells have no share: they are drawn grey, with no number, and keyed "Not shown".
    const rows = all.filter((row) => row.share !== undefined);
    const suppressed = all.filter((row) => row.share === undefined);
    const notShownItem = suppressed.length > 0 ? [{ label: notShown, colour: mutedColour }] : [];
    // <title> tooltips, as on the other kinds; a suppressed cell says only that it is not shown.
    const title = (row: ChartRow) =>
      row.share === undefined
        ? `${row.group}, ${row.label}: not shown`
        : `${row.group}, ${row.label}: ${formatCount(Number(row.n), language)} of ${formatCount(Number(row.of), language)} (${formatShare(Number(row.share), language)})`;
    if (chart.variant === 'stacked') {
      const colours = categoricalColours.slice(0, codes.length);
      // What the shown shares leave of each bar is the suppressed cells' together (all of it
      // when the group's size is suppressed), as the table's counts already tell.
      const rest =
        suppressed.length === 0
          ? []
          : groups.flatMap((group) => {
              const shown = rows.filter((row) => row.group === group);
              const share = all.some((row) => row.group === group && row.of === suppressedMark)
                ? 1
                : 1 - sum(shown, (row) => Number(row.share));
              return share > 1e-9 ? [{ group, display: notShown, share }] : [];
            });
      const plot: Plot.PlotOptions = {
        ...chartTheme,
        width,
        height: 20 + bottomAxisLabel.marginBottom + groups.length * rowHeight(groups, width),
        marginLeft: labelMargin(groups, width),
        marginBottom: bottomAxisLabel.marginBottom,
        x: { label: 'Share of group', percent: true, domain: [0, 100], ...bottomAxisLabel.x },
        y: { label: null, domain: groups, axis: null },
        color: { domain: [...codes, ...(rest.length > 0 ? [notShown] : [])], range: [...colours, mutedColour] },
        marks: [
          Plot.barX([...rows, ...rest], {
            x: 'share',
            y: 'group',
            fill: 'display',
            title: (row: ChartRow) => (row.label === undefined ? `${row.group}: ${notShown.toLowerCase()}` : title(row)),
          }),
          Plot.ruleX([0]),
          categoryAxisY(groups, width),
        ],
      };
      return {
        plot,
        legend: { items: [...codes.map((label, index) => ({ label: label.trim(), colour: colours[index]! })), ...notShownItem] },
      };
    }
    // Groups across and codes down; transposed (groups down, codes across) when the groups'
    // labels would not all fit along the bottom but the codes' would, as on a phone.
    const across = heatmapLayout(groups, codes, width);
    const transposed = across.labels.ticks.length < groups.length ? heatmapLayout(codes, groups, width) : undefined;
    const layout = transposed && transposed.labels.ticks.length === codes.length ? transposed : across;
    const [xKey, yKey] = layout === across ? (['group', 'display'] as const) : (['display', 'group'] as const);
    const down = layout === across ? codes : groups;
    const cellHeight = rowHeight(down, width);
    // Counts only where every cell holds its number; the table below, and each cell's tooltip, have them all.
    const counts = rows.map((row) => formatCount(Number(row.n), language));
    const countSize = [11, 9].find(
      (size) =>
        size + 4 <= cellHeight * 0.9 - 1 && Math.max(0, ...counts.map((count) => textWidth(count, size))) + 4 <= layout.spacing * 0.9 - 1,
    );
    const plot: Plot.PlotOptions = {
      ...chartTheme,
      width,
      height: 10 + down.length * cellHeight + layout.labels.height + 6,
      marginTop: 10,
      marginLeft: layout.marginLeft,
      marginRight: heatmapMarginRight,
      marginBottom: layout.labels.height + 6,
      x: { label: null, domain: layout === across ? groups : codes, axis: null },
      y: { label: null, domain: down, axis: null },
      color: { type: 'threshold', domain: steps, range: [...sequentialColours] },
      marks: [
        Plot.cell(rows, { x: xKey, y: yKey, fill: 'share', inset: 0.5, title }),
        ...(suppressed.length > 0 ? [Plot.cell(suppressed, { x: xKey, y: yKey, fill: mutedColour, inset: 0.5, title })] : []),
        categoryAxisY(down, width),
        Plot.axisX({
          label: null,
          ticks: [...layout.labels.ticks],
          tickRotate: layout.labels.rotate,
          tickFormat: layout.labels.format,
          title: (value: string) => value.trim(),
        }),
        ...(countSize === undefined
          ? []
          : [
              Plot.text(rows, {
                x: xKey,
                y: yKey,
                text: (row: ChartRow) => formatCount(Number(row.n), language),
                // Dark steps get white numbers so every count keeps its contrast.
                fill: (row: ChartRow) => (Number(row.share) >= steps[2]! ? 'white' : 'black'),
                fontSize: countSize,
              }),
            ]),
      ],
    };
    return {
      plot,
      legend: {
        // Says what the numbers are when the cells hold them: colour is a share, the number a count.
        title:
          countSize === undefined
            ? 'Share of group'
            : `Share of group; numbers are ${String(chart.columns[2]?.label ?? 'counts').toLowerCase()}`,
        items: [...stepLabels(language).map((label, index) => ({ label, colour: sequentialColours[index]! })), ...notShownItem],
      },
    };
  },
};

const heatmapMarginRight = 20;

/** Where a heatmap with `across` along the bottom and `down` on the left puts its labels, and how wide its columns are. */
function heatmapLayout(
  across: readonly string[],
  down: readonly string[],
  width: number,
): { marginLeft: number; spacing: number; labels: BandLabels } {
  const longest = isNarrow(width) ? 170 : 200;
  const columns = Math.max(1, across.length);
  const labelsFor = (marginLeft: number) => bandLabels(across, (width - marginLeft - heatmapMarginRight) / columns, longest);
  const first = labelMargin(down, width);
  // The first column's label must not reach past the left edge.
  const spacing = (width - first - heatmapMarginRight) / columns;
  const marginLeft = Math.ceil(Math.max(first, labelsFor(first).overhang - spacing / 2 + 4));
  return { marginLeft, spacing: (width - marginLeft - heatmapMarginRight) / columns, labels: labelsFor(marginLeft) };
}

/** "under 10%", "10–20%", ..., "70% or more": one label per colour step. */
function stepLabels(language: string): string[] {
  const share = (value: number) => formatShare(value, language);
  return [
    `under ${share(steps[0]!)}`,
    ...steps.slice(1).map((upper, index) => `${share(steps[index]!)}–${share(upper)}`),
    `${share(steps.at(-1)!)} or more`,
  ];
}

function combineGroups(rest: readonly GroupCounts[], language: string): GroupCounts {
  const counts = rollup(
    rest.flatMap((group) => Object.entries(group.counts)),
    (entries) => sum(entries, ([, n]) => n),
    ([code]) => code,
  );
  return {
    group: `All others (${formatCount(rest.length, language)})`,
    denominator: sum(rest, (group) => group.denominator),
    counts: Object.fromEntries(counts),
  };
}

/** "a", "a and b", "a, b and c". */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
