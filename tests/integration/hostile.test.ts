import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { parse as parseCsv } from 'csv-parse/sync';
import { DOMParser, parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { indentedLabel } from '../../src/charts/theme.ts';
import { Cite } from '../../src/cite/citationJs.ts';
import { scriptHash } from '../../src/render/contentSecurityPolicy.ts';
import { repoRoot } from '../helpers/runBuild.ts';
import { copyHostileSite } from '../helpers/builtSite.ts';
import { findOne } from '../helpers/findOne.ts';

// tests/fixtures/hostile: a study whose every published text (text cells, code labels and
// definitions, dimension and attribute labels, attribute values, chart titles and captions,
// study metadata) holds markup, scripts, closing tags, MDX, javascript: links, quotes of
// every kind, BibTeX and RIS syntax, bidi and zero-width characters, emoji and very long
// words. Built as a user builds it, every one of them must come out as the literal text
// written, in every page and file, and nothing may become markup or code.
const fixture = join(repoRoot, 'tests', 'fixtures', 'hostile');
const read = (path: string) => readFileSync(join(fixture, path), 'utf8');

interface Code {
  id: string;
  label: string;
  parent?: string;
  definition?: string;
  example?: string;
}
interface Dimension {
  id: string;
  label: string;
  description?: string;
  codes: Code[];
}
interface ChartYaml {
  kind: string;
  title: string;
  subtitle?: string;
  caption?: string;
  notes?: string[];
  measures?: { label: string }[];
}
const study = parseYaml(read('data/study.yaml'));
const codebook = parseYaml(read('data/codebook.yaml')) as { dimensions: Dimension[] };
const dimension = (id: string) => findOne(codebook.dimensions, (candidate) => candidate.id === id, `dimension ${id} in the codebook`);
const chartIds = readdirSync(join(fixture, 'content', 'charts'))
  .map((name) => name.replace(/\.yaml$/, ''))
  .sort();
const charts = Object.fromEntries(chartIds.map((id) => [id, parseYaml(read(`content/charts/${id}.yaml`)) as ChartYaml]));
const csvRows = (path: string) => parseCsv<Record<string, string>>(read(path), { columns: true });
const notes = csvRows('data/visits.csv')
  .filter((row) => row.excluded_because === '' && row.note !== '')
  .map((row) => row.note!);
const subjects = [...new Set(csvRows('data/participants.csv').map((row) => row.subject!))];
const attributeLabel: string = study.participants.attributes[0].label;
const [person, organisation] = study.authors as [{ family: string; given: string; affiliation: string }, { literal: string }];

const depthOf = (codes: readonly Code[], code: Code): number =>
  code.parent === undefined
    ? 0
    : 1 +
      depthOf(
        codes,
        findOne(codes, (other) => other.id === code.parent, `the parent code ${code.parent} of ${code.id}`),
      );
/** Code labels as charts and tables show them: nested codes indented under their parent. */
const displayLabels = (id: string) => dimension(id).codes.map((code, _index, codes) => indentedLabel(code.label, depthOf(codes, code)));

/** As src/cite/plainText.ts writes text into citations and page metadata: one line, single spaces. */
const oneLine = (text: string) => text.replace(/[\p{White_Space}\p{Cc}]+/gu, ' ').trim();
/** Up to whitespace, as a reader of the file sees it (JavaScript's \s, which also counts U+FEFF). */
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const squeeze = (text: string) => text.replace(/\s+/g, '');
/** CSL rich-text tags, which cite.bib leaves out by design (src/cite/formats/bibtex.ts). */
const withoutRichText = (text: string) => text.replace(/<(?:\/?(?:i|b|sc|sup|sub|span)|span .*?)>/g, '');
/** A data cell as the CSV downloads write it: a formula start neutralised with a leading apostrophe. */
const csvCell = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

let work: string;
let dist: string;
let base: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'qualpress-hostile-'));
  dist = join(work, 'site');
  base = new URL(study.url).pathname;
  // Built once per run for the test files that read it; the build must succeed with no message.
  copyHostileSite(dist);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const file = (path: string) => readFileSync(join(dist, path), 'utf8');
