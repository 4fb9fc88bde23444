import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import * as pagefind from 'pagefind';

/**
 * What the search index holds: the reading content of each page (its <main>), without the
 * parts that are data rather than prose or that repeat from page to page (navigation, the
 * chart drawing, its data table, citations, downloads, the embed snippet, version
 * details), so a search for a word of the report finds the passages that discuss it.
 */
export const searchIndexOptions = {
  rootSelector: 'main',
  excludeSelectors: [
    'nav',
    '.chart-image',
    '.table-wrap',
    '.data-table',
    '.citations',
    '.downloads',
    '.embed-snippet',
    '.version',
    '.chart-links',
  ],
} as const;

/**
 * Pages that are not reading content: embed pages (a chart alone, for other sites'
 * iframes), the search page and the 404 page. Paths are relative to the site folder.
 */
function isSearchable(page: string): boolean {
  if (!page.endsWith('.html')) return false;
  if (page.startsWith('pagefind/')) return false;
  if (page === '404.html' || page === 'search/index.html') return false;
  // One result per chart: its live page, never a frozen version or the list of versions.
  if (/^charts\/[^/]+\/(?:\d+\.\d+\.\d+|versions)\//.test(page)) return false;
  // Likewise one release's page: /releases/, with every release's notes, is the one result for them.
  if (/^releases\/[^/]+\//.test(page)) return false;
  return !/(^|\/)embed\/index\.html$/.test(page);
}

/** The site's pages to index, as paths relative to the site folder with `/` separators. */
export function searchablePages(site: string): string[] {
  return readdirSync(site, { recursive: true, encoding: 'utf8' })
    .map((path) => path.split(sep).join('/'))
    .filter(isSearchable)
    .sort();
}

/**
 * Pagefind joins the text of adjacent elements it does not know as blocks: a chart's
 * title and subtitle (`<span>Posts per day</span><span>All posts…</span>`) or a code and
 * its definition (`<dt>Wellbeing</dt><dd>Feeling…</dd>`) would become one word
 * ("dayAll", "WellbeingFeeling") that no search finds. A space after such closing tags,
 * in the copy given to Pagefind only, keeps the words apart.
 */
export function separateWords(html: string): string {
  return html.replace(/<\/(span|dt|dd|th|td|caption|figcaption|summary|label|li)>/gi, '$& ');
}

/** A page's address below the site's base path: `chapters/findings/index.html` is `/chapters/findings/`. */
function pageUrl(page: string): string {
  return `/${page.replace(/(^|\/)index\.html$/, '$1')}`;
}

export interface SearchIndexResult {
  readonly pages: number;
}

/**
 * Index a built site with Pagefind and write the index and its default UI into
 * `<site>/pagefind/`, offline. Result addresses are relative to the site's root
 * (`/chapters/findings/`): Pagefind's script adds the base path it is served from
 * (`/my-study/pagefind/` gives `/my-study/`), so the index works under any base
 * path. Throws an Error whose message says what went wrong.
 */
export async function runPagefind(site: string): Promise<SearchIndexResult> {
  // Pagefind's service reports a failing program (missing, crashed) with console.error and
  // a stack trace; it is kept here and becomes part of the one-line error instead.
  const reported: string[] = [];
  const consoleError = console.error;
  console.error = (...args: unknown[]) => {
    reported.push(
      args
        .map((arg) => (arg instanceof Error ? arg.message : String(arg)))
        .join(' ')
        .replace(/^Service stopped /, ''),
    );
  };
  try {
    const { index, errors } = await pagefind.createIndex({
      ...searchIndexOptions,
      excludeSelectors: [...searchIndexOptions.excludeSelectors],
    });
    if (!index) throw new Error(errors.join('; ') || 'Pagefind could not create an index');
    // Redirect pages (a meta refresh) have nothing to read.
    const pages = searchablePages(site)
      .map((page) => ({ page, html: readFileSync(join(site, page), 'utf8') }))
      .filter(({ html }) => !html.includes('http-equiv="refresh"'));
    const added = await Promise.all(pages.map(({ page, html }) => index.addHTMLFile({ url: pageUrl(page), content: separateWords(html) })));
    const problems = added.flatMap((response, i) => response.errors.map((error) => `${pages[i]!.page}: ${error}`));
    if (problems.length > 0) throw new Error(problems.join('; '));
    const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
    if (written.errors.length > 0) throw new Error(written.errors.join('; '));
    return { pages: pages.length };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const details = [...new Set(reported)].filter((line) => line !== '' && line !== message);
    throw new Error(details.length > 0 ? `${message} (${details.join('; ')})` : message, { cause: error });
  } finally {
    console.error = consoleError;
    await pagefind.close();
  }
}
