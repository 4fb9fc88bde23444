import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AxeResults } from 'axe-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/runBuild.ts';
import { launchBrowser, newContext, skipBrowserTests, watchPage } from './helpers/browser.ts';
import { serveDist, type StaticServer } from './helpers/server.ts';
import { buildSite, documentOf, type BuiltSite } from './helpers/site.ts';

// The print edition (/print/, docs/print.md) printed to PDF by Chromium as a reader's
// "Save as PDF" does, and read back with pdf.js: every chapter begins a page, pages are
// numbered under a running head, and the text can be extracted. What the PDF should hold
// is read from the site's other pages (the home page's contents, each chapter's page),
// not from the print page itself. One copy of the default site, one server, one browser.

/** The top and bottom page margin print.css sets (2 cm), in PDF points: the margin boxes are in it. */
const marginPoints = (2 / 2.54) * 72;

interface PrintedPage {
  /** Text in the page area, in reading order, with a space at each line's end. */
  readonly body: string;
  /** Text in the top margin (the running head) and the bottom margin (the page number). */
  readonly head: string;
  readonly foot: string;
}

/** Each page's text, split into margin boxes and page area by where it stands. */
async function readPdf(pdf: Uint8Array): Promise<PrintedPage[]> {
  const loading = getDocument({ data: pdf, verbosity: 0 });
  const document = await loading.promise;
  const pages: PrintedPage[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const { height } = page.getViewport({ scale: 1 });
    const parts = { head: '', body: '', foot: '' };
    for (const item of (await page.getTextContent()).items) {
      if (!('str' in item)) continue;
      const y = item.transform[5] ?? 0;
      const part = y > height - marginPoints ? 'head' : y < marginPoints ? 'foot' : 'body';
      parts[part] += item.str + (item.hasEOL ? ' ' : '');
    }
    pages.push({ head: squash(parts.head), body: squash(parts.body), foot: squash(parts.foot) });
  }
  await loading.destroy();
  return pages;
}

/** Text with its white space made single spaces, as a line break and a space print alike. */
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
/** Text with no white space at all, where line breaks may fall between words or not. */
const solid = (text: string) => text.replace(/\s+/g, '');

