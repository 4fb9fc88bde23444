import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadChartDefinitions } from '../../../src/charts/loadChartDefinitions.ts';
import { formatProblem, type Problem } from '../../../src/problems/problem.ts';
import {
  chartFile,
  chartStudy,
  loadCharts,
  removeChartFixtures,
  reportProblems,
  writeChartStudy,
  type ChartStudyDirs,
  type ChartStudyParts,
} from '../../helpers/chartFixture.ts';
import { edit, loadFixture } from '../../helpers/studyFixture.ts';
import { findOne } from '../../helpers/findOne.ts';

afterAll(removeChartFixtures);

const kindList = 'distribution, breakdown, timeline, per-participant, participants-reporting, comparison, agreement';

/** The problems of one chart file `name` with this text, as printed, with the file's shown path as `F`. */
function problemsOf(name: string, text: string, parts: ChartStudyParts = {}): string[] {
  const dirs = writeChartStudy({ ...parts, charts: { [name]: text } });
  const file = chartFile(dirs, name);
  return reportProblems(dirs).map((line) => (line.startsWith(file) ? `F${line.slice(file.length)}` : line));
}

/** loadChartDefinitions on a written study, as loadReport calls it. */
function planned(dirs: ChartStudyDirs) {
  const loaded = loadFixture(dirs.dataDir);
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  const problems: Problem[] = [];
  const charts = loadChartDefinitions(dirs.contentDir, loaded.study, problems);
  return { charts, problems: problems.map(formatProblem) };
}

describe('valid chart definitions', () => {
  const files: Record<string, string> = {
    'theme-distribution.yaml': 'kind: distribution\ntitle: Themes\ndimension: theme\n',
    'theme-by-team.yaml': 'kind: breakdown\ntitle: Themes by team\ndimension: theme\nby: team\n',
    'posts-per-day.yaml': 'kind: timeline\ntitle: Posts per day\ndataset: posts\ndimension: tone\n',
    'posts-per-member.yml': 'kind: per-participant\ntitle: Posts per member\ndataset: posts\n',
    'stance-members.yaml': 'kind: participants-reporting\ntitle: Stance\ndimension: stance\n',
    'compared.yaml': `kind: comparison
title: Compared
subtitle: Two measures
caption: A caption.
notes: [One note.]
measures:
  - label: Technology
    dimension: theme
    codes: [technology]
  - { label: Agreed, dimension: stance, codes: [agree, unsure] }
`,
  };

  it('load one per file, in file-name order, ids from the file names, with their defaults filled in', () => {
    const dirs = writeChartStudy({ charts: { ...files, 'README.md': 'not a chart' } });
    const { charts, problems } = planned(dirs);
    expect(problems).toEqual([]);
    expect(charts.map((chart) => chart.id)).toEqual([
      'compared',
      'posts-per-day',
      'posts-per-member',
      'stance-members',
      'theme-by-team',
      'theme-distribution',
    ]);
    for (const chart of charts) {
      expect(chart.isDefault).toBe(false);
      expect(chart.source).toBe(
        chartFile(
          dirs,
          findOne(Object.keys(files), (name) => name.startsWith(`${chart.id}.`), `a chart file for ${chart.id}`),
        ),
      );
    }
    const byId = Object.fromEntries(charts.map((chart) => [chart.id, chart.definition]));
    expect(byId['theme-distribution']).toEqual({ kind: 'distribution', title: 'Themes', dimension: 'theme', order: 'codebook', notes: [] });
    expect(byId['theme-by-team']).toEqual({
      kind: 'breakdown',
      title: 'Themes by team',
      dimension: 'theme',
      by: 'team',
      layout: 'heatmap',
      top: 25,
      notes: [],
    });
    expect(byId['posts-per-day']).toEqual({ kind: 'timeline', title: 'Posts per day', dataset: 'posts', dimension: 'tone', notes: [] });
    expect(byId['posts-per-member']).toEqual({ kind: 'per-participant', title: 'Posts per member', dataset: 'posts', top: 25, notes: [] });
    expect(byId['stance-members']).toEqual({ kind: 'participants-reporting', title: 'Stance', dimension: 'stance', notes: [] });
    expect(byId.compared).toEqual({
      kind: 'comparison',
      title: 'Compared',
      subtitle: 'Two measures',
      caption: 'A caption.',
      notes: ['One note.'],
      measures: [
        { label: 'Technology', dimension: 'theme', codes: ['technology'] },
        { label: 'Agreed', dimension: 'stance', codes: ['agree', 'unsure'] },
      ],
    });
  });

  it('are tabulated by the build, each of its kind', () => {
    const report = loadCharts(writeChartStudy({ charts: files }));
    const declared = report.charts.filter((chart) => !chart.isDefault);
    expect(declared.map((chart) => [chart.id, chart.definition.kind])).toEqual([
      ['compared', 'comparison'],
      ['posts-per-day', 'timeline'],
      ['posts-per-member', 'per-participant'],
      ['stance-members', 'participants-reporting'],
      ['theme-by-team', 'breakdown'],
      ['theme-distribution', 'distribution'],
    ]);
    for (const chart of declared) expect(chart.rows.length).toBeGreaterThan(0);
  });

  it('a study with no charts folder has no declared charts', () => {
    const dirs = writeChartStudy({ charts: null });
    expect(planned(dirs)).toEqual({ charts: [], problems: [] });
    expect(loadCharts(dirs).charts.every((chart) => chart.isDefault)).toBe(true);
  });
});

