import { afterAll, describe, expect, it } from 'vitest';
import type { ChartReport, ChartRow } from '../../../src/model/chartReport.ts';
import type { ChartVariant } from '../../../src/charts/chartSvg.ts';
import {
  chartCodebook,
  chartFile,
  chartPosts,
  chartReport,
  chartStudy,
  manyParticipants,
  parseSvg,
  removeChartFixtures,
  reportProblems,
  svgOf,
  tabulateOne,
  writeChartStudy,
} from '../../helpers/chartFixture.ts';
import { edit } from '../../helpers/studyFixture.ts';
import { bootstrapAlpha } from '../../../src/analyse/reliability/bootstrapAlpha.ts';
import { krippendorffAlpha } from '../../../src/analyse/reliability/krippendorffAlpha.ts';
import { formatCoefficient } from '../../../src/format/format.ts';
import { findOne } from '../../helpers/findOne.ts';

afterAll(removeChartFixtures);

// Every expected figure below was counted by hand from the rows in tests/helpers/chartFixture.ts:
//
//   post member day     themes               tone      (P10 by M5 on 3 March is excluded)
//   P01  M1     1 Mar   technology;software  positive
//   P02  M1     1 Mar   hardware;software    positive
//   P03  M1     2 Mar   wellbeing            negative
//   P04  M2     2 Mar   hardware             harsh (under negative)
//   P05  M2     4 Mar   -                    positive
//   P06  M3     4 Mar   wellbeing;software   -
//   P07  M3     5 Mar   technology           negative
//   P08  M4     5 Mar   wellbeing            positive
//   P09  M1     5 Mar   software             positive
//
// Teams: M1 M2 red, M3 M4 M5 blue, M6 green (no rows). Notes on stance (members):
// M1 agrees (twice), M2 disagrees, M3 not coded, M4 agrees, M5 disagrees.

/** Sum of `n` over the rows matching `where`. */
function total(rows: readonly ChartRow[], where: (row: ChartRow) => boolean): number {
  return rows.filter(where).reduce((sum, row) => sum + Number(row.n), 0);
}

/** The rows as [group, label, n, of] tuples, to compare a whole table at a glance. */
function cells(chart: ChartReport): [unknown, unknown, unknown, unknown][] {
  return chart.rows.map((row) => [row.group, row.label, row.n, row.of]);
}

describe('distribution', () => {
  it('counts each code, a parent once per unit however many of its children the unit has', () => {
    const chart = tabulateOne('kind: distribution\ntitle: Themes\ndimension: theme\n');
    // technology: P01 P02 P04 P06 P07 P09 (P02 has two children but counts once); 8 coded posts.
    expect(chart.rows).toEqual([
      { code: 'technology', label: 'Technology', parent: '', depth: 0, n: 6, share: 6 / 8 },
      { code: 'hardware', label: 'Hardware', parent: 'technology', depth: 1, n: 2, share: 2 / 8 },
      { code: 'software', label: 'Software', parent: 'technology', depth: 1, n: 4, share: 4 / 8 },
      { code: 'wellbeing', label: 'Wellbeing', parent: '', depth: 0, n: 3, share: 3 / 8 },
    ]);
    expect(chart.columns).toEqual([
      { key: 'label', label: 'Code', type: 'text' },
      { key: 'n', label: 'Posts', type: 'count' },
      { key: 'share', label: 'Share of 8', type: 'share' },
    ]);
    expect(chart.n).toEqual({ units: 8, participants: 4 });
    expect(chart.dataset).toBe('posts');
    expect(chart.dimensions).toEqual(['theme']);
    expect(chart.sourceLine).toBe('Posts, n = 8 posts coded, from 4 members; 1 not coded on this dimension.');
    expect(chart.description).toBe(
      '8 posts coded on theme, 4 codes. Technology (6, 75%) ranks first, 2.0 times the next, followed by Wellbeing (3, 38%). ' +
        'A post may carry several codes, so shares add up to more than 100%.',
    );
  });

  it('ranks the codes by size when asked, and keeps codebook order otherwise', () => {
    const bySize = tabulateOne('kind: distribution\ntitle: Themes\ndimension: theme\norder: size\n');
    expect(bySize.rows.map((row) => [row.code, row.n])).toEqual([
      ['technology', 6],
      ['software', 4],
      ['wellbeing', 3],
      ['hardware', 2],
    ]);
  });

  it('describes a single-code dimension without the "several codes" sentence, and counts nested codes under their parent', () => {
    const chart = tabulateOne('kind: distribution\ntitle: Tone\ndimension: tone\n');
    // negative: P03, P07, and P04 coded harsh; P06 is not coded.
    expect(chart.rows.map((row) => [row.code, row.n, row.share])).toEqual([
      ['positive', 5, 5 / 8],
      ['negative', 3, 3 / 8],
      ['harsh', 1, 1 / 8],
    ]);
    expect(chart.description).toBe(
      '8 posts coded on tone, 3 codes. Positive (5, 63%) ranks first, 1.7 times the next, followed by Negative (3, 38%).',
    );
  });

  it('says a tie as a tie, and counts participants for a participant-counted dimension', () => {
    const chart = tabulateOne('kind: distribution\ntitle: Stance\ndimension: stance\n');
    expect(chart.rows.map((row) => [row.code, row.n, row.share])).toEqual([
      ['agree', 2, 0.5],
      ['disagree', 2, 0.5],
      ['unsure', 0, 0],
    ]);
    expect(chart.columns.map((column) => column.label)).toEqual(['Code', 'Members', 'Share of 4']);
    expect(chart.n).toEqual({ units: 5, participants: 4 });
    expect(chart.sourceLine).toBe('Notes, n = 4 members with at least one coded note (5 coded notes); 1 not coded on this dimension.');
    expect(chart.description).toBe(
      '4 members with coded notes on stance, 3 codes. Agrees (2, 50%) and Disagrees (2, 50%) are level in first place. ' +
        'A note may carry several codes, so shares add up to more than 100%.',
    );
  });

  it('leaves out the margin when the first code is not well ahead', () => {
    // P07 and P09 recoded as wellbeing.
    const close = tabulateOne('kind: distribution\ntitle: Themes\ndimension: theme\n', {
      posts: edit(
        edit(chartPosts, 'P07,M3,2024-03-05,technology,', 'P07,M3,2024-03-05,wellbeing,'),
        'P09,M1,2024-03-05T09:30:00,software,',
        'P09,M1,2024-03-05T09:30:00,wellbeing,',
      ),
    });
    // technology: P01 P02 P04 P06 = 4; wellbeing: P03 P06 P07 P08 P09 = 5 (5/4 < 1.5).
    expect(close.description).toContain('Wellbeing (5, 63%) ranks first, followed by Technology (4, 50%).');
  });
});

