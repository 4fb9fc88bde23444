import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runBuild } from '../helpers/runBuild.ts';
import { copyDefaultSite } from '../helpers/builtSite.ts';
import { pngSize } from '../helpers/png.ts';
import { keyFiguresOf, readPage, tablesOf } from '../helpers/readPage.ts';
import { findOne } from '../helpers/findOne.ts';

// Figures on the built pages are checked against counts computed here, independently of
// the product's loader and analysis (another CSV parser, plain loops).
type Row = Record<string, string>;
const readCsv = (path: string): Row[] => parse<Row>(readFileSync(path, 'utf8'), { columns: true, bom: true });
const format = (n: number) => new Intl.NumberFormat('en').format(n);
/** A figure shown as a formatted whole number ("1,234"), read back; fails on anything else, so a renamed figure is not NaN. */
const countShown = (shown: string | undefined): number => {
  expect(shown).toMatch(/^\d{1,3}(,\d{3})*$/);
  return Number(shown!.replace(/,/g, ''));
};

const fixture = join(repoRoot, 'tests', 'fixtures', 'school-visits');
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'qualpress-build-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function copyFixture(name: string): { data: string; content: string } {
  const target = join(work, name);
  cpSync(fixture, target, { recursive: true });
  return { data: join(target, 'data'), content: join(target, 'content') };
}

function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(join(entry.parentPath, entry.name), readFileSync(join(entry.parentPath, entry.name), 'utf8'));
  }
  return files;
}

