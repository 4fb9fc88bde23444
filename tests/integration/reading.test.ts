import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDefaultSiteOnce, htmlFilesOf } from '../helpers/builtSite.ts';
import { repoRoot, runBuild } from '../helpers/runBuild.ts';

// Reading the built report: search (Pagefind), the 404 page, the sitemap, the print
// stylesheet and the header's search form, on the default study built once.
const study = parseYaml(readFileSync(join(repoRoot, 'data', 'study.yaml'), 'utf8')) as { url: string };
const published = new URL(study.url);
const base = published.pathname; // "/admin-twitter/"

const site = buildDefaultSiteOnce('qualpress-reading-');

const htmlFiles = () => htmlFilesOf(site());
const isEmbed = (path: string) => /(^|\/)embed\/index\.html$/.test(path);
const isRedirect = (path: string) => readFileSync(join(site(), path), 'utf8').includes('http-equiv="refresh"');
/** A chart's frozen version or its list of versions: searched through the chart's live page only, so results do not repeat. */
const isVersionPage = (path: string) => /^charts\/[^/]+\/(?:\d+\.\d+\.\d+|versions)\//.test(path);
/** The print edition: every chapter again on one page (docs/print.md), left out of search. */
const isPrintEdition = (path: string) => path === 'print/index.html';
/** The pages a reader searches: not embed pages (for iframes), the search page, the 404 page, redirects, versions of a chart or the print edition. */
const readingPages = () =>
  htmlFiles().filter(
    (path) =>
      !isEmbed(path) &&
      path !== '404.html' &&
      path !== 'search/index.html' &&
      !isRedirect(path) &&
      !isVersionPage(path) &&
      !isPrintEdition(path),
  );
/** A page file's address on the published site, with the base path. */
const address = (path: string) => `${base}${path.replace(/(^|\/)index\.html$/, '$1')}`;
const documentOf = (path: string): Document => parseHTML(readFileSync(join(site(), path), 'utf8')).document;

