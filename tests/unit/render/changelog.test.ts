import { DOMParser } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChartChanges, ReleaseHistory } from '../../../src/model/releases.ts';
import type { SiteReport } from '../../../src/model/siteReport.ts';
import { changelog, paragraphs, unreleased } from '../../../src/render/changelog.ts';
import { isolate } from '../../../src/render/sentence.ts';
import { changeCounts, releasesAtom, releasesJson, xml } from '../../../src/render/releaseFeeds.ts';
import { releaseCitations, releaseWork } from '../../../src/render/reportCitation.ts';
import { siteOf, type Site } from '../../../src/render/site.ts';
import { chartReport, removeChartFixtures } from '../../helpers/chartFixture.ts';

// The changelog's pure helpers: what /releases/, /releases/<version>/, /releases.xml and
// /releases.json show, from a release history written here by hand over the chart study
// (charts theme, tone, stance and posts-per-day), published at https://example.org/study/.

const notes = 'Fewer posts: <b>spam</b> & duplicates removed';
const changes: ChartChanges = {
  from: '1.0.0',
  definition: [],
  n: { units: { before: 10, after: 9 }, participants: { before: 5, after: 5 } },
  rows: [
    { key: 'Technology', before: 4, after: 3 },
    { key: 'Wellbeing', before: 4, after: 4 },
  ],
  added: [],
  removed: [],
  codeDefinitions: [],
  none: false,
};
/** 1.0.0 adds theme, tone and an "old" chart; 1.1.0 changes theme, keeps tone, removes old and adds stance. */
const history: ReleaseHistory = {
  releases: [
    {
      version: '1.0.0',
      date: '2024-06-01',
      changed: [
        { id: 'theme', title: 'Theme', isNew: true },
        { id: 'tone', title: 'Tone', isNew: true },
        { id: 'old', title: 'An old chart', isNew: true },
      ],
      unchanged: [],
      removed: [],
    },
    {
      version: '1.1.0',
      date: '2024-07-15',
      notes,
      doi: '10.5281/zenodo.1234567',
      changed: [
        { id: 'theme', title: 'Theme', isNew: false },
        { id: 'stance', title: 'Stance: members reporting each code', isNew: true },
      ],
      unchanged: ['tone'],
      removed: [{ id: 'old', title: 'An old chart' }],
    },
  ],
  charts: {
    theme: [
      { version: '1.0.0', date: '2024-06-01', title: 'Theme', state: 'new' },
      { version: '1.1.0', date: '2024-07-15', title: 'Theme', state: 'changed', changes, doi: '10.5281/zenodo.1234567' },
    ],
    tone: [
      { version: '1.0.0', date: '2024-06-01', title: 'Tone', state: 'new' },
      { version: '1.1.0', date: '2024-07-15', title: 'Tone', state: 'unchanged', sameAs: '1.0.0', doi: '10.5281/zenodo.1234567' },
    ],
    old: [
      { version: '1.0.0', date: '2024-06-01', title: 'An old chart', state: 'new' },
      { version: '1.1.0', date: '2024-07-15', title: 'An old chart', state: 'removed' },
    ],
    stance: [{ version: '1.1.0', date: '2024-07-15', title: 'Stance: members reporting each code', state: 'new' }],
  },
  current: {
    theme: { since: '1.1.0', released: true },
    tone: { since: '1.1.0', released: false, changes: { ...changes, from: '1.1.0' } },
    stance: { since: '1.1.0', released: true },
    'posts-per-day': { released: false },
  },
};

let report: SiteReport;
let site: Site;
beforeAll(() => {
  const loaded = chartReport();
  report = { ...loaded, study: { ...loaded.study, url: 'https://example.org/study/' } };
  site = siteOf({ ...report, releases: history });
});
afterAll(removeChartFixtures);

const noReleases = (): Site => siteOf({ ...report, releases: { releases: [], charts: {}, current: {} } });

