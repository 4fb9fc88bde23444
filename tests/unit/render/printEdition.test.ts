import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { ChapterPlan } from '../../../src/model/chapterPlan.ts';
import { appendixLetter, printParts } from '../../../src/render/printEdition.ts';
import { scopePrintIds } from '../../../src/render/printEditionIds.ts';
import { cssString, runningHeadStyle } from '../../../src/render/printEditionStyle.ts';

const plan = (id: string, order: number): ChapterPlan => ({
  id,
  title: `Title of ${id}`,
  order,
  generated: false,
  charts: [],
  citations: [],
});

describe('printParts', () => {
  it('numbers the chapters through every part and letters the appendices, in the contents’ order', () => {
    const parts = printParts([plan('intro', 10), plan('methods', 20), plan('topic', 60), plan('codebook', 100), plan('data', 110)]);
    expect(
      parts.map((part) => [part.title, part.chapters.map((chapter) => `${chapter.label} ${chapter.plan.id} #${chapter.sectionId}`)]),
    ).toEqual([
      ['Report', ['1 intro #chapter-intro', '2 methods #chapter-methods']],
      ['Results by dimension', ['3 topic #chapter-topic']],
      ['Appendices', ['A codebook #chapter-codebook', 'B data #chapter-data']],
    ]);
  });

  it('letters appendices past Z as AA, AB, …', () => {
    // Bijective base 26: every label once, in order of length then alphabet.
    const labels = Array.from({ length: 26 + 26 * 26 + 1 }, (_, index) => appendixLetter(index));
    expect(new Set(labels).size).toBe(labels.length);
    expect([labels[0], labels[25], labels[26], labels[27], labels[51], labels[52], labels[701], labels[702]]).toEqual([
      'A',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });
});

describe('scopePrintIds', () => {
  const links = {
    chaptersPath: '/study/chapters/',
    sections: new Map([
      ['one', 'chapter-one'],
      ['two', 'chapter-two'],
      ['bibliography', 'chapter-bibliography'],
    ]),
  };
  const chapter = (id: string, html: string) =>
    `<section id="chapter-${id}"><h2 id="chapter-${id}-title">Title</h2><div data-print-chapter="${id}">${html}</div></section>`;
  // A chart placed in two chapters, a heading both chapters have, links of every kind.
  const figure = (id: string) =>
    `<figure id="figure-${id}"><svg aria-labelledby="chart-${id}-title" clip-path="url(#clip-${id})"><title id="chart-${id}-title">&lt;script&gt;alert(1)&lt;/script&gt;</title><clipPath id="clip-${id}"></clipPath></svg></figure>`;
  const html = [
    '<nav><a href="#chapter-one">One</a></nav>',
    chapter(
      'one',
      `<h2 id="summary">Summary</h2><p><a href="#summary">up</a> <a class="citation" href="#ref-doe">(Doe, 2020)</a> <a href="/study/chapters/two/#figure-x">Figure 1</a> <a href="/study/chapters/two/">two</a> <a href="/study/charts/x/">chart</a> <a href="#top-of-page">top</a> <a href="https://example.org/#summary">out</a> <a href="../two/#detail">rel</a> <a href="../../charts/x/?v=1#top">rel chart</a> <a href="mailto:a@example.org">mail</a></p>${figure('x')}<label for="q">Q</label><input id="q">`,
    ),
    chapter('two', `<h2 id="summary">Summary</h2><h3 id="detail">Detail</h3><h6>Deep</h6>${figure('x')}`),
    chapter('bibliography', '<ol><li id="ref-doe">Doe, J. (2020).</li></ol>'),
    '<p id="top-of-page">end</p>',
  ].join('');
  const { document } = parseHTML(`<!doctype html><html><body>${scopePrintIds(html, links)}</body></html>`);
  const hrefs = [...document.querySelectorAll('[data-print-chapter="one"] a')].map((link) => link.getAttribute('href'));
  const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);

  it('makes every id unique on the page, keeping the sections’ own', () => {
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    expect(ids).toContain('chapter-one');
    expect(ids).toContain('chapter-one-title');
    expect(ids).toContain('chapter-one--summary');
    expect(ids).toContain('chapter-two--summary');
    expect(ids).toContain('top-of-page');
  });

  it('points links to their target on the page: the chapter’s own, another chapter’s, the bibliography’s, the page’s, relative ones as from the chapter’s page', () => {
    expect(hrefs).toEqual([
      '#chapter-one--summary',
      '#chapter-bibliography--ref-doe',
      '#chapter-two--figure-x',
      '#chapter-two',
      '/study/charts/x/',
      '#top-of-page',
      'https://example.org/#summary',
      '#chapter-two--detail',
      '/study/charts/x/?v=1#top',
      'mailto:a@example.org',
    ]);
    expect(document.querySelector('nav a')?.getAttribute('href')).toBe('#chapter-one');
  });

  it('follows id references within each chapter: labels, ARIA names and SVG url(#…)', () => {
    for (const id of ['one', 'two']) {
      const svg = document.querySelector(`[data-print-chapter="${id}"] svg`);
      expect(svg?.getAttribute('aria-labelledby')).toBe(`chapter-${id}--chart-x-title`);
      expect(svg?.getAttribute('clip-path')).toBe(`url(#chapter-${id}--clip-x)`);
    }
    expect(document.querySelector('label')?.getAttribute('for')).toBe('chapter-one--q');
  });

  it('puts the headings of chapters one level down, and keeps text escaped', () => {
    const headings = [...document.querySelectorAll('[data-print-chapter="two"] :is(h1, h2, h3, h4, h5, h6)')].map(
      (heading) => `${heading.tagName.toLowerCase()} ${heading.textContent}`,
    );
    expect(headings).toEqual(['h3 Summary', 'h4 Detail', 'h6 Deep']);
    expect(document.querySelector('#chapter-one-title')?.tagName.toLowerCase()).toBe('h2');
    expect(document.querySelector('title')?.textContent).toBe('<script>alert(1)</script>');
    expect(document.querySelector('script')).toBeNull();
  });
});

describe('the running head', () => {
  /** Undo CSS escapes `\hex ` to read back the text a browser would show. */
  const unescape = (css: string) =>
    css.slice(1, -1).replace(/\\([0-9a-f]{1,6}) /g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));

  it('writes any title as a CSS string of plain characters that reads back as the title', () => {
    for (const title of [
      'Plain title 2026',
      'Quotes " and \' and \\ ;} @page',
      'Line\nbreak </style><script>',
      'Café – 学習 🐦',
      'A  two spaces',
    ]) {
      const css = cssString(title);
      expect(css).toMatch(/^"[A-Za-z0-9 \\]*"$/);
      expect(unescape(css)).toBe(title);
    }
  });

  it('puts the title in the top margin box of printed pages', () => {
    expect(runningHeadStyle('A "title"')).toContain(`@top-center { content: ${cssString('A "title"')}; }`);
    expect(runningHeadStyle('x')).toMatch(/^[^]*@media print \{[^]*@page \{[^]*@top-center/);
  });
});