const page = (path: string) => parseHTML(file(join(path, 'index.html'))).document;
const text = (document: Document, selector: string) => {
  const element = document.querySelector(selector);
  expect(element, selector).not.toBeNull();
  return element!.textContent;
};
const texts = (root: Document | Element, selector: string) => [...root.querySelectorAll(selector)].map((element) => element.textContent);
const meta = (document: Document, key: string) =>
  [...document.querySelectorAll(`meta[name="${key}"], meta[property="${key}"]`)].map((element) => element.getAttribute('content'));
const linkedData = (document: Document) =>
  [...document.querySelectorAll('script[type="application/ld+json"]')].map((script) => JSON.parse(script.textContent));

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [relative(dist, path)] : [];
  });
}

describe('the fixture', () => {
  it('holds every kind of hostile text the site must print literally', () => {
    const strings: string[] = [];
    const collect = (value: unknown): void => {
      if (typeof value === 'string') strings.push(value);
      else if (Array.isArray(value)) value.forEach(collect);
      else if (value !== null && typeof value === 'object') Object.values(value).forEach(collect);
    };
    for (const path of ['data/study.yaml', 'data/codebook.yaml', ...chartIds.map((id) => `content/charts/${id}.yaml`)])
      collect(parseYaml(read(path)));
    for (const path of ['data/participants.csv', 'data/visits.csv']) collect(csvRows(path));
    const joined = strings.join('\n');
    for (const sample of [
      '<script>alert(1)</script>',
      '</svg>',
      '</title>',
      '<Chart id="x" />',
      '{1+1}',
      '{/* c */}',
      'javascript:alert(1)',
      '<b>',
      'onerror=',
    ])
      expect(joined).toContain(sample);
    for (const quote of ["'", '"', '‘', '’', '“', '”', '«', '»', '`']) expect(joined).toContain(quote);
    for (const special of ['{', '}', '\\', '%', '@article{', '\t', '\r', '\nTY  - JOUR', '\nER  -', '\u202E', '\u200B', '\uFEFF', '\u200D'])
      expect(joined).toContain(special);
    expect(joined).toMatch(/\p{Script=Hebrew}/u);
    expect(joined).toMatch(/\p{Script=Arabic}/u);
    expect(joined).toMatch(/\p{Extended_Pictographic}\u200D\p{Extended_Pictographic}/u);
    expect(joined).toMatch(/\p{L}{200,}/u);
    // Text cells are published (as paraphrases) and hold the payloads too.
    expect(study.datasets.visits.text.publish).toBe('paraphrased');
    expect(notes.some((note) => note.includes('<script>'))).toBe(true);
    expect(notes.some((note) => note.includes('\nTY  - JOUR\n'))).toBe(true);
  });
});

