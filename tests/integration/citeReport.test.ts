import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// citation-js with its BibTeX, RIS and CSL plugins and the Chicago author-date style registered.
import { Cite } from '../../src/cite/citationJs.ts';
import { parse as parseYaml, parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { licenseUrl } from '../../src/cite/license.ts';
import { copyDefaultSite } from '../helpers/builtSite.ts';
import { readPage } from '../helpers/readPage.ts';
import { repoRoot, runBuild } from '../helpers/runBuild.ts';

// The whole report as a citable work: the default study's home page, its cite.bib, cite.ris,
// cite.json and CITATION.cff, checked against data/study.yaml as read here.
type Author = { family?: string; given?: string; literal?: string; orcid?: string; affiliation?: string };
type CslName = { family?: string; given?: string; literal?: string };
const study = parseYaml(readFileSync(join(repoRoot, 'data', 'study.yaml'), 'utf8'));
const authors: Author[] = study.authors;
const date = String(study.date);
const year = Number(date.slice(0, 4));

let work: string;
let dist: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'qualpress-cite-'));
  dist = join(work, 'dist');
  copyDefaultSite(dist);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const read = (name: string) => readFileSync(join(dist, name), 'utf8');
const linkedDataOf = (page: Document) => JSON.parse(page.querySelector('script[type="application/ld+json"]')!.textContent);
const metaContents = (page: Document, name: string) =>
  [...page.querySelectorAll(`meta[name="${name}"]`)].map((meta) => meta.getAttribute('content'));

describe('CITATION.cff', () => {
  const cff = () => parseYaml(read('CITATION.cff'));

  it('is YAML describing the report as study.yaml does', () => {
    const file = cff();
    expect(file['cff-version']).toBe('1.2.0');
    expect(file.message).toMatch(/cite/);
    expect(file.title).toBe(study.title);
    expect(file.version).toBe(study.version);
    expect(file['date-released']).toBe(date);
    expect(file.license).toBe(study.license);
    expect(file.url).toBe(study.url);
    expect(file.abstract).toBe(study.abstract);
    expect(file).not.toHaveProperty('type');
  });

  it('credits every author, with ORCID as a URL and affiliation', () => {
    const expected = authors.map((author) =>
      author.literal !== undefined
        ? { name: author.literal, ...(author.orcid ? { orcid: `https://orcid.org/${author.orcid}` } : {}) }
        : {
            'family-names': author.family,
            ...(author.given ? { 'given-names': author.given } : {}),
            ...(author.orcid ? { orcid: `https://orcid.org/${author.orcid}` } : {}),
            ...(author.affiliation ? { affiliation: author.affiliation } : {}),
          },
    );
    const file = cff();
    expect(file.authors).toEqual(expected);
    expect(file['preferred-citation'].authors).toEqual(expected);
  });

  it('prefers a citation of the report itself', () => {
    const preferred = cff()['preferred-citation'];
    expect(preferred.type).toBe('report');
    expect(preferred.title).toBe(study.title);
    expect(preferred.year).toBe(year);
    expect(preferred.url).toBe(study.url);
    expect(preferred.version).toBe(study.version);
    expect(preferred.publisher?.name).toBe(study.publisher);
  });

  it('references each publication the report is based on, with its DOI', () => {
    const references = cff().references ?? [];
    expect(references).toHaveLength(study.based_on.length);
    study.based_on.forEach((item: Record<string, unknown>, index: number) => {
      const reference = references[index];
      expect(reference.title).toBe(item.title);
      expect(reference.authors.map((author: { 'family-names'?: string }) => author['family-names'])).toEqual(
        (item.author as CslName[]).map((name) => name.family),
      );
      if (item.type === 'article-journal') {
        expect(reference.type).toBe('article');
        expect(reference.journal).toBe(item['container-title']);
      }
      if (item.volume !== undefined) expect(reference.volume).toBe(Number(item.volume));
      if (item.issue !== undefined) expect(String(reference.issue)).toBe(String(item.issue as string | number));
      expect(reference.year).toBe((item.issued as { 'date-parts': number[][] })['date-parts'][0]![0]);
      if (item.DOI !== undefined) expect(reference.doi).toBe(item.DOI);
    });
  });
});

