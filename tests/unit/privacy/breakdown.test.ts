import { afterAll, describe, expect, it } from 'vitest';
import { chartCsv } from '../../../src/charts/downloads/chartCsv.ts';
import type { ChartReport } from '../../../src/model/chartReport.ts';
import { attributesDetail, keyFigures } from '../../../src/render/keyFigures.ts';
import { plainText } from '../../../src/render/sentence.ts';
import { chartById, chartReport, chartStudy, parseSvg, removeChartFixtures, svgOf } from '../../helpers/chartFixture.ts';
import { edit } from '../../helpers/studyFixture.ts';

afterAll(removeChartFixtures);

// The chart study with privacy.min_cell 3 and four teams: red, blue and gold of four members
// each, and green of two. Posts are coded on tone (positive, negative; no harsh), spread over
// each team's members in turn, so by team they count:
//
//            positive  negative  coded posts
//   red          10         2         12
//   blue          8         9         17
//   gold          7        11         18
//   green         3         3          6      (only when `green` is given: two members)
const study = edit(chartStudy, 'participants:\n', 'privacy: { min_cell: 3 }\nparticipants:\n');
const teams = {
  red: ['M1', 'M2', 'M3', 'M4'],
  blue: ['M5', 'M6', 'M7', 'M8'],
  gold: ['M9', 'M10', 'M11', 'M12'],
  green: ['M13', 'M14'],
} as const;
const participants = `member_id,team\n${Object.entries(teams)
  .flatMap(([team, members]) => members.map((member) => `${member},${team}`))
  .join('\n')}\n`;

function posts(green: boolean): string {
  const counts: Record<keyof typeof teams, [positive: number, negative: number]> = {
    red: [10, 2],
    blue: [8, 9],
    gold: [7, 11],
    green: green ? [3, 3] : [0, 0],
  };
  const rows: string[] = [];
  for (const [team, [positive, negative]] of Object.entries(counts) as [keyof typeof teams, [number, number]][]) {
    const members = teams[team];
    const tones = [...Array<string>(positive).fill('positive'), ...Array<string>(negative).fill('negative')];
    tones.forEach((tone, index) => rows.push(`P${rows.length + 1},${members[index % members.length]},2024-03-02,,${tone},`));
  }
  return `post_id,member_id,posted_on,themes,tone,excluded\n${rows.join('\n')}\n`;
}

const charts = {
  'tone-by-team.yaml': 'kind: breakdown\ntitle: Tone by team\ndimension: tone\nby: team\nlayout: stacked\n',
  'tone-heatmap.yaml': 'kind: breakdown\ntitle: Tone by team\ndimension: tone\nby: team\nlayout: heatmap\n',
  'tone-by-member.yaml': 'kind: breakdown\ntitle: Tone by member\ndimension: tone\nlayout: stacked\n',
  'stance-reporting.yaml': 'kind: participants-reporting\ntitle: Stance\ndimension: stance\n',
};
const report = (green: boolean) => chartReport({ study, participants, posts: posts(green), charts });
const table = (chart: ChartReport) =>
  chart.rows.map((row) => [row.group, row.label, row.n, row.of, row.share === undefined ? '' : 'share']);

describe('a breakdown by attribute with one small count', () => {
  const site = report(false);
  const chart = chartById(site, 'tone-by-team');

  it('suppresses the small count, and the cells that would give it away, as a 2 x 2 block', () => {
    // Red's 2 is small. Its row would give it away, so red's 10 goes too. Those leave the
    // positive and negative columns each with one cell: gold's 7 (smaller than blue's 8) and
    // gold's 11 (as gold's row then needs a second cell) go. Every denominator stays.
    expect(table(chart)).toEqual([
      ['red', 'Positive', 'suppressed', 12, ''],
      ['red', 'Negative', 'suppressed', 12, ''],
      ['blue', 'Positive', 8, 17, 'share'],
      ['blue', 'Negative', 9, 17, 'share'],
      ['gold', 'Positive', 'suppressed', 18, ''],
      ['gold', 'Negative', 'suppressed', 18, ''],
    ]);
  });

  it('writes suppressed counts the same way in the CSV and the JSON rows, with no share', () => {
    expect(chartCsv(chart).split('\r\n').slice(0, 3)).toEqual([
      'Team,Code,Posts,Coded posts in group,Share of group',
      'red,Positive,suppressed,12,',
      'red,Negative,suppressed,12,',
    ]);
    expect(chart.rows[0]).toEqual({ group: 'red', code: 'positive', label: 'Positive', depth: 0, n: 'suppressed', of: 12 });
    expect(chart.columns.map((column) => column.type)).toEqual(['text', 'text', 'text', 'text', 'share']);
  });

  it('says so in the source line and the description, and ranks only what is shown', () => {
    expect(chart.sourceLine).toBe(
      'Posts, n = 47 posts coded, from 12 members. Counts of 1 or 2 posts and counts from which those could be worked out are not shown.',
    );
    expect(chart.description).toBe(
      'Tone by team: 3 groups, 2 codes, shares within each group. The largest share is Negative for blue: 9 of 17 posts (53%). ' +
        'To protect the members, 4 of 6 cells are not shown (marked "suppressed"): counts of 1 or 2 posts and counts from which those could be worked out.',
    );
  });

  it('draws suppressed cells grey, keyed "Not shown", with no number', () => {
    const heatmap = chartById(site, 'tone-heatmap');
    const svg = svgOf(heatmap);
    const document = parseSvg(svg);
    const legend = [...document.querySelectorAll('.chart-legend text')].map((text) => text.textContent);
    expect(legend.at(-1)).toBe('Not shown');
    const texts = [...document.querySelectorAll('text')].map((text) => text.textContent);
    // Blue's counts are drawn; none of the suppressed ones (10, 2, 7, 11) is.
    expect(texts).toEqual(expect.arrayContaining(['8', '9']));
    for (const hidden of ['10', '2', '7', '11']) expect(texts).not.toContain(hidden);
    expect(svg).toContain('red, Positive: not shown');
    // Stacked bars end in a grey "Not shown" segment for what the suppressed cells hold.
    const stacked = parseSvg(svgOf(chart));
    expect([...stacked.querySelectorAll('.chart-legend text')].map((text) => text.textContent)).toEqual([
      'Positive',
      'Negative',
      'Not shown',
    ]);
  });

  it('leaves by-participant breakdowns and participants-reporting charts alone', () => {
    const byMember = chartById(site, 'tone-by-member');
    expect(byMember.rows.some((row) => row.n === 'suppressed')).toBe(false);
    expect(byMember.rows.some((row) => typeof row.n === 'number' && row.n > 0 && row.n < 3)).toBe(true);
    const reporting = chartById(site, 'stance-reporting');
    expect(reporting.rows.some((row) => row.n === 'suppressed')).toBe(false);
    expect(reporting.rows.some((row) => typeof row.n === 'number' && row.n > 0 && row.n < 3)).toBe(true);
  });
});