describe('every HTML page', () => {
  const pages = () => htmlFiles(dist).map((path) => ({ path, document: parseHTML(file(path)).document }));

  it('has a Content-Security-Policy first in <head>, covering every inline script by its hash', () => {
    const checked = pages();
    expect(checked.length).toBeGreaterThan(10);
    for (const { path, document } of checked) {
      const [charset, policyMeta] = [...document.head.children];
      expect(charset?.getAttribute('charset'), path).toBe('utf-8');
      expect(policyMeta?.getAttribute('http-equiv'), path).toBe('Content-Security-Policy');
      const policy = policyMeta!.getAttribute('content')!;
      expect(policy, path).toMatch(/^default-src 'self';/);
      expect(policy, path).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*/);
      const scriptSrc = /(?:^|; )script-src ([^;]*)/.exec(policy)![1]!.split(' ');
      expect(scriptSrc.includes("'wasm-unsafe-eval'"), path).toBe(path === 'search/index.html');
      // Exactly the page's inline scripts: text quoted in an attribute ("<script>…" in a meta tag) adds no hash.
      const inline = [...document.querySelectorAll('script:not([src])')].map((script) => scriptHash(script.textContent));
      expect(scriptSrc.filter((source) => source.startsWith("'sha256-")).sort(), path).toEqual([...new Set(inline)].sort());
    }
  });

  it('runs no script but the search page files, and holds JSON-LD that parses', () => {
    for (const { path, document } of pages()) {
      for (const script of document.querySelectorAll('script')) {
        const source = script.getAttribute('src');
        if (source === null) {
          expect(script.getAttribute('type'), path).toBe('application/ld+json');
          expect(() => JSON.parse(script.textContent), path).not.toThrow();
        } else {
          expect(path).toBe('search/index.html');
          expect([`${base}pagefind/pagefind-ui.js`, `${base}search.js`]).toContain(source);
        }
      }
    }
  });

  it('has no element or attribute that came from the data', () => {
    for (const { path, document } of pages()) {
      const elements = [...document.querySelectorAll('*')];
      for (const element of elements) {
        const name = element.localName;
        // The payloads' tags: <b>, <i>, <em>, <p> inside <p>, <img>, <textarea>, <Chart>, <svg onload>.
        expect(['b', 'i', 'em', 'textarea', 'chart', 'style'], `${path}: <${name}>`).not.toContain(name);
        if (name === 'img') expect(element.closest('.chart-index'), `${path}: <img>`).not.toBeNull();
        if (name === 'p') expect(element.parentElement?.closest('p'), `${path}: <p> in <p>`).toBeNull();
        if (name === 'svg') expect(element.closest('.chart-image > div > svg.chart-svg'), `${path}: <svg> outside a chart`).not.toBeNull();
        if (name === 'title') expect(element.closest('head, svg'), `${path}: <title> in body text`).not.toBeNull();
        for (const attribute of [...element.attributes]) {
          expect(attribute.name, `${path}: <${name} ${attribute.name}>`).not.toMatch(/^on/i);
          expect(attribute.name, `${path}: <${name} style>`).not.toBe('style');
          if (/^(href|src|action|formaction|xlink:href|poster|data)$/.test(attribute.name))
            expect(attribute.value, `${path}: ${name}[${attribute.name}]`).not.toMatch(/^\s*javascript:/i);
        }
      }
      // One drawing per chart image div, each the root of its chart.
      for (const holder of document.querySelectorAll('.chart-image > div')) {
        expect(holder.children.length, path).toBe(1);
        expect(holder.firstElementChild!.localName, path).toBe('svg');
      }
    }
  });

  it('loads nothing from another origin', () => {
    for (const { path, document } of pages()) {
      const loaded = [
        ...[...document.querySelectorAll('script[src], img[src], iframe[src], source[src], video[src], audio[src]')].map((element) =>
          element.getAttribute('src')!,
        ),
        ...[...document.querySelectorAll('link[href]')]
          .filter((link) => !/^(canonical|alternate)$/.test(link.getAttribute('rel') ?? ''))
          .map((link) => link.getAttribute('href')!),
      ];
      for (const url of loaded) expect(url, path).toMatch(new RegExp(`^${base}`));
    }
  });
});

describe('the home page', () => {
  it('prints the study metadata as written', () => {
    const home = page('.');
    expect(text(home, 'title')).toBe(study.title);
    expect(text(home, 'h1')).toBe(study.title);
    expect(text(home, '.site-title')).toBe(study.title);
    expect(text(home, '.subtitle')).toBe(study.subtitle);
    expect(text(home, '[aria-labelledby="abstract-heading"] p')).toBe(study.abstract);
    expect(meta(home, 'description')).toEqual([study.abstract]);
    expect(texts(home, '.authors .name')).toEqual([`${person.given} ${person.family}`, organisation.literal]);
    expect(texts(home, '.authors .affiliation')).toEqual([`, ${person.affiliation}`]);
    const detail = text(home, '.key-figures .detail');
    for (const value of [attributeLabel, ...subjects]) expect(detail).toContain(value);
  });

  it('gives citation managers and search engines the same text, on one line', () => {
    const home = page('.');
    expect(meta(home, 'citation_title')).toEqual([oneLine(study.title)]);
    expect(meta(home, 'citation_author')).toEqual([`${oneLine(person.family)}, ${oneLine(person.given)}`, oneLine(organisation.literal)]);
    expect(meta(home, 'citation_author_institution')).toEqual([oneLine(person.affiliation)]);
    expect(meta(home, 'citation_publisher')).toEqual([oneLine(study.publisher)]);
    const [report] = linkedData(home);
    expect(report.name).toBe(oneLine(study.title));
    expect(report.description).toBe(oneLine(study.abstract));
    expect(report.publisher.name).toBe(oneLine(study.publisher));
    expect(report.author.map((author: { name: string }) => author.name)).toEqual([
      `${oneLine(person.given)} ${oneLine(person.family)}`,
      oneLine(organisation.literal),
    ]);
    expect(report.author[0].affiliation.name).toBe(oneLine(person.affiliation));
  });
});

