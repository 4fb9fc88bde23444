import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { SiteReport } from '../model/siteReport.ts';
import type { StudyOutline } from '../model/study.ts';
import { inTextCitation, narrativeCitation, parseBibliography, referenceOf, type CitedWork } from '../cite/bibliography.ts';
import { formattingError, variablesAtFault } from '../cite/formatCheck.ts';
import { didYouMean } from '../problems/didYouMean.ts';
import { parseYaml } from '../load/parseYaml.ts';
import { listOf, quoted, type Problem } from '../problems/problem.ts';
import { studyFiles } from '../load/studyFiles.ts';
import { validateYaml } from '../load/validateYaml.ts';
import { chapterFrontMatter } from '../schemas/chapter.ts';
import type { ChapterPlan, Figure, GeneratedChapter } from '../model/chapterPlan.ts';
import { byId } from '../model/byId.ts';
import { citeComponentKeys } from './citationSyntax.ts';
import { checkComponent } from './componentRules.ts';
import { splitFrontMatter } from './frontMatter.ts';
import { codebookAppendixId, codebookAppendixMdx, codebookAppendixTitle, generatedChapterMdx } from './generatedChapter.ts';
import { scanMdx, type CitationUse, type ComponentUse, type ImageUse, type ScriptUse } from './scanMdx.ts';

type ReportBeforeChapters = Omit<SiteReport, 'chapters' | 'figures' | 'references' | 'releases'>;

/** What chapters are checked against: always the outline and the chart ids; the report once the data are valid. */
export interface ChapterSubjects {
  readonly outline: StudyOutline;
  readonly chartIds: readonly string[];
  /** Absent when the data have problems: generated chapters are then not made. */
  readonly report?: ReportBeforeChapters;
}

export interface PlannedChapters {
  readonly chapters: ChapterPlan[];
  readonly figures: Record<string, Figure>;
  readonly references: CitedWork[];
  readonly generated: GeneratedChapter[];
}

interface ScannedChapter {
  readonly plan: Omit<ChapterPlan, 'charts' | 'citations'>;
  readonly file: string;
  readonly components: readonly ComponentUse[];
  readonly citations: readonly CitationUse[];
  readonly scripts: readonly ScriptUse[];
  readonly images: readonly ImageUse[];
}

const chapterFileName = /^[a-z0-9][a-z0-9_-]*\.mdx$/;

/**
 * Plan the report's chapters: the authored MDX in `<content>/chapters`, plus a generated
 * chapter for every dimension no authored chapter is named after; then check every
 * component and citation against the study, and number the figures in reading order.
 */