describe('problems in chart definitions', () => {
  it('an unknown kind, with "did you mean"', () => {
    expect(problemsOf('pie.yaml', 'kind: pie\ntitle: Pie\ndimension: theme\n')).toEqual([
      `F:1:kind: expected a chart kind (${kindList}); found "pie"`,
    ]);
    expect(problemsOf('typo.yaml', 'title: Typo\nkind: distrbution\ndimension: theme\n')).toEqual([
      `F:2:kind: expected a chart kind (${kindList}); found "distrbution" (did you mean "distribution"?)`,
    ]);
    expect(problemsOf('none.yaml', 'title: No kind\ndimension: theme\n')).toEqual([
      `F:1:kind: expected a chart kind (${kindList}); found nothing (the key is missing)`,
    ]);
  });

  it('a missing or empty title', () => {
    expect(problemsOf('untitled.yaml', 'kind: distribution\ndimension: theme\n')).toEqual([
      'F:1:title: expected a text; found nothing (the key is missing)',
    ]);
    expect(problemsOf('untitled.yaml', 'kind: distribution\ntitle: ""\ndimension: theme\n')).toEqual([
      'F:2:title: expected a non-empty text; found ""',
    ]);
  });

  it('a title or note of only spaces, which no citation of the chart could carry', () => {
    expect(problemsOf('blank.yaml', 'kind: distribution\ntitle: "  \\t "\ndimension: theme\nnotes: [" "]\n')).toEqual([
      'F:2:title: expected a non-empty text; found "  \\t "',
      'F:4:notes.0: expected a non-empty text; found " "',
    ]);
  });

  it('an unknown dimension, with "did you mean"', () => {
    expect(problemsOf('themes.yaml', 'kind: distribution\ntitle: Themes\ndimension: themes\n')).toEqual([
      'F:3:dimension: expected a dimension id from codebook.yaml (theme, tone, stance); found "themes" (did you mean "theme"?)',
    ]);
    expect(problemsOf('mood.yaml', 'kind: participants-reporting\ntitle: Mood\ndimension: mood\n')).toEqual([
      'F:3:dimension: expected a dimension id from codebook.yaml (theme, tone, stance); found "mood"',
    ]);
  });

  it('an unknown dataset, with "did you mean"', () => {
    expect(problemsOf('per-member.yaml', 'kind: per-participant\ntitle: Per member\ndataset: post\n')).toEqual([
      'F:3:dataset: expected a dataset id from study.yaml (posts, notes); found "post" (did you mean "posts"?)',
    ]);
  });

  it('a timeline of a dataset without dates', () => {
    expect(problemsOf('notes-per-day.yaml', 'kind: timeline\ntitle: Notes per day\ndataset: notes\n')).toEqual([
      'F:3:dataset: expected a dataset with a date column (set datasets.notes.date in study.yaml); found "notes", which has none',
    ]);
  });

  it('accepts a timeline in a study without a period: it spans the days of the units', () => {
    expect(
      problemsOf('posts-per-day.yaml', 'kind: timeline\ntitle: Posts per day\ndataset: posts\n', {
        study: edit(chartStudy, /period: .*\n/, ''),
      }),
    ).toEqual([]);
  });

  it('a dimension of another dataset', () => {
    expect(problemsOf('split.yaml', 'kind: timeline\ntitle: Split\ndataset: posts\ndimension: stance\n')).toEqual([
      'F:4:dimension: expected a dimension of dataset posts; found "stance", which codes notes',
    ]);
    expect(problemsOf('split.yaml', 'kind: per-participant\ntitle: Split\ndataset: notes\ndimension: theme\n')).toEqual([
      'F:4:dimension: expected a dimension of dataset notes; found "theme", which codes posts',
    ]);
  });

  it('`by` that is neither "participant" nor an attribute', () => {
    expect(problemsOf('by.yaml', 'kind: breakdown\ntitle: By\ndimension: theme\nby: teams\n')).toEqual([
      'F:4:by: expected "participant" or a participant attribute from study.yaml (team); found "teams" (did you mean "team"?)',
    ]);
    expect(problemsOf('by.yaml', 'kind: breakdown\ntitle: By\ndimension: theme\nby: particpant\n')).toEqual([
      'F:4:by: expected "participant" or a participant attribute from study.yaml (team); found "particpant" (did you mean "participant"?)',
    ]);
    const noAttributes = {
      study: edit(chartStudy, '  attributes:\n    - { column: team, label: Team }\n', ''),
      participants: 'member_id\nM1\nM2\nM3\nM4\nM5\nM6\n',
    };
    expect(problemsOf('by.yaml', 'kind: breakdown\ntitle: By\ndimension: theme\nby: team\n', noAttributes)).toEqual([
      'F:4:by: expected "participant" or a participant attribute from study.yaml (none declared); found "team"',
    ]);
  });

  it('a comparison with one measure', () => {
    expect(
      problemsOf('one.yaml', 'kind: comparison\ntitle: One\nmeasures:\n  - { label: A, dimension: theme, codes: [technology] }\n'),
    ).toEqual(['F:3:measures: expected at least two measures to compare; found a list of 1 item(s)']);
  });

  it('a measure code not in its dimension (with "did you mean"), and a measure of an unknown dimension', () => {
    const text = `kind: comparison
title: Codes
measures:
  - { label: A, dimension: theme, codes: [technology, hardwear] }
  - label: B
    dimension: tone
    codes:
      - postive
  - { label: C, dimension: stanse, codes: [agree] }
`;
    expect(problemsOf('codes.yaml', text)).toEqual([
      'F:4:measures.0.codes.1: expected a code of dimension theme (technology, hardware, software, wellbeing); found "hardwear" (did you mean "hardware"?)',
      'F:8:measures.1.codes.0: expected a code of dimension tone (positive, negative, harsh); found "postive" (did you mean "positive"?)',
      'F:9:measures.2.dimension: expected a dimension id from codebook.yaml (theme, tone, stance); found "stanse" (did you mean "stance"?)',
    ]);
  });

  it('a code of another dimension is not accepted in a measure', () => {
    expect(
      problemsOf(
        'other.yaml',
        'kind: comparison\ntitle: Other\nmeasures:\n  - { label: A, dimension: theme, codes: [positive] }\n  - { label: B, dimension: tone, codes: [positive] }\n',
      ),
    ).toEqual(['F:4:measures.0.codes.0: expected a code of dimension theme (technology, hardware, software, wellbeing); found "positive"']);
  });

  it('a file name that cannot be an address', () => {
    const dirs = writeChartStudy({
      charts: {
        'Topic Chart.yaml': 'kind: distribution\ntitle: T\ndimension: theme\n',
        'topic_chart.yml': 'kind: distribution\ntitle: T\ndimension: theme\n',
      },
    });
    expect(reportProblems(dirs)).toEqual([
      `${chartFile(dirs, 'Topic Chart.yaml')}: expected a file name of lower-case words joined by hyphens (it becomes the chart's address /charts/<name>/); found "Topic Chart"`,
      `${chartFile(dirs, 'topic_chart.yml')}: expected a file name of lower-case words joined by hyphens (it becomes the chart's address /charts/<name>/); found "topic_chart"`,
    ]);
  });

  it('two files for one chart id', () => {
    const dirs = writeChartStudy({
      charts: {
        'topics.yaml': 'kind: distribution\ntitle: T\ndimension: theme\n',
        'topics.yml': 'kind: distribution\ntitle: T\ndimension: tone\n',
      },
    });
    expect(reportProblems(dirs)).toEqual([
      `${chartFile(dirs, 'topics.yml')}: expected one file per chart id; found "topics" also in topics.yaml`,
    ]);
  });

  it('an unknown key, with "did you mean", and a key of another kind without one', () => {
    expect(problemsOf('key.yaml', 'kind: distribution\ntitle: T\ndimension: theme\ncaptoin: A caption\n')).toEqual([
      'F:4:captoin: expected only known keys; found "captoin" (did you mean "caption"?)',
    ]);
    expect(problemsOf('key.yaml', 'kind: distribution\ntitle: T\ndimension: theme\nlayout: stacked\n')).toEqual([
      'F:4:layout: expected only known keys; found "layout"',
    ]);
    expect(
      problemsOf(
        'key.yaml',
        'kind: comparison\ntitle: T\nmeasures:\n  - { label: A, dimension: theme, codes: [technology], dimesion: x }\n  - { label: B, dimension: tone, codes: [positive] }\n',
      ),
    ).toEqual(['F:4:measures.0.dimesion: expected only known keys; found "dimesion" (did you mean "dimension"?)']);
  });

  it('wrong values of known keys', () => {
    expect(problemsOf('order.yaml', 'kind: distribution\ntitle: T\ndimension: theme\norder: alphabetical\n')).toEqual([
      'F:4:order: expected one of "codebook", "size"; found "alphabetical"',
    ]);
    expect(problemsOf('top.yaml', 'kind: breakdown\ntitle: T\ndimension: theme\ntop: 0\n')).toEqual([
      'F:4:top: expected at least 1; found 0',
    ]);
    expect(problemsOf('layout.yaml', 'kind: breakdown\ntitle: T\ndimension: theme\nlayout: pie\n')).toEqual([
      'F:4:layout: expected one of "heatmap", "stacked"; found "pie"',
    ]);
  });

  it('every problem of several files in one run, file by file and line by line', () => {
    const dirs = writeChartStudy({
      charts: {
        'b-broken.yaml': 'kind: breakdown\ntitle: By\ndimension: theme\nby: teams\n',
        'a-fine.yaml': 'kind: distribution\ntitle: Fine\ndimension: theme\n',
        'c-codes.yaml':
          'kind: comparison\ntitle: Codes\nmeasures:\n  - { label: A, dimension: theme, codes: [hardwear] }\n  - { label: B, dimension: tone, codes: [postive] }\n',
        'd-kind.yaml': 'kind: pie\ntitle: Pie\n',
        'Bad Name.yaml': 'kind: distribution\ntitle: T\ndimension: theme\n',
      },
    });
    const problems = reportProblems(dirs);
    expect(problems).toEqual([
      `${chartFile(dirs, 'Bad Name.yaml')}: expected a file name of lower-case words joined by hyphens (it becomes the chart's address /charts/<name>/); found "Bad Name"`,
      `${chartFile(dirs, 'b-broken.yaml')}:4:by: expected "participant" or a participant attribute from study.yaml (team); found "teams" (did you mean "team"?)`,
      `${chartFile(dirs, 'c-codes.yaml')}:4:measures.0.codes.0: expected a code of dimension theme (technology, hardware, software, wellbeing); found "hardwear" (did you mean "hardware"?)`,
      `${chartFile(dirs, 'c-codes.yaml')}:5:measures.1.codes.0: expected a code of dimension tone (positive, negative, harsh); found "postive" (did you mean "positive"?)`,
      `${chartFile(dirs, 'd-kind.yaml')}:1:kind: expected a chart kind (${kindList}); found "pie"`,
    ]);
  });

  it('unreadable YAML, an empty file and a file that is not a mapping', () => {
    expect(problemsOf('bad.yaml', 'kind: distribution\ntitle: "Unclosed\ndimension: theme\n')).toEqual([
      'F:2: expected a closing " for the quoted value that starts on this line; found the end of the file',
    ]);
    expect(problemsOf('empty.yaml', '')).toEqual(['F: expected content; found an empty file']);
    expect(problemsOf('list.yaml', '- kind: distribution\n')).toEqual([
      'F:1: expected a mapping of keys to values; found a list of 1 item(s)',
    ]);
  });

  it('are listed with the data problems in the same run', () => {
    const dirs = writeChartStudy({ posts: 'post_id,member_id\n', charts: { 'pie.yaml': 'kind: pie\n' } });
    const problems = reportProblems(dirs);
    expect(problems.some((line) => line.startsWith('data/'))).toBe(true);
    expect(problems).toContain(`${chartFile(dirs, 'pie.yaml')}:1:kind: expected a chart kind (${kindList}); found "pie"`);
  });

  it('are not checked when study.yaml or the codebook cannot be read, for lack of anything to check them against', () => {
    const dirs = writeChartStudy({ study: 'id: [\n', charts: { 'pie.yaml': 'kind: pie\n' } });
    const problems = reportProblems(dirs);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((line) => line.startsWith('data/'))).toBe(true);
  });
});

describe('chart files on disk', () => {
  it('reads only .yaml and .yml files', () => {
    const dirs = writeChartStudy({ charts: { 'a.yaml': 'kind: distribution\ntitle: A\ndimension: theme\n' } });
    writeFileSync(join(dirs.contentDir, 'charts', 'notes.txt'), 'kind: pie');
    mkdirSync(join(dirs.contentDir, 'charts', 'drafts'));
    writeFileSync(join(dirs.contentDir, 'charts', 'drafts', 'b.yaml'), 'kind: pie');
    expect(planned(dirs).charts.map((chart) => chart.id)).toEqual(['a']);
  });
});