describe('breakdown', () => {
  it('by participant: shares within each participant, the largest first, the rest folded into "All others (k)"', () => {
    const chart = tabulateOne('kind: breakdown\ntitle: Themes by member\ndimension: theme\ntop: 2\n');
    // Coded posts: M1 4, M3 2, M2 1, M4 1; M2 and M4 fold into one group of 2.
    expect(cells(chart)).toEqual([
      ['M1', 'Technology', 3, 4],
      ['M1', 'Hardware', 1, 4],
      ['M1', 'Software', 3, 4],
      ['M1', 'Wellbeing', 1, 4],
      ['M3', 'Technology', 2, 2],
      ['M3', 'Hardware', 0, 2],
      ['M3', 'Software', 1, 2],
      ['M3', 'Wellbeing', 1, 2],
      ['All others (2)', 'Technology', 1, 2],
      ['All others (2)', 'Hardware', 1, 2],
      ['All others (2)', 'Software', 0, 2],
      ['All others (2)', 'Wellbeing', 1, 2],
    ]);
    for (const row of chart.rows) expect(row.share).toBe(Number(row.n) / Number(row.of));
    expect(chart.rows.map((row) => row.code).slice(0, 4)).toEqual(['technology', 'hardware', 'software', 'wellbeing']);
    expect(chart.rows.map((row) => row.depth).slice(0, 4)).toEqual([0, 1, 1, 0]);
    expect(chart.variant).toBe('heatmap');
    expect(chart.columns).toEqual([
      { key: 'group', label: 'Member', type: 'text' },
      { key: 'label', label: 'Code', type: 'text' },
      { key: 'n', label: 'Posts', type: 'count' },
      { key: 'of', label: 'Coded posts in group', type: 'count' },
      { key: 'share', label: 'Share of group', type: 'share' },
    ]);
    expect(chart.n).toEqual({ units: 8, participants: 4 });
    expect(chart.sourceLine).toBe('Posts, n = 8 posts coded, from 4 members; 1 not coded on this dimension.');
    expect(chart.description).toBe(
      'Theme by member: 3 groups, 4 codes, shares within each group. The largest share is Technology for M3: 2 of 2 posts (100%). ' +
        'The 2 members with the most coded posts are shown one by one; the rest are combined.',
    );
  });

  it('by participant: no folding when everyone fits (one left over is not folded either)', () => {
    const all = tabulateOne('kind: breakdown\ntitle: Themes by member\ndimension: theme\n');
    expect([...new Set(all.rows.map((row) => row.group))]).toEqual(['M1', 'M3', 'M2', 'M4']);
    expect(all.description).not.toContain('combined');
    const three = tabulateOne('kind: breakdown\ntitle: Themes by member\ndimension: theme\ntop: 3\n');
    expect([...new Set(three.rows.map((row) => row.group))]).toEqual(['M1', 'M3', 'M2', 'M4']);
  });

  it('by attribute: groups are attribute values in order of appearance, empty ones left out', () => {
    const chart = tabulateOne('kind: breakdown\ntitle: Themes by team\ndimension: theme\nby: team\n');
    // red = M1 + M2 (5 coded posts), blue = M3 + M4 (+ M5, with no used post) = 3; green (M6) has none.
    expect(cells(chart)).toEqual([
      ['red', 'Technology', 4, 5],
      ['red', 'Hardware', 2, 5],
      ['red', 'Software', 3, 5],
      ['red', 'Wellbeing', 1, 5],
      ['blue', 'Technology', 2, 3],
      ['blue', 'Hardware', 0, 3],
      ['blue', 'Software', 1, 3],
      ['blue', 'Wellbeing', 2, 3],
    ]);
    expect(chart.columns[0]).toEqual({ key: 'group', label: 'Team', type: 'text' });
    expect(chart.description).toBe(
      'Theme by team: 2 groups, 4 codes, shares within each group. The largest share is Technology for red: 4 of 5 posts (80%).',
    );
  });

  it('by attribute on a participant-counted dimension counts members', () => {
    const chart = tabulateOne('kind: breakdown\ntitle: Stance by team\ndimension: stance\nby: team\n');
    // red: M1 agrees, M2 disagrees; blue: M4 agrees, M5 disagrees (M3 has no coded note).
    expect(cells(chart)).toEqual([
      ['red', 'Agrees', 1, 2],
      ['red', 'Disagrees', 1, 2],
      ['red', 'Unsure', 0, 2],
      ['blue', 'Agrees', 1, 2],
      ['blue', 'Disagrees', 1, 2],
      ['blue', 'Unsure', 0, 2],
    ]);
    expect(chart.columns.map((column) => column.label)).toEqual(['Team', 'Code', 'Members', 'Coded members in group', 'Share of group']);
  });

  it('stacked: top-level codes only, so each group adds up to its whole', () => {
    const chart = tabulateOne('kind: breakdown\ntitle: Tone by team\ndimension: tone\nby: team\nlayout: stacked\n');
    // red: positive P01 P02 P09 P05, negative P03 and P04 (harsh); blue: positive P08, negative P07.
    expect(chart.variant).toBe('stacked');
    expect(cells(chart)).toEqual([
      ['red', 'Positive', 4, 6],
      ['red', 'Negative', 2, 6],
      ['blue', 'Positive', 1, 2],
      ['blue', 'Negative', 1, 2],
    ]);
    expect(chart.description).toBe(
      'Tone by team: 2 groups, 2 codes, shares within each group. The largest share is Positive for red: 4 of 6 posts (67%).',
    );
  });

  it("stacked by participant: every participant's bar adds up to 100%", () => {
    const chart = tabulateOne('kind: breakdown\ntitle: Tone by member\ndimension: tone\nlayout: stacked\n');
    expect(chart.variant).toBe('stacked');
    expect(cells(chart)).toEqual([
      ['M1', 'Positive', 3, 4],
      ['M1', 'Negative', 1, 4],
      ['M2', 'Positive', 1, 2],
      ['M2', 'Negative', 1, 2],
      ['M3', 'Positive', 0, 1],
      ['M3', 'Negative', 1, 1],
      ['M4', 'Positive', 1, 1],
      ['M4', 'Negative', 0, 1],
    ]);
    for (const group of ['M1', 'M2', 'M3', 'M4'])
      expect(total(chart.rows, (row) => row.group === group)).toBe(
        Number(findOne(chart.rows, (row) => row.group === group, `a row of group ${group}`).of),
      );
  });

  it('stacked with more top-level codes than colours: a heatmap of every code, nested ones included', () => {
    const extra = ['c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9'].map((id) => `      - { id: ${id}, label: ${id.toUpperCase()} }\n`).join('');
    const codebook = edit(
      chartCodebook,
      '      - { id: harsh, label: Harsh, parent: negative }\n',
      `      - { id: harsh, label: Harsh, parent: negative }\n${extra}`,
    );
    const chart = tabulateOne('kind: breakdown\ntitle: Tone by team\ndimension: tone\nby: team\nlayout: stacked\n', { codebook });
    expect(chart.variant).toBe('heatmap');
    expect(chart.rows.filter((row) => row.group === 'red').map((row) => [row.code, row.n])).toEqual([
      ['positive', 4],
      ['negative', 2],
      ['harsh', 1],
      ['c3', 0],
      ['c4', 0],
      ['c5', 0],
      ['c6', 0],
      ['c7', 0],
      ['c8', 0],
      ['c9', 0],
    ]);
  });

  it('stacked is refused for a dimension with several codes a unit: drawn as a heatmap of every code', () => {
    const chart = tabulateOne('kind: breakdown\ntitle: Themes\ndimension: theme\nby: team\nlayout: stacked\n');
    expect(chart.variant).toBe('heatmap');
    expect([...new Set(chart.rows.map((row) => row.code))]).toEqual(['technology', 'hardware', 'software', 'wellbeing']);
  });
});

