import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchablePages } from '../../src/build/runPagefind.ts';
import { findOne } from '../helpers/findOne.ts';
import { readPage } from '../helpers/readPage.ts';
import { repoRoot, runBuild } from '../helpers/runBuild.ts';

// The report's changelog, built from a real archive: the school-visits study released at
// 1.0.0 (with a chart of its own), then at 1.1.0 (two visit notes withdrawn, that chart
// dropped, notes and a DOI), then built once more without releasing. The pages, the Atom feed
// and the JSON are read from the release build and from the plain one: every build publishes
// all of them, and every address they give is a file of the site.

const vnuJar = String(createRequire(import.meta.url)('vnu-jar'));
const notes = 'Two visit notes withdrawn <b>& recoded';
const doi = '10.5281/zenodo.7654321';
const base = '/visits/';
let work: string;
const sites: Record<string, string> = {};

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'qualpress-changelog-'));
  const study = join(work, 'study');
  cpSync(join(repoRoot, 'tests', 'fixtures', 'school-visits'), study, { recursive: true });
  const data = join(study, 'data');
  const content = join(study, 'content');
  const build = (out: string, release: boolean) => {
    sites[out] = join(work, out);
    const run = runBuild([
      ...(release ? ['--release'] : []),
      '--releases',
      join(work, 'releases'),
      '--data',
      data,
      '--content',
      content,
      '--out',
      sites[out],
    ]);
    expect(run.stderr, out).toBe('');
    expect(run.status, out).toBe(0);
  };

  mkdirSync(join(content, 'charts'));
  writeFileSync(
    join(content, 'charts', 'notes-per-teacher.yaml'),
    'kind: per-participant\ntitle: Visit notes per teacher\ndataset: visits\n',
  );
  build('first', true);

  rmSync(join(content, 'charts', 'notes-per-teacher.yaml'));
  const visits = join(data, 'visits.csv');
  writeFileSync(
    visits,
    readFileSync(visits, 'utf8')
      .split('\n')
      .filter((line) => !/^N1[01],/.test(line))
      .join('\n'),
  );
  const yaml = join(data, 'study.yaml');
  writeFileSync(
    yaml,
    `${readFileSync(yaml, 'utf8').replace('version: 1.0.0', 'version: 1.1.0').replace('date: 2026-11-20', 'date: 2026-12-01')}` +
      `notes: ${JSON.stringify(notes)}\ndoi: ${doi}\n`,
  );
  build('release', true);
  build('plain', false);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A built file by its address on the site (below /visits/), or undefined when there is none. */
const fileOf = (site: string, url: string): string | undefined => {
  const path = new URL(url, 'https://example.org').pathname;
  expect(path.startsWith(base), url).toBe(true);
  const local = join(site, path.slice(base.length));
  const file = path.endsWith('/') ? join(local, 'index.html') : local;
  return existsSync(file) ? file : undefined;
};
/** /releases.json as the tests read it. */
interface ReleasesJson {
  releases: {
    version: string;
    notes: string | null;
    doi: string | null;
    url: string;
    citation: Record<string, string>;
    charts: Record<'added' | 'changed' | 'unchanged' | 'removed', { id: string; title: string; url: string; sameAs?: string }[]>;
  }[];
}
const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

