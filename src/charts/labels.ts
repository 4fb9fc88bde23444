import * as Plot from '@observablehq/plot';
import { estimateTextWidth, wrapText } from './export/wrapText.ts';
import { chartWidths, isNarrow } from './theme.ts';

/**
 * Fitting labels into a chart. Widths are estimated with the metrics the downloads wrap
 * titles by (export/wrapText.ts: calibrated against the bundled font, erring wide), so a
 * label placed here never runs into its neighbour or out of the drawing; a label cut short
 * ends in "…" and keeps its full text in a <title> tooltip, as in the data table.
 */

/** The chart font's size in px (chartTheme). */
export const labelFontSize = 13;
/** Room between a category label and the plot beside it. */
const gap = 16;
/** Lines of a label beside a row: beyond this it is shortened. */
const mostLines = 3;
/** Lines of wrapped text are set 1 em apart (Plot's lineHeight). */
const lineStep = labelFontSize;

/** A text's estimated width in px at a size of the chart font (erring wide). */
export function textWidth(text: string, fontSize: number = labelFontSize): number {
  return estimateTextWidth(text, fontSize);
}

/** The widest left margin labels may take: a third of a phone's drawing, or 260 px. */
function widestMargin(width: number): number {
  return isNarrow(width) ? 140 : 260;
}

/** Room for the category labels on the left of a horizontal chart: the longest one's width, up to the widest margin (longer ones wrap). */
export function labelMargin(labels: readonly string[], width: number = chartWidths.wide): number {
  const longest = Math.max(0, ...labels.map((label) => textWidth(label)));
  return Math.ceil(Math.min(widestMargin(width), gap + longest));
}

/** A label's lines within the left margin: wrapped at spaces (or inside a long word), at most three, the last ending in "…" when cut. */
export function wrappedLabel(label: string, labels: readonly string[], width: number): string[] {
  return wrapText(label, { maxWidth: labelMargin(labels, width) - gap, fontSize: labelFontSize, maxLines: mostLines });
}

/** Lines the longest-wrapping label takes (for row heights). */
export function labelLines(labels: readonly string[], width: number): number {
  return Math.max(1, ...labels.map((label) => wrappedLabel(label, labels, width).length));
}

/** Height of one category row: taller when its label wraps. */
export function rowHeight(labels: readonly string[], width: number, least = 30): number {
  return Math.max(least, 10 + (lineStep + 2) * labelLines(labels, width));
}

/**
 * The category axis of a horizontal chart: labels wrapped to the left margin, each with its
 * full text as a tooltip. `labelOf` gives the text for a domain value (the value itself by default).
 */
export function categoryAxisY(
  labels: readonly string[],
  width: number,
  labelOf: (value: string) => string = (value) => value,
): Plot.CompoundMark | Plot.Markish {
  const texts = labels.map(labelOf);
  return Plot.axisY({
    label: null,
    tickSize: 0,
    lineWidth: Infinity,
    tickFormat: (value: string) => wrappedLabel(labelOf(value), texts, width).join('\n'),
    title: (value: string) => labelOf(value).trim(),
  });
}

/** A label shortened to a width, ending in "…" when cut. */
export function shortened(label: string, maxWidth: number, fontSize: number = labelFontSize): string {
  return wrapText(label, { maxWidth, fontSize, maxLines: 1 })[0] ?? '';
}

/** How the labels of a band axis along the bottom are set: level or upright, every one or every k-th. */
export interface BandLabels {
  readonly rotate: 0 | -90;
  /** The domain values that get a label. */
  readonly ticks: readonly string[];
  /** The text of each label, shortened to `longest`. */
  readonly format: (value: string) => string;
  /** Room the labels take below the axis, in px. */
  readonly height: number;
  /** How far the first label reaches left of its band's centre. */
  readonly overhang: number;
}

/**
 * Labels for a band axis whose bands are `spacing` px apart: level when each fits its band,
 * otherwise upright (turned a quarter, so each label's box is its own strip and never leans
 * over its neighbour's); when even upright labels would touch, only every k-th is labelled
 * (the table and the cells' tooltips name them all).
 */
export function bandLabels(values: readonly string[], spacing: number, longest: number): BandLabels {
  const format = (value: string) => shortened(value, longest);
  const widest = Math.max(0, ...values.map((value) => textWidth(format(value))));
  const tickGap = 9;
  if (widest + 4 <= spacing) return { rotate: 0, ticks: values, format, height: tickGap + labelFontSize + 4, overhang: widest / 2 };
  const across = labelFontSize + 2;
  const every = Math.ceil(across / Math.max(1, spacing));
  return {
    rotate: -90,
    ticks: values.filter((_, index) => index % every === 0),
    format,
    height: Math.ceil(tickGap + widest + 4),
    overhang: labelFontSize / 2,
  };
}
