import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DOMParser } from 'linkedom';
import type { SiteReport } from '../../src/model/siteReport.ts';
import { loadReport } from '../../src/build/loadReport.ts';
import type { ChartReport } from '../../src/model/chartReport.ts';
import { chartSvg, type ChartVariant } from '../../src/charts/chartSvg.ts';
import { formatProblem } from '../../src/problems/problem.ts';
import { removeStudyFixtures, writeStudyFixture, type FileContent, type StudyParts } from './studyFixture.ts';

/**
 * A tiny study made for the chart tests, small enough to count every figure by hand:
 *
 * - five days, 2024-03-01 (a Friday) to 2024-03-05, so the period has a weekend;
 * - six members in teams red, blue and green (M6 has no rows at all, M5 only a note);
 * - dated "posts" coded by "theme" (several codes a cell, nested codes) and "tone"
 *   (one code a cell, a nested code), with one post excluded and one not coded on each;
 * - undated "notes" coded by "stance" (counted by participants, Agrees and Disagrees tied).
 */
export const chartStudy = `id: chart-study
title: A tiny study for the chart tests
version: 1.0.0
date: 2024-06-01
license: CC-BY-4.0
url: https://example.org/charts/
authors:
  - { family: Tester, given: Pat }
abstract: A tiny study package used by the chart tests.
period: { start: 2024-03-01, end: 2024-03-05 }
participants:
  file: participants.csv
  key: member_id
  label: [member, members]
  attributes:
    - { column: team, label: Team }
datasets:
  posts:
    file: posts.csv
    unit: [post, posts]
    key: post_id
    participant: member_id
    date: posted_on
    exclude: excluded
  notes:
    file: notes.csv
    unit: [note, notes]
    key: note_id
    participant: member_id
`;

export const chartCodebook = `dimensions:
  - id: theme
    label: Theme
    dataset: posts
    column: themes
    multiple: true
    codes:
      - { id: technology, label: Technology }
      - { id: hardware, label: Hardware, parent: technology }
      - { id: software, label: Software, parent: technology }
      - { id: wellbeing, label: Wellbeing }
  - id: tone
    label: Tone
    dataset: posts
    column: tone
    codes:
      - { id: positive, label: Positive }
      - { id: negative, label: Negative }
      - { id: harsh, label: Harsh, parent: negative }
  - id: stance
    label: Stance
    dataset: notes
    column: stance
    multiple: true
    count: participants
    codes:
      - { id: agree, label: Agrees }
      - { id: disagree, label: Disagrees }
      - { id: unsure, label: Unsure }
`;

export const chartParticipants = `member_id,team
M1,red
M2,red
M3,blue
M4,blue
M5,blue
M6,green
`;

/** P05 is not coded on theme, P06 not on tone, P10 is excluded (on the otherwise empty 3 March). */
export const chartPosts = `post_id,member_id,posted_on,themes,tone,excluded
P01,M1,2024-03-01,technology;software,positive,
P02,M1,2024-03-01,hardware;software,positive,
P03,M1,2024-03-02,wellbeing,negative,
P04,M2,2024-03-02,hardware,harsh,
P05,M2,2024-03-04,,positive,
P06,M3,2024-03-04,wellbeing;software,,
P07,M3,2024-03-05,technology,negative,
P08,M4,2024-03-05,wellbeing,positive,
P09,M1,2024-03-05T09:30:00,software,positive,
P10,M5,2024-03-03,wellbeing,negative,spam
`;

/** N4 is not coded; M1 agrees twice (one member), so Agrees and Disagrees tie at 2 members. */
export const chartNotes = `note_id,member_id,stance
N1,M1,agree
N2,M1,agree
N3,M2,disagree
N4,M3,
N5,M4,agree
N6,M5,disagree
`;

export interface ChartStudyParts extends StudyParts {
  /** Chart definitions by file name, written to `<content>/charts/`; null leaves the folder out. */
  readonly charts?: Readonly<Record<string, string>> | null;
}

export interface ChartStudyDirs {
  readonly root: string;
  readonly dataDir: string;
  readonly contentDir: string;
}