describe('changelog', () => {
  it('lists releases newest first, with the addresses of their pages and frozen citation files', () => {
    const [newest, first] = changelog(site);
    expect(newest?.version).toBe('1.1.0');
    expect(first?.version).toBe('1.0.0');
    expect(newest).toMatchObject({
      date: '2024-07-15',
      notes,
      doi: '10.5281/zenodo.1234567',
      path: '/study/releases/1.1.0/',
      files: {
        bib: '/study/releases/1.1.0/cite.bib',
        ris: '/study/releases/1.1.0/cite.ris',
        csl: '/study/releases/1.1.0/cite.json',
        cff: '/study/releases/1.1.0/CITATION.cff',
      },
    });
    expect(first).not.toHaveProperty('notes');
    expect(first).not.toHaveProperty('doi');
  });

  it('links added and changed charts to their version, unchanged ones to the release they point to, removed ones to all their versions', () => {
    const [newest, first] = changelog(site);
    expect(first?.added.map((chart) => chart.path)).toEqual([
      '/study/charts/theme/1.0.0/',
      '/study/charts/tone/1.0.0/',
      '/study/charts/old/1.0.0/',
    ]);
    expect(newest?.added).toEqual([{ id: 'stance', title: 'Stance: members reporting each code', path: '/study/charts/stance/1.1.0/' }]);
    expect(newest?.changed.map((chart) => chart.path)).toEqual(['/study/charts/theme/1.1.0/']);
    expect(newest?.unchanged).toEqual([{ id: 'tone', title: 'Tone', path: '/study/charts/tone/1.1.0/', sameAs: '1.0.0' }]);
    expect(newest?.removed).toEqual([{ id: 'old', title: 'An old chart', path: '/study/charts/old/versions/' }]);
  });

  it('says in short lines what changed in a changed chart, in its units', () => {
    const [newest] = changelog(site);
    // The unit noun is the study's: isolated (FSI ... PDI) in the line qualpress writes.
    expect(newest?.changed[0]?.changes).toEqual([
      `${isolate('Posts')}: 10 → 9 (−1)`,
      'Participants: 5 (unchanged)',
      '1 row of its table changed',
    ]);
  });

  it('lists what this build changed since the newest release, and nothing when the build makes a release', () => {
    expect(unreleased(site)).toEqual({
      since: '1.1.0',
      added: [{ id: 'posts-per-day', title: 'Posts per day', path: '/study/charts/posts-per-day/' }],
      changed: [{ id: 'tone', title: 'Tone', path: '/study/charts/tone/' }],
      removed: [],
    });
    expect(
      unreleased(siteOf({ ...report, releases: { ...history, releasing: { version: '1.2.0', date: '2024-08-01' } } })),
    ).toBeUndefined();
    expect(unreleased(noReleases())).toBeUndefined();
  });

  it('splits release notes into paragraphs at blank lines', () => {
    expect(paragraphs('One.\nStill one.\n\n  Two.  \n\n\n')).toEqual(['One.\nStill one.', 'Two.']);
    expect(paragraphs(undefined)).toEqual([]);
  });
});

describe('the citation of one release', () => {
  it('names that release’s version, date and DOI, whatever study.yaml says now', () => {
    const [newest, first] = site.report.releases.releases.toReversed();
    const work = releaseWork(site, newest!);
    expect(work).toMatchObject({
      kind: 'report',
      version: '1.1.0',
      date: '2024-07-15',
      doi: '10.5281/zenodo.1234567',
      url: 'https://example.org/study/',
    });
    const withDoi = siteOf({ ...report, study: { ...report.study, doi: '10.5281/zenodo.999' }, releases: history });
    expect(releaseWork(withDoi, first!)).not.toHaveProperty('doi');
    expect(releaseWork(withDoi, first!)).toMatchObject({ version: '1.0.0', date: '2024-06-01' });
  });

  it('cites the version in its APA and Chicago text, with the DOI', () => {
    const [newest] = site.report.releases.releases.toReversed();
    const citations = releaseCitations(site, newest!);
    expect(citations.apaText).toContain('Version 1.1.0');
    expect(citations.apaText).toContain('https://doi.org/10.5281/zenodo.1234567');
    expect(citations.chicagoText).toContain('2024');
    expect(JSON.parse(citations.cslJson)).toMatchObject([
      { version: '1.1.0', issued: { 'date-parts': [[2024, 7, 15]] }, DOI: '10.5281/zenodo.1234567' },
    ]);
  });
});

