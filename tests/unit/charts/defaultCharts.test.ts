import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYamlText } from 'yaml';
import type { Report } from '../../../src/model/report.ts';
import { loadReport } from '../../../src/build/loadReport.ts';
import { defaultCharts, type PlannedChart } from '../../../src/charts/defaultCharts.ts';
import type { ChartDefinition } from '../../../src/charts/kinds/index.ts';
import { chartCodebook, chartReport, chartStudy, manyParticipants, removeChartFixtures } from '../../helpers/chartFixture.ts';
import { edit } from '../../helpers/studyFixture.ts';
import { findOne } from '../../helpers/findOne.ts';

afterAll(removeChartFixtures);

/** Chart ids become addresses: lower-case words joined by hyphens. */
const urlStyle = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** The analysed chart study (its charts left out), as defaultCharts receives it. */
const study: Report = chartReport({ charts: null });

const declared = (id: string, definition: ChartDefinition): PlannedChart => ({ id, definition, isDefault: false });
const summary = (charts: readonly PlannedChart[]) =>
  charts.map(({ id, definition }) => [
    id,
    definition.kind,
    'dimension' in definition ? definition.dimension : definition.kind === 'timeline' ? definition.dataset : undefined,
  ]);

describe('default charts', () => {
  it('give every dimension a chart and every dated dataset a timeline when nothing is declared', () => {
    const charts = defaultCharts(study, []);
    expect(charts).toEqual([
      {
        id: 'theme',
        isDefault: true,
        definition: { kind: 'distribution', dimension: 'theme', title: 'Theme', order: 'codebook', notes: [] },
      },
      { id: 'tone', isDefault: true, definition: { kind: 'distribution', dimension: 'tone', title: 'Tone', order: 'codebook', notes: [] } },
      // stance counts members, and 4 members have a coded note.
      {
        id: 'stance',
        isDefault: true,
        definition: { kind: 'participants-reporting', dimension: 'stance', title: 'Stance: members reporting each code', notes: [] },
      },
      // posts are dated; notes are not.
      { id: 'posts-per-day', isDefault: true, definition: { kind: 'timeline', dataset: 'posts', title: 'Posts per day', notes: [] } },
    ]);
  });

  it('are tabulated with the declared charts by the build', () => {
    const report = chartReport({ charts: {} });
    expect(report.charts.map((chart) => [chart.id, chart.isDefault, chart.definition.kind])).toEqual([
      ['theme', true, 'distribution'],
      ['tone', true, 'distribution'],
      ['stance', true, 'participants-reporting'],
      ['posts-per-day', true, 'timeline'],
    ]);
    for (const chart of report.charts) expect(chart.source).toBeUndefined();
  });

  it('leave out a dimension shown by a declared distribution, breakdown or participants-reporting chart', () => {
    const charts = defaultCharts(study, [
      declared('themes', { kind: 'distribution', dimension: 'theme', title: 'Themes', order: 'size', notes: [] }),
      declared('tone-by-team', {
        kind: 'breakdown',
        dimension: 'tone',
        title: 'Tone by team',
        by: 'team',
        layout: 'stacked',
        top: 25,
        notes: [],
      }),
      declared('who-agrees', { kind: 'participants-reporting', dimension: 'stance', title: 'Who agrees', notes: [] }),
    ]);
    expect(summary(charts)).toEqual([['posts-per-day', 'timeline', 'posts']]);
  });

  it('still give a chart to a dimension that only a comparison measures', () => {
    const charts = defaultCharts(study, [
      declared('compared', {
        kind: 'comparison',
        title: 'Compared',
        notes: [],
        measures: [
          { label: 'Technology', dimension: 'theme', codes: ['technology'] },
          { label: 'Agreed', dimension: 'stance', codes: ['agree'] },
        ],
      }),
    ]);
    expect(summary(charts)).toEqual([
      ['theme', 'distribution', 'theme'],
      ['tone', 'distribution', 'tone'],
      ['stance', 'participants-reporting', 'stance'],
      ['posts-per-day', 'timeline', 'posts'],
    ]);
  });

  it('add no timeline for a dataset with a declared timeline, whatever its id', () => {
    const charts = defaultCharts(study, [declared('activity', { kind: 'timeline', dataset: 'posts', title: 'Activity', notes: [] })]);
    expect(charts.map((chart) => chart.id)).toEqual(['theme', 'tone', 'stance']);
  });

  it('add a timeline for a dated dataset in a study without a period, over the days its units span', () => {
    const report = chartReport({ study: edit(chartStudy, /period: .*\n/, ''), charts: null });
    expect(defaultCharts(report, []).map((chart) => chart.id)).toEqual(['theme', 'tone', 'stance', 'posts-per-day']);
    const days = findOne(report.datasets, (dataset) => dataset.id === 'posts', 'dataset posts').days!.map((day) => day.day);
    const written = findOne(report.dimensions, (dimension) => dimension.dataset === 'posts', 'a dimension of dataset posts');
    expect(days.length).toBeGreaterThan(0);
    expect(written.byDay!.map((group) => group.group)).toEqual(days);
  });
});