describe('timeline', () => {
  const days = ['2024-03-01', '2024-03-02', '2024-03-03', '2024-03-04', '2024-03-05'];

  it('counts used units per day of the period, empty days (and excluded rows) as zero', () => {
    const chart = tabulateOne('kind: timeline\ntitle: Posts per day\ndataset: posts\n');
    expect(chart.rows).toEqual([
      { day: '2024-03-01', n: 2 },
      { day: '2024-03-02', n: 2 },
      { day: '2024-03-03', n: 0 },
      { day: '2024-03-04', n: 2 },
      { day: '2024-03-05', n: 3 },
    ]);
    expect(chart.columns).toEqual([
      { key: 'day', label: 'Day', type: 'text' },
      { key: 'n', label: 'Posts', type: 'count' },
    ]);
    expect(chart.dimensions).toEqual([]);
    expect(chart.n).toEqual({ units: 9, participants: 4 });
    expect(chart.sourceLine).toBe('Posts, n = 9 posts from 4 members, 5 days.');
    // 9 / 5 = 1.8 a day; weekend (2 and 3 March) (2 + 0) / 2 = 1; weekdays (2 + 2 + 3) / 3 = 2.3.
    expect(chart.description).toBe(
      '9 posts over 5 days, 2 a day on average. The busiest day was 5 March 2024 (3), the quietest 3 March 2024 (0). Weekend days averaged 1, weekdays 2.',
    );
  });

  it('split by a single-code dimension: top-level codes (nested ones counted under them) and "Not coded", adding up to each day', () => {
    const chart = tabulateOne('kind: timeline\ntitle: Posts per day by tone\ndataset: posts\ndimension: tone\n');
    expect(chart.rows.map((row) => [row.day, row.label, row.n])).toEqual([
      ['2024-03-01', 'Positive', 2],
      ['2024-03-01', 'Negative', 0],
      ['2024-03-01', 'Not coded', 0],
      ['2024-03-02', 'Positive', 0],
      ['2024-03-02', 'Negative', 2],
      ['2024-03-02', 'Not coded', 0],
      ['2024-03-03', 'Positive', 0],
      ['2024-03-03', 'Negative', 0],
      ['2024-03-03', 'Not coded', 0],
      ['2024-03-04', 'Positive', 1],
      ['2024-03-04', 'Negative', 0],
      ['2024-03-04', 'Not coded', 1],
      ['2024-03-05', 'Positive', 2],
      ['2024-03-05', 'Negative', 1],
      ['2024-03-05', 'Not coded', 0],
    ]);
    expect(chart.columns.map((column) => [column.key, column.label])).toEqual([
      ['day', 'Day'],
      ['label', 'Tone'],
      ['n', 'Posts'],
    ]);
    expect(chart.dimensions).toEqual(['tone']);
    expect(chart.description).toMatch(/ Each day is split by tone\.$/);
  });

  it('split by a dimension with several codes a unit: each unit counted once, so every day still adds up to its total', () => {
    const chart = tabulateOne('kind: timeline\ntitle: Posts per day by theme\ndataset: posts\ndimension: theme\n');
    const perDay = [2, 2, 0, 2, 3];
    days.forEach((day, index) => {
      expect(total(chart.rows, (row) => row.day === day)).toBe(perDay[index]);
      for (const row of chart.rows.filter((candidate) => candidate.day === day)) expect(row.total).toBe(perDay[index]);
    });
    expect([...new Set(chart.rows.map((row) => row.label))]).toEqual(['Technology', 'Wellbeing', 'Not coded']);
    // 4 March: P05 not coded, P06 (wellbeing;software) once.
    expect(chart.rows.filter((row) => row.day === '2024-03-04').map((row) => row.n)).toEqual([0, 1, 1]);
    expect(chart.rows.filter((row) => row.day === '2024-03-05').map((row) => row.n)).toEqual([2, 1, 0]);
  });

  it('leaves "Not coded" out when every unit is coded', () => {
    const chart = tabulateOne('kind: timeline\ntitle: Posts per day by tone\ndataset: posts\ndimension: tone\n', {
      posts: edit(chartPosts, 'P06,M3,2024-03-04,wellbeing;software,,', 'P06,M3,2024-03-04,wellbeing;software,negative,'),
    });
    expect(chart.rows.some((row) => row.label === 'Not coded')).toBe(false);
    expect(total(chart.rows, (row) => row.day === '2024-03-04')).toBe(2);
  });
});