describe('/releases.xml', () => {
  const parse = (text: string) => new DOMParser().parseFromString(text, 'text/xml');

  it('is an Atom feed with its id, title, date, author and links to itself and the releases page', () => {
    const feed = releasesAtom(site);
    expect(feed.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"')).toBe(true);
    const root = parse(feed).documentElement;
    expect(root.localName).toBe('feed');
    const child = (name: string) => [...root.children].filter((element) => element.localName === name);
    expect(child('id')[0]?.textContent).toBe('https://example.org/study/releases/');
    expect(child('title')[0]?.textContent).toBe('A tiny study for the chart tests: releases');
    expect(child('updated')[0]?.textContent).toBe('2024-07-15T00:00:00Z');
    expect(child('author').map((author) => author.textContent)).toEqual(['Pat Tester']);
    const links = child('link').map((link) => [link.getAttribute('rel'), link.getAttribute('type'), link.getAttribute('href')]);
    expect(links).toEqual([
      ['self', 'application/atom+xml', 'https://example.org/study/releases.xml'],
      ['alternate', 'text/html', 'https://example.org/study/releases/'],
    ]);
  });

  it('has one entry per release, newest first, with its page as id and link, its date and its notes escaped', () => {
    const feed = releasesAtom(site);
    const entries = [...parse(feed).querySelectorAll('entry')];
    const field = (entry: Element, name: string) => [...entry.children].find((element) => element.localName === name);
    expect(entries.map((entry) => field(entry, 'title')?.textContent)).toEqual(['Version 1.1.0', 'Version 1.0.0']);
    expect(entries.map((entry) => field(entry, 'id')?.textContent)).toEqual([
      'https://example.org/study/releases/1.1.0/',
      'https://example.org/study/releases/1.0.0/',
    ]);
    expect(entries.map((entry) => field(entry, 'updated')?.textContent)).toEqual(['2024-07-15T00:00:00Z', '2024-06-01T00:00:00Z']);
    expect(field(entries[0], 'link')?.getAttribute('href')).toBe('https://example.org/study/releases/1.1.0/');
    expect(field(entries[0], 'summary')?.textContent).toBe(notes);
    expect(feed).toContain('Fewer posts: &lt;b&gt;spam&lt;/b&gt; &amp; duplicates removed');
    expect(feed).not.toContain('<b>');
    const content = field(entries[0], 'content')?.textContent ?? '';
    // Chart titles are data text in a sentence: isolated (FSI ... PDI).
    expect(content).toContain(`New charts: “${isolate('Stance: members reporting each code')}”.`);
    expect(content).toContain(`Changed charts: “${isolate('Theme')}”.`);
    expect(content).toContain(`Removed charts: “${isolate('An old chart')}”.`);
    expect(content).toContain('DOI: https://doi.org/10.5281/zenodo.1234567');
    // A release without notes is summarised by its counts.
    expect(field(entries[1], 'summary')?.textContent).toBe('Charts: 3 new');
  });

  it('is a valid feed with no entries when the study has no release', () => {
    const root = parse(releasesAtom(noReleases())).documentElement;
    expect(root.querySelectorAll('entry')).toHaveLength(0);
    expect([...root.children].find((element) => element.localName === 'updated')?.textContent).toBe('2024-06-01T00:00:00Z');
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    expect(xml(`<a href="x">Tom's & co</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom&apos;s &amp; co&lt;/a&gt;');
    expect(xml('a\u0001b\u000Bc\uFFFEd\uD800e\tf\n')).toBe('abcde\tf\n');
    expect(xml('emoji 🙂 stays')).toBe('emoji 🙂 stays');
  });

  it('counts a release’s charts by kind of change, leaving out the kinds it has none of', () => {
    const [newest, first] = changelog(site);
    expect(changeCounts(newest!)).toBe('Charts: 1 new, 1 changed, 1 unchanged, 1 removed');
    expect(changeCounts(first!)).toBe('Charts: 3 new');
  });
});

describe('/releases.json', () => {
  it('lists every release newest first, with absolute addresses of its page, citation files and charts', () => {
    const json = releasesJson(site);
    expect(json).toMatchObject({
      report: { id: 'chart-study', title: 'A tiny study for the chart tests', url: 'https://example.org/study/' },
      page: 'https://example.org/study/releases/',
      feed: 'https://example.org/study/releases.xml',
    });
    expect(json.releases.map((release) => release.version)).toEqual(['1.1.0', '1.0.0']);
    expect(json.releases[0]).toEqual({
      version: '1.1.0',
      date: '2024-07-15',
      notes,
      doi: '10.5281/zenodo.1234567',
      url: 'https://example.org/study/releases/1.1.0/',
      citation: {
        bibtex: 'https://example.org/study/releases/1.1.0/cite.bib',
        ris: 'https://example.org/study/releases/1.1.0/cite.ris',
        cslJson: 'https://example.org/study/releases/1.1.0/cite.json',
        cff: 'https://example.org/study/releases/1.1.0/CITATION.cff',
      },
      charts: {
        added: [{ id: 'stance', title: 'Stance: members reporting each code', url: 'https://example.org/study/charts/stance/1.1.0/' }],
        changed: [{ id: 'theme', title: 'Theme', url: 'https://example.org/study/charts/theme/1.1.0/' }],
        unchanged: [{ id: 'tone', title: 'Tone', url: 'https://example.org/study/charts/tone/1.1.0/', sameAs: '1.0.0' }],
        removed: [{ id: 'old', title: 'An old chart', url: 'https://example.org/study/charts/old/versions/' }],
      },
    });
    // Absent notes and DOI are null, so every release has the same keys.
    expect(json.releases[1]).toMatchObject({ notes: null, doi: null });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('has no releases for a study without one', () => {
    expect(releasesJson(noReleases()).releases).toEqual([]);
  });
});