describe('the kind of a default chart', () => {
  it('participants-reporting for a participant-counted dimension with up to 40 coded participants', () => {
    const [chart] = defaultCharts(chartReport({ ...manyParticipants(40), charts: null }), []);
    expect(chart).toEqual({
      id: 'stance',
      isDefault: true,
      definition: { kind: 'participants-reporting', dimension: 'stance', title: 'Stance: members reporting each code', notes: [] },
    });
  });

  it('a distribution beyond 40 coded participants', () => {
    const [chart] = defaultCharts(chartReport({ ...manyParticipants(41), charts: null }), []);
    expect(chart).toEqual({
      id: 'stance',
      isDefault: true,
      definition: { kind: 'distribution', dimension: 'stance', title: 'Stance', order: 'codebook', notes: [] },
    });
  });

  it('counts coded participants, not every participant', () => {
    // 41 members, but the last one's note is not coded: 40 coded members.
    const parts = manyParticipants(41);
    const notes = edit(parts.notes as string, /(N41,Q041,)disagree|(N41,Q041,)agree/, 'N41,Q041,');
    const report = chartReport({ ...parts, notes, charts: null });
    expect(report.participants.total).toBe(41);
    expect(defaultCharts(report, [])[0]!.definition.kind).toBe('participants-reporting');
  });

  it('a distribution for a unit-counted dimension, however few participants', () => {
    const units = edit(chartCodebook, '    multiple: true\n    count: participants\n', '    multiple: true\n');
    const charts = defaultCharts(chartReport({ codebook: units, charts: null }), []);
    expect(findOne(charts, (chart) => chart.id === 'stance', 'chart stance').definition).toEqual({
      kind: 'distribution',
      dimension: 'stance',
      title: 'Stance',
      order: 'codebook',
      notes: [],
    });
  });
});