describe('per-participant', () => {
  it('ranks participants by their units, with median and the share of the most active', () => {
    const chart = tabulateOne('kind: per-participant\ntitle: Posts per member\ndataset: posts\n');
    expect(chart.rows).toEqual([
      { participant: 'M1', n: 4 },
      { participant: 'M2', n: 2 },
      { participant: 'M3', n: 2 },
      { participant: 'M4', n: 1 },
    ]);
    expect(chart.columns).toEqual([
      { key: 'participant', label: 'Member', type: 'text' },
      { key: 'n', label: 'Posts', type: 'count' },
    ]);
    expect(chart.n).toEqual({ units: 9, participants: 4 });
    expect(chart.sourceLine).toBe('Posts, n = 9 posts from 4 members.');
    // 4 / 9 = 44%; (4 + 2 + 2) / 9 = 89%.
    expect(chart.description).toBe(
      '9 posts from 4 members; the median member has 2. The most active, M1, has 4 (44%); the three most active together 89%.',
    );
  });

  it('folds participants beyond `top` into "All others (k)" so the total stays whole', () => {
    const chart = tabulateOne('kind: per-participant\ntitle: Posts per member\ndataset: posts\ntop: 2\n');
    expect(chart.rows).toEqual([
      { participant: 'M1', n: 4 },
      { participant: 'M2', n: 2 },
      { participant: 'All others (2)', n: 3 },
    ]);
    expect(chart.description).toContain(' The 2 most active are shown one by one; the rest are combined.');
    // The description still speaks of every participant, not of the folded groups.
    expect(chart.description).toContain('9 posts from 4 members');
  });

  it('split by a dimension: top-level codes and "Not coded", each bar adding up to the participant\'s units', () => {
    const chart = tabulateOne('kind: per-participant\ntitle: Posts per member by tone\ndataset: posts\ndimension: tone\ntop: 2\n');
    expect(chart.rows.map((row) => [row.participant, row.label, row.n, row.total])).toEqual([
      ['M1', 'Positive', 3, 4],
      ['M1', 'Negative', 1, 4],
      ['M1', 'Not coded', 0, 4],
      ['M2', 'Positive', 1, 2],
      ['M2', 'Negative', 1, 2],
      ['M2', 'Not coded', 0, 2],
      ['All others (2)', 'Positive', 1, 3],
      ['All others (2)', 'Negative', 1, 3],
      ['All others (2)', 'Not coded', 1, 3],
    ]);
    expect(chart.columns.map((column) => [column.key, column.label])).toEqual([
      ['participant', 'Member'],
      ['label', 'Tone'],
      ['n', 'Posts'],
      ['total', 'All posts of the member'],
    ]);
    expect(chart.description).toMatch(/ Each bar is split by tone\.$/);
  });

  it('split by a dimension with several codes a unit: each unit once, under one top-level code', () => {
    const chart = tabulateOne('kind: per-participant\ntitle: Posts per member by theme\ndataset: posts\ndimension: theme\n');
    for (const [participant, units] of [
      ['M1', 4],
      ['M2', 2],
      ['M3', 2],
      ['M4', 1],
    ] as const) {
      expect(total(chart.rows, (row) => row.participant === participant)).toBe(units);
    }
    expect(chart.rows.filter((row) => row.participant === 'M2').map((row) => [row.label, row.n])).toEqual([
      ['Technology', 1],
      ['Wellbeing', 0],
      ['Not coded', 1],
    ]);
  });
});