describe('chart pages', () => {
  it.each(chartIds)('%s: title, subtitle, caption, notes, description and embed snippet as written', (id) => {
    const chart = charts[id]!;
    const document = page(`charts/${id}`);
    expect(text(document, 'title')).toBe(`${chart.title} · ${study.title}`);
    expect(text(document, 'h1')).toBe(chart.title);
    if (chart.subtitle) expect(text(document, '.chart-page > .subtitle')).toBe(chart.subtitle);
    if (chart.caption) expect(text(document, '.chart-caption')).toBe(chart.caption);
    expect(texts(document, '.chart-note')).toEqual((chart.notes ?? []).map((note) => `Note: ${note}`));
    expect(text(document, '.data-table caption')).toBe(chart.title);
    expect(meta(document, 'og:title')).toEqual([chart.title]);
    expect(meta(document, 'citation_title')).toEqual([oneLine(chart.title)]);
    const [image] = linkedData(document);
    expect(image.name).toBe(oneLine(chart.title));
    expect(image.isPartOf.name).toBe(oneLine(study.title));
    // The snippet is HTML for another site: pasted there, its iframe is titled as the chart.
    const snippet = parseHTML(`<!doctype html><html><body>${text(document, '.embed-snippet')}</body></html>`).document;
    const iframe = snippet.querySelector('iframe')!;
    expect(snippet.body.children.length).toBe(1);
    expect(iframe.getAttribute('title')).toBe(chart.title);
    expect(iframe.getAttribute('src')).toBe(new URL(`charts/${id}/embed/`, study.url).href);
    // The drawings are named by the chart's title and described by its description.
    for (const svg of document.querySelectorAll('.chart-image svg.chart-svg')) {
      expect(document.getElementById(svg.getAttribute('aria-labelledby')!)!.textContent).toBe(chart.title);
      expect(document.getElementById(svg.getAttribute('aria-describedby')!)!.textContent).toBe(text(document, '.chart-description'));
    }
  });

  it('lists every chart by its title in the chart index', () => {
    const index = page('charts');
    const titles = texts(index, '.chart-index-title');
    for (const id of chartIds)
      expect(
        titles.some((title) => title === charts[id]!.title || title.endsWith(`. ${charts[id]!.title}`)),
        id,
      ).toBe(true);
  });

  it('embed pages: the title and the link back as written', () => {
    for (const id of chartIds) {
      const embed = page(`charts/${id}/embed`);
      expect(text(embed, 'title')).toBe(`${charts[id]!.title} · ${study.title}`);
      expect(text(embed, 'h1')).toBe(charts[id]!.title);
      expect(text(embed, '.chart-source a')).toBe(`${study.title}: chart page, data and citation`);
    }
  });

  it('the codebook behind a chart: labels, description and definitions as written', () => {
    const focus = dimension('focus');
    const document = page('charts/focus');
    expect(text(document, '.codebook-dimension h3')).toBe(focus.label);
    expect(text(document, '.codebook-dimension > p')).toBe(focus.description);
    expect(texts(document, '.codes dt')).toEqual(focus.codes.map((code) => code.label));
    for (const [index, definition] of [...document.querySelectorAll('.codes dd')].entries()) {
      const code = focus.codes[index]!;
      expect(definition.textContent).toBe(`${code.definition}${code.example ? ` Example: ${code.example}` : ''}`);
    }
  });
});

describe('chapters', () => {
  it('print the codebook, the exemplars (published text cells) and the figures as written', () => {
    const focus = dimension('focus');
    const chapter = page('chapters/visits');
    expect(text(chapter, '.lead')).toBe(focus.description);
    const exemplars = texts(chapter, '.exemplar > p');
    expect(exemplars.length).toBeGreaterThanOrEqual(5);
    for (const exemplar of exemplars) expect(notes).toContain(exemplar);
    expect(
      exemplars.filter(
        (exemplar) => exemplar.includes('<script>alert(1)</script>') || exemplar.includes('\nTY  - JOUR\n') || exemplar.includes('\u202E'),
      ).length,
    ).toBeGreaterThanOrEqual(2);
    for (const heading of texts(chapter, '.exemplars h3')) expect(focus.codes.map((code) => code.label)).toContain(heading);
    expect(texts(chapter, '.codes dt')).toEqual(focus.codes.map((code) => code.label));
    const figureTitles = texts(chapter, 'figure.chart .chart-title');
    for (const id of chartIds)
      expect(
        figureTitles.some((title) => title.endsWith(`. ${charts[id]!.title}`)),
        id,
      ).toBe(true);
    expect(text(chapter, '#figure-focus .chart-subtitle')).toBe(charts.focus!.subtitle);
  });
});

