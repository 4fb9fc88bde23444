import { afterAll, describe, expect, it } from 'vitest';
import { estimateTextWidth } from '../../../src/charts/export/wrapText.ts';
import { bandLabels, labelFontSize, labelMargin, rowHeight, shortened, wrappedLabel } from '../../../src/charts/labels.ts';
import { barColour, chartWidths } from '../../../src/charts/theme.ts';
import { chartById, chartReport, parseSvg, removeChartFixtures, svgOf } from '../../helpers/chartFixture.ts';

afterAll(removeChartFixtures);

const longWord = 'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(4);

describe('category labels', () => {
  it('take the margin their longest label needs, up to a cap per width', () => {
    expect(labelMargin(['Yes', 'No'], chartWidths.wide)).toBe(Math.ceil(16 + estimateTextWidth('Yes', labelFontSize)));
    expect(labelMargin([longWord], chartWidths.wide)).toBe(260);
    expect(labelMargin([longWord], chartWidths.narrow)).toBe(140);
  });

  it('wrap at spaces into the margin, each line fitting', () => {
    const labels = ['Instruction and curriculum at school', 'Other'];
    const lines = wrappedLabel(labels[0]!, labels, chartWidths.narrow);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(labels[0]);
    for (const line of lines) expect(estimateTextWidth(line, labelFontSize)).toBeLessThanOrEqual(140 - 16);
  });

  it('break a word too long for a line, and end in "…" after three lines', () => {
    const lines = wrappedLabel(longWord, [longWord], chartWidths.narrow);
    expect(lines).toHaveLength(3);
    expect(lines.at(-1)!.endsWith('…')).toBe(true);
    for (const line of lines) expect(estimateTextWidth(line, labelFontSize)).toBeLessThanOrEqual(140 - 16);
  });

  it('make rows tall enough for their lines', () => {
    expect(rowHeight(['Yes'], chartWidths.wide)).toBe(30);
    expect(rowHeight([longWord], chartWidths.narrow)).toBeGreaterThanOrEqual(3 * labelFontSize);
  });

  it('are shortened to a width with "…", and left alone when they fit', () => {
    expect(shortened('Technology', 200)).toBe('Technology');
    const cut = shortened('Instruction and curriculum', 60);
    expect(cut.endsWith('…')).toBe(true);
    expect(estimateTextWidth(cut, labelFontSize)).toBeLessThanOrEqual(60);
  });
});

describe('labels along the bottom', () => {
  const ids = Array.from({ length: 17 }, (_, index) => `P${String(index + 1).padStart(2, '0')}`);

  it('stay level when each fits its band', () => {
    expect(bandLabels(ids, 40, 150)).toMatchObject({ rotate: 0, ticks: ids });
  });

  it('stand upright when level labels would touch', () => {
    expect(bandLabels(ids, 24, 150)).toMatchObject({ rotate: -90, ticks: ids });
    expect(bandLabels(ids, 16, 150)).toMatchObject({ rotate: -90, ticks: ids });
  });

  it('label every k-th band when even upright labels would touch', () => {
    const labels = bandLabels(ids, 7, 150);
    expect(labels.rotate).toBe(-90);
    expect(labels.ticks).toEqual(ids.filter((_, index) => index % 3 === 0));
  });

  it('are shortened, and leave room below for the longest', () => {
    const labels = bandLabels(['All others (4,973)', 'A very long attribute value indeed, longer than any band'], 30, 160);
    expect(labels.format('All others (4,973)')).toBe('All others (4,973)');
    expect(labels.format('A very long attribute value indeed, longer than any band').endsWith('…')).toBe(true);
    expect(labels.height).toBeGreaterThanOrEqual(estimateTextWidth('All others (4,973)', labelFontSize));
  });
});

describe('colour', () => {
  const report = chartReport({
    charts: {
      'comparison.yaml':
        'kind: comparison\ntitle: Side by side\nmeasures:\n  - { label: Any technology, dimension: theme, codes: [technology] }\n  - { label: Wellbeing, dimension: theme, codes: [wellbeing] }\n  - { label: Hardware, dimension: theme, codes: [hardware] }\n',
      'split.yaml': 'kind: timeline\ntitle: Posts per day by tone\ndataset: posts\ndimension: tone\n',
      'per-member.yaml': 'kind: per-participant\ntitle: Posts per member\ndataset: posts\n',
    },
  });
  /** Fills of the marks that carry a tooltip (bars and cells), legend swatches excluded. */
  const markFills = (id: string) =>
    new Set(
      [...parseSvg(svgOf(chartById(report, id))).querySelectorAll('rect')]
        .filter((rect) => rect.querySelector('title'))
        .map((rect) => rect.getAttribute('fill') ?? rect.parentElement?.getAttribute('fill')),
    );

  it('gives a single series one accent colour, and no legend', () => {
    expect(markFills('comparison')).toEqual(new Set([barColour]));
    expect(markFills('per-member')).toEqual(new Set([barColour]));
    expect(parseSvg(svgOf(chartById(report, 'comparison'))).querySelector('.chart-legend')).toBeNull();
  });

  it('colours the segments of a split chart, one colour per code, each in the legend', () => {
    const fills = markFills('split');
    const legend = [...parseSvg(svgOf(chartById(report, 'split'))).querySelectorAll('.chart-legend rect')].map((rect) =>
      rect.getAttribute('fill'),
    );
    expect(fills.size).toBeGreaterThan(1);
    expect(new Set(legend)).toEqual(fills);
  });
});