describe('participants-reporting', () => {
  it('counts participants with at least one unit so coded, ties said as ties', () => {
    const chart = tabulateOne('kind: participants-reporting\ntitle: Stance\ndimension: stance\n');
    expect(chart.rows).toEqual([
      { code: 'agree', label: 'Agrees', depth: 0, n: 2, of: 4, share: 0.5 },
      { code: 'disagree', label: 'Disagrees', depth: 0, n: 2, of: 4, share: 0.5 },
      { code: 'unsure', label: 'Unsure', depth: 0, n: 0, of: 4, share: 0 },
    ]);
    expect(chart.columns).toEqual([
      { key: 'label', label: 'Code', type: 'text' },
      { key: 'n', label: 'Members reporting', type: 'count' },
      { key: 'of', label: 'Members with coded notes', type: 'count' },
      { key: 'share', label: 'Share', type: 'share' },
    ]);
    expect(chart.variant).toBe('dots');
    expect(chart.n).toEqual({ units: 5, participants: 4 });
    expect(chart.sourceLine).toBe('Notes, n = 4 members with at least one coded note (5 notes).');
    expect(chart.description).toBe(
      'Stance: 4 members had notes coded on this dimension. Reported most often: Agrees (2 of 4 members, 50%) and Disagrees (2 of 4 members, 50%). ' +
        'Least often: Unsure (0 of 4 members, 0%).',
    );
  });

  it('on a unit-counted dimension with nested codes, counts members reporting a child under its parent too', () => {
    const chart = tabulateOne('kind: participants-reporting\ntitle: Themes\ndimension: theme\n');
    // technology: M1, M2 (hardware only), M3; hardware: M1, M2; software: M1, M3; wellbeing: M1, M3, M4.
    expect(chart.rows.map((row) => [row.code, row.n, row.of])).toEqual([
      ['technology', 3, 4],
      ['hardware', 2, 4],
      ['software', 2, 4],
      ['wellbeing', 3, 4],
    ]);
    expect(chart.description).toBe(
      'Theme: 4 members had posts coded on this dimension. Reported most often: Technology (3 of 4 members, 75%) and Wellbeing (3 of 4 members, 75%).',
    );
  });

  it('draws dots up to 40 participants and bars beyond', () => {
    const forty = tabulateOne('kind: participants-reporting\ntitle: Stance\ndimension: stance\n', manyParticipants(40));
    expect(forty.variant).toBe('dots');
    expect(forty.rows.map((row) => [row.n, row.of])).toEqual([
      [20, 40],
      [20, 40],
      [1, 40],
    ]);
    const fortyOne = tabulateOne('kind: participants-reporting\ntitle: Stance\ndimension: stance\n', manyParticipants(41));
    expect(fortyOne.variant).toBe('bars');
    expect(fortyOne.rows.map((row) => [row.n, row.of])).toEqual([
      [21, 41],
      [20, 41],
      [1, 41],
    ]);
    expect(fortyOne.description).toBe(
      'Stance: 41 members had notes coded on this dimension. Reported most often: Agrees (21 of 41 members, 51%). Least often: Unsure (1 of 41 members, 2%).',
    );
  });
});

describe('comparison', () => {
  const definition = `kind: comparison
title: Side by side
measures:
  - { label: Hardware or wellbeing, dimension: theme, codes: [hardware, wellbeing] }
  - { label: Any technology, dimension: theme, codes: [technology] }
  - { label: Agreed or unsure, dimension: stance, codes: [agree, unsure] }
`;

  it('counts units with any of several codes once, parents with their children, and participants for participant-counted dimensions', () => {
    const chart = tabulateOne(definition);
    // Hardware or wellbeing: P02 P03 P04 P06 P08 (P06 has wellbeing and software: once);
    // Any technology: P01 P02 P04 P06 P07 P09; Agreed or unsure: M1, M4 of M1 M2 M4 M5.
    expect(chart.rows).toEqual([
      { measure: 'Hardware or wellbeing', dimension: 'Theme', n: 5, of: 8, counted: 'coded posts', share: 5 / 8 },
      { measure: 'Any technology', dimension: 'Theme', n: 6, of: 8, counted: 'coded posts', share: 6 / 8 },
      { measure: 'Agreed or unsure', dimension: 'Stance', n: 2, of: 4, counted: 'members', share: 2 / 4 },
    ]);
    expect(chart.columns.map((column) => column.key)).toEqual(['measure', 'n', 'of', 'counted', 'share']);
    expect(chart.dataset).toBe('posts');
    expect(chart.dimensions).toEqual(['theme', 'stance']);
    expect(chart.sourceLine).toBe('Posts and Notes; each measure is a share of its own total, given above its bar.');
    expect(chart.description).toBe(
      '3 measures side by side. Hardware or wellbeing: 5 of 8 coded posts (63%). Any technology: 6 of 8 coded posts (75%). Agreed or unsure: 2 of 4 members (50%).',
    );
  });

  it('counts the units and participants behind the chart once, however many measures share a dimension', () => {
    const chart = tabulateOne(definition);
    // 8 posts coded on theme + 5 notes coded on stance; members with any of them: M1 to M5 (not M6).
    expect(chart.n).toEqual({ units: 13, participants: 5 });
  });
});

