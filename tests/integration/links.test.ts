import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildDefaultSiteOnce, htmlFilesOf } from '../helpers/builtSite.ts';
import { repoRoot } from '../helpers/runBuild.ts';

// No broken link in the built default study: every internal href and src (and form action,
// and the published addresses in meta tags) on every HTML page, and every address in the
// sitemap, resolves to a file in dist/; every #fragment to an element id in its page.
const study = parseYaml(readFileSync(join(repoRoot, 'data', 'study.yaml'), 'utf8')) as { url: string };
const published = new URL(study.url);
const base = published.pathname; // "/admin-twitter/"

const site = buildDefaultSiteOnce('qualpress-links-');

const htmlFiles = () => htmlFilesOf(site());

/** A page file's published address: `charts/x/index.html` → `https://example.org/admin-twitter/charts/x/`. */
const addressOf = (file: string) => new URL(file.replace(/(^|\/)index\.html$/, '$1'), study.url);

const documents = new Map<string, Document>();
function documentOf(file: string): Document {
  let document = documents.get(file);
  if (!document) {
    document = parseHTML(readFileSync(join(site(), file), 'utf8')).document;
    documents.set(file, document);
  }
  return document;
}

/** The dist file an address of the site is served from, or a reason it is none. */
function fileOf(url: URL): { file: string } | { problem: string } {
  if (url.origin !== published.origin || !url.pathname.startsWith(base)) return { problem: `outside the site (${base})` };
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname.slice(base.length));
  } catch {
    return { problem: 'a malformed address' };
  }
  if (relative.split('/').includes('..')) return { problem: 'a path with ".."' };
  const candidates = relative === '' || relative.endsWith('/') ? [`${relative}index.html`] : [relative, `${relative}/index.html`];
  for (const candidate of candidates) {
    const path = join(site(), candidate);
    if (existsSync(path) && statSync(path).isFile()) return { file: candidate };
  }
  return { problem: `no file dist/${candidates[0]}` };
}

/** Is there an element with this id (or a named anchor) in the page? */
function hasTarget(file: string, fragment: string): boolean {
  const document = documentOf(file);
  return [...document.querySelectorAll('[id], a[name]')].some(
    (element) => element.getAttribute('id') === fragment || element.getAttribute('name') === fragment,
  );
}

/** The URL attributes of a page: href, src, srcset, action, and meta content holding the site's own address. */
function urlsOf(document: Document): { element: string; value: string }[] {
  const found: { element: string; value: string }[] = [];
  for (const element of document.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    for (const attribute of ['href', 'xlink:href', 'src', 'action', 'poster']) {
      const value = element.getAttribute(attribute);
      if (value !== null) found.push({ element: `<${tag} ${attribute}>`, value });
    }
    const srcset = element.getAttribute('srcset');
    if (srcset !== null)
      for (const candidate of srcset.split(',')) found.push({ element: `<${tag} srcset>`, value: candidate.trim().split(/\s+/)[0]! });
    const content = element.getAttribute('content');
    if (tag === 'meta' && content?.startsWith(study.url))
      found.push({ element: `<meta ${element.getAttribute('name') ?? element.getAttribute('property')}>`, value: content });
  }
  return found;
}

/** Problems with one URL found on `page`, as lines; [] when it resolves. Counts what it checked. */
const checked = { links: 0, fragments: 0 };
function problemsOf(page: string, element: string, value: string): string[] {
  const where = `${page}: ${element} "${value}"`;
  if (/^\s*javascript:/i.test(value)) return [`${where}: a javascript: URL`];
  if (value.trim() === '') return [`${where}: an empty address`];
  let url: URL;
  try {
    url = new URL(value, addressOf(page));
  } catch {
    return [`${where}: not a URL`];
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return []; // mailto:, data:, tel:
  if (url.origin !== published.origin) return []; // another site
  checked.links += 1;
  const target = fileOf(url);
  if ('problem' in target) return [`${where}: ${target.problem}`];
  const fragment = url.hash.slice(1);
  if (fragment === '' || fragment === 'top') return [];
  checked.fragments += 1;
  if (!target.file.endsWith('.html')) return [`${where}: a #fragment into ${target.file}, which is not a page`];
  let id: string;
  try {
    id = decodeURIComponent(fragment);
  } catch {
    return [`${where}: a malformed #fragment`];
  }
  return hasTarget(target.file, id) ? [] : [`${where}: no element with id "${id}" in ${target.file}`];
}

describe('links in the built site', () => {
  it('resolve, from every page, to a file in dist and, with a #fragment, to an element id', () => {
    const files = htmlFiles();
    expect(files).toContain('index.html');
    expect(files).toContain('404.html');
    const problems = files.flatMap((file) => urlsOf(documentOf(file)).flatMap(({ element, value }) => problemsOf(file, element, value)));
    expect(problems).toEqual([]);
    // The check saw the site's links, in-page anchors included (skip links, contents, figures).
    expect(checked.links).toBeGreaterThan(files.length * 5);
    expect(checked.fragments).toBeGreaterThan(files.length);
  });

  it('point at pages whose ids are unique, so a #fragment has one target', () => {
    const problems: string[] = [];
    for (const file of htmlFiles()) {
      const seen = new Map<string, number>();
      for (const element of documentOf(file).querySelectorAll('[id]'))
        seen.set(element.getAttribute('id')!, (seen.get(element.getAttribute('id')!) ?? 0) + 1);
      for (const [id, count] of seen) if (count > 1) problems.push(`${file}: id "${id}" ${count} times`);
    }
    expect(problems).toEqual([]);
  });

  it('in the sitemap resolve to files in dist', () => {
    const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!.replace(/&amp;/g, '&'));
    const sitemaps = locs(readFileSync(join(site(), 'sitemap-index.xml'), 'utf8'));
    expect(sitemaps.length).toBeGreaterThan(0);
    const problems: string[] = [];
    let pages = 0;
    for (const sitemap of sitemaps) {
      const file = fileOf(new URL(sitemap));
      if ('problem' in file) {
        problems.push(`sitemap-index.xml: "${sitemap}": ${file.problem}`);
        continue;
      }
      for (const loc of locs(readFileSync(join(site(), file.file), 'utf8'))) {
        pages += 1;
        const target = fileOf(new URL(loc));
        if ('problem' in target) problems.push(`${file.file}: "${loc}": ${target.problem}`);
        else if (!target.file.endsWith('.html')) problems.push(`${file.file}: "${loc}" is ${target.file}, not a page`);
      }
    }
    expect(problems).toEqual([]);
    expect(pages).toBeGreaterThan(10);
  });
});