describe('the report citation files', () => {
  const expectReport = (item: Record<string, unknown>) => {
    expect(item.type).toBe('report');
    expect(item.title).toBe(study.title);
    expect(item.URL).toBe(study.url);
    expect((item.author as CslName[]).map((name) => name.family ?? name.literal)).toEqual(
      authors.map((author) => author.family ?? author.literal),
    );
    expect((item.issued as { 'date-parts': number[][] })['date-parts'][0]![0]).toBe(year);
  };

  it('cite.bib, cite.ris and cite.json parse back to the report', () => {
    const bib = new Cite(read('cite.bib')).data[0]!;
    expectReport(bib);
    expectReport(new Cite(read('cite.ris'), { forceType: '@ris/file' }).data[0]!);
    const csl = JSON.parse(read('cite.json'));
    expect(csl).toHaveLength(1);
    expectReport(new Cite(csl).data[0]!);
    // The version is CSL `version` in CSL-JSON and biblatex `version` in BibTeX; RIS has no tag for it (docs/citing.md).
    expect(csl[0].version).toBe(study.version);
    expect(bib.version).toBe(study.version);
    expect(csl[0]).not.toHaveProperty('edition');
  });

  it('write the date whole and every RIS value on one line', () => {
    expect(read('cite.bib')).toContain(`\tdate = {${date}},\n`);
    expect(read('cite.bib')).toMatch(/\n\tmonth = [a-z]{3},\n/);
    expect(read('cite.bib')).not.toContain('howpublished');
    const ris = read('cite.ris');
    expect(
      ris
        .trimEnd()
        .split('\n')
        .every((line) => /^[A-Z][A-Z0-9] {2}-( |$)/.test(line)),
    ).toBe(true);
    expect(ris).toContain(`\nAB  - ${study.abstract}\n`);
  });
});

describe('the home page', () => {
  const home = () => readPage(dist, '');

  it('carries Highwire citation tags for the report', () => {
    const page = home();
    expect(metaContents(page, 'citation_title')).toEqual([study.title]);
    expect(metaContents(page, 'citation_author')).toEqual(
      authors.map((author) => author.literal ?? [author.family, author.given].filter(Boolean).join(', ')),
    );
    expect(metaContents(page, 'citation_publication_date')).toEqual([date.replace(/-/g, '/')]);
    // A report, with or without a publisher (citation_technical_report_institution).
    expect(metaContents(page, 'DC.type')).toEqual(['report']);
    expect(metaContents(page, 'citation_technical_report_institution')).toEqual(study.publisher === undefined ? [] : [study.publisher]);
    for (const other of ['citation_inbook_title', 'citation_book_title', 'citation_journal_title', 'prism.edition']) {
      expect(metaContents(page, other), other).toEqual([]);
    }
    expect(page.querySelector('meta[property="og:title"]')!.getAttribute('content')).toBe(study.title);
    expect(page.querySelector('meta[property="og:description"]')!.getAttribute('content')).toBe(study.abstract);
    expect(page.querySelector('meta[property="og:type"]')!.getAttribute('content')).toBe('article');
  });

  it('describes the report as a schema.org Report based on its publications', () => {
    const linked = linkedDataOf(home());
    expect(linked['@type']).toBe('Report');
    expect(linked.url).toBe(study.url);
    expect(linked.name).toBe(study.title);
    expect(linked.version).toBe(study.version);
    expect(linked.datePublished).toBe(date);
    expect(linked.license).toBe(licenseUrl(study.license) ?? study.license);
    expect(linked.author.map((author: { name: string }) => author.name)).toEqual(
      authors.map((author) => author.literal ?? [author.given, author.family].filter(Boolean).join(' ')),
    );
    const basedOn = [linked.isBasedOn].flat();
    expect(basedOn).toHaveLength(study.based_on.length);
    study.based_on.forEach((item: Record<string, unknown>, index: number) => {
      expect(basedOn[index].name).toBe(item.title);
      if (item.type === 'article-journal') expect(basedOn[index]['@type']).toBe('ScholarlyArticle');
      if (item.DOI !== undefined) expect(basedOn[index].url).toBe(`https://doi.org/${item.DOI as string}`);
    });
  });

  it('shows the APA and Chicago text citation-js makes of /cite.json', () => {
    const csl = JSON.parse(read('cite.json'));
    // citation-js types: format() is string | object; the 'text' format gives a string.
    const format = (template: string) =>
      (new Cite(csl).format('bibliography', { template, format: 'text', lang: 'en-US' }) as string).trim();
    const shown = [...home().querySelectorAll('.report-citation .citation-text')].map((text) => text.textContent);
    expect(shown).toEqual([format('apa'), format('chicago-author-date')]);
    expect(shown[0]).toContain(`(Version ${study.version})`);
  });

  it('links to the three citation files and CITATION.cff, all of which exist', () => {
    const base = new URL(study.url).pathname;
    const links = [...home().querySelectorAll('.report-citation a')].map((link) => link.getAttribute('href')!);
    expect(links).toEqual(['cite.bib', 'cite.ris', 'cite.json', 'CITATION.cff'].map((name) => `${base}${name}`));
    for (const link of links) expect(existsSync(join(dist, link.slice(base.length)))).toBe(true);
  });
});