// Two coders coded P01 to P04 again on tone and theme: P01 positive/positive, P02 positive/negative,
// P03 negative/negative, P04 harsh/negative; P05 by coder c1 only (a lone value, not pairable).
const agreementCoders = `post_id,coder,tone,themes
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
const agreementParts = {
  study: edit(chartStudy, '    exclude: excluded\n', '    exclude: excluded\n    reliability: coders.csv\n'),
  extra: { 'coders.csv': agreementCoders },
};
const toneCodings = [
  ['P01', 'positive', 'positive'],
  ['P02', 'positive', 'negative'],
  ['P03', 'negative', 'negative'],
  ['P04', 'harsh', 'negative'],
].flatMap(([unit, first, second]) => [
  { unit: unit!, coder: 'c1', value: first },
  { unit: unit!, coder: 'c2', value: second },
]);

describe('agreement', () => {
  it('gives alpha with its interval per dimension, then alpha per code on presence (a parent counting its nested codes)', () => {
    const chart = tabulateOne('kind: agreement\ntitle: Agreement\ndataset: posts\n', agreementParts);
    const tone = findOne(chart.rows, (row) => row.label === 'Tone', 'the tone row');
    expect(tone.alpha).toBe(krippendorffAlpha(toneCodings).alpha);
    const interval = bootstrapAlpha(toneCodings)!;
    expect([tone.low, tone.high]).toEqual([interval.low, interval.high]);
    // 2 of 4 units agree; P05 has one value and is not pairable.
    expect(tone).toMatchObject({ agreement: 0.5, units: 4, values: 8, depth: 0 });
    // Negative counts Harsh: P04 is negative for both coders.
    const negative = findOne(chart.rows, (row) => row.label === 'Negative', 'the negative row');
    const presence = toneCodings.map((coding) => ({ ...coding, value: coding.value === 'positive' ? 'absent' : 'present' }));
    expect(negative).toMatchObject({ depth: 1, alpha: krippendorffAlpha(presence).alpha!, agreement: 0.75 });
    expect(chart.rows.map((row) => row.label)).toEqual([
      'Theme',
      'Technology',
      'Hardware',
      'Software',
      'Wellbeing',
      'Tone',
      'Positive',
      'Negative',
      'Harsh',
    ]);
    expect(chart.columns.map((column) => [column.key, column.type])).toEqual([
      ['label', 'text'],
      ['alpha', 'coefficient'],
      ['low', 'coefficient'],
      ['high', 'coefficient'],
      ['agreement', 'share'],
      ['units', 'count'],
      ['values', 'count'],
    ]);
    // P01-P03 by M1, P04 and P05 by M2.
    expect(chart.n).toEqual({ units: 5, participants: 2 });
    expect(chart.sourceLine).toBe(
      'Posts: 5 of 9 posts coded independently by Coder A and Coder B; 95% intervals from 1,000 bootstrap resamples.',
    );
    expect(chart.description).toContain(
      `Krippendorff's alpha was ${formatCoefficient(Number(findOne(chart.rows, (row) => row.label === 'Theme', 'the theme row').alpha))} for theme, ${formatCoefficient(Number(tone.alpha))} for tone`,
    );
  });

  it('is the default chart of every dataset with a reliability file, and refuses a dataset without one', () => {
    const report = chartReport(agreementParts);
    expect(report.charts.map((chart) => chart.id)).toContain('posts-agreement');
    expect(report.charts.map((chart) => chart.id)).not.toContain('notes-agreement');
    const dirs = writeChartStudy({ ...agreementParts, charts: { 'coders.yaml': 'kind: agreement\ntitle: Agreement\ndataset: notes\n' } });
    expect(reportProblems(dirs)).toEqual([
      `${chartFile(dirs, 'coders.yaml')}:3:dataset: expected a dataset with each coder's own codes (set datasets.notes.reliability in study.yaml); found "notes", which has none`,
    ]);
  });

  it('draws the conventional thresholds 0.667 and 0.800 and a value per row', () => {
    const chart = findOne(declared.charts, (candidate) => candidate.id === 'agreement', 'the agreement chart');
    const texts = [...parseSvg(svgOf(chart)).querySelectorAll('text')].map((text) => text.textContent ?? '');
    expect(texts).toEqual(expect.arrayContaining(['0.667', '0.800', formatCoefficient(Number(chart.rows[0]!.alpha))]));
  });
});

describe('the report of declared charts', () => {
  it('keeps the declared charts in file-name order, before the default ones', () => {
    const report = chartReport({
      charts: {
        'b-tone.yaml': 'kind: distribution\ntitle: Tone\ndimension: tone\n',
        'a-themes.yaml': 'kind: distribution\ntitle: Themes\ndimension: theme\n',
      },
    });
    expect(report.charts.map((chart) => [chart.id, chart.isDefault])).toEqual([
      ['a-themes', false],
      ['b-tone', false],
      ['stance', true],
      ['posts-per-day', true],
    ]);
  });
});

// ---------------------------------------------------------------------------------------
// Drawing