/** The fixture's site, built once for this file by whichever test needs it first. */
let visitsSite: string | undefined;
function builtVisitsSite(): string {
  if (visitsSite === undefined) {
    const out = join(work, 'visits-dist');
    const run = runBuild(['--data', join(fixture, 'data'), '--content', join(fixture, 'content'), '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    visitsSite = out;
  }
  return visitsSite;
}

describe('a second study with other datasets and codes', () => {
  const out = () => builtVisitsSite();

  beforeAll(() => {
    builtVisitsSite();
  });

  it('shows on the home page the counts computed from its CSV files', () => {
    const participants = readCsv(join(fixture, 'data', 'participants.csv'));
    const visits = readCsv(join(fixture, 'data', 'visits.csv')).filter((row) => row.excluded_because === '');
    const reflections = readCsv(join(fixture, 'data', 'reflections.csv'));
    const figures = keyFiguresOf(readPage(out(), ''));
    expect(figures.get('Teachers')).toBe(format(participants.length));
    expect(figures.get('Visit notes')).toBe(format(visits.length));
    expect(figures.get('Reflections')).toBe(format(reflections.length));
    expect(figures.get('Study period')).toBe('12 days');
  });

  it('draws unit counts that include nested codes, as computed from the CSV', () => {
    const codebook = parseYaml(readFileSync(join(fixture, 'data', 'codebook.yaml'), 'utf8'));
    const focus = codebook.dimensions[0];
    const visits = readCsv(join(fixture, 'data', 'visits.csv')).filter((row) => row.excluded_because === '' && row.focus !== '');
    const parentOf = new Map<string, string | undefined>(
      focus.codes.map((code: { id: string; parent?: string }) => [code.id, code.parent]),
    );
    const countFor = (id: string) => visits.filter((row) => row.focus === id || parentOf.get(row.focus!) === id).length;

    const table = tablesOf(readPage(out(), 'chapters/visits'));
    const rows = table.get('Focus of the visit')!;
    // Nested codes are shown indented under their parent with a leading "· ".
    expect(rows.map((row) => [row[0]!.replace(/^(· )+/, ''), row[1]])).toEqual(
      focus.codes.map((code: { id: string; label: string }) => [code.label, format(countFor(code.id))]),
    );
  });

  it('counts distinct participants for a multiple-code dimension counted by participants', () => {
    const reflections = readCsv(join(fixture, 'data', 'reflections.csv'));
    const coded = reflections.filter((row) => row.takeaway !== '');
    const codedTeachers = new Set(coded.map((row) => row.teacher_id)).size;
    const teachersWith = (code: string) =>
      new Set(coded.filter((row) => row.takeaway!.split(';').includes(code)).map((row) => row.teacher_id)).size;

    const rows = tablesOf(readPage(out(), 'chapters/visits')).get('What teachers would take back: teachers reporting each code')!;
    for (const [label, code] of [
      ['Will try it in class', 'try_it'],
      ['Nothing new', 'nothing'],
    ] as const) {
      const row = findOne(rows, (candidate) => candidate[0] === label, `a row labelled ${label}`);
      expect(row[1]).toBe(format(teachersWith(code)));
      expect(row[2]).toBe(format(codedTeachers));
      expect(row[3]).toBe(`${Math.round((100 * teachersWith(code)) / codedTeachers)}%`);
    }
  });
});

describe('a second study with no chart definitions', () => {
  it('gets a chart page per codebook dimension and per dated dataset, with downloads', () => {
    const out = join(work, 'visits-dist');
    const study = parseYaml(readFileSync(join(fixture, 'data', 'study.yaml'), 'utf8'));
    const codebook = parseYaml(readFileSync(join(fixture, 'data', 'codebook.yaml'), 'utf8'));
    const ids = [...codebook.dimensions.map((dimension: { id: string }) => dimension.id), 'visits-per-day'];

    // What each chart shows, recounted here from the fixture: its title and its rows (a label,
    // then the counts, as in data.csv).
    type Code = { id: string; label: string; parent?: string };
    const [focus, takeaway] = codebook.dimensions as { id: string; label: string; codes: Code[] }[];
    const visits = readCsv(join(fixture, 'data', 'visits.csv')).filter((row) => row.excluded_because === '');
    const withFocus = visits.filter((row) => row.focus !== '');
    const parentOf = new Map(focus!.codes.map((code) => [code.id, code.parent]));
    const visitsWith = (id: string) => withFocus.filter((row) => row.focus === id || parentOf.get(row.focus!) === id).length;
    const coded = readCsv(join(fixture, 'data', 'reflections.csv')).filter((row) => row.takeaway !== '');
    const codedTeachers = new Set(coded.map((row) => row.teacher_id)).size;
    const teachersWith = (id: string) =>
      new Set(coded.filter((row) => row.takeaway!.split(';').includes(id)).map((row) => row.teacher_id)).size;
    const days: string[] = [];
    for (
      let day = new Date(`${study.period.start}T00:00:00Z`);
      day <= new Date(`${study.period.end}T00:00:00Z`);
      day.setUTCDate(day.getUTCDate() + 1)
    ) {
      days.push(day.toISOString().slice(0, 10));
    }
    const expected: Record<string, { title: string; rows: (string | number)[][] }> = {
      [focus!.id]: { title: focus!.label, rows: focus!.codes.map((code) => [code.label, visitsWith(code.id)]) },
      [takeaway!.id]: {
        title: `${takeaway!.label}: teachers reporting each code`,
        rows: takeaway!.codes.map((code) => [code.label, teachersWith(code.id), codedTeachers]),
      },
      'visits-per-day': {
        title: `${study.datasets.visits.label} per day`,
        rows: days.map((day) => [day, visits.filter((row) => row.visited_on!.startsWith(day)).length]),
      },
    };
    expect(Object.keys(expected).sort()).toEqual([...ids].sort());

    for (const id of ids) {
      const { title, rows } = expected[id]!;
      const url = new URL(`charts/${id}/`, study.url).href;
      const width = rows[0]!.length;
      const csv = parse(readFileSync(join(out, 'charts', id, 'data.csv'), 'utf8'), { bom: true });
      expect(
        csv.slice(1).map((row) => row.slice(0, width)),
        `${id}/data.csv`,
      ).toEqual(rows.map((row) => row.map(String)));

      const page = readPage(out, `charts/${id}`);
      expect(page.querySelector('h1')?.textContent, `${id}/index.html`).toBe(title);
      const shown = [...page.querySelectorAll('.data-table:not(.changes-table) tbody tr')].map((row) =>
        [...row.querySelectorAll('th, td')].map((cell) => cell.textContent.trim()).slice(0, width),
      );
      // Nested codes are shown indented under their parent with a leading "· ".
      expect(
        shown.map(([label, ...counts]) => [label!.replace(/^(· )+/, ''), ...counts]),
        `${id}/index.html`,
      ).toEqual(rows.map(([label, ...counts]) => [label, ...counts.map((n) => format(Number(n)))]));

      const embed = readPage(out, `charts/${id}/embed`);
      expect(embed.querySelector('h1')?.textContent, `${id}/embed/index.html`).toBe(title);
      expect(embed.querySelector('.chart-wide svg title')?.textContent, `${id}/embed/index.html`).toBe(title);
      expect(embed.querySelector('.chart-source a')?.getAttribute('href'), `${id}/embed/index.html`).toBe(url);

      expect(pngSize(readFileSync(join(out, 'charts', id, 'chart.png'))).width, `${id}/chart.png`).toBe(1600);

      const cited = new Cite(readFileSync(join(out, 'charts', id, 'cite.bib'), 'utf8')).data as { title?: string; URL?: string }[];
      expect(
        cited.map((item) => [item.title, item.URL]),
        `${id}/cite.bib`,
      ).toEqual([[title, url]]);
    }
    const listed = [...readPage(out, 'charts').querySelectorAll('.chart-index a')].map((link) => link.getAttribute('href'));
    expect(listed).toEqual(expect.arrayContaining(ids.map((id) => `/visits/charts/${id}/`)));
  });
});

describe('the default study', () => {
  it('builds and shows its participants and units computed from data/', () => {
    // Built by `npm run build` once per test run, with no message and exit 0 (tests/helpers/builtSite.ts).
    const out = join(work, 'default-dist');
    copyDefaultSite(out);
    const study = parseYaml(readFileSync(join(repoRoot, 'data', 'study.yaml'), 'utf8'));
    const figures = keyFiguresOf(readPage(out, ''));
    expect(figures.get('Administrators')).toBe(format(readCsv(join(repoRoot, 'data', study.participants.file)).length));
    for (const dataset of Object.values<{ file: string; label: string }>(study.datasets)) {
      expect(figures.get(dataset.label)).toBe(format(readCsv(join(repoRoot, 'data', dataset.file)).length));
    }
    const page = readFileSync(join(out, 'index.html'), 'utf8');
    expect(page).toContain('Illustrative data.');
  });
});

describe('rebuilding after new data', () => {
  it('reflects deleted rows after a rebuild, with no code change', () => {
    const { data, content } = copyFixture('shrinking');
    const out = join(work, 'shrinking-dist');
    const usedVisits = () => readCsv(join(data, 'visits.csv')).filter((row) => row.excluded_because === '').length;
    expect(runBuild(['--data', data, '--content', content, '--out', out]).status).toBe(0);
    const before = countShown(keyFiguresOf(readPage(out, '')).get('Visit notes'));
    expect(before).toBe(usedVisits());

    const lines = readFileSync(join(data, 'visits.csv'), 'utf8').split('\n');
    writeFileSync(join(data, 'visits.csv'), [...lines.slice(0, 2), ...lines.slice(4)].join('\n'));
    expect(usedVisits()).toBe(before - 2);
    expect(runBuild(['--data', data, '--content', content, '--out', out]).status).toBe(0);
    expect(countShown(keyFiguresOf(readPage(out, '')).get('Visit notes'))).toBe(before - 2);
  });

  it('reports every problem with file:line:column, exits non-zero and leaves the last good site untouched', () => {
    const { data, content } = copyFixture('breaking');
    const out = join(work, 'breaking-dist');
    // The last good site: the fixture's, as built before the data broke.
    cpSync(builtVisitsSite(), out, { recursive: true });
    const good = snapshot(out);

    const csv = readFileSync(join(data, 'visits.csv'), 'utf8')
      .replace('N03,V3,2025-03-04,questioning', 'N03,V3,2025-03-04,questioning_')
      .replace('N05,V4,', 'N04,V4,')
      .replace('N08,V2,2025-03-10', 'N08,V2,2025-02-30');
    writeFileSync(join(data, 'visits.csv'), csv);
    const run = runBuild(['--data', data, '--content', content, '--out', out]);

    expect(run.status).toBe(1);
    const shown = join(data, 'visits.csv');
    expect(run.stderr).toContain(
      `${shown}:4:focus: expected a code of dimension focus (questioning, routines, openings, transitions, feedback); found "questioning_" (did you mean "questioning"?)`,
    );
    expect(run.stderr).toContain(`${shown}:6:note_id: expected a unique visit note id; found "N04", already on line 5`);
    expect(run.stderr).toContain(
      `${shown}:9:visited_on: expected an ISO 8601 date (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS); found "2025-02-30"`,
    );
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stdout).toBe('');
    expect(snapshot(out)).toEqual(good);
  });
});
