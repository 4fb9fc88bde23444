import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AxeResults, Result as AxeViolation } from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/runBuild.ts';
import { launchBrowser, newContext, skipBrowserTests, watchPage } from './helpers/browser.ts';
import { serveDist, type StaticServer } from './helpers/server.ts';
import {
  authoredChapterIds,
  buildSite,
  chaptersWithFullNotice,
  documentOf,
  htmlFiles,
  pagePath,
  wordOfOneChapter,
  type BuiltSite,
} from './helpers/site.ts';

// The default study's built site in a real browser (Chromium): every page loads cleanly and
// offline, passes axe's WCAG 2.2 AA rules in light and dark, works by keyboard, fits a
// 320 px screen and prints the reading content. One build, one server, one browser.
//
// Skipped only when no browser is installed AND not under CI (helpers/browser.ts prints a
// loud warning then); under CI=true a missing browser fails in beforeAll.
describe.skipIf(skipBrowserTests)('the default study in a browser', () => {
  let site: BuiltSite;
  let server: StaticServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  /** One page of each kind a reader meets, as a path below the base path. */
  let pages: Record<string, string>;
  /** The page types that draw a chart (an SVG at two widths). */
  let chartPageTypes: string[];
  let searchWord: { word: string; chapter: string };

  beforeAll(async () => {
    // The browser first: under CI a missing one fails here, before a build.
    browser = await launchBrowser();
    site = buildSite('browser');
    server = await serveDist(site.dist, site.base);

    const files = htmlFiles(site.dist);
    const authored = authoredChapterIds(join(repoRoot, 'content'));
    const chapters = files.filter((file) => /^chapters\/[^/]+\/index\.html$/.test(file));
    const hasChart = (file: string) => documentOf(site.dist, file).querySelector('main .chart-image') !== null;
    const chapterId = (file: string) => file.split('/')[1]!;
    // A chapter the author wrote and one generated from the codebook, each placing a chart.
    const authoredChapter = chapters.find((file) => authored.has(chapterId(file)) && hasChart(file));
    const generatedChapter = chapters.find((file) => !authored.has(chapterId(file)) && hasChart(file));
    const chartPage = files.find((file) => /^charts\/[^/]+\/index\.html$/.test(file));
    const embedPage = files.find((file) => /^charts\/[^/]+\/embed\/index\.html$/.test(file));
    // A frozen version of a chart with files of its own (not a page pointing to an earlier one), and a list of versions.
    const versionPage = files.find(
      (file) =>
        /^charts\/[^/]+\/\d+\.\d+\.\d+\/index\.html$/.test(file) &&
        !readFileSync(join(site.dist, file), 'utf8').includes('http-equiv="refresh"'),
    );
    const versionsPage = files.find((file) => /^charts\/[^/]+\/versions\/index\.html$/.test(file));
    expect(versionPage && versionsPage, 'a version of a chart and a list of versions').toBeTruthy();
    expect(authoredChapter, 'an authored chapter with a chart').toBeDefined();
    expect(generatedChapter, 'a generated chapter with a chart').toBeDefined();
    expect(chartPage && embedPage, 'a chart page and its embed page').toBeTruthy();
    searchWord = wordOfOneChapter(site.dist);
    pages = {
      home: '',
      'authored chapter': pagePath(authoredChapter!),
      'generated chapter': pagePath(generatedChapter!),
      'chart page': pagePath(chartPage!),
      'chart index': 'charts/',
      // The default study has no release: the changelog says so (tests/integration/changelog.test.ts builds releases).
      'releases page': 'releases/',
      'embed page': pagePath(embedPage!),
      'chart version page': pagePath(versionPage!),
      'chart versions page': pagePath(versionsPage!),
      'search page': `search/?q=${encodeURIComponent(searchWord.word)}`,
      '404 page': 'no-such-page/',
    };
    chartPageTypes = ['authored chapter', 'generated chapter', 'chart page', 'embed page'];
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await server?.close();
    if (site) rmSync(site.dist, { recursive: true, force: true });
  });

  /** A fresh context (closed in afterAll) that can reach the local server only. */
  async function context(options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
    const { context } = await newContext(browser, server.origin, options);
    contexts.push(context);
    return context;
  }

  /** The 404 page is served with status 404 at an address that has no page: expected. */
  const isMissingPage = (url: string, status: number) => status === 404 && url === server.url(pages['404 page']!);

  /** Open a page of the site and wait until it is ready (the search page: until its results show). */
  async function open(page: Page, path: string): Promise<void> {
    const response = await page.goto(server.url(path), { waitUntil: 'load' });
    expect(response?.status(), path).toBe(path === pages['404 page'] ? 404 : 200);
    if (path.startsWith('search/?q=')) await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
    else if (path.startsWith('search/')) await page.locator('.pagefind-ui__search-input').waitFor({ timeout: 15_000 });
  }

  describe('every page', () => {
    it('loads with no console error or warning, page error, failed or refused request, or request elsewhere', async () => {
      const tab = await (await context()).newPage();
      const watch = watchPage(tab, server.origin, isMissingPage);
      // Pages that only point to an identical earlier version of a chart navigate away at once; they are checked as links.
      const pointers = htmlFiles(site.dist).filter((file) => readFileSync(join(site.dist, file), 'utf8').includes('http-equiv="refresh"'));
      const paths = [
        ...htmlFiles(site.dist)
          .filter((file) => !pointers.includes(file))
          .map(pagePath),
        pages['search page']!,
        pages['404 page']!,
      ];
      expect(paths.length).toBeGreaterThan(20);
      const problems: string[] = [];
      for (const path of paths) {
        watch.reset();
        await open(tab, path);
        // Every page names an icon, and it loads (the browser may not fetch it by itself).
        const icons = await tab.locator('link[rel~="icon"]').evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href));
        if (icons.length === 0) problems.push(`${path}: no <link rel="icon">`);
        for (const icon of icons) {
          const response = await tab.request.get(icon);
          if (!response.ok()) problems.push(`${path}: icon ${icon} is HTTP ${response.status()}`);
        }
        problems.push(...watch.problems.map((problem) => `${path || '(home)'}: ${problem}`));
      }
      expect(problems).toEqual([]);
    });
  });

  describe('accessibility (axe-core, WCAG 2.2 A and AA)', () => {
    const axeSource = readFileSync(join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
    const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
    const describeViolation = (violation: AxeViolation) =>
      [
        `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help}`,
        ...violation.nodes.map(
          (node) => `    at ${JSON.stringify(node.target)}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
        ),
      ].join('\n');

    for (const colorScheme of ['light', 'dark'] as const) {
      it(`finds no violation on every page type, in ${colorScheme} colours`, async () => {
        const tab = await (await context({ colorScheme })).newPage();
        const report: string[] = [];
        for (const [type, path] of Object.entries(pages)) {
          await open(tab, path);
          // Evaluated through the DevTools protocol, so the page's own CSP stays in force.
          await tab.evaluate(axeSource);
          const results = await tab.evaluate(
            (values) =>
              (window as typeof window & { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe.run(document, {
                runOnly: { type: 'tag', values },
                resultTypes: ['violations'],
              }),
            tags,
          );
          // The rules ran (a page that axe could not read would pass with nothing checked).
          expect(results.passes.length, `${type}: rules that passed`).toBeGreaterThan(10);
          for (const violation of results.violations)
            report.push(`${type} (${path || 'home'}), ${colorScheme}: ${describeViolation(violation)}`);
        }
        if (report.length > 0) console.error(`axe violations:\n${report.join('\n\n')}`);
        expect(report).toEqual([]);
      });
    }
  });

  describe('by keyboard only', () => {
    interface Focused {
      index: number | null;
      tag: string;
      id: string;
      href: string | null;
      inMain: boolean;
      indicator: boolean;
      onScreen: boolean;
    }
    /** What has focus now: its place among the page's links (data-link-index), and whether its focus shows. */
    const focused = (tab: Page): Promise<Focused | null> =>
      tab.evaluate(() => {
        const element = document.activeElement;
        if (!element || element === document.body || element === document.documentElement) return null;
        const style = getComputedStyle(element);
        const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
        const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
        const box = element.getBoundingClientRect();
        const index = element.getAttribute('data-link-index');
        return {
          index: index === null ? null : Number(index),
          tag: element.tagName.toLowerCase(),
          id: element.id,
          href: element.getAttribute('href'),
          inMain: element.closest('main') !== null,
          indicator: outline || shadow,
          onScreen: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0 && box.left < innerWidth && box.top < innerHeight,
        };
      });

    it('reaches the skip link first, then the search field, then every link, each with a visible focus indicator', async () => {
      const tab = await (await context()).newPage();
      await open(tab, pages.home!);
      // Number every link a reader can see.
      const links = await tab.evaluate(() =>
        [...document.querySelectorAll('a[href]')]
          .filter((link) => link.checkVisibility({ visibilityProperty: true }))
          .map((link, index) => {
            link.setAttribute('data-link-index', String(index));
            return link.getAttribute('href')!;
          }),
      );
      expect(links.length).toBeGreaterThan(5);

      const order: Focused[] = [];
      for (let presses = 0; presses < links.length + 40; presses++) {
        await tab.keyboard.press('Tab');
        const now = await focused(tab);
        if (now === null || (order.length > 0 && now.index === order[0]!.index && now.index !== null)) break; // past the last one
        order.push(now);
      }
      const name = (item: Focused) => `${item.tag}${item.id ? `#${item.id}` : ''}${item.href ? ` ${item.href}` : ''}`;

      expect(order[0]?.href, 'first stop: the skip link').toBe('#main');
      const search = order.findIndex((item) => item.id === 'site-search-q');
      expect(search, 'the search field is reached').toBeGreaterThan(0);
      // Nothing but the header's own links comes between the skip link and the search field.
      expect(
        order
          .slice(1, search)
          .map(name)
          .filter((item) => !item.startsWith('a ')),
        'before the search field',
      ).toEqual([]);
      expect(
        order.slice(0, search).some((item) => item.inMain),
        'the search field comes before the content',
      ).toBe(false);

      const reached = new Set(order.map((item) => item.index).filter((index) => index !== null));
      expect(
        links.filter((_, index) => !reached.has(index)),
        'links never focused',
      ).toEqual([]);
      expect(order.filter((item) => !item.indicator).map(name), 'focused with no outline or box-shadow').toEqual([]);
      expect(order.filter((item) => !item.onScreen).map(name), 'focused off screen').toEqual([]);
    });

    it('moves focus to the main content with the skip link', async () => {
      const tab = await (await context()).newPage();
      for (const path of [pages.home!, pages['chart page']!]) {
        await open(tab, path);
        await tab.keyboard.press('Tab');
        expect((await focused(tab))?.href, path).toBe('#main');
        await tab.keyboard.press('Enter');
        // The fragment navigation is queued as a task after the key press, so wait for it.
        await tab.waitForFunction(() => location.hash === '#main', undefined, { timeout: 5_000 });
        expect(new URL(tab.url()).hash).toBe('#main');
        // Focus is on main, or the next Tab lands in it (not back in the header).
        const after = await tab.evaluate(() => document.activeElement?.closest('main') !== null);
        if (!after) {
          await tab.keyboard.press('Tab');
          const next = await focused(tab);
          expect(next?.inMain, `${path}: the Tab after the skip link lands in main, not on ${next?.tag} ${next?.href ?? ''}`).toBe(true);
        }
      }
    });

    it('submits the header search from the keyboard, and the search page lists the chapter that has the word', async () => {
      const tab = await (await context()).newPage();
      const watch = watchPage(tab, server.origin);
      await open(tab, pages['chart page']!);
      for (let presses = 0; presses < 10; presses++) {
        await tab.keyboard.press('Tab');
        if ((await focused(tab))?.id === 'site-search-q') break;
      }
      expect((await focused(tab))?.id, 'the search field by Tab').toBe('site-search-q');
      await tab.keyboard.type(searchWord.word);
      await Promise.all([tab.waitForURL((url) => url.pathname === `${site.base}search/`), tab.keyboard.press('Enter')]);
      expect(new URL(tab.url()).searchParams.get('q')).toBe(searchWord.word);
      const chapterLink = tab.locator(`.pagefind-ui__result-link[href="${site.base}${searchWord.chapter}"]`);
      await chapterLink.first().waitFor({ timeout: 15_000 });
      expect(await chapterLink.count()).toBeGreaterThanOrEqual(1);
      // The word stays in the header's field, and the results are links a keyboard reaches.
      expect(await tab.locator('#site-search-q').inputValue()).toBe(searchWord.word);
      await chapterLink.first().focus();
      expect((await focused(tab))?.href).toBe(`${site.base}${searchWord.chapter}`);
      expect(watch.problems).toEqual([]);
    });
  });

  describe('on a narrow screen', () => {
    for (const width of [320, 360]) {
      it(`does not scroll sideways at ${width} px, and draws charts narrow`, async () => {
        const tab = await (await context({ viewport: { width, height: 720 } })).newPage();
        const problems: string[] = [];
        for (const [type, path] of Object.entries(pages)) {
          await open(tab, path);
          const { scrollWidth, innerWidth, widest } = await tab.evaluate(() => {
            // The element reaching furthest right, to say what overflows.
            let widest = '';
            let right = 0;
            for (const element of document.body.querySelectorAll('*')) {
              const box = element.getBoundingClientRect();
              if (box.right > right && box.width > 0) {
                right = box.right;
                widest = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.className && typeof element.className === 'string' ? `.${element.className.trim().split(/\s+/).join('.')}` : ''} (right edge ${Math.round(box.right)})`;
              }
            }
            return { scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth, widest };
          });
          if (scrollWidth > innerWidth)
            problems.push(`${type} (${path || 'home'}): scrollWidth ${scrollWidth} > ${innerWidth}; widest: ${widest}`);
          if (chartPageTypes.includes(type)) {
            const drawings = await tab.evaluate(() =>
              [...document.querySelectorAll('.chart-image')].map((image) => ({
                narrow: image.querySelector('.chart-narrow')?.checkVisibility() ?? false,
                wide: image.querySelector('.chart-wide')?.checkVisibility() ?? false,
              })),
            );
            if (drawings.length === 0) problems.push(`${type}: no chart drawn`);
            drawings.forEach((drawing, index) => {
              if (!drawing.narrow || drawing.wide)
                problems.push(
                  `${type} (${path}): chart ${index + 1} shows ${drawing.wide ? 'the wide' : 'no'} drawing${drawing.narrow ? ' and the narrow one' : ''}`,
                );
            });
          }
        }
        expect(problems).toEqual([]);
      });
    }
  });

  describe('layout and type', () => {
    /** The boxes that make a chapter page's layout, and the measure of its body text in its rendered font. */
    const chapterLayout = (tab: Page) =>
      tab.evaluate(() => {
        const box = (element: Element | null) => {
          const rect = element?.getBoundingClientRect();
          return rect ? { left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom, width: rect.width } : null;
        };
        const paragraph = document.querySelector('.chapter-body > p');
        const style = paragraph ? getComputedStyle(paragraph) : null;
        // Characters per line: the paragraph's width over the average width of ordinary prose in its own font.
        const sample = 'Administrators named the benefits of Twitter in their interviews, and most named several of them.';
        const context = document.createElement('canvas').getContext('2d')!;
        if (style) context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const averageCharacter = context.measureText(sample).width / sample.length;
        return {
          rail: box(document.querySelector('.chapter-rail')),
          contents: box(document.querySelector('.chapter-rail .toc')),
          paragraph: box(paragraph),
          chart: box(document.querySelector('.chapter-body > .chart')),
          measure: paragraph ? paragraph.getBoundingClientRect().width / averageCharacter : 0,
          font: style?.fontFamily ?? '',
          fontLoaded: document.fonts.check(`${style?.fontSize ?? '16px'} "Atkinson Hyperlegible"`),
        };
      });

    it('sets a chapter beside its contents rail at 1280 px, in the bundled face, at 60 to 75 characters a line, with figures wider', async () => {
      const tab = await (await context({ viewport: { width: 1280, height: 900 } })).newPage();
      for (const type of ['authored chapter', 'generated chapter']) {
        await open(tab, pages[type]!);
        await tab.evaluate(() => document.fonts.ready.then(() => undefined));
        const layout = await chapterLayout(tab);
        expect(layout.font, `${type}: font`).toMatch(/^"?Atkinson Hyperlegible"?,/);
        expect(layout.fontLoaded, `${type}: the web font loaded`).toBe(true);
        const { rail, contents, paragraph, chart } = layout;
        expect(rail && contents && paragraph && chart, `${type}: rail, contents, a paragraph and a chart`).toBeTruthy();
        // Side by side: the rail ends left of the text, and their vertical extents overlap.
        expect(rail!.right, `${type}: rail left of the text`).toBeLessThanOrEqual(paragraph!.left);
        expect(rail!.top, `${type}: rail beside the text`).toBeLessThan(paragraph!.bottom);
        expect(layout.measure, `${type}: characters per line`).toBeGreaterThanOrEqual(60);
        expect(layout.measure, `${type}: characters per line`).toBeLessThanOrEqual(75);
        expect(chart!.width, `${type}: the figure is wider than the text`).toBeGreaterThan(paragraph!.width + 100);
      }
      // The contents stay in view while the chapter scrolls.
      await open(tab, pages['authored chapter']!);
      await tab.evaluate(() => window.scrollTo(0, document.scrollingElement!.scrollHeight / 2));
      const contents = (await chapterLayout(tab)).contents!;
      expect(contents.top, 'contents after scrolling').toBeGreaterThanOrEqual(0);
      expect(contents.bottom, 'contents after scrolling').toBeLessThanOrEqual(900);
    });

    it('reads in one column at 360 px: the contents above the text, both as wide as the screen allows', async () => {
      const tab = await (await context({ viewport: { width: 360, height: 720 } })).newPage();
      await open(tab, pages['authored chapter']!);
      const { rail, paragraph, chart } = await chapterLayout(tab);
      expect(rail!.bottom, 'rail above the text').toBeLessThanOrEqual(paragraph!.top);
      expect(Math.abs(rail!.left - paragraph!.left), 'one left edge').toBeLessThan(2);
      expect(paragraph!.width, 'the text takes the screen').toBeGreaterThan(300);
      expect(Math.abs(chart!.width - paragraph!.width), 'figures as wide as the text').toBeLessThan(2);
    });

    it('shows the illustrative notice in full on the home page and a chapter asking for it, and a one-line badge linking to it elsewhere', async () => {
      // Every page carries one notice; the full one only where it is explained.
      const fullNotice = chaptersWithFullNotice(join(repoRoot, 'content'));
      expect(fullNotice.size, 'a chapter with `notice: full` (methods)').toBeGreaterThan(0);
      for (const file of htmlFiles(site.dist).filter(
        (file) => !readFileSync(join(site.dist, file), 'utf8').includes('http-equiv="refresh"'),
      )) {
        const document = documentOf(site.dist, file);
        const notices = [...document.querySelectorAll('.illustrative-notice')];
        // The print edition carries the full notice on its title page.
        const full =
          file === 'index.html' || file === 'print/index.html' || fullNotice.has(/^chapters\/([^/]+)\/index\.html$/.exec(file)?.[1] ?? '');
        if (/(^|\/)embed\/index\.html$/.test(file)) {
          // An embed page carries the words in its source line (a chart alone, for other sites).
          expect(document.querySelector('.chart-source')?.textContent, file).toContain('Illustrative data.');
          continue;
        }
        expect(notices.length, `${file}: notices`).toBe(1);
        // A released version of a chart is kept as it was published, with the notice of its day.
        if (/^charts\/[^/]+\/\d+\.\d+\.\d+\//.test(file)) continue;
        expect(notices[0]!.classList.contains('compact'), `${file}: ${full ? 'full' : 'badge'}`).toBe(!full);
      }

      const tab = await (await context({ viewport: { width: 1280, height: 900 } })).newPage();
      await open(tab, pages.home!);
      const home = await tab.evaluate(() => {
        const notice = document.getElementById('illustrative-data');
        return {
          visible: notice?.checkVisibility() ?? false,
          text: notice?.textContent ?? '',
          compact: notice?.classList.contains('compact'),
        };
      });
      expect(home.visible, 'the full notice on the home page').toBe(true);
      expect(home.compact).toBe(false);
      expect(home.text).toContain('synthetic data');
      expect(home.text).toMatch(/\(\d{4}\)/); // the publication the data illustrate

      for (const width of [1280, 360]) {
        await tab.setViewportSize({ width, height: 800 });
        await open(tab, pages['chart page']!);
        const badge = await tab.evaluate(() => {
          const element = document.querySelector('.illustrative-notice.compact');
          const line = element?.querySelector('p');
          const link = element?.querySelector('a');
          return {
            visible: element?.checkVisibility() ?? false,
            lines: line ? Math.round(line.getBoundingClientRect().height / parseFloat(getComputedStyle(line).lineHeight)) : 0,
            text: element?.textContent ?? '',
            href: link?.href ?? '',
            beforeMain:
              element !== null &&
              element !== undefined &&
              !!(element.compareDocumentPosition(document.querySelector('main')!) & Node.DOCUMENT_POSITION_FOLLOWING),
          };
        });
        expect(badge.visible, `${width} px: the badge on a chart page`).toBe(true);
        expect(badge.lines, `${width} px: the badge is one line`).toBe(1);
        expect(badge.text).toContain('Illustrative data');
        expect(badge.beforeMain, 'the badge comes before the content').toBe(true);
        expect(badge.href).toBe(`${server.root}#illustrative-data`);
      }
      // The link lands on the full notice.
      await tab.click('.illustrative-notice.compact a');
      await tab.waitForURL(`${server.root}#illustrative-data`);
      expect(await tab.locator('#illustrative-data:not(.compact)').isVisible()).toBe(true);
    });
  });

  describe('in print', () => {
    it('hides the site header, navigation, search, downloads and embed code, and shows the wide chart drawing', async () => {
      // Printed from a phone too: the print layout does not depend on the screen's width.
      for (const viewport of [
        { width: 1280, height: 900 },
        { width: 360, height: 720 },
      ]) {
        const tab = await (await context({ viewport })).newPage();
        await tab.emulateMedia({ media: 'print' });
        for (const type of ['home', 'authored chapter', 'chart page']) {
          await open(tab, pages[type]!);
          const seen = await tab.evaluate(() => {
            const visible = (selector: string) => [...document.querySelectorAll(selector)].filter((element) => element.checkVisibility());
            const section = (heading: string) => document.getElementById(heading)?.closest('section') ?? null;
            return {
              search: visible('.site-search, .site-search *, input, button').length,
              navs: visible('nav:not(.contents)').map((nav) => nav.getAttribute('aria-label') ?? nav.className),
              skip: visible('.skip-link').length,
              header: visible('.site-header, .site-header *').length,
              downloads: section('downloads-heading')?.checkVisibility() ?? null,
              embed: section('embed-heading')?.checkVisibility() ?? null,
              snippet: visible('.embed-snippet').length,
              charts: [...document.querySelectorAll('.chart-image')].map((image) => ({
                wide: image.querySelector('.chart-wide')?.checkVisibility() ?? false,
                narrow: image.querySelector('.chart-narrow')?.checkVisibility() ?? false,
              })),
            };
          });
          const where = `${type} at ${viewport.width} px`;
          expect(seen.search, `${where}: search`).toBe(0);
          expect(seen.navs, `${where}: navigation`).toEqual([]);
          expect(seen.skip, `${where}: skip link`).toBe(0);
          expect(seen.header, `${where}: site header`).toBe(0);
          expect(seen.snippet, `${where}: embed snippet`).toBe(0);
          if (type === 'chart page') {
            expect(seen.downloads, `${where}: downloads section`).toBe(false);
            expect(seen.embed, `${where}: embed section`).toBe(false);
          }
          if (type !== 'home') expect(seen.charts.length, `${where}: charts`).toBeGreaterThan(0);
          for (const chart of seen.charts) expect(chart, `${where}: the wide drawing only`).toEqual({ wide: true, narrow: false });
        }
      }
    });
  });
});
