import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPage } from '../helpers/readPage.ts';
import { repoRoot, runBuild } from '../helpers/runBuild.ts';
import { findOne } from '../helpers/findOne.ts';

// Participant privacy, as a user meets it: a build refused for what its texts give away, and
// the default study's whole built site scanned, file by file, for what must never be in it.

const canaryNames = ['Quillon Farraday', 'Orsolya Vantongeren'];
const canaryEmail = 'quillon.farraday@mail.example';

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'qualpress-privacy-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `text` with `from` replaced; throws when `from` is absent, so a test never passes by changing nothing. */
function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`edit: ${from} not found`);
  return text.replace(from, to);
}

/** Every file under a folder, by path relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

function snapshot(dir: string): Map<string, string> {
  return new Map(filesUnder(dir).map((name) => [name, readFileSync(join(dir, name), 'latin1')]));
}

describe('a study whose published text identifies people', () => {
  const fixture = join(repoRoot, 'tests', 'fixtures', 'school-visits');
  let data: string;
  let out: string;
  let run: ReturnType<typeof runBuild>;
  let before: Map<string, string>;

  // Four notes, made publishable, each giving someone away in its own way.
  const notes = {
    handle: 'Started with a puzzle; idea from @mrs_k',
    email: 'Walked the room; notes to jo.bloggs@school.example.org',
    url: '"Timer on screen, from www.classroomtimers.com"',
    name: 'Visit with quillon farraday cut short by a fire drill',
  };

  beforeAll(() => {
    const target = join(work, 'visits');
    cpSync(fixture, target, { recursive: true });
    data = join(target, 'data');
    const study = join(data, 'study.yaml');
    writeFileSync(
      study,
      edit(readFileSync(study, 'utf8'), 'text: { column: note, publish: none }', 'text: { column: note, publish: paraphrased }'),
    );
    const visits = join(data, 'visits.csv');
    let csv = readFileSync(visits, 'utf8');
    csv = edit(csv, 'N02,V2,2025-03-03,openings,Started with a puzzle on the board,', `N02,V2,2025-03-03,openings,${notes.handle},`);
    csv = edit(csv, 'N04,V1,2025-03-05,feedback,Walked the room with a clipboard,', `N04,V1,2025-03-05,feedback,${notes.email},`);
    csv = edit(csv, 'N06,V5,2025-03-06,routines,"Timer on screen, quiet signal",', `N06,V5,2025-03-06,routines,${notes.url},`);
    csv = edit(csv, 'N07,V6,2025-03-07,,Visit cut short by a fire drill,', `N07,V6,2025-03-07,,${notes.name},`);
    writeFileSync(visits, csv);
    mkdirSync(join(data, 'private'));
    writeFileSync(join(data, 'private', 'names.txt'), `# Real names, never published\n${canaryNames.join('\n')}\n`);

    // The last good site, which a refused build must leave exactly as it was.
    out = join(work, 'visits-dist');
    mkdirSync(join(out, 'charts'), { recursive: true });
    writeFileSync(join(out, 'index.html'), '<!doctype html><title>The last good site</title>');
    writeFileSync(join(out, 'charts', 'data.csv'), 'a,b\r\n1,2\r\n');
    before = snapshot(out);
    run = runBuild(['--data', data, '--content', join(target, 'content'), '--out', out]);
  });

  it('stops with status 1 and one file:line:column line per finding', () => {
    expect(run.status).toBe(1);
    // Paths outside the working directory are shown in full.
    const file = join(data, 'visits.csv');
    const expected =
      'note: expected published text (text.publish: paraphrased) without handles, e-mail addresses, URLs or real names; found';
    const at = (text: string, what: string) => `at character ${text.replace(/^"/, '').indexOf(what) + 1}`;
    expect(run.stderr.split('\n').filter((line) => line.startsWith(file))).toEqual([
      `${file}:3:${expected} a handle "@m***" ${at(notes.handle, '@mrs_k')}`,
      `${file}:5:${expected} an e-mail address "j***@s***.org" ${at(notes.email, 'jo.bloggs')}`,
      `${file}:7:${expected} a URL "www.c***" ${at(notes.url, 'www.')}`,
      `${file}:8:${expected} a name listed in ${join(data, 'private', 'names.txt')} (entry on line 2), ${at(notes.name, 'quillon')}`,
    ]);
    expect(run.stderr).toContain('Build stopped: 4 problems in the study package or its content.');
    expect(run.stdout).toBe('');
  });

  it('prints no stack trace, and neither the name nor the whole handle, address or URL', () => {
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr).not.toMatch(/Error:/);
    expect(run.stderr.toLowerCase()).not.toMatch(/quillon|farraday|mrs_k|bloggs|classroomtimers/);
  });

  it('leaves the last good dist/ exactly as it was', () => {
    expect(snapshot(out)).toEqual(before);
  });
});

describe("the default study's built site", () => {
  const study = parseYaml(readFileSync(join(repoRoot, 'data', 'study.yaml'), 'utf8'));
  const minCell: number = study.privacy.min_cell;
  let dist: string;
  let files: string[];
  /** Every text file of the site, with Pagefind's gzipped index and fragments unpacked. */
  let texts: Map<string, string>;

  beforeAll(() => {
    // The default data with a private folder beside it, as a researcher would have one.
    const data = join(work, 'default', 'data');
    cpSync(join(repoRoot, 'data'), data, { recursive: true, filter: (source) => !source.split(/[\\/]/).includes('private') });
    mkdirSync(join(data, 'private'));
    writeFileSync(join(data, 'private', 'names.txt'), `# test list\n${canaryNames.join('\n')}\n`);
    writeFileSync(join(data, 'private', 'key.csv'), `participant_id,name,email\nP01,${canaryNames[0]},${canaryEmail}\n`);
    dist = join(work, 'default-dist');
    const run = runBuild(['--data', data, '--content', join(repoRoot, 'content'), '--out', dist]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    files = filesUnder(dist);
    texts = new Map();
    for (const name of files) {
      const bytes = readFileSync(join(dist, name));
      if (/\.pf_(fragment|index|meta)$/.test(name)) texts.set(name, gunzipSync(bytes).toString('latin1'));
      else if (['.html', '.svg', '.csv', '.json', '.bib', '.ris', '.cff', '.xml', '.txt'].includes(extname(name)))
        texts.set(name, bytes.toString('utf8'));
    }
  });

  it('scans every kind of file the site publishes', () => {
    const kinds = new Set(files.map((name) => extname(name)));
    for (const kind of ['.html', '.svg', '.csv', '.json', '.bib', '.ris', '.cff', '.xml', '.pf_fragment'])
      expect(kinds, kind).toContain(kind);
    expect(texts.size).toBeGreaterThan(100);
  });

  it('holds nothing from private/: no such folder, no listed name, no address from it, in any file', () => {
    expect(files.filter((name) => /private|names\.txt|key\.csv/i.test(name))).toEqual([]);
    const everything = [...files.map((name) => readFileSync(join(dist, name), 'latin1')), ...texts.values()];
    for (const needle of [...canaryNames, ...canaryNames.flatMap((name) => name.split(' ')), canaryEmail]) {
      const lower = needle.toLowerCase();
      expect(everything.filter((text) => text.toLowerCase().includes(lower)).length, needle).toBe(0);
    }
  });

  it('holds no handle: every "@word" is JSON-LD or a BibTeX entry type', () => {
    const expected = new Set([
      '@context',
      '@type',
      '@id',
      '@graph',
      '@misc',
      '@incollection',
      '@techreport',
      '@article',
      '@book',
      '@software',
      '@dataset',
    ]);
    const found = new Set<string>();
    for (const text of texts.values())
      for (const [handle] of text.matchAll(/(?<![\p{L}\p{N}_@/+.-])@[\p{L}_][\p{L}\p{N}_.]*/gu)) found.add(handle);
    expect([...found].filter((handle) => !expected.has(handle))).toEqual([]);
  });

  it('holds no e-mail address', () => {
    const found = [...texts.entries()].flatMap(([name, text]) =>
      [...text.matchAll(/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu)].map((match) => `${name}: ${match[0]}`),
    );
    expect(found).toEqual([]);
  });

  it("holds no URL but the report's own, DOIs, ORCID iDs, the licence and XML vocabularies", () => {
    const allowed = [
      'https://example.org/admin-twitter/', // the report, from study.yaml
      'https://doi.org/', // the publication it accompanies, and cited works
      'https://orcid.org/', // authors
      'https://creativecommons.org/', // the licence
      'https://schema.org', // JSON-LD vocabulary
      'http://www.w3.org/', // SVG and XHTML namespaces
      'http://www.sitemaps.org/schemas/', // sitemap namespaces
      'http://www.google.com/schemas/sitemap-', // sitemap extension namespaces
    ];
    const found = new Set<string>();
    for (const text of texts.values()) {
      for (const [url] of text.matchAll(/\b(?:https?|ftp):\/\/[^\s"'<>)\]\\]+|(?<![\p{L}\p{N}_@./-])www\.[^\s"'<>)\]\\]+/giu)) {
        if (!allowed.some((prefix) => url.startsWith(prefix)) && !allowed.some((prefix) => `http://${url}`.startsWith(prefix)))
          found.add(url);
      }
    }
    expect([...found]).toEqual([]);
  });

  it('shows no attribute-breakdown count below min_cell in any chart CSV or JSON, and does suppress some', () => {
    const definitions = readdirSync(join(repoRoot, 'content', 'charts')).map((name) => ({
      id: name.replace(/\.yaml$/, ''),
      definition: parseYaml(readFileSync(join(repoRoot, 'content', 'charts', name), 'utf8')),
    }));
    const byAttribute = definitions
      .filter(({ definition }) => definition.kind === 'breakdown' && (definition.by ?? 'participant') !== 'participant')
      .map(({ id }) => id);
    expect(byAttribute).toEqual(expect.arrayContaining(['topics-by-role', 'topics-by-school-level']));
    const safe = (value: unknown) => value === 'suppressed' || value === 0 || (typeof value === 'number' && value >= minCell);
    let suppressed = 0;
    for (const id of byAttribute) {
      const json = JSON.parse(readFileSync(join(dist, 'charts', id, 'data.json'), 'utf8')) as { rows: Record<string, unknown>[] };
      for (const row of json.rows) {
        expect(safe(row.n) && safe(row.of), `${id}: ${JSON.stringify(row)}`).toBe(true);
        // A share is shown only beside a count and a denominator that are both shown.
        expect(row.share !== undefined, `${id}: ${JSON.stringify(row)}`).toBe(typeof row.n === 'number' && typeof row.of === 'number');
        if (row.n === 'suppressed') suppressed++;
      }
      const csv = parse(readFileSync(join(dist, 'charts', id, 'data.csv'), 'utf8'), { bom: true });
      for (const [, , n, of] of csv.slice(1))
        for (const cell of [n!, of!])
          expect(cell === 'suppressed' || (/^\d+$/.test(cell) && safe(Number(cell))), `${id}: ${cell}`).toBe(true);
      expect(csv.length - 1).toBe(json.rows.length);
    }
    expect(suppressed).toBeGreaterThan(0);
    // The chart page says so, under the chart and in its description.
    const page = readPage(dist, 'charts/topics-by-school-level');
    const json = JSON.parse(readFileSync(join(dist, 'charts', 'topics-by-school-level', 'data.json'), 'utf8')) as {
      chart: { source: string; description: string };
    };
    expect(json.chart.source).toMatch(/Counts of 1 or 2 tweets .*are not shown\.$/);
    expect(json.chart.description).toMatch(/cells are not shown \(marked "suppressed"\)/);
    expect(page.body.textContent).toContain(json.chart.source);
    expect(page.body.textContent).toContain(json.chart.description);
  });

  it('keeps counts of pseudonymous participants visible: "2 of 17" is not suppressed', () => {
    const rows = parse<Record<string, string>>(readFileSync(join(dist, 'charts', 'practice-change', 'data.csv'), 'utf8'), {
      bom: true,
      columns: true,
    });
    const counts = rows
      .flatMap((row) => Object.values(row))
      .filter((cell) => /^\d+$/.test(cell))
      .map(Number);
    expect(counts.some((n) => n > 0 && n < minCell)).toBe(true);
    expect(rows.flatMap((row) => Object.values(row))).not.toContain('suppressed');
  });

  it('shows the participants by attribute on the home page with no group under min_cell', () => {
    const home = readPage(dist, '');
    const figure = findOne(
      [...home.querySelectorAll('.key-figures > div')],
      (item) => item.querySelector('dt')!.textContent.trim() === 'Administrators',
      'an Administrators key figure on the home page',
    );
    const detail = figure.querySelector('.detail')!.textContent;
    expect(detail).toContain('Role: Principal 9');
    const counts = [...detail.matchAll(/ (\d+)(?=[,.])/g)].map((match) => Number(match[1]));
    expect(counts.length).toBeGreaterThan(5);
    for (const n of counts) expect(n).toBeGreaterThanOrEqual(minCell);
  });

  it('copies nothing of the study package but what the pages show', () => {
    expect(existsSync(join(dist, 'data'))).toBe(false);
    expect(files.filter((name) => /(^|\/)(tweets|interviews|participants)\.csv$/.test(name))).toEqual([]);
  });
});