describe('search', () => {
  interface PagefindResult {
    data(): Promise<{ url: string; content: string; meta: Record<string, string> }>;
  }
  interface PagefindModule {
    options(options: Record<string, unknown>): Promise<void>;
    search(term: string | null): Promise<{ results: PagefindResult[] }>;
    destroy(): Promise<void>;
  }
  let pagefind: PagefindModule;
  const realFetch = globalThis.fetch;

  beforeAll(async () => {
    // The browser script Pagefind writes, run in Node: it fetches its index files next to
    // itself, which here are files, so fetch reads them from disk.
    globalThis.fetch = async (input: string | URL | Request) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.protocol !== 'file:') throw new Error(`unexpected fetch of ${url.href}`);
      try {
        return new Response(await readFile(fileURLToPath(url)));
      } catch {
        return new Response(null, { status: 404 });
      }
    };
    pagefind = (await import(/* @vite-ignore */ pathToFileURL(join(site(), 'pagefind', 'pagefind.js')).href)) as PagefindModule;
    // In a browser the base path is taken from where pagefind.js is served.
    await pagefind.options({ baseUrl: base });
  });
  afterAll(async () => {
    await pagefind?.destroy();
    globalThis.fetch = realFetch;
  });

  const urlsFor = async (term: string | null) =>
    Promise.all((await pagefind.search(term)).results.map(async (result) => (await result.data()).url));

  it('writes an index of every reading page, and of no embed, search or 404 page, chart version or release page', async () => {
    const entry = JSON.parse(readFileSync(join(site(), 'pagefind', 'pagefind-entry.json'), 'utf8'));
    // One result per chart and one for the releases: not each version of a chart, its list of versions, or each release.
    const expected = readingPages().filter(
      (path) => !/^charts\/[^/]+\/(?:\d+\.\d+\.\d+|versions)\//.test(path) && !/^releases\/[^/]+\//.test(path),
    );
    expect(expected.length).toBeGreaterThan(3);
    expect(entry.languages.en.page_count).toBe(expected.length);
    expect((await urlsFor(null)).sort()).toEqual(expected.map(address).sort());
    for (const file of ['pagefind.js', 'pagefind-ui.js', 'pagefind-ui.css'])
      expect(existsSync(join(site(), 'pagefind', file)), file).toBe(true);
  });

  it('finds a word that occurs in one chapter only, on that chapter', async () => {
    const pages = readingPages();
    const chapters = pages.filter((path) => /^chapters\/[^/]+\/index\.html$/.test(path));
    expect(chapters.length).toBeGreaterThan(0);
    const textOf = (path: string) => (documentOf(path).querySelector('main')?.textContent ?? '').toLowerCase();
    let found: { word: string; chapter: string } | undefined;
    for (const chapter of chapters) {
      // Words of the chapter's own prose (not its figures), checked against every other page.
      const prose = [...documentOf(chapter).querySelectorAll('main p')]
        .filter((p) => !p.closest('figure, details, .chart'))
        .map((p) => p.textContent ?? '');
      const others = pages.filter((path) => path !== chapter).map(textOf);
      // A stem shared with another page could match it too (Pagefind stems English words).
      const word = prose
        .join(' ')
        .toLowerCase()
        .match(/\b[a-z]{6,}\b/g)
        ?.find((candidate) => !others.some((text) => text.includes(candidate.slice(0, -2))));
      if (word) {
        found = { word, chapter };
        break;
      }
    }
    expect(found, 'a word unique to one chapter').toBeDefined();
    // Pagefind also ranks near matches (a prefix, a typo), after the exact one.
    const results = await Promise.all((await pagefind.search(found!.word)).results.map((result) => result.data()));
    expect(results[0]?.url).toBe(address(found!.chapter));
    expect(results.filter((data) => data.content.toLowerCase().includes(found!.word)).map((data) => data.url)).toEqual([
      address(found!.chapter),
    ]);
  });

  it('indexes prose, not chart data tables, citations or embed code', async () => {
    const results = (await pagefind.search(null)).results;
    const indexed = new Map(
      await Promise.all(
        results.map(async (result) => {
          const data = await result.data();
          return [data.url, data.content] as const;
        }),
      ),
    );
    const chartPages = readingPages().filter((path) => /^charts\/[^/]+\/index\.html$/.test(path));
    expect(chartPages.length).toBeGreaterThan(0);
    for (const path of chartPages) {
      const content = indexed.get(address(path))!;
      const page = documentOf(path);
      // The page's description is searchable ...
      const description = page.querySelector('.chart-description')?.textContent?.trim();
      expect(description, `${path}: description`).toBeTruthy();
      expect(content, path).toContain(description!.slice(0, 40));
      // ... its data table is not: neither its header row nor its first data row.
      const table = page.querySelector('.data-table:not(.changes-table)')!;
      const row = (cells: Element[]) => cells.map((cell) => cell.textContent.trim()).join(' ');
      expect(content, path).not.toContain(row([...table.querySelectorAll('thead th')]));
      expect(content, path).not.toContain(row([...table.querySelectorAll('tbody tr:first-child th, tbody tr:first-child td')]));
      expect(content, path).not.toContain('BibTeX');
    }
    // No embed snippet, and no embed page, anywhere in the index.
    for (const [url, content] of indexed) expect(content, url).not.toMatch(/iframe/i);
  });

  it('keeps the words of adjacent elements apart (a chart title and its subtitle)', async () => {
    // The first chart in a chapter that has a subtitle.
    let found: { chapter: string; title: string; subtitle: string } | undefined;
    for (const chapter of readingPages().filter((path) => path.startsWith('chapters/'))) {
      const title = [...documentOf(chapter).querySelectorAll('main .chart-title')].find((candidate) =>
        candidate.parentElement?.querySelector('.chart-subtitle'),
      );
      if (title) {
        found = {
          chapter,
          title: title.textContent.trim(),
          subtitle: title.parentElement!.querySelector('.chart-subtitle')!.textContent.trim(),
        };
        break;
      }
    }
    expect(found, 'a chapter chart with a subtitle').toBeDefined();
    const indexed = (await Promise.all((await pagefind.search(null)).results.map((result) => result.data()))).find(
      (data) => data.url === address(found!.chapter),
    );
    expect(indexed, `${found!.chapter} in the search index`).toBeDefined();
    expect(indexed!.content).toContain(`${found!.title} ${found!.subtitle}`);
  });

  it('has a search page that loads Pagefind UI from the site with no inline script, and says what to do without JavaScript', () => {
    const page = documentOf('search/index.html');
    expect(page.querySelector('main h1')?.textContent).toBe('Search');
    expect(page.querySelector('#search')).not.toBeNull();
    const scripts = [...page.querySelectorAll('script')];
    expect(scripts.map((script) => script.getAttribute('src'))).toEqual([`${base}pagefind/pagefind-ui.js`, `${base}search.js`]);
    for (const script of scripts) expect(script.textContent?.trim()).toBe('');
    expect(page.querySelector(`link[rel="stylesheet"][href="${base}pagefind/pagefind-ui.css"]`)).not.toBeNull();
    expect(page.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');

    const noscript = page.querySelector('noscript')!.innerHTML;
    expect(noscript).toContain('Search needs JavaScript');
    expect(noscript).toContain(`href="${base}"`);
    expect(noscript).toContain(`href="${base}charts/"`);

    const start = readFileSync(join(site(), 'search.js'), 'utf8');
    expect(start).toMatch(/new window\.PagefindUI\(\{ element: '#search', showSubResults: true/);
    expect(start).toContain(".get('q')");
    expect(start).toContain('triggerSearch');
  });
});

describe('the header search form', () => {
  it('is on every page: a GET form to /search/ with ?q=, a visible label and a named search landmark', () => {
    const pages = htmlFiles().filter((path) => !isEmbed(path) && !isRedirect(path));
    expect(pages).toEqual(expect.arrayContaining(['index.html', 'charts/index.html', 'search/index.html', '404.html']));
    for (const path of pages) {
      const form = documentOf(path).querySelector('header form[role="search"]');
      expect(form, path).not.toBeNull();
      expect(form!.getAttribute('action')).toBe(`${base}search/`);
      expect(form!.getAttribute('method')).toBe('get');
      expect(form!.getAttribute('aria-label')).toBeTruthy();
      const input = form!.querySelector('input[name="q"]')!;
      expect(input.getAttribute('type')).toBe('search');
      expect(input.hasAttribute('tabindex')).toBe(false);
      const label = form!.querySelector(`label[for="${input.getAttribute('id')}"]`);
      expect(label?.textContent?.trim()).toBeTruthy();
      expect(label!.classList.contains('visually-hidden')).toBe(false);
      expect(form!.querySelector('button[type="submit"]')?.textContent?.trim()).toBeTruthy();
    }
  });
});

describe('the 404 page', () => {
  it('exists as 404.html and links home, to the chart index and to search, from any address', () => {
    const page = documentOf('404.html');
    expect(page.querySelector('main h1')?.textContent).toBe('Page not found');
    const links = [...page.querySelectorAll('main a')].map((link) => link.getAttribute('href'));
    expect(links).toEqual(expect.arrayContaining([base, `${base}charts/`, `${base}search/`]));
    // Served at whatever address was not found, so every link and stylesheet starts at the root.
    for (const element of page.querySelectorAll('a[href], link[href]')) expect(element.getAttribute('href')).toMatch(/^(\/|https?:|#)/);
    expect(page.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
  });
});

describe('the sitemap', () => {
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);

  it('lists every reading page under the base path, and no embed, search or 404 page', () => {
    expect(base).toBe('/admin-twitter/');
    const sitemaps = locs(readFileSync(join(site(), 'sitemap-index.xml'), 'utf8'));
    expect(sitemaps.length).toBeGreaterThan(0);
    const pages = sitemaps.flatMap((sitemap) => {
      expect(sitemap.startsWith(study.url)).toBe(true);
      return locs(readFileSync(join(site(), sitemap.slice(study.url.length)), 'utf8'));
    });
    // Versions of charts are pages to find too, though search shows each chart once.
    const listed = htmlFiles().filter((path) => !isEmbed(path) && path !== '404.html' && path !== 'search/index.html' && !isRedirect(path));
    expect(listed.some(isVersionPage)).toBe(true);
    expect(pages.sort()).toEqual(listed.map((path) => `${published.origin}${address(path)}`).sort());
    expect(pages).toContain(`${study.url}chapters/findings/`);
    expect(pages).toContain(`${study.url}charts/topic-distribution/`);
    expect(pages.filter((page) => /\/embed\/|\/search\/|404/.test(page))).toEqual([]);
  });
});

describe('the print stylesheet', () => {
  /** The CSS a page links, concatenated. */
  function linkedCss(path: string): string {
    return [...documentOf(path).querySelectorAll('link[rel="stylesheet"]')]
      .map((link) => link.getAttribute('href')!)
      .filter((href) => href.startsWith(`${base}_astro/`))
      .map((href) => readFileSync(join(site(), href.slice(base.length)), 'utf8'))
      .join('\n');
  }
  /** The contents of each `@media print { ... }` block. */
  function printBlocks(css: string): string {
    const blocks: string[] = [];
    for (const match of css.matchAll(/@media print\s*\{/g)) {
      let depth = 1;
      let i = match.index + match[0].length;
      const start = i;
      for (; i < css.length && depth > 0; i++) depth += css[i] === '{' ? 1 : css[i] === '}' ? -1 : 0;
      blocks.push(css.slice(start, i - 1));
    }
    return blocks.join('\n');
  }
  /** Rules as selector lists normalised as a minifier may write them (no quotes or spaces, `::` as `:`), with their declarations. */
  function rules(css: string): { selectors: string[]; declarations: string }[] {
    return [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map((match) => ({
      selectors: match[1]!.split(',').map((selector) => selector.replace(/["'\s]/g, '').replace(/::/g, ':')),
      declarations: match[2]!.replace(/\s/g, ''),
    }));
  }
  const declared = (list: ReturnType<typeof rules>, selector: string, declaration: RegExp) =>
    list.some((rule) => rule.selectors.includes(selector) && declaration.test(rule.declarations));

  it('is linked from every page but the embed pages, and holds the print rules', () => {
    const pages = htmlFiles().filter((path) => !isEmbed(path));
    expect(pages.length).toBeGreaterThan(3);
    const source = readFileSync(join(repoRoot, 'src', 'styles', 'print.css'), 'utf8');
    expect(
      source
        .trim()
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .trim(),
    ).toMatch(/^@media print \{/);
    for (const path of pages) {
      const print = rules(printBlocks(linkedCss(path)));
      const hidden = /display:none!important/;
      for (const selector of [
        '.skip-link',
        'nav:not(.contents)',
        '.site-search',
        '.downloads',
        '.embed-snippet',
        'section[aria-labelledby=downloads-heading]',
        'section[aria-labelledby=embed-heading]',
        '.chart-narrow',
      ]) {
        expect(declared(print, selector, hidden), `${path}: ${selector} hidden in print`).toBe(true);
      }
      expect(declared(print, '.chart-wide', /display:block!important/), `${path}: wide chart`).toBe(true);
      for (const selector of ['figure', 'table', '.chart'])
        expect(declared(print, selector, /break-inside:avoid/), `${path}: ${selector} kept whole`).toBe(true);
      expect(declared(print, 'maina[href^=http]:after', /content:.*attr\(href\)/), `${path}: link targets`).toBe(true);
      expect(declared(print, 'html:rootbody', /color:#000.*background:#fff/), `${path}: black on white`).toBe(true);
      expect(declared(print, 'html:root', /--text:#000/) && declared(print, 'html:root', /--background:#fff/), `${path}: colours`).toBe(
        true,
      );
      expect(declared(print, 'details:details-content', /content-visibility:visible/), `${path}: details open`).toBe(true);
    }
  });
});

describe('a failure while indexing for search', () => {
  it('prints one line, exits 1 and leaves the built site as it was', () => {
    const before = new Map(htmlFiles().map((path) => [path, readFileSync(join(site(), path), 'utf8')]));
    const entry = readFileSync(join(site(), 'pagefind', 'pagefind-entry.json'), 'utf8');
    // Pagefind's Node API runs the program named by this variable: here one that is missing.
    process.env.PAGEFIND_BINARY_PATH = join(site(), 'no-such-pagefind');
    let run: ReturnType<typeof runBuild>;
    try {
      // --no-cache: the same inputs would otherwise find dist/ up to date and never index again.
      run = runBuild(['--out', site(), '--no-cache']);
    } finally {
      delete process.env.PAGEFIND_BINARY_PATH;
    }
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^Build failed while indexing the site for search \(Pagefind\): [^\n]+\. \S+\/ was left as it was\.\n$/);
    expect(run.stdout).toBe('');
    expect(new Map(htmlFiles().map((path) => [path, readFileSync(join(site(), path), 'utf8')]))).toEqual(before);
    expect(readFileSync(join(site(), 'pagefind', 'pagefind-entry.json'), 'utf8')).toBe(entry);
  });
});