/** Write the chart study (any part replaced) and its chart definitions into a fresh temp dir. */
export function writeChartStudy(parts: ChartStudyParts = {}): ChartStudyDirs {
  const { charts, ...study } = parts;
  const dataDir = writeStudyFixture({
    study: chartStudy,
    codebook: chartCodebook,
    participants: chartParticipants,
    posts: chartPosts,
    notes: chartNotes,
    ...study,
  });
  const root = dirname(dataDir);
  const contentDir = join(root, 'content');
  mkdirSync(contentDir);
  if (charts !== null) {
    mkdirSync(join(contentDir, 'charts'));
    for (const [name, text] of Object.entries(charts ?? {})) writeFileSync(join(contentDir, 'charts', name), text);
  }
  return { root, dataDir, contentDir };
}

/** Where a chart definition file of a written study is shown in problems (an absolute path: the temp dir is outside the working directory). */
export function chartFile(dirs: ChartStudyDirs, name: string): string {
  return join(dirs.contentDir, 'charts', name);
}

/** Load, analyse and tabulate a written study as a build does; throws with the problems when it does not load. */
export function loadCharts(dirs: ChartStudyDirs): SiteReport {
  const result = loadReport('data', dirs.contentDir, dirs.root);
  if (!result.ok) throw new Error(`expected the study to load; found problems:\n${result.problems.map(formatProblem).join('\n')}`);
  return result.report;
}

/** The site report of the chart study with these parts. */
export function chartReport(parts: ChartStudyParts = {}): SiteReport {
  return loadCharts(writeChartStudy(parts));
}

/** Every problem of a written study as printed, or [] when it loads. */
export function reportProblems(dirs: ChartStudyDirs): string[] {
  const result = loadReport('data', dirs.contentDir, dirs.root);
  return result.ok ? [] : result.problems.map(formatProblem);
}

/** One chart of a report by id; throws, listing the ids, when there is none. */
export function chartById(report: SiteReport, id: string): ChartReport {
  const found = report.charts.find((chart) => chart.id === id);
  if (!found) throw new Error(`no chart "${id}"; found ${report.charts.map((chart) => chart.id).join(', ')}`);
  return found;
}

/** Tabulate one chart definition (YAML text) on the chart study, with any part of the study replaced. */
export function tabulateOne(yaml: string, parts: ChartStudyParts = {}, id = 'under-test'): ChartReport {
  return chartById(chartReport({ ...parts, charts: { [`${id}.yaml`]: yaml } }), id);
}

let drawn = 0;

/**
 * A chart's SVG at one width. chartSvg caches drawings by chart id for the whole process,
 * and tests reuse ids across studies, so each drawing here gets an id of its own.
 */
export function svgOf(chart: ChartReport, variant: ChartVariant = 'wide', language = 'en'): string {
  drawn += 1;
  return chartSvg({ ...chart, id: `${chart.id}-t${drawn}` }, language, variant);
}

/** Parse an SVG string as XML, as a standalone file would be read. */
export function parseSvg(svg: string): Document {
  // eslint-disable-next-line no-restricted-syntax -- linkedom types: parseFromString gives linkedom's own SVGDocument, not the DOM's Document.
  return new DOMParser().parseFromString(svg, 'image/svg+xml') as unknown as Document;
}

/**
 * Parts of a study whose undated notes come from `n` participants, each with one note
 * coded on "stance" (counted by participants): participant i agrees when i is odd,
 * disagrees otherwise, and the first participant is also unsure.
 */
export function manyParticipants(n: number): ChartStudyParts {
  const ids = Array.from({ length: n }, (_, index) => `Q${String(index + 1).padStart(3, '0')}`);
  const study = `id: many-members
title: A study with many members
version: 1.0.0
date: 2024-06-01
license: CC-BY-4.0
url: https://example.org/many/
authors:
  - { family: Tester, given: Pat }
abstract: One note from each of many members.
participants:
  key: member_id
  label: [member, members]
datasets:
  notes:
    file: notes.csv
    unit: [note, notes]
    key: note_id
    participant: member_id
`;
  const codebook = `dimensions:
  - id: stance
    label: Stance
    dataset: notes
    column: stance
    multiple: true
    count: participants
    codes:
      - { id: agree, label: Agrees }
      - { id: disagree, label: Disagrees }
      - { id: unsure, label: Unsure }
`;
  return {
    study,
    codebook,
    participants: `member_id\n${ids.join('\n')}\n`,
    posts: null,
    notes: `note_id,member_id,stance\n${ids.map((id, index) => `N${index + 1},${id},${index === 0 ? 'agree;unsure' : index % 2 === 0 ? 'agree' : 'disagree'}`).join('\n')}\n`,
  };
}

export function removeChartFixtures(): void {
  removeStudyFixtures();
}

export type { FileContent };