describe('every chapter page', () => {
  const chapters = () => readdirSync(join(dist, 'chapters'));

  it('is cited as a section of the report: Highwire tags of a book section, the version as prism.edition', () => {
    expect(chapters().length).toBeGreaterThan(0);
    for (const id of chapters()) {
      const page = readPage(dist, `chapters/${id}`);
      const url = new URL(`chapters/${id}/`, study.url).href;
      expect(page.querySelector('link[rel="canonical"]')!.getAttribute('href'), id).toBe(url);
      expect(metaContents(page, 'citation_title'), id).toEqual([page.querySelector('h1')!.textContent]);
      expect(metaContents(page, 'citation_inbook_title'), id).toEqual([study.title]);
      expect(metaContents(page, 'prism.edition'), id).toEqual([`Version ${study.version}`]);
      expect(metaContents(page, 'citation_publication_date'), id).toEqual([date.replace(/-/g, '/')]);
      expect(metaContents(page, 'citation_public_url'), id).toEqual([url]);
      expect(metaContents(page, 'citation_author'), id).toEqual(
        authors.map((author) => author.literal ?? [author.family, author.given].filter(Boolean).join(', ')),
      );
      for (const other of [
        'citation_book_title',
        'citation_journal_title',
        'citation_technical_report_institution',
        'citation_pdf_url',
        'DC.type',
      ]) {
        expect(metaContents(page, other), `${id} ${other}`).toEqual([]);
      }
    }
  });

  it('offers cite.bib, cite.ris and cite.json that read back as the same section of the report', () => {
    for (const id of chapters()) {
      const page = readPage(dist, `chapters/${id}`);
      const url = new URL(`chapters/${id}/`, study.url).href;
      for (const name of ['cite.bib', 'cite.ris', 'cite.json']) {
        expect(page.querySelector(`.chapter-citation a[href$="/chapters/${id}/${name}"]`), `${id} ${name}`).not.toBeNull();
      }
      const text = (name: string) => readFileSync(join(dist, 'chapters', id, name), 'utf8');
      const items = [
        new Cite(text('cite.bib')).data[0]!,
        new Cite(text('cite.ris'), { forceType: '@ris/file' }).data[0]!,
        new Cite(JSON.parse(text('cite.json'))).data[0]!,
      ];
      for (const item of items) {
        expect(item.type, id).toBe('chapter');
        expect(item.title, id).toBe(page.querySelector('h1')!.textContent);
        expect(item['container-title'], id).toBe(study.title);
        expect(item.edition, id).toBe(`Version ${study.version}`);
        expect(item.URL, id).toBe(url);
      }
    }
  });

  it('describes the chapter as a schema.org Chapter of the Report', () => {
    for (const id of chapters()) {
      const page = readPage(dist, `chapters/${id}`);
      const linked = linkedDataOf(page);
      expect(linked['@type'], id).toBe('Chapter');
      expect(linked.name, id).toBe(page.querySelector('h1')!.textContent);
      expect(linked.url, id).toBe(new URL(`chapters/${id}/`, study.url).href);
      expect(linked.version, id).toBe(study.version);
      expect(linked.isPartOf, id).toEqual({ '@type': 'Report', name: study.title, url: study.url });
    }
  });
});

describe('a report whose title and publisher are hostile text', () => {
  const title = 'Visits: "peer" {observation} # 1 </script><b>bold</b> & \'co\' - yes';
  const publisher = 'Group: #2 [a] {b}';
  let out: string;

  beforeAll(() => {
    const fixture = join(work, 'hostile');
    cpSync(join(repoRoot, 'tests', 'fixtures', 'school-visits'), fixture, { recursive: true });
    const path = join(fixture, 'data', 'study.yaml');
    const document = parseDocument(readFileSync(path, 'utf8'));
    document.set('title', title);
    document.set('publisher', publisher);
    writeFileSync(path, document.toString());
    out = join(work, 'hostile-dist');
    const run = runBuild(['--data', join(fixture, 'data'), '--content', join(fixture, 'content'), '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('keeps them as the same strings in CITATION.cff, meta tags and JSON-LD', () => {
    const cff = parseYaml(readFileSync(join(out, 'CITATION.cff'), 'utf8'));
    expect(cff.title).toBe(title);
    expect(cff['preferred-citation'].title).toBe(title);
    expect(cff['preferred-citation'].publisher.name).toBe(publisher);
    expect(cff).not.toHaveProperty('references');
    const page = readPage(out, '');
    expect(metaContents(page, 'citation_title')).toEqual([title]);
    expect(metaContents(page, 'citation_technical_report_institution')).toEqual([publisher]);
    expect(linkedDataOf(page).name).toBe(title);
    expect(linkedDataOf(page)).not.toHaveProperty('isBasedOn');
    // The JSON-LD element ends where it should: its raw text, up to the first </script>, is the whole JSON.
    const raw = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(readFileSync(join(out, 'index.html'), 'utf8'))![1]!;
    expect(raw).not.toContain('<');
    expect(JSON.parse(raw).name).toBe(title);
  });
});