describe.skipIf(skipBrowserTests)('the print edition', () => {
  let site: BuiltSite;
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let tab: Page;
  /** The chapters in the report's order, as the home page's contents list them, with each one's own title. */
  let chapters: { id: string; title: string }[];
  let reportTitle: string;
  let printed: PrintedPage[];

  beforeAll(async () => {
    browser = await launchBrowser();
    site = buildSite('print');
    server = await serveDist(site.dist, site.base);
    ({ context } = await newContext(browser, server.origin));
    tab = await context.newPage();

    const home = documentOf(site.dist, 'index.html');
    reportTitle = squash(home.querySelector('main h1')?.textContent ?? '');
    chapters = [...home.querySelectorAll('nav.contents ol a')].map((link) => {
      const id = /\/chapters\/([^/]+)\/$/.exec(link.getAttribute('href') ?? '')?.[1] ?? '';
      return { id, title: squash(documentOf(site.dist, `chapters/${id}/index.html`).querySelector('main h1')?.textContent ?? '') };
    });
    expect(chapters.length, 'chapters in the contents').toBeGreaterThan(3);
    expect(reportTitle).not.toBe('');

    await tab.goto(server.url('print/'), { waitUntil: 'load' });
    printed = await readPdf(new Uint8Array(await tab.pdf({ format: 'A4' })));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    if (site) rmSync(site.dist, { recursive: true, force: true });
  });

  it('loads with no console message, page error or failed request, and passes axe (WCAG 2.2 AA) in light and dark', async () => {
    const axeSource = readFileSync(join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
    const violations: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await (await newContext(browser, server.origin, { colorScheme })).context.newPage();
      const watch = watchPage(page, server.origin);
      const response = await page.goto(server.url('print/'), { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      // The page's Content-Security-Policy would log any inline style or script it refused.
      expect(watch.problems, colorScheme).toEqual([]);
      expect(watch.console, colorScheme).toEqual([]);
      await page.evaluate(axeSource);
      const results = await page.evaluate(() =>
        (window as typeof window & { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
          resultTypes: ['violations'],
        }),
      );
      expect(results.passes.length, 'rules that passed').toBeGreaterThan(10);
      for (const violation of results.violations)
        violations.push(
          `${colorScheme}: ${violation.id}: ${violation.help} at ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`,
        );
      await page.context().close();
    }
    expect(violations).toEqual([]);
  });

  it('holds every chapter in the report’s order, each in a section of its own, with ids unique on the page and every link inside it', () => {
    const page = documentOf(site.dist, 'print/index.html');
    const contents = [...page.querySelectorAll('[data-print-chapter]')];
    expect(contents.map((content) => content.getAttribute('data-print-chapter'))).toEqual(chapters.map((chapter) => chapter.id));
    for (const [index, content] of contents.entries()) {
      // Its section's heading: the chapter's number or letter, then its title.
      const heading = squash(content.closest('section')?.querySelector('h2.print-chapter-title')?.textContent ?? '');
      expect(heading).toMatch(/^\S+ /);
      expect(heading.slice(heading.indexOf(' ') + 1)).toBe(chapters[index]?.title);
    }
    const ids = [...page.querySelectorAll('[id]')].map((element) => element.id);
    expect(
      ids.filter((id, index) => ids.indexOf(id) !== index),
      'ids used twice',
    ).toEqual([]);
    const missing = [...page.querySelectorAll('main a[href^="#"]')]
      .map((link) => decodeURIComponent(link.getAttribute('href')?.slice(1) ?? ''))
      .filter((id) => !ids.includes(id));
    expect(missing, 'in-page links with no target').toEqual([]);
    const unlabelled = [...page.querySelectorAll('main [aria-labelledby], main [aria-describedby]')].flatMap((element) =>
      `${element.getAttribute('aria-labelledby') ?? ''} ${element.getAttribute('aria-describedby') ?? ''}`
        .split(/\s+/)
        .filter((id) => id !== '' && !ids.includes(id)),
    );
    expect(unlabelled, 'ARIA references with no target').toEqual([]);
    // No link on the page leads to a chapter page: chapters are sections of this one.
    expect([...page.querySelectorAll('main a[href*="/chapters/"]')].map((link) => link.getAttribute('href'))).toEqual([]);
    // Search finds each passage on its chapter's page, not a second time here.
    const main = page.querySelector('main');
    expect([...(main?.children ?? [])].every((child) => child.getAttribute('data-pagefind-ignore') === 'all')).toBe(true);
  });

  it('prints one page at least per chapter, the title page and the contents, and no more than the chapters printed alone', async () => {
    let alone = 0;
    for (const chapter of chapters) {
      await tab.goto(server.url(`chapters/${chapter.id}/`), { waitUntil: 'load' });
      alone += (await readPdf(new Uint8Array(await tab.pdf({ format: 'A4' })))).length;
    }
    expect(printed.length).toBeGreaterThanOrEqual(chapters.length + 2);
    // Each chapter page printed alone holds more than its section here (its contents, references, citation).
    expect(printed.length).toBeLessThanOrEqual(alone + 3);
  });

  it('begins a page with each chapter’s title, in the report’s order', () => {
    let previous = 0;
    for (const chapter of chapters) {
      // The body of the page opens with the chapter's number or letter, then its title.
      const page = printed.findIndex((candidate, index) => {
        const [, ...words] = candidate.body.split(' ');
        return index > previous && solid(words.join(' ')).startsWith(solid(chapter.title));
      });
      expect(page, `a page beginning with "${chapter.title}"`).toBeGreaterThan(previous);
      previous = page;
    }
  });

  it('numbers every page but the title page, under a running head with the report’s title', () => {
    expect(printed[0]?.foot).toBe('');
    expect(printed[0]?.head).toBe('');
    for (const [index, page] of printed.entries()) {
      if (index === 0) continue;
      expect(page.foot, `page ${index + 1}`).toBe(String(index + 1));
      expect(page.head, `page ${index + 1}`).toBe(reportTitle);
    }
  });

  it('has text that can be extracted: the report’s title, and a sentence of a chapter', () => {
    const text = printed.map((page) => page.body).join(' ');
    expect(printed[0]?.body.startsWith(reportTitle)).toBe(true);
    const chapter = chapters[0]?.id ?? '';
    const sentence = [...documentOf(site.dist, `chapters/${chapter}/index.html`).querySelectorAll('main p')]
      .filter((p) => !p.closest('figure, details, nav, .chapter-citation'))
      .map((p) => squash(p.textContent ?? '').split(/(?<=\.) /)[0] ?? '')
      .find((first) => first.length > 40);
    expect(sentence, `a sentence of ${chapter}`).toBeDefined();
    expect(solid(text)).toContain(solid(sentence ?? ''));
  });

  it('prints the address of an outside link after it, and none for the links within the page', async () => {
    await tab.goto(server.url('print/'), { waitUntil: 'load' });
    await tab.emulateMedia({ media: 'print' });
    const after = await tab.evaluate(() => {
      const contentAfter = (selector: string) =>
        [...document.querySelectorAll(`main ${selector}`)].map((link) => ({
          href: link.getAttribute('href') ?? '',
          after: getComputedStyle(link, '::after').content,
        }));
      // The title page's address of the report is printed as the link's text already.
      return {
        outside: contentAfter('a[href^="http"]:not(.print-address)'),
        inside: contentAfter('a[href^="#"]'),
        address: contentAfter('a.print-address'),
      };
    });
    await tab.emulateMedia({ media: 'screen' });
    expect(after.inside.length).toBeGreaterThan(0);
    expect(after.outside.length).toBeGreaterThan(0);
    for (const link of [...after.inside, ...after.address]) expect(link.after, link.href).toBe('none');
    for (const link of after.outside) expect(link.after, link.href).toContain(link.href);
  });
});