for (const build of ['release', 'plain'] as const) {
  describe(`the changelog of a ${build === 'release' ? 'release build' : 'build that releases nothing'}`, () => {
    const site = () => sites[build]!;

    it('lists both releases on /releases/, newest first, with their dates, notes and DOI', () => {
      const page = readPage(site(), 'releases');
      const releases = [...page.querySelectorAll('.release-list > li')];
      expect(releases.map((release) => text(release.querySelector('h2')))).toEqual([
        'Version 1.1.0, 1 December 2026',
        'Version 1.0.0, 20 November 2026',
      ]);
      expect(text(releases[0]?.querySelector('.release-notes'))).toBe(notes);
      expect(releases[0]?.innerHTML).toContain('&lt;b&gt;&amp; recoded');
      expect(releases[0]?.querySelector(`a[href="https://doi.org/${doi}"]`)).not.toBeNull();
      expect(releases[1]?.querySelector('.release-notes')).toBeNull();
      // The changed chart links to its version of 1.1.0, the dropped one to all its versions.
      const links = (release: Element | undefined) => [...(release?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href'));
      expect(links(releases[0])).toContain(`${base}charts/focus/1.1.0/`);
      expect(links(releases[0])).toContain(`${base}charts/notes-per-teacher/versions/`);
      expect(links(releases[1])).toContain(`${base}charts/notes-per-teacher/1.0.0/`);
      expect(text(page.querySelector('main'))).toContain('Removed charts');
      // Feed readers find the feed from the page.
      expect(page.querySelector('head link[rel="alternate"][type="application/atom+xml"]')?.getAttribute('href')).toBe(
        `${base}releases.xml`,
      );
    });

    it('links the releases from the home page and the list of charts', () => {
      for (const path of ['', 'charts'])
        expect(readPage(site(), path).querySelector(`main a[href="${base}releases/"]`), path || 'home').not.toBeNull();
      expect(readPage(site(), '').querySelector('head link[type="application/atom+xml"]')).not.toBeNull();
    });

    it('cites each version on its own page, with its version, date and DOI, beside the citation files it froze', () => {
      for (const [version, day, year, withDoi] of [
        ['1.1.0', '1 December 2026', '2026', true],
        ['1.0.0', '20 November 2026', '2026', false],
      ] as const) {
        const page = readPage(site(), `releases/${version}`);
        expect(text(page.querySelector('h1'))).toBe(`Version ${version}`);
        const main = text(page.querySelector('main'));
        expect(main).toContain(`Released ${day}.`);
        const [apa, chicago] = [...page.querySelectorAll('.citation-text')].map(text);
        expect(apa).toContain(`(${year})`);
        expect(apa).toContain(`(Version ${version})`);
        expect(chicago).toContain(year);
        if (withDoi) for (const citation of [apa, chicago]) expect(citation).toContain(`https://doi.org/${doi}`);
        else expect(apa).not.toContain('doi.org');
        for (const name of ['cite.bib', 'cite.ris', 'cite.json', 'CITATION.cff']) {
          const href = `${base}releases/${version}/${name}`;
          expect(page.querySelector(`main a[href="${href}"]`), href).not.toBeNull();
          expect(fileOf(site(), href), href).toBeDefined();
        }
        // The frozen CSL-JSON is that version's, dated as its page says.
        const [frozen] = JSON.parse(readFileSync(join(site(), 'releases', version, 'cite.json'), 'utf8'));
        expect(frozen.version).toBe(version);
        expect(frozen.issued['date-parts'][0].slice(0, 1)).toEqual([Number(year)]);
      }
      const newest = readPage(site(), 'releases/1.1.0');
      expect(text(newest.querySelector('main'))).toContain(notes);
      // The unit noun is the study's, isolated (FSI ... PDI) in the line qualpress writes.
      expect(text(newest.querySelector('main'))).toContain('\u2068Visit notes\u2069: 11 → 9 (−2)');
    });

    it('publishes /releases.xml, an Atom feed with one entry per release, newest first, its notes escaped', () => {
      const xml = readFileSync(join(site(), 'releases.xml'), 'utf8');
      // Well-formed where data could break it: every & starts an entity and no markup comes from the notes.
      expect(xml.match(/&(?!amp;|lt;|gt;|quot;|apos;)/g)).toBeNull();
      expect(xml).toContain('Two visit notes withdrawn &lt;b&gt;&amp; recoded');
      const feed = new DOMParser().parseFromString(xml, 'text/xml').documentElement;
      expect(feed.localName).toBe('feed');
      expect(feed.getAttribute('xmlns')).toBe('http://www.w3.org/2005/Atom');
      const entries = [...feed.querySelectorAll('entry')];
      const field = (entry: Element | undefined, name: string) => [...(entry?.children ?? [])].find((child) => child.localName === name);
      expect(entries.map((entry) => field(entry, 'title')?.textContent)).toEqual(['Version 1.1.0', 'Version 1.0.0']);
      expect(entries.map((entry) => field(entry, 'updated')?.textContent)).toEqual(['2026-12-01T00:00:00Z', '2026-11-20T00:00:00Z']);
      expect(field(entries[0], 'summary')?.textContent).toBe(notes);
      for (const entry of entries) {
        const href = field(entry, 'link')?.getAttribute('href') ?? '';
        expect(field(entry, 'id')?.textContent).toBe(href);
        expect(fileOf(site(), href), href).toBeDefined();
      }
    });

    it('publishes /releases.json, whose every address is a file of the site', () => {
      const json = JSON.parse(readFileSync(join(site(), 'releases.json'), 'utf8')) as ReleasesJson;
      expect(json.releases.map((release) => release.version)).toEqual(['1.1.0', '1.0.0']);
      const [newest, first] = json.releases;
      expect(newest).toMatchObject({ date: '2026-12-01', notes, doi, url: 'https://example.org/visits/releases/1.1.0/' });
      expect(first).toMatchObject({ notes: null, doi: null });
      expect(newest!.charts.changed.map((chart) => chart.id)).toContain('focus');
      expect(newest!.charts.removed).toEqual([
        { id: 'notes-per-teacher', title: 'Visit notes per teacher', url: 'https://example.org/visits/charts/notes-per-teacher/versions/' },
      ]);
      const takeaway = findOne(newest!.charts.unchanged, (chart) => chart.id === 'takeaway', 'the unchanged takeaway chart');
      expect(takeaway.sameAs).toBe('1.0.0');
      expect(first!.charts.added.map((chart) => chart.id)).toContain('notes-per-teacher');
      const urls = json.releases.flatMap((release) => [
        release.url,
        ...Object.values(release.citation),
        ...Object.values(release.charts).flatMap((charts) => charts.map((chart) => chart.url)),
      ]);
      expect(urls.length).toBeGreaterThan(10);
      for (const url of urls) expect(fileOf(site(), url), url).toBeDefined();
    });

    it('has valid HTML on its pages (Nu Html Checker), with nothing inline a Content-Security-Policy would refuse', () => {
      const pages = [join(site(), 'releases'), join(site(), 'index.html')];
      const run = spawnSync('java', ['-jar', vnuJar, '--errors-only', '--skip-non-html', ...pages], { encoding: 'utf8' });
      if (run.error) throw new Error(`could not run the Nu Html Checker: ${run.error.message}; Java 17 or newer is needed`);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      for (const path of ['releases', 'releases/1.0.0', 'releases/1.1.0']) {
        const page = readPage(site(), path);
        expect(page.querySelectorAll('style, [style], script'), path).toHaveLength(0);
        expect(page.querySelectorAll('main h1'), path).toHaveLength(1);
      }
    });

    it('indexes the list of releases for search, not each release’s page', () => {
      const searchable = searchablePages(site());
      expect(searchable).toContain('releases/index.html');
      expect(searchable.filter((page) => page.startsWith('releases/') && page !== 'releases/index.html')).toEqual([]);
    });

    it('lists the releases pages in the sitemap', () => {
      const sitemap = readFileSync(join(site(), 'sitemap-0.xml'), 'utf8');
      for (const path of ['releases/', 'releases/1.0.0/', 'releases/1.1.0/'])
        expect(sitemap).toContain(`<loc>https://example.org/visits/${path}</loc>`);
    });
  });
}

describe('the changelog of a study with no release', () => {
  it('says there is none yet, and how to make one', () => {
    const out = join(work, 'none');
    const fixture = join(repoRoot, 'tests', 'fixtures', 'school-visits');
    const run = runBuild([
      '--releases',
      join(work, 'no-releases'),
      '--data',
      join(fixture, 'data'),
      '--content',
      join(fixture, 'content'),
      '--out',
      out,
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const main = text(readPage(out, 'releases').querySelector('main'));
    expect(main).toContain('No version of this report has been released yet.');
    expect(main).toContain('npm run release');
    expect(readPage(out, 'releases').querySelector('.release-list')).toBeNull();
    const json = JSON.parse(readFileSync(join(out, 'releases.json'), 'utf8'));
    expect(json.releases).toEqual([]);
    expect(readFileSync(join(out, 'releases.xml'), 'utf8')).not.toContain('<entry>');
  });
});