const allKinds: Record<string, string> = {
  distribution: 'kind: distribution\ntitle: Themes of posts\ndimension: theme\n',
  'breakdown-heatmap': 'kind: breakdown\ntitle: Themes by member\ndimension: theme\ntop: 2\n',
  'breakdown-stacked': 'kind: breakdown\ntitle: Tone by team\ndimension: tone\nby: team\nlayout: stacked\n',
  timeline: 'kind: timeline\ntitle: Posts per day\ndataset: posts\n',
  'timeline-split': 'kind: timeline\ntitle: Posts per day by tone\ndataset: posts\ndimension: tone\n',
  'per-participant': 'kind: per-participant\ntitle: Posts per member\ndataset: posts\n',
  'per-participant-split': 'kind: per-participant\ntitle: Posts per member by tone\ndataset: posts\ndimension: tone\ntop: 2\n',
  'participants-reporting': 'kind: participants-reporting\ntitle: Members per stance\ndimension: stance\n',
  agreement: 'kind: agreement\ntitle: Agreement between coders\ndataset: posts\n',
  comparison:
    'kind: comparison\ntitle: Side by side\nmeasures:\n  - { label: Any technology, dimension: theme, codes: [technology] }\n  - { label: Agreed, dimension: stance, codes: [agree] }\n',
};

/** Legend swatches each chart must draw, by chart id (none for the others). */
const legendLabels: Record<string, string[]> = {
  'breakdown-heatmap': ['under 10%', '10%–20%', '20%–30%', '30%–50%', '50%–70%', '70% or more'],
  'breakdown-stacked': ['Positive', 'Negative'],
  'timeline-split': ['Positive', 'Negative', 'Not coded'],
  'per-participant-split': ['Positive', 'Negative', 'Not coded'],
};

const declared = chartReport({
  ...agreementParts,
  charts: Object.fromEntries(Object.entries(allKinds).map(([id, yaml]) => [`${id}.yaml`, yaml])),
});
const widths: Record<ChartVariant, number> = { wide: 640, narrow: 360 };

describe.each(Object.keys(allKinds))('the SVG of %s', (id) => {
  const chart = findOne(declared.charts, (candidate) => candidate.id === id, `chart ${id}`);

  it.each(['wide', 'narrow'] as const)('is one accessible <svg> image at the %s width', (variant) => {
    const svg = svgOf(chart, variant);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    const document = parseSvg(svg);
    const root = document.documentElement;
    expect(root.tagName).toBe('svg');
    expect(root.getAttribute('role')).toBe('img');
    expect(root.getAttribute('width')).toBe(String(widths[variant]));

    // The chart's own <title> is the root's first child; marks may carry <title> tooltips of their own.
    const titles = [...document.querySelectorAll('title')].filter((title) => title.parentNode === root);
    expect(titles.length).toBe(1);
    expect(root.getAttribute('aria-labelledby')).toBe(titles[0]!.getAttribute('id'));
    expect(titles[0]!.textContent).toBe(chart.definition.title);
    const descs = document.querySelectorAll('desc');
    expect(descs.length).toBe(1);
    expect(root.getAttribute('aria-describedby')).toBe(descs[0]!.getAttribute('id'));
    expect(descs[0]!.textContent).toBe(chart.description);
    // Ids are unique per drawing: both widths share a page.
    expect(titles[0]!.getAttribute('id')).toContain(variant);

    // axe's aria-prohibited-attr: no group or shape may carry a name of its own.
    const named = [...document.querySelectorAll('[aria-label], [aria-description]')].filter((element) => element !== root);
    expect(named.map((element) => element.tagName)).toEqual([]);
    expect(root.querySelectorAll('[role]').length).toBe(0);

    // One file holds the whole chart: no HTML, no canvas, no foreign objects.
    expect(svg).not.toMatch(/<(?:foreignObject|canvas|div|span|p|img|html|body)\b/i);
  });

  it.each(['wide', 'narrow'] as const)('draws its legend inside the SVG, one swatch per category (%s)', (variant) => {
    const document = parseSvg(svgOf(chart, variant));
    const legends = document.querySelectorAll('g.chart-legend');
    const expected = legendLabels[id];
    if (!expected) {
      expect(legends.length).toBe(0);
      return;
    }
    expect(legends.length).toBe(1);
    const legend = legends[0]!;
    expect(legend.querySelectorAll('rect').length).toBe(expected.length);
    const texts = [...legend.querySelectorAll('text')].map((text) => text.textContent);
    expect(texts.filter((text) => !text.endsWith(':'))).toEqual(expected);
    // Each swatch a different colour.
    const fills = [...legend.querySelectorAll('rect')].map((rect) => rect.getAttribute('fill'));
    expect(new Set(fills).size).toBe(expected.length);
    // The legend fits the width it was drawn at.
    for (const rect of legend.querySelectorAll('rect')) expect(Number(rect.getAttribute('x')) + 12).toBeLessThanOrEqual(widths[variant]);
  });
});

