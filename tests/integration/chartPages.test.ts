import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import { parse } from 'csv-parse/sync';
import Papa from 'papaparse';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyDefaultSite } from '../helpers/builtSite.ts';
import { pandocReferences, apaCsl, skipPandocTests } from '../helpers/pandoc.ts';
import { pngSize } from '../helpers/png.ts';
import { readPage } from '../helpers/readPage.ts';
import { findOne } from '../helpers/findOne.ts';
import { repoRoot } from '../helpers/runBuild.ts';

// The default study's chart pages, checked as a reader and a citer would use them, against
// figures computed here from data/ with another CSV parser.
type Row = Record<string, string>;
const readCsv = (text: string): Row[] => parse<Row>(text, { columns: true, bom: true });
const study = parseYaml(readFileSync(join(repoRoot, 'data', 'study.yaml'), 'utf8'));
const tweets = readCsv(readFileSync(join(repoRoot, 'data', 'tweets.csv'), 'utf8'));
const downloads = [
  'data.csv',
  'data.json',
  'chart.svg',
  'chart.png',
  'social.png',
  'cite.bib',
  'cite.ris',
  'cite.json',
  'embed/index.html',
];

let dist: string;
let chartIds: string[];
beforeAll(() => {
  dist = join(mkdtempSync(join(tmpdir(), 'qualpress-charts-')), 'dist');
  copyDefaultSite(dist);
  const index = readPage(dist, 'charts');
  chartIds = [...index.querySelectorAll('.chart-index a')].map((link) => link.getAttribute('href')!.split('/').at(-2)!);
});
afterAll(() => rmSync(dirname(dist), { recursive: true, force: true }));

const file = (id: string, name: string) => join(dist, 'charts', id, name);
/** The address of the version a live chart page shows: the default study's data are released as study.yaml's version. */
const versionUrl = (id: string) => new URL(`charts/${id}/${String(study.version)}/`, study.url).href;
/**
 * Charts frozen in the release of this version, with the definition each was released with
 * (stored in the archive under its inputs' hash). A chart added since, or whose definition
 * file has changed since, is cited at its live page until the next release.
 */
const released = (): Map<string, Record<string, unknown>> => {
  const manifest = join(repoRoot, 'releases', String(study.version), 'manifest.json');
  if (!existsSync(manifest)) return new Map();
  const charts = (JSON.parse(readFileSync(manifest, 'utf8')) as { charts: Record<string, { inputs: string }> }).charts;
  return new Map(
    Object.entries(charts).map(([id, { inputs }]) => {
      const stored = JSON.parse(readFileSync(join(repoRoot, 'releases', 'objects', inputs.slice(0, 2), inputs), 'utf8'));
      return [id, stored.definition as Record<string, unknown>];
    }),
  );
};
/** Whether every field the chart's definition file writes is as released (default charts have no file). */
const unchangedSince = (definition: Record<string, unknown>, id: string): boolean => {
  const path = join(repoRoot, 'content', 'charts', `${id}.yaml`);
  if (!existsSync(path)) return true;
  const written = parseYaml(readFileSync(path, 'utf8')) as Record<string, unknown>;
  return Object.entries(written).every(([key, value]) => isDeepStrictEqual(definition[key], value));
};
const citedUrl = (id: string) => {
  const definition = released().get(id);
  return definition !== undefined && unchangedSince(definition, id) ? versionUrl(id) : new URL(`charts/${id}/`, study.url).href;
};
const metaContents = (page: Document, name: string) =>
  [...page.querySelectorAll(`meta[name="${name}"]`)].map((meta) => meta.getAttribute('content'));

