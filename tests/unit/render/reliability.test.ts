import { afterAll, describe, expect, it } from 'vitest';
import { alphaReadingText, reliabilitySentences, reliabilityTables } from '../../../src/render/reliability.ts';
import { formatCoefficient } from '../../../src/format/format.ts';
import { plainText } from '../../../src/render/sentence.ts';
import { chartReport, chartStudy, removeChartFixtures } from '../../helpers/chartFixture.ts';
import { edit } from '../../helpers/studyFixture.ts';
import { findOne } from '../../helpers/findOne.ts';

afterAll(removeChartFixtures);

// P01-P04 coded by two coders on tone and theme; P05 by one coder only (on tone).
const coders = `post_id,coder,tone,themes
P01,c1,positive,technology;software
P01,c2,positive,technology
P02,c1,positive,hardware
P02,c2,negative,hardware
P03,c1,negative,wellbeing
P03,c2,negative,wellbeing
P04,c1,harsh,hardware
P04,c2,negative,hardware
P05,c1,positive,
`;
const study = edit(chartStudy, '    exclude: excluded\n', '    exclude: excluded\n    reliability: coders.csv\n');
const report = chartReport({ study, extra: { 'coders.csv': coders } });
const figures = (dimension: string) =>
  findOne(report.reliability[0]!.dimensions, (candidate) => candidate.dimension === dimension, `dimension ${dimension}`);

describe('<Reliability dimension>', () => {
  it('says who coded how many units, then alpha with its interval and reading, then agreement and kappa, all from the report', () => {
    const tone = figures('tone');
    const [coded, alpha, also] = reliabilitySentences(report, 'tone').map(plainText);
    expect(coded).toBe('Two coders independently coded 5 of the 9 posts.');
    expect(alpha).toBe(
      `Krippendorff's alpha for tone was ${formatCoefficient(tone.alpha!)} (95% CI ${formatCoefficient(tone.interval!.low)} to ${formatCoefficient(tone.interval!.high)}), ` +
        `${alphaReadingText(tone.alpha!, 'en')}, over 4 posts coded by at least two coders (8 pairable values).`,
    );
    expect(also).toBe(`The coders agreed on 50% of them, and Cohen's kappa was ${formatCoefficient(tone.cohenKappa!)}.`);
  });

  it('adds the range of alpha per code for a dimension of several codes a cell', () => {
    const sentences = reliabilitySentences(report, 'theme').map(plainText);
    const perCode = figures('theme')
      .codes.filter((code) => code.alpha !== null)
      .map((code) => code.alpha!);
    expect(sentences.at(-1)).toMatch(
      new RegExp(
        `^Code by code, on presence or absence, alpha ranged from ${formatCoefficient(Math.min(...perCode))} \\(.+\\) to ${formatCoefficient(Math.max(...perCode))} \\(.+\\)\\.$`,
      ),
    );
  });

  it('names the coders study.yaml names', () => {
    const named = chartReport({ study: `${study}coders:\n  c1: Avery Example\n  c2: Sam Example\n`, extra: { 'coders.csv': coders } });
    expect(plainText(reliabilitySentences(named, 'tone')[0]!)).toBe(
      'Two coders (Avery Example and Sam Example) independently coded 5 of the 9 posts.',
    );
  });

  it("states Krippendorff's conventional reading next to the figure", () => {
    expect(alphaReadingText(0.8, 'en')).toBe('at or above the 0.800 Krippendorff (2004) takes as reliable');
    expect(alphaReadingText(0.7, 'en')).toBe(
      'below the 0.800 Krippendorff (2004) takes as reliable but above the 0.667 he requires for tentative conclusions',
    );
    expect(alphaReadingText(0.66, 'en')).toBe('below the 0.667 Krippendorff (2004) requires even for tentative conclusions');
  });
});

describe('<ReliabilityTable>', () => {
  it('has a row per dimension with units, coders, values, alpha [CI], agreement and kappas, and a row per code of a multi-code dimension', () => {
    const [table] = reliabilityTables(report);
    const tone = figures('tone');
    expect(tone.fleissKappa).toBeNull();
    expect(plainText(table!.caption)).toBe('Agreement between coders: Posts (5 of 9 posts, coded independently by Coder A and Coder B)');
    expect(findOne(table!.rows, (row) => row.label === 'Tone', 'the tone row')).toEqual({
      label: 'Tone',
      depth: 0,
      cells: [
        '4',
        '2',
        '8',
        `${formatCoefficient(tone.alpha!)} [${formatCoefficient(tone.interval!.low)}, ${formatCoefficient(tone.interval!.high)}]`,
        '50%',
        formatCoefficient(tone.cohenKappa!),
        // P05 has one value and the other posts two: Fleiss' kappa is not defined.
        '–',
      ],
    });
    // Theme has several codes a cell: its codes follow it; tone has one, so its codes do not.
    expect(table!.rows.map((row) => [row.label, row.depth])).toEqual([
      ['Theme', 0],
      ['Technology', 1],
      ['Hardware', 1],
      ['Software', 1],
      ['Wellbeing', 1],
      ['Tone', 0],
    ]);
    expect(plainText(table!.note)).toContain('1,000 resamples');
    expect(reliabilityTables(report, 'notes')).toEqual([]);
  });
});