describe('what the SVG draws', () => {
  const byId = (id: string) => findOne(declared.charts, (chart) => chart.id === id, `chart ${id}`);
  // What each <text> draws: its lines, without the <title> tooltip an axis label carries.
  const texts = (svg: string) =>
    [...parseSvg(svg).querySelectorAll('text')].map((text) =>
      [...text.childNodes]
        .filter((node) => node.nodeName.toLowerCase() !== 'title')
        .map((node) => node.textContent ?? '')
        .join(''),
    );

  it.each(['wide', 'narrow'] as const)(
    "a distribution writes each row's count and share, and no number not in its rows (%s)",
    (variant) => {
      const chart = byId('distribution');
      const drawn = texts(svgOf(chart, variant));
      // Counted by hand: technology 6 of 8, hardware 2, software 4, wellbeing 3.
      const valueLabels = drawn.filter((text) => /%/.test(text));
      expect(valueLabels).toEqual(['6 (75%)', '2 (25%)', '4 (50%)', '3 (38%)']);
      const counts = new Set(chart.rows.map((row) => Number(row.n)));
      for (const label of valueLabels) expect(counts.has(Number(label.split(' ')[0]))).toBe(true);
      // Every other number is an axis tick within the counts' range.
      const max = Math.max(...counts);
      for (const text of drawn.filter((text) => /\d/.test(text) && !/%/.test(text))) {
        expect(text).toMatch(/^\d+$/);
        expect(Number(text)).toBeLessThanOrEqual(max);
      }
      expect(drawn).toContain('Technology');
      expect(drawn.join(' ')).toContain('Wellbeing');
    },
  );

  it('a participants-reporting chart draws one dot per participant per code, filled for those reporting it', () => {
    const chart = byId('participants-reporting');
    const circles = [...parseSvg(svgOf(chart)).querySelectorAll('circle')];
    // 3 codes x 4 members; filled: 2 + 2 + 0.
    expect(circles.length).toBe(12);
    expect(circles.filter((circle) => circle.getAttribute('fill') !== 'none').length).toBe(4);
    expect(texts(svgOf(chart))).toEqual(expect.arrayContaining(['2 of 4', '0 of 4']));
  });

  it('a participants-reporting chart beyond 40 participants draws bars, not dots', () => {
    const report = chartReport({
      ...manyParticipants(41),
      charts: { 'stance-bars.yaml': 'kind: participants-reporting\ntitle: Stance\ndimension: stance\n' },
    });
    const chart = findOne(report.charts, (candidate) => candidate.id === 'stance-bars', 'chart stance-bars');
    const document = parseSvg(svgOf(chart));
    expect(document.querySelectorAll('circle').length).toBe(0);
    expect(document.querySelectorAll('rect').length).toBe(3);
    expect(texts(svgOf(chart))).toEqual(expect.arrayContaining(['21 of 41', '20 of 41', '1 of 41']));
  });

  it('a comparison writes each measure with its count, total and share', () => {
    const drawn = texts(svgOf(byId('comparison'))).join(' | ');
    expect(drawn).toContain('Any technology: 6 of 8 coded posts (75%)');
    expect(drawn).toContain('Agreed: 2 of 4 members (50%)');
  });

  it("a per-participant chart writes each participant's total once", () => {
    const drawn = texts(svgOf(byId('per-participant-split')));
    for (const label of ['M1', 'M2', 'All others (2)']) expect(drawn).toContain(label);
    expect(drawn.filter((text) => /^\d+$/.test(text))).toEqual(expect.arrayContaining(['4', '2', '3']));
  });
});

describe('hostile labels', () => {
  const script = '</svg><script>alert(1)</script>';
  const braces = '{1+1}';
  const codebook = edit(
    edit(chartCodebook, '{ id: positive, label: Positive }', `{ id: positive, label: "${script}" }`),
    '{ id: negative, label: Negative }',
    `{ id: negative, label: "${braces}" }`,
  );
  const report = chartReport({
    codebook,
    charts: {
      'h-distribution.yaml': 'kind: distribution\ntitle: "<b>Tone</b> & </title><script>alert(2)</script>"\ndimension: tone\n',
      'h-breakdown.yaml': 'kind: breakdown\ntitle: Tone by team\ndimension: tone\nby: team\nlayout: stacked\n',
      'h-heatmap.yaml': 'kind: breakdown\ntitle: Tone by member\ndimension: tone\n',
      'h-timeline.yaml': 'kind: timeline\ntitle: Per day\ndataset: posts\ndimension: tone\n',
      'h-per-participant.yaml': 'kind: per-participant\ntitle: Per member\ndataset: posts\ndimension: tone\n',
      'h-participants-reporting.yaml': 'kind: participants-reporting\ntitle: Reporting\ndimension: tone\n',
      'h-comparison.yaml': `kind: comparison\ntitle: Compared\nmeasures:\n  - { label: "${script}", dimension: tone, codes: [positive] }\n  - { label: "${braces}", dimension: tone, codes: [negative] }\n`,
    },
  });

  it.each(report.charts.filter((chart) => chart.id.startsWith('h-')).map((chart) => [chart.id, chart] as const))(
    '%s shows them as literal text',
    (_id, chart) => {
      for (const variant of ['wide', 'narrow'] as const) {
        const svg = svgOf(chart, variant);
        expect(svg).not.toMatch(/<script/i);
        expect(svg).toContain('&lt;/svg&gt;&lt;script&gt;');
        const document = parseSvg(svg);
        expect(document.querySelectorAll('script').length).toBe(0);
        expect(document.documentElement.tagName).toBe('svg');
        const drawn = [...document.querySelectorAll('text')].map((text) => text.textContent ?? '').join('\n');
        expect(drawn).toContain(script);
        expect(drawn).toContain(braces);
        expect(document.querySelector('desc')!.textContent).toBe(chart.description);
        expect(document.querySelector('title')!.textContent).toBe(chart.definition.title);
      }
    },
  );
});