export function planChapters(contentDir: string, subjects: ChapterSubjects, problems: Problem[]): PlannedChapters {
  const { outline, chartIds, report } = subjects;
  const files = studyFiles(contentDir);
  const loadedBibliography = loadBibliography(contentDir, problems);
  const { items: bibliography, shown: bibliographyFile } = loadedBibliography;
  const bibliographyLine = (key: string) => loadedBibliography.lineOf(key);
  const scanned: ScannedChapter[] = [];

  const folder = join(contentDir, 'chapters');
  const names = existsSync(folder)
    ? readdirSync(folder)
        .filter((name) => name.endsWith('.mdx'))
        .sort()
    : [];
  for (const name of names) {
    const shown = files.shown(join('chapters', name));
    if (!chapterFileName.test(name)) {
      problems.push({
        file: shown,
        message: `expected a file name of lower-case letters, digits, "-" or "_" (it becomes the chapter's address); found ${quoted(name)}`,
      });
      continue;
    }
    const text = files.read(join('chapters', name));
    if (!text.ok) {
      problems.push(text.problem);
      continue;
    }
    const chapter = scanAuthored(name.replace(/\.mdx$/, ''), text.text, shown, outline, problems);
    if (chapter) checkImages(chapter, folder, problems);
    if (chapter) scanned.push(chapter);
  }

  const authored = new Set(scanned.map((chapter) => chapter.plan.id));
  const generated: GeneratedChapter[] = (report?.dimensions ?? [])
    .filter((dimension) => !authored.has(dimension.id))
    .map((dimension, index) => ({ id: dimension.id, mdx: generatedChapterMdx(dimension, report!.charts, index) }));
  // Agreement between coders belongs in the codebook appendix: a study that writes none gets one made.
  const placesTable = scanned.some((chapter) => chapter.components.some((use) => use.name === 'ReliabilityTable'));
  const appendixFree = !authored.has(codebookAppendixId) && !generated.some((chapter) => chapter.id === codebookAppendixId);
  if (report && report.reliability.length > 0 && !placesTable && appendixFree)
    generated.push({ id: codebookAppendixId, mdx: codebookAppendixMdx(report.dimensions) });
  for (const chapter of generated) {
    const { body, bodyLineOffset } = splitFrontMatter(chapter.mdx);
    const scan = scanMdx(body, bodyLineOffset);
    const order = Number(/^order: (\d+)$/m.exec(chapter.mdx)![1]);
    const plan =
      chapter.id === codebookAppendixId
        ? { id: chapter.id, title: codebookAppendixTitle, order, generated: true }
        : { id: chapter.id, title: byId(outline.dimensions, chapter.id, 'dimension').label, order, generated: true, dimension: chapter.id };
    if (scan.ok) scanned.push({ plan, file: `(generated) ${chapter.id}.mdx`, ...scan });
  }

  scanned.sort((a, b) => a.plan.order - b.plan.order || a.plan.id.localeCompare(b.plan.id));
  const figures: Record<string, Figure> = {};
  for (const chapter of scanned) {
    for (const use of chapter.components) {
      const id = use.attributes.id;
      if (use.name === 'Chart' && typeof id === 'string' && chartIds.includes(id) && !figures[id]) {
        figures[id] = { number: Object.keys(figures).length + 1, chapter: chapter.plan.id };
      }
    }
  }

  const context = {
    outline,
    chartIds,
    bibliographyKeys: new Set(bibliography.keys()),
    placedCharts: report ? new Set(Object.keys(figures)) : undefined,
    reliabilityDimensions:
      report && new Set(report.reliability.flatMap((reliability) => reliability.dimensions.map((figures) => figures.dimension))),
  };
  for (const chapter of scanned) {
    for (const script of chapter.scripts)
      problems.push({ file: chapter.file, line: script.line, ...(script.field ? { field: script.field } : {}), message: script.message });
    for (const use of chapter.components) {
      for (const problem of checkComponent(use, context)) {
        problems.push({
          file: chapter.file,
          line: use.line,
          field: problem.attribute ? `${use.name}.${problem.attribute}` : use.name,
          message: problem.message,
        });
      }
    }
    for (const citation of chapter.citations) {
      for (const key of citation.keys) {
        if (bibliography.has(key)) continue;
        // An array, not the keys iterator: closestMatch reads its candidates twice.
        const hint = didYouMean(key, [...bibliography.keys()]);
        // A bare @word is a citation only when the word is a key: an @handle is prose. One close
        // to a key (a typo away, or its start) is most likely a citation misspelt, which would vanish silently.
        if (citation.narrative && hint === '') continue;
        problems.push({
          file: chapter.file,
          line: citation.line,
          field: `@${key}`,
          message: `expected a key from content/references.bib (${[...bibliography.keys()].join(', ') || 'none'}); found ${quoted(key)}${hint}${citation.narrative ? `; write \\@${key} for an @ that is no citation` : ''}`,
        });
      }
    }
  }

  // Works are cited as `[@key]` or `@key` in the prose or with a <Cite keys="..."> component.
  const citesOf = (chapter: ScannedChapter): CitationUse[] =>
    [
      ...chapter.citations,
      ...chapter.components.flatMap((use) =>
        use.name === 'Cite' && typeof use.attributes.keys === 'string'
          ? [{ keys: citeComponentKeys(use.attributes.keys), line: use.line }]
          : [],
      ),
    ].sort((a, b) => a.line - b.line);
  const citedKeys = [...new Set(scanned.flatMap((chapter) => citesOf(chapter).flatMap((citation) => citation.keys)))].filter((key) =>
    bibliography.has(key),
  );
  const references = citedKeys.map((key) => ({ key, item: bibliography.get(key)! }));
  checkCitedWorksFormat(
    references,
    scanned.map((chapter) => ({ file: chapter.file, cites: citesOf(chapter) })),
    bibliography,
    { file: bibliographyFile, lineOf: bibliographyLine },
    problems,
  );

  return {
    chapters: scanned.map((chapter) => ({
      ...chapter.plan,
      charts: [
        ...new Set(
          chapter.components
            .filter((use) => use.name === 'Chart' && typeof use.attributes.id === 'string')
            .map((use) => use.attributes.id as string),
        ),
      ],
      citations: [...new Set(citesOf(chapter).flatMap((citation) => citation.keys))].filter((key) => bibliography.has(key)),
    })),
    figures,
    references,
    generated,
  };
}