describe('charts drawn as SVG', () => {
  // The labels each chart draws, from the fixture: codes, attribute values, measures.
  const labels: Record<string, string[]> = {
    focus: displayLabels('focus'),
    'focus-by-subject': [...displayLabels('focus'), ...subjects],
    compare: (charts.compare?.measures ?? []).map((measure) => measure.label),
    takeaway: displayLabels('takeaway'),
    'per-teacher': dimension('focus')
      .codes.filter((code) => code.parent === undefined)
      .map((code) => code.label),
    'visits-per-day': dimension('focus')
      .codes.filter((code) => code.parent === undefined)
      .map((code) => code.label),
  };
  /** A <text> as read: its lines (a long label wraps into <tspan> lines), and the full text of its <title> tooltip, if any. */
  const drawnText = (element: Element) => {
    const lines = [...element.querySelectorAll('tspan')];
    const own = [...element.childNodes].filter((node) => node.nodeName.toLowerCase() !== 'title').map((node) => node.textContent ?? '');
    return {
      text: squash(lines.length > 0 ? lines.map((line) => line.textContent).join(' ') : own.join('')),
      tooltip: squash(element.querySelector('title')?.textContent ?? ''),
    };
  };
  const drawnTexts = (svg: Element) => [...svg.querySelectorAll('text')].map(drawnText);
  /** The written text is the tooltip's, wrapped (perhaps inside a word) or cut short with "…". */
  const showsTooltip = ({ text, tooltip }: { text: string; tooltip: string }) =>
    text.endsWith('…') ? squeeze(tooltip).startsWith(squeeze(text.slice(0, -1))) : squeeze(text) === squeeze(tooltip);
  /**
   * The label as a text of its own, or leading a text ("label: 4 of 10 …", as comparisons write
   * it); or, wrapped or shortened with "…" to fit, whole in the text's tooltip.
   */
  const expectDrawn = (drawn: readonly { text: string; tooltip: string }[], label: string) =>
    expect(
      drawn.some(
        (written) =>
          written.text === squash(label) ||
          written.text.startsWith(`${squash(label)}: `) ||
          ((written.tooltip === squash(label) || written.tooltip.startsWith(`${squash(label)}: `)) && showsTooltip(written)),
      ),
      `${label} in ${JSON.stringify(drawn)}`,
    ).toBe(true);

  it('covers every declared chart', () => {
    expect(Object.keys(labels).sort()).toEqual(chartIds);
  });

  it.each(chartIds)('%s: the inline drawings carry the title and every label as written', (id) => {
    const document = page(`charts/${id}`);
    const drawings = [...document.querySelectorAll('.chart-image svg.chart-svg')];
    expect(drawings).toHaveLength(2);
    for (const svg of drawings) {
      expect(svg.querySelector('title')!.textContent).toBe(charts[id]!.title);
      const drawn = drawnTexts(svg);
      for (const label of labels[id]!) expectDrawn(drawn, label);
    }
  });

  it.each(chartIds)('%s: chart.svg is well-formed and carries the title and every label as written', (id) => {
    const source = file(`charts/${id}/chart.svg`);
    // resvg reads SVG with a strict XML parser: it throws on anything not well-formed.
    expect(() => new Resvg(source)).not.toThrow();
    // eslint-disable-next-line no-restricted-syntax -- linkedom types: its SVGDocument's documentElement is linkedom's own Element, not the DOM's.
    const svg = new DOMParser().parseFromString(source, 'image/svg+xml').documentElement as unknown as Element;
    expect(svg.localName).toBe('svg');
    expect(svg.querySelectorAll('script, foreignObject, style')).toHaveLength(0);
    expect(svg.querySelector('title')!.textContent).toBe(charts[id]!.title);
    const drawn = drawnTexts(svg);
    for (const label of labels[id]!) expectDrawn(drawn, label);
    // The title drawn above the chart, wrapped into lines.
    expect(squeeze(drawn.map((written) => written.text).join(''))).toContain(squeeze(charts[id]!.title));
  });
});