describe('the chart index', () => {
  it('lists every declared chart, and a default chart for each dimension no declared chart shows', () => {
    const declared = readdirSync(join(repoRoot, 'content', 'charts')).map((name) => name.replace(/\.yaml$/, ''));
    const definitions = declared.map((id) => parseYaml(readFileSync(join(repoRoot, 'content', 'charts', `${id}.yaml`), 'utf8')));
    // Only charts about a dimension show it; a dimension that merely splits a timeline still gets its own.
    const aboutDimension = new Set(['distribution', 'breakdown', 'participants-reporting']);
    const shown = new Set(
      definitions.filter((definition) => aboutDimension.has(definition.kind)).map((definition) => definition.dimension),
    );
    const codebook = parseYaml(readFileSync(join(repoRoot, 'data', 'codebook.yaml'), 'utf8'));
    const defaults = codebook.dimensions
      .filter((dimension: { id: string }) => !shown.has(dimension.id))
      .map((dimension: { id: string }) => dimension.id.replace(/_/g, '-'));
    // And an agreement chart for every dataset with each coder's own codes.
    const agreement = Object.entries(study.datasets as Record<string, { reliability?: string }>)
      .filter(([, dataset]) => dataset.reliability !== undefined)
      .map(([id]) => `${id.replace(/_/g, '-')}-agreement`);
    expect(agreement.length).toBeGreaterThan(0);
    expect([...chartIds].sort()).toEqual([...declared, ...defaults, ...agreement].sort());
  });

  it('shows every chart in the index as its own SVG file, with no raster thumbnail drawn', () => {
    const images = [...readPage(dist, 'charts').querySelectorAll('.chart-index img')];
    expect(images.map((image) => image.getAttribute('src')!.split('/').at(-2)).sort()).toEqual([...chartIds].sort());
    for (const image of images) {
      const id = image.getAttribute('src')!.split('/').at(-2)!;
      expect(image.getAttribute('src')).toMatch(/\/chart\.svg$/);
      expect(readFileSync(file(id, 'chart.svg'), 'utf8')).toMatch(/<svg [^>]*viewBox="/);
      expect(existsSync(file(id, 'thumbnail.png')), `${id}/thumbnail.png`).toBe(false);
    }
  });
});

describe('every chart page', () => {
  it('has its page, its embed page and every download', () => {
    for (const id of chartIds) {
      for (const name of ['index.html', ...downloads]) expect(existsSync(file(id, name)), `${id}/${name}`).toBe(true);
    }
  });

  it('names and describes its SVG, and tables the same rows as its CSV', () => {
    for (const id of chartIds) {
      const page = readPage(dist, `charts/${id}`);
      const svg = page.querySelector('.chart-wide svg')!;
      expect(svg.getAttribute('role')).toBe('img');
      expect(page.getElementById(svg.getAttribute('aria-labelledby')!)!.textContent).toBe(page.querySelector('h1')!.textContent);
      const description = page.getElementById(svg.getAttribute('aria-describedby')!)!.textContent;
      expect(description).toBe(page.querySelector('.chart-description')!.textContent);
      const csvRows = parse(readFileSync(file(id, 'data.csv'), 'utf8'), { bom: true });
      expect(page.querySelectorAll('.data-table:not(.changes-table) tbody tr').length).toBe(csvRows.length - 1);
    }
  });

  it('carries citation metadata, JSON-LD and a canonical link', () => {
    for (const id of chartIds) {
      const page = readPage(dist, `charts/${id}`);
      const url = new URL(`charts/${id}/`, study.url).href;
      expect(page.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(url);
      expect(page.querySelector('meta[name="citation_title"]')!.getAttribute('content')).toBe(page.querySelector('h1')!.textContent);
      expect(page.querySelector('meta[property="og:image"]')!.getAttribute('content')).toBe(`${url}social.png`);
      const linked = JSON.parse(page.querySelector('script[type="application/ld+json"]')!.textContent);
      expect(linked['@type']).toBe('ImageObject');
      expect(linked.url).toBe(url);
      expect(linked.isPartOf.name).toBe(study.title);
      expect(linked.isBasedOn).toBeDefined();
    }
  });
});

describe('downloads', () => {
  it('the topic chart CSV holds the counts computed from tweets.csv, and they add up', () => {
    const definition = parseYaml(readFileSync(join(repoRoot, 'content', 'charts', 'topic-distribution.yaml'), 'utf8'));
    const codebook = parseYaml(readFileSync(join(repoRoot, 'data', 'codebook.yaml'), 'utf8'));
    const dimension = codebook.dimensions.find((candidate: { id: string }) => candidate.id === definition.dimension);
    const coded = tweets.filter((tweet) => tweet[dimension.column] !== '');
    const csv = readCsv(readFileSync(file('topic-distribution', 'data.csv'), 'utf8'));
    const counts = Object.fromEntries(csv.map((row) => [row.Code, Number(Object.values(row)[1])]));
    for (const code of dimension.codes)
      expect(counts[code.label]).toBe(coded.filter((tweet) => tweet[dimension.column] === code.id).length);
    expect(Object.values(counts).reduce((a: number, b) => a + Number(b), 0)).toBe(coded.length);
  });

  it('the per-day CSV sums to every tweet, day by day', () => {
    const csv = readCsv(readFileSync(file('tweets-per-day', 'data.csv'), 'utf8'));
    const perDay = new Map<string, number>();
    for (const row of csv) perDay.set(row.Day!, (perDay.get(row.Day!) ?? 0) + Number(row.Tweets));
    for (const [day, n] of perDay) expect(n).toBe(tweets.filter((tweet) => tweet.posted_at!.startsWith(day)).length);
    expect([...perDay.values()].reduce((a: number, b: number) => a + b, 0)).toBe(tweets.length);
  });

  it('the JSON download carries the rows with the report metadata', () => {
    const json = JSON.parse(readFileSync(file('topic-distribution', 'data.json'), 'utf8'));
    const csvRows = readCsv(readFileSync(file('topic-distribution', 'data.csv'), 'utf8'));
    expect(json.report.title).toBe(study.title);
    expect(json.report.version).toBe(study.version);
    expect(json.data.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(json.rows.map((row: { n: number }) => row.n)).toEqual(csvRows.map((row) => Number(Object.values(row)[1])));
  });

  it('the SVG download is a standalone SVG with the title and no page-dependent colours', () => {
    const svg = readFileSync(file('topic-distribution', 'chart.svg'), 'utf8');
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).not.toContain('var(--');
    expect(svg).not.toMatch(/currentColor/i);
    expect(svg).toContain('Topics of knowledge-sharing tweets');
  });

  it('the PNGs are valid PNGs of the stated sizes', () => {
    for (const id of chartIds) {
      expect(pngSize(readFileSync(file(id, 'chart.png'))).width).toBe(1600);
      expect(pngSize(readFileSync(file(id, 'social.png')))).toEqual({ width: 1200, height: 630 });
    }
  });
});

describe('citations', () => {
  const id = 'topic-distribution';
  // The live page cites the version it shows, at that version's own address (docs/releases.md).
  const url = () => versionUrl(id);
  const year = Number(String(study.date).slice(0, 4));
  const expectWork = (item: Record<string, unknown>) => {
    expect(item.title).toBe('Topics of knowledge-sharing tweets');
    expect(item.URL).toBe(url());
    expect((item.author as { family: string }[]).map((author) => author.family)).toEqual(
      study.authors.map((author: { family: string }) => author.family),
    );
    expect((item.issued as { 'date-parts': number[][] })['date-parts'][0]![0]).toBe(year);
  };

  it('cite.bib, cite.ris and cite.json parse back to the chart', () => {
    expectWork(new Cite(readFileSync(file(id, 'cite.bib'), 'utf8')).data[0]!);
    expectWork(new Cite(readFileSync(file(id, 'cite.ris'), 'utf8'), { forceType: '@ris/file' }).data[0]!);
    const csl = JSON.parse(readFileSync(file(id, 'cite.json'), 'utf8'));
    expect(csl[0].type).toBe('chapter');
    expectWork(new Cite(csl).data[0]!);
  });

  it('the APA text on the page is what citation-js makes of cite.json', () => {
    // citation-js types: format() is string | object; the 'text' format gives a string.
    const apa = new Cite(JSON.parse(readFileSync(file(id, 'cite.json'), 'utf8'))).format('bibliography', {
      template: 'apa',
      format: 'text',
      lang: 'en-US',
    }) as string;
    const shown = readPage(dist, `charts/${id}`).querySelector('.citations dd .citation-text')!.textContent;
    expect(shown).toBe(apa.trim());
    expect(shown).toContain(`In ${study.title.replace(/'/g, '’')} (Version ${study.version}).`);
  });
});

describe('every chart, cited as a section of the report', () => {
  const date = String(study.date);
  const dateParts = date.split('-').map(Number);
  type Item = Record<string, unknown> & { issued: { 'date-parts': number[][] } };
  const readAll = (id: string) => {
    const ris = readFileSync(file(id, 'cite.ris'), 'utf8');
    return {
      ris,
      bib: new Cite(readFileSync(file(id, 'cite.bib'), 'utf8')).data[0] as Item,
      risItem: new Cite(ris, { forceType: '@ris/file' }).data[0] as Item,
      json: new Cite(JSON.parse(readFileSync(file(id, 'cite.json'), 'utf8'))).data[0] as Item,
    };
  };

  it('is a chapter in the report, its version as edition, in cite.bib, cite.ris and cite.json', () => {
    for (const id of chartIds) {
      const page = readPage(dist, `charts/${id}`);
      const { bib, risItem, json } = readAll(id);
      for (const item of [bib, risItem, json]) {
        expect(item.type, id).toBe('chapter');
        expect(item.title, id).toBe(page.querySelector('h1')!.textContent);
        expect(item['container-title'], id).toBe(study.title);
        expect(item.edition, id).toBe(`Version ${study.version}`);
        expect(item.version, id).toBeUndefined();
        expect(item.URL, id).toBe(citedUrl(id));
        expect(item.abstract, id).toBe(page.querySelector('.chart-description')!.textContent);
      }
      expect(new Set([bib.id, risItem.id, json.id]).size, id).toBe(1);
    }
  });

  it('has the full date: BibTeX and CSL-JSON as date parts, RIS as DA (citation-js reads only PY of a chapter)', () => {
    for (const id of chartIds) {
      const { ris, bib, json } = readAll(id);
      expect(bib.issued['date-parts'], id).toEqual([dateParts]);
      expect(json.issued['date-parts'], id).toEqual([dateParts]);
      expect(ris, id).toContain(`\nDA  - ${date.replace(/-/g, '/')}/\n`);
      expect(ris, id).toMatch(/^TY {2}- CHAP\n/);
    }
  });

  it('writes every RIS value on one line, long abstracts and IDs whole', () => {
    let longest = { abstract: 0, id: 0 };
    for (const id of chartIds) {
      const { ris, json } = readAll(id);
      expect(
        ris
          .trimEnd()
          .split('\n')
          .every((line) => /^[A-Z][A-Z0-9] {2}-( |$)/.test(line)),
        id,
      ).toBe(true);
      expect(ris, id).toContain(`\nID  - ${json.id as string}\n`);
      expect(ris, id).toContain(`\nAB  - ${json.abstract as string}\n`);
      longest = {
        abstract: Math.max(longest.abstract, String(json.abstract).length),
        id: Math.max(longest.id, String(json.id).length),
      };
    }
    // Long enough that citation-js would have wrapped an abstract (70) and cut an ID (20).
    expect(longest.abstract).toBeGreaterThan(70);
    expect(longest.id).toBeGreaterThan(20);
  });

  it('is an @incollection in BibTeX, with the month as a macro, and no version, access note or second URL', () => {
    for (const id of chartIds) {
      const bib = readFileSync(file(id, 'cite.bib'), 'utf8');
      expect(bib, id).toMatch(/^@incollection\{/);
      expect(bib, id).toMatch(/\n\tmonth = [a-z]{3},\n/);
      expect(bib, id).toContain(`\n\tdate = {${date}},\n`);
      expect(bib, id).not.toMatch(/\n\t(version|note|urldate|howpublished) = /);
    }
  });

  it('carries the Highwire tags of a book section and the version as prism.edition, no tag of another type', () => {
    for (const id of chartIds) {
      const page = readPage(dist, `charts/${id}`);
      expect(metaContents(page, 'citation_inbook_title'), id).toEqual([study.title]);
      expect(metaContents(page, 'prism.edition'), id).toEqual([`Version ${study.version}`]);
      expect(metaContents(page, 'citation_publication_date'), id).toEqual([date.replace(/-/g, '/')]);
      expect(metaContents(page, 'citation_public_url'), id).toEqual([citedUrl(id)]);
      expect(metaContents(page, 'citation_author'), id).toEqual(
        study.authors.map(
          (author: { family?: string; given?: string; literal?: string }) =>
            author.literal ?? [author.family, author.given].filter(Boolean).join(', '),
        ),
      );
      for (const other of [
        'citation_book_title',
        'citation_journal_title',
        'citation_technical_report_institution',
        'citation_conference_title',
        'citation_dissertation_institution',
        'citation_pdf_url',
        'DC.type',
      ]) {
        expect(metaContents(page, other), `${id} ${other}`).toEqual([]);
      }
    }
  });
});

describe.skipIf(skipPandocTests)('a chart cite.bib read by pandoc --citeproc', () => {
  const id = 'topic-distribution';
  // citeproc, in pandoc as in citation-js, prints a straight apostrophe as a typographic one.
  const title = String(study.title).replace(/'/g, '’');

  it('prints the chart in the report, with its version, in Chicago author-date (pandoc’s default)', () => {
    const text = pandocReferences(file(id, 'cite.bib'));
    expect(text.toLowerCase()).toContain(`“topics of knowledge-sharing tweets.” in ${title.toLowerCase()}, version ${study.version}.`);
  });

  it('prints the chart in the report, with its version, in APA as citation-js does on the page', () => {
    const csl = join(dist, 'apa.csl');
    writeFileSync(csl, apaCsl);
    const text = pandocReferences(file(id, 'cite.bib'), csl);
    expect(text).toContain(`Topics of knowledge-sharing tweets. In ${title} (Version ${study.version}).`);
    expect(text).toBe(readPage(dist, `charts/${id}`).querySelector('.citations dd .citation-text')!.textContent);
  });
});

describe('embedding', () => {
  it('the embed page has only the chart, its title, source and a link back', () => {
    const page = readPage(dist, 'charts/dissonance/embed');
    expect(page.querySelector('h1')!.textContent).toBe(readPage(dist, 'charts/dissonance').querySelector('h1')!.textContent);
    expect(page.querySelectorAll('nav, header, footer').length).toBe(0);
    expect(page.querySelector('.chart-source a')!.getAttribute('href')).toBe(new URL('charts/dissonance/', study.url).href);
    expect(page.querySelector('.chart-wide svg[role="img"]')).not.toBeNull();
  });

  it('the chart page offers the iframe snippet pointing at the embed page', () => {
    const snippet = readPage(dist, 'charts/dissonance').querySelector('.embed-snippet')!.textContent;
    expect(snippet).toContain(`<iframe src="${new URL('charts/dissonance/embed/', study.url).href}"`);
  });
});

describe('agreement between coders in the default study', () => {
  // Recounted from data/reliability/tweets.csv with another CSV parser and a small alpha of its own.
  const coded = Papa.parse<Record<string, string>>(readFileSync(join(repoRoot, 'data', 'reliability', 'tweets.csv'), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
  const tweets = parse<unknown>(readFileSync(join(repoRoot, 'data', 'tweets.csv'), 'utf8'), { columns: true });

  /** Nominal alpha from the coincidence matrix, every unit with two values or more, missing values left out. */
  function alpha(column: string): { alpha: number; units: number } {
    const units = [...Map.groupBy(coded, (row) => row.tweet_id!).values()]
      .map((rows) => rows.map((row) => row[column]!).filter((value) => value !== ''))
      .filter((values) => values.length >= 2);
    const o = new Map<string, number>();
    const add = (key: string, by: number) => o.set(key, (o.get(key) ?? 0) + by);
    for (const values of units)
      values.forEach((c, i) => values.forEach((k, j) => i !== j && add(`${c}\u0000${k}`, 1 / (values.length - 1))));
    const margins = new Map<string, number>();
    for (const [key, count] of o) margins.set(key.split('\u0000')[0]!, (margins.get(key.split('\u0000')[0]!) ?? 0) + count);
    const n = [...margins.values()].reduce((a, b) => a + b, 0);
    const disagreeing = [...o].filter(([key]) => new Set(key.split('\u0000')).size === 2).reduce((sum, [, count]) => sum + count, 0);
    const expected = n * n - [...margins.values()].reduce((sum, nc) => sum + nc * nc, 0);
    return { alpha: 1 - ((n - 1) * disagreeing) / expected, units: units.length };
  }
  const three = (value: number) => value.toFixed(3);

  it('states alpha for topic in the methods chapter, with the number of tweets coded twice', () => {
    const text = readPage(dist, 'chapters/methods').querySelector('.reliability')!.textContent.replace(/\s+/g, ' ');
    const topic = alpha('topic');
    expect(text).toContain(
      `Two coders independently coded ${new Set(coded.map((row) => row.tweet_id)).size} of the ${tweets.length.toLocaleString('en')} tweets.`,
    );
    expect(text).toContain(`Krippendorff's alpha for topic of knowledge-sharing tweets was ${three(topic.alpha)} (95% CI `);
    expect(text).toContain(`over ${topic.units} tweets coded by at least two coders (${topic.units * 2} pairable values)`);
    expect(text).toMatch(topic.alpha >= 0.8 ? /at or above the 0\.800/ : /below the 0\.800/);
  });

  it('gives every dimension in the codebook appendix table, and code by code on the chart page', () => {
    const [table] = [...readPage(dist, 'chapters/codebook').querySelectorAll('.reliability-table table')];
    const rows = [...table!.querySelectorAll('tbody tr')].map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => cell.textContent.trim()),
    );
    expect(rows.map((row) => [row[0], row[1], row[4]!.split(' ')[0]])).toEqual(
      [
        ['Form of tweet', 'form'],
        ['Purpose of tweet', 'purpose'],
        ['Topic of knowledge-sharing tweets', 'topic'],
        ['Function of informal tweets', 'function'],
      ].map(([label, column]) => [label, String(alpha(column!).units), three(alpha(column!).alpha)]),
    );
    const csv = parse<Record<string, string>>(readFileSync(file('tweets-agreement', 'data.csv'), 'utf8'), { columns: true });
    const topic = findOne(csv, (row) => row['Dimension, then each code'] === 'Topic of knowledge-sharing tweets', 'the topic row');
    expect(Number(topic["Krippendorff's alpha"])).toBeCloseTo(alpha('topic').alpha, 12);
    expect(csv.length).toBeGreaterThan(4);
  });
});