function scanAuthored(id: string, text: string, shown: string, outline: StudyOutline, problems: Problem[]): ScannedChapter | undefined {
  const { frontMatter, body, bodyLineOffset } = splitFrontMatter(text);
  const parsed = parseYaml(frontMatter, shown);
  if (!parsed.ok) return (problems.push(...parsed.problems.map((problem) => ({ ...problem, line: (problem.line ?? 0) + 1 }))), undefined);
  const validated = validateYaml(parsed.file, chapterFrontMatter, shown);
  // Front matter starts on line 2, after the opening "---".
  if (!validated.ok)
    return (problems.push(...validated.problems.map((problem) => ({ ...problem, line: (problem.line ?? 0) + 1 }))), undefined);
  // Astro reads the front matter again with its own YAML reader (js-yaml), which refuses
  // some files the check above accepts (a custom tag such as `!note`).
  try {
    parseFrontmatter(text);
  } catch (error) {
    const reason = (error as { reason?: string }).reason ?? (error instanceof Error ? error.message.split('\n')[0] : String(error));
    // js-yaml counts from 0, from the end of the opening "---" line.
    const line = (error as { mark?: { line?: number } }).mark?.line;
    return (
      problems.push({
        file: shown,
        ...(line === undefined ? {} : { line: line + 1 }),
        message: `expected front matter Astro can read; found ${reason}`,
      }),
      undefined
    );
  }
  const scan = scanMdx(body, bodyLineOffset);
  if (!scan.ok) return (problems.push({ file: shown, line: scan.line, message: `expected valid MDX; found ${scan.message}` }), undefined);
  const { title, order, description, dimension, notice } = validated.value;
  const dimensionLabel = outline.dimensions.find((candidate) => candidate.id === (dimension ?? id))?.label;
  return {
    plan: {
      id,
      title: title ?? dimensionLabel ?? id,
      order,
      generated: false,
      ...(description ? { description } : {}),
      ...(dimension ? { dimension } : {}),
      ...(notice ? { notice } : {}),
    },
    file: shown,
    ...scan,
  };
}

interface Bibliography {
  readonly items: Map<string, Record<string, unknown>>;
  readonly shown: string;
  /** The line where the entry with this key starts. */
  lineOf(key: string): number | undefined;
}

function loadBibliography(contentDir: string, problems: Problem[]): Bibliography {
  const files = studyFiles(contentDir);
  const shown = files.shown('references.bib');
  const none: Bibliography = { items: new Map(), shown, lineOf: () => undefined };
  if (!existsSync(join(contentDir, 'references.bib'))) return none;
  const text = files.read('references.bib');
  if (!text.ok) return (problems.push(text.problem), none);
  const parsed = parseBibliography(text.text);
  if (!parsed.ok) return (problems.push({ file: shown, message: `expected BibTeX; found ${parsed.message}` }), none);
  return {
    items: new Map(parsed.items),
    shown,
    lineOf: (key) => {
      const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const at = new RegExp(`@[A-Za-z]+\\s*[{(]\\s*${escaped}\\s*,`).exec(text.text)?.index;
      return at === undefined ? undefined : text.text.slice(0, at).split('\n').length;
    },
  };
}