describe('a breakdown by attribute with a group of two', () => {
  const chart = chartById(report(true), 'tone-by-team');

  it('suppresses every count of the group and its size, and protects them through the totals', () => {
    // Green (two members) is hidden whole. Red's 2 is small; red's row then loses its 10
    // (smallest). The denominator column holds only green's 6, so red's 12, the smallest, goes.
    expect(table(chart)).toEqual([
      ['red', 'Positive', 'suppressed', 'suppressed', ''],
      ['red', 'Negative', 'suppressed', 'suppressed', ''],
      ['blue', 'Positive', 8, 17, 'share'],
      ['blue', 'Negative', 9, 17, 'share'],
      ['gold', 'Positive', 7, 18, 'share'],
      ['gold', 'Negative', 11, 18, 'share'],
      ['green', 'Positive', 'suppressed', 'suppressed', ''],
      ['green', 'Negative', 'suppressed', 'suppressed', ''],
    ]);
    expect(chart.description).toContain(
      'To protect the members, 4 of 8 cells and the size of 2 groups are not shown (marked "suppressed"): ' +
        'counts of 1 or 2 posts, every count of a group of fewer than 3 members and counts from which those could be worked out.',
    );
    expect(chart.description).toContain('The largest share is Negative for gold: 11 of 18 posts (61%).');
  });
});

describe('a breakdown by attribute with nothing to suppress', () => {
  it('is unchanged: counts as numbers, no note', () => {
    const site = chartReport({
      study: edit(chartStudy, 'participants:\n', 'privacy: { min_cell: 2 }\nparticipants:\n'),
      participants,
      posts: posts(false),
      charts,
    });
    const chart = chartById(site, 'tone-by-team');
    // min_cell 2: nothing counts 1, so nothing is suppressed.
    expect(chart.rows.every((row) => typeof row.n === 'number')).toBe(true);
    expect(chart.columns.map((column) => column.type)).toEqual(['text', 'text', 'count', 'count', 'share']);
    expect(chart.sourceLine).toBe('Posts, n = 47 posts coded, from 12 members.');
    expect(chart.description).not.toContain('not shown');
  });
});

describe('the participants summary by attribute', () => {
  it('hides a group of two, and the next smallest so the total cannot reveal it', () => {
    const site = report(true);
    expect(site.participants.attributes).toEqual([
      {
        column: 'team',
        label: 'Team',
        values: [
          { value: 'red', n: null },
          { value: 'blue', n: 4 },
          { value: 'gold', n: 4 },
          { value: 'green', n: null },
        ],
      },
    ]);
    const detail =
      'Team: red not shown, blue 4, gold 4, green not shown. Groups of fewer than 3, and groups that would reveal their size, are not shown.';
    expect(plainText(attributesDetail(site.participants.attributes, 3))).toBe(detail);
    const [members] = keyFigures(site);
    expect({ ...members, detail: plainText(members!.detail ?? []) }).toEqual({ label: 'Members', value: '14', detail });
  });

  it('shows every count when no group is small', () => {
    expect(
      plainText(
        attributesDetail(
          [
            {
              column: 'role',
              label: 'Role',
              values: [
                { value: 'Principal', n: 9 },
                { value: '', n: 4 },
              ],
            },
          ],
          3,
        ),
      ),
    ).toBe('Role: Principal 9, not given 4.');
  });
});
