import { parseHTML } from 'linkedom';

/** Where chapters live and where each one is on the print page. */
export interface PrintLinks {
  /** The address of the chapters' folder, `site.path('chapters/')`. */
  readonly chaptersPath: string;
  /** Each chapter's id and the id of its section on the print page. */
  readonly sections: ReadonlyMap<string, string>;
}

/** The attributes whose value is a list of ids of the same document. */
const idListAttributes = [
  'for',
  'headers',
  'form',
  'list',
  'aria-labelledby',
  'aria-describedby',
  'aria-controls',
  'aria-details',
  'aria-owns',
  'aria-flowto',
  'aria-activedescendant',
  'aria-errormessage',
];

/**
 * The chapters of the print page as one document. Every chapter was written for a page of
 * its own, so two may hold the same id (a chart placed twice, "summary" in every chapter
 * per dimension): each element marked `data-print-chapter="<id>"` has the ids inside it
 * prefixed with its section's id, and what points to them follows:
 *
 * - id lists (`for`, `aria-labelledby`, …) and `url(#…)` in SVG attributes, within the chapter;
 * - `#x` links: to the chapter's own `x`, else to the first chapter holding one (an in-text
 *   citation to the bibliography appendix), else left as written (the page's own ids);
 * - links to a chapter page, `…/chapters/<id>/#x`, become links to its section on this page;
 *   a relative link (`../methods/`) is read from the chapter's own page first.
 *
 * Headings inside a chapter go one level down (h2 → h3), below the chapter's title (an h2
 * under the report's h1), so the page has one outline. Everything else is left as it is.
 */
export function scopePrintIds(html: string, links: PrintLinks): string {
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  const chapters = [...document.querySelectorAll('[data-print-chapter]')].map((content) => {
    const chapter = content.getAttribute('data-print-chapter') ?? '';
    return { content, chapter, prefix: links.sections.get(chapter) ?? `chapter-${chapter}`, ids: new Map<string, string>() };
  });
  const firstHolder = new Map<string, string>();
  for (const { content, prefix, ids } of chapters) {
    for (const element of content.querySelectorAll('[id]')) {
      const id = element.getAttribute('id') ?? '';
      const scoped = `${prefix}--${id}`;
      element.setAttribute('id', scoped);
      ids.set(id, scoped);
      if (!firstHolder.has(id)) firstHolder.set(id, scoped);
    }
  }
  const idsOf = new Map(chapters.map(({ chapter, ids }) => [chapter, ids]));
  const fragment = (id: string, chapter: string) => `#${idsOf.get(chapter)?.get(id) ?? firstHolder.get(id) ?? id}`;
  const chapterLink = /^([^/?#]+)\/?(?:#(.*))?$/;

  const rewriteHref = (href: string, chapter: string): string => {
    if (href.startsWith('#')) return fragment(href.slice(1), chapter);
    // A relative link (`../methods/`) was written from the chapter's own page: read it from there.
    const path = isRelative(href) ? relativeTo(href, `${links.chaptersPath}${chapter}/`) : href;
    if (!path.startsWith(links.chaptersPath)) return path;
    const [, target, id] = chapterLink.exec(path.slice(links.chaptersPath.length)) ?? [];
    const section = target === undefined ? undefined : links.sections.get(target);
    if (target === undefined || section === undefined) return path;
    return id ? fragment(id, target) : `#${section}`;
  };

  for (const { content, chapter, ids } of chapters) {
    for (const element of content.querySelectorAll('*')) {
      for (const { name, value } of [...element.attributes]) {
        if (idListAttributes.includes(name)) {
          element.setAttribute(
            name,
            value
              .split(/\s+/)
              .map((id) => ids.get(id) ?? id)
              .join(' '),
          );
        } else if (name === 'href' || name === 'xlink:href') {
          element.setAttribute(name, rewriteHref(value, chapter));
        } else if (value.includes('url(#')) {
          element.setAttribute(
            name,
            value.replace(/url\(#([^)]+)\)/g, (whole, id: string) => (ids.has(id) ? `url(#${ids.get(id)})` : whole)),
          );
        }
      }
    }
    for (const heading of content.querySelectorAll('h1, h2, h3, h4, h5, h6')) lowerHeading(heading, (name) => document.createElement(name));
  }
  return document.body.innerHTML;
}

/** A link with neither a scheme (`https:`, `mailto:`) nor a leading `/`, `#` or `?`. */
const isRelative = (href: string) => !/^(?:[a-z][a-z0-9+.-]*:|[/#?])/i.test(href);

/** A relative link as an absolute path, read from the page at `page` (a path ending in `/`). */
function relativeTo(href: string, page: string): string {
  const origin = 'http://print.invalid';
  const url = new URL(href, `${origin}${page}`);
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The same heading one level down (h6 stays h6), with its attributes and content. */
function lowerHeading(heading: Element, createElement: (name: string) => Element): void {
  const level = Math.min(Number(heading.tagName.slice(1)) + 1, 6);
  const lowered = createElement(`h${level}`);
  for (const { name, value } of [...heading.attributes]) lowered.setAttribute(name, value);
  lowered.append(...heading.childNodes);
  heading.replaceWith(lowered);
}