/** BibTeX fields behind the CSL variables citation-js makes of them, for messages. */
const bibtexFields: Readonly<Record<string, string>> = {
  issued: 'date (or year and month)',
  accessed: 'urldate',
  'event-date': 'eventdate',
  'original-date': 'origdate',
  'container-title': 'journal or booktitle',
  'collection-title': 'series',
  'publisher-place': 'location (or address)',
  page: 'pages',
  issue: 'number',
};

/**
 * Cited works are formatted while pages render (the APA reference list, the in-text
 * citations); run the same formatting here, so that an entry citation-js cannot format (a
 * date range such as 2020-13-45/2019) is a problem at its line in references.bib.
 */
function checkCitedWorksFormat(
  works: readonly CitedWork[],
  chapters: readonly { file: string; cites: readonly CitationUse[] }[],
  items: ReadonlyMap<string, Record<string, unknown>>,
  bibliography: { file: string; lineOf(key: string): number | undefined },
  problems: Problem[],
): void {
  const unformattable = new Set<string>();
  for (const work of works) {
    const format = (item: Readonly<Record<string, unknown>>) => referenceOf({ key: work.key, item });
    const error = formattingError(() => format(work.item));
    if (error === undefined) continue;
    unformattable.add(work.key);
    const culprits = variablesAtFault(work.item, format, ['id', 'citation-key', 'type', 'title']).map(
      (variable) => bibtexFields[variable] ?? variable,
    );
    problems.push({
      file: bibliography.file,
      line: bibliography.lineOf(work.key),
      field: work.key,
      message: `expected an entry citation-js can format as an APA reference; found ${culprits.length > 0 ? `one whose ${listOf(culprits)} it cannot format` : 'one it cannot format'} (${error})`,
    });
  }
  // Each citation as its page shows it: "(Cho, 2016; Wenger, 1998)".
  const seen = new Set<string>();
  for (const chapter of chapters) {
    for (const cite of chapter.cites) {
      const id = `${cite.narrative ? 'narrative ' : ''}${cite.keys.join(';')}`;
      if (seen.has(id) || cite.keys.some((key) => !items.has(key) || unformattable.has(key))) continue;
      seen.add(id);
      const error = formattingError(() =>
        cite.narrative ? narrativeCitation(items.get(cite.keys[0]!)!) : inTextCitation(cite.keys.map((key) => items.get(key)!)),
      );
      if (error !== undefined)
        problems.push({
          file: chapter.file,
          line: cite.line,
          message: `expected citations citation-js can format together; found ${cite.keys.map((key) => `@${key}`).join('; ')} (${error})`,
        });
    }
  }
}

/** Astro imports an image of a chapter from a file next to it; only these kinds of image. */
const imageExtensions = ['jpeg', 'jpg', 'png', 'apng', 'tiff', 'webp', 'gif', 'svg', 'avif'];

/**
 * Images a chapter shows from a file (`![A photo](./photo.jpg)`) must exist and be of a kind
 * Astro can read, or the build fails while it renders the page. Addresses on the web
 * (`https://...`) and in public/ (`/photo.jpg`) are left as they are, as Astro does.
 */
function checkImages(chapter: ScannedChapter, folder: string, problems: Problem[]): void {
  for (const image of chapter.images) {
    const at = { file: chapter.file, line: image.line, field: 'image' };
    let path: string;
    try {
      path = decodeURI(image.url);
    } catch {
      problems.push({ ...at, message: `expected an image address; found ${quoted(image.url)}, whose %-escapes are not valid` });
      continue;
    }
    if (URL.canParse(path) || path.startsWith('/')) continue;
    if (!imageExtensions.includes(extname(path).slice(1).toLowerCase())) {
      problems.push({ ...at, message: `expected an image file (${imageExtensions.join(', ')}); found ${quoted(image.url)}` });
      continue;
    }
    let isFile: boolean;
    try {
      isFile = statSync(join(folder, path)).isFile();
    } catch {
      isFile = false;
    }
    if (!isFile)
      problems.push({ ...at, message: `expected an image file at ${quoted(image.url)}, relative to the chapter; found no such file` });
  }
}