describe('default chart ids', () => {
  const renamed = chartReport({
    study: edit(chartStudy, '  posts:\n', '  forum_posts:\n'),
    codebook: edit(
      edit(edit(chartCodebook, /dataset: posts/g, 'dataset: forum_posts'), 'id: tone\n', 'id: tone_of_voice\n'),
      'id: theme\n',
      'id: main_theme\n',
    ),
    charts: null,
  });

  it('are URL-style: underscores become hyphens', () => {
    const ids = defaultCharts(renamed, []).map((chart) => chart.id);
    expect(ids).toEqual(['main-theme', 'tone-of-voice', 'stance', 'forum-posts-per-day']);
    for (const id of ids) expect(id).toMatch(urlStyle);
  });

  it('never take a declared id, even one that shows something else', () => {
    const charts = defaultCharts(renamed, [
      declared('tone-of-voice', {
        kind: 'comparison',
        title: 'Compared',
        notes: [],
        measures: [
          { label: 'A', dimension: 'tone_of_voice', codes: ['positive'] },
          { label: 'B', dimension: 'stance', codes: ['agree'] },
        ],
      }),
      declared('forum-posts-per-day', { kind: 'per-participant', dataset: 'forum_posts', title: 'Per member', top: 25, notes: [] }),
      declared('stance-2', { kind: 'per-participant', dataset: 'notes', title: 'Notes per member', top: 25, notes: [] }),
      declared('stance', { kind: 'per-participant', dataset: 'notes', title: 'Notes per member', top: 25, notes: [] }),
    ]);
    expect(charts.map((chart) => chart.id)).toEqual(['main-theme', 'tone-of-voice-2', 'stance-3', 'forum-posts-per-day-2']);
  });

  it('never collide with each other when two ids read the same as addresses', () => {
    // Identifiers may hold "_" and "-": "main_theme" and "main-theme" are two dimensions.
    const twins: Report = { ...renamed, dimensions: [...renamed.dimensions, { ...renamed.dimensions[0]!, id: 'main-theme' }] };
    const ids = defaultCharts(twins, []).map((chart) => chart.id);
    expect(ids).toEqual(['main-theme', 'tone-of-voice', 'stance', 'main-theme-2', 'forum-posts-per-day']);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('a default timeline id does not collide with a dimension of the same name', () => {
    const clash: Report = { ...study, dimensions: [...study.dimensions, { ...study.dimensions[0]!, id: 'posts_per_day' }] };
    const ids = defaultCharts(clash, []).map((chart) => chart.id);
    expect(ids).toEqual(['theme', 'tone', 'stance', 'posts-per-day', 'posts-per-day-2']);
  });
});

describe('a second study with other codes and no configuration', () => {
  const fixture = join(import.meta.dirname, '../../fixtures/school-visits');
  const result = loadReport(join(fixture, 'data'), join(fixture, 'content'));
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('\n'));
  const report = result.report;

  // Read independently of the loader, straight from the fixture files.
  const csv = (name: string) =>
    parseCsv<Record<string, string>>(readFileSync(join(fixture, 'data', name)), { columns: true, skip_empty_lines: true });
  const codebook = parseYamlText(readFileSync(join(fixture, 'data', 'codebook.yaml'), 'utf8')) as {
    dimensions: { id: string; label: string; codes: { id: string; parent?: string }[] }[];
  };
  const visits = csv('visits.csv').filter((row) => row.excluded_because === '');
  const reflections = csv('reflections.csv');
  const codesOf = (cell: string) => (cell === '' ? [] : cell.split(';'));
  /** A code and every code above it. */
  const withAncestors = (dimension: string, code: string): string[] => {
    const codes = findOne(codebook.dimensions, (candidate) => candidate.id === dimension, `dimension ${dimension} in the codebook`).codes;
    const chain = [code];
    for (
      let parent = codes.find((candidate) => candidate.id === code)?.parent;
      parent;
      parent = codes.find((candidate) => candidate.id === parent)?.parent
    )
      chain.push(parent);
    return chain;
  };

  it('gets a chart per dimension and a timeline for its dated dataset', () => {
    expect(report.charts.map((chart) => [chart.id, chart.isDefault, chart.definition.kind])).toEqual([
      ['focus', true, 'distribution'],
      ['takeaway', true, 'participants-reporting'],
      ['visits-per-day', true, 'timeline'],
    ]);
    expect(report.charts.map((chart) => chart.definition.title)).toEqual([
      'Focus of the visit',
      'What teachers would take back: teachers reporting each code',
      'Visit notes per day',
    ]);
  });

  it('counts the codes of a unit-counted dimension as the CSV says, parents including their children', () => {
    const focus = findOne(report.charts, (chart) => chart.id === 'focus', 'chart focus');
    const coded = visits.filter((row) => row.focus !== '');
    const expected = codebook.dimensions[0]!.codes.map((code) => ({
      code: code.id,
      n: coded.filter((row) => codesOf(row.focus!).some((written) => withAncestors('focus', written).includes(code.id))).length,
    }));
    expect(focus.rows.map((row) => ({ code: row.code, n: row.n }))).toEqual(expected);
    expect(focus.rows.map((row) => row.share)).toEqual(expected.map((row) => row.n / coded.length));
    expect(focus.n).toEqual({ units: coded.length, participants: new Set(coded.map((row) => row.teacher_id)).size });
    expect(focus.sourceLine).toContain(`${visits.length - coded.length} not coded on this dimension`);
  });

  it('counts teachers reporting each code of a participant-counted dimension', () => {
    const takeaway = findOne(report.charts, (chart) => chart.id === 'takeaway', 'chart takeaway');
    const coded = reflections.filter((row) => row.takeaway !== '');
    const teachers = new Set(coded.map((row) => row.teacher_id));
    const expected = codebook.dimensions[1]!.codes.map((code) => ({
      code: code.id,
      n: new Set(coded.filter((row) => codesOf(row.takeaway!).includes(code.id)).map((row) => row.teacher_id)).size,
      of: teachers.size,
    }));
    expect(takeaway.rows.map((row) => ({ code: row.code, n: row.n, of: row.of }))).toEqual(expected);
    expect(takeaway.variant).toBe('dots');
  });

  it('counts visit notes per day over the whole period', () => {
    const timeline = findOne(report.charts, (chart) => chart.id === 'visits-per-day', 'chart visits-per-day');
    const days: string[] = [];
    for (let day = new Date('2025-03-03T00:00:00Z'); day <= new Date('2025-03-14T00:00:00Z'); day.setUTCDate(day.getUTCDate() + 1))
      days.push(day.toISOString().slice(0, 10));
    expect(timeline.rows).toEqual(days.map((day) => ({ day, n: visits.filter((row) => row.visited_on!.slice(0, 10) === day).length })));
  });
});