describe('downloads', () => {
  const csv = (id: string) => parseCsv(file(`charts/${id}/data.csv`), { bom: true, relax_column_count: false });

  it('CSV: every cell parses back to the text written, formula starts neutralised', () => {
    const focus = csv('focus');
    expect(focus.slice(1).map((row) => row[0])).toEqual(dimension('focus').codes.map((code) => csvCell(code.label)));
    const bySubject = csv('focus-by-subject');
    expect(bySubject[0]![0]).toBe(csvCell(attributeLabel));
    expect([...new Set(bySubject.slice(1).map((row) => row[0]))].sort()).toEqual(subjects.map(csvCell).sort());
    expect(
      csv('compare')
        .slice(1)
        .map((row) => row[0]),
    ).toEqual(labels('compare'));
    expect(
      csv('takeaway')
        .slice(1)
        .map((row) => row[0]),
    ).toEqual(dimension('takeaway').codes.map((code) => csvCell(code.label)));
    for (const id of chartIds) {
      const rows = csv(id);
      expect(new Set(rows.map((row) => row.length)).size, id).toBe(1);
      for (const cell of rows.flat()) expect(cell, id).not.toMatch(/^[=+\-@\t\r]/);
    }
    function labels(id: 'compare') {
      return (charts[id]?.measures ?? []).map((measure) => csvCell(measure.label));
    }
  });

  it('JSON: parses, with the chart definition and rows as written', () => {
    for (const id of chartIds) {
      const json = JSON.parse(file(`charts/${id}/data.json`));
      expect(json.chart.title).toBe(charts[id]!.title);
      expect(json.chart.subtitle).toBe(charts[id]!.subtitle);
      expect(json.chart.caption).toBe(charts[id]!.caption);
      expect(json.report.title).toBe(study.title);
      expect(json.report.authors).toEqual(study.authors);
    }
    const focus = JSON.parse(file('charts/focus/data.json'));
    expect(focus.rows.map((row: { label: string }) => row.label)).toEqual(dimension('focus').codes.map((code) => code.label));
  });

  const works = () => [
    { name: 'the report', path: '', title: study.title as string },
    ...chartIds.map((id) => ({ name: id, path: `charts/${id}/`, title: charts[id]!.title })),
  ];

  it('BibTeX: one record each, the title as written (up to whitespace; CSL rich-text tags left out)', () => {
    for (const work of works()) {
      const bibtex = file(`${work.path}cite.bib`);
      expect(bibtex.match(/^@/gm), work.name).toHaveLength(1);
      const items = new Cite(bibtex, { forceType: '@biblatex/text' }).data;
      expect(items, work.name).toHaveLength(1);
      expect(squash(String(items[0]!.title)), work.name).toBe(squash(withoutRichText(oneLine(work.title))));
    }
  });

  it('RIS: one record each, the title as written (up to whitespace)', () => {
    for (const work of works()) {
      const ris = file(`${work.path}cite.ris`);
      expect(ris.match(/^TY {2}-/gm), work.name).toHaveLength(1);
      expect(ris.match(/^ER {2}-/gm), work.name).toHaveLength(1);
      const items = new Cite(ris, { forceType: '@ris/file' }).data;
      expect(items, work.name).toHaveLength(1);
      // One line per value (citation-js's own writer would break it every 70 characters).
      expect(String(items[0]!.title), work.name).toBe(oneLine(work.title));
    }
  });

  it('CSL-JSON: parses, the title on one line as written', () => {
    for (const work of works()) {
      const items = JSON.parse(file(`${work.path}cite.json`));
      expect(items, work.name).toHaveLength(1);
      expect(items[0].title, work.name).toBe(oneLine(work.title));
    }
  });

  it('CITATION.cff: parses as YAML, with the metadata exactly as written', () => {
    const cff = parseYaml(file('CITATION.cff'));
    expect(cff.title).toBe(study.title);
    expect(cff.abstract).toBe(study.abstract);
    expect(cff.authors).toEqual([
      { 'family-names': person.family, 'given-names': person.given, affiliation: person.affiliation },
      { name: organisation.literal },
    ]);
    expect(cff['preferred-citation'].title).toBe(study.title);
    expect(cff['preferred-citation'].publisher).toEqual({ name: study.publisher });
  });
});
