import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SiteReport } from '../model/siteReport.ts';
import type { StudyOutline } from '../model/study.ts';
import { parseBibliography, type CitedWork } from '../cite/bibliography.ts';
import { didYouMean } from '../problems/didYouMean.ts';
import { parseYaml } from '../load/parseYaml.ts';
import { quoted, type Problem } from '../problems/problem.ts';
import { studyFiles } from '../load/studyFiles.ts';
import { validateYaml } from '../load/validateYaml.ts';
import { chapterFrontMatter } from '../schemas/chapter.ts';
import type { ChapterPlan, Figure, GeneratedChapter } from '../model/chapterPlan.ts';
import { checkComponent } from './componentRules.ts';
import { splitFrontMatter } from './frontMatter.ts';
import { generatedChapterMdx } from './generatedChapter.ts';
import { scanMdx, type CitationUse, type ComponentUse } from './scanMdx.ts';
import { byId } from '../model/byId.ts';

type ReportBeforeChapters = Omit<SiteReport, 'chapters' | 'figures' | 'references'>;

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
  const bibliography = loadBibliography(contentDir, problems);
  const scanned: ScannedChapter[] = [];

  const folder = join(contentDir, 'chapters');
  const names = existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.mdx')).sort() : [];
  for (const name of names) {
    const shown = files.shown(join('chapters', name));
    if (!chapterFileName.test(name)) {
      problems.push({ file: shown, message: `expected a file name of lower-case letters, digits, "-" or "_" (it becomes the chapter's address); found ${quoted(name)}` });
      continue;
    }
    const text = files.read(join('chapters', name));
    if (!text.ok) {
      problems.push(text.problem);
      continue;
    }
    const chapter = scanAuthored(name.replace(/\.mdx$/, ''), text.text, shown, outline, problems);
    if (chapter) scanned.push(chapter);
  }

  const authored = new Set(scanned.map((chapter) => chapter.plan.id));
  const generated: GeneratedChapter[] = (report?.dimensions ?? [])
    .filter((dimension) => !authored.has(dimension.id))
    .map((dimension, index) => ({ id: dimension.id, mdx: generatedChapterMdx(dimension, report!.charts, index) }));
  for (const chapter of generated) {
    const { body, bodyLineOffset } = splitFrontMatter(chapter.mdx);
    const scan = scanMdx(body, bodyLineOffset);
    const dimension = byId(outline.dimensions, chapter.id, 'dimension');
    const order = Number(/^order: (\d+)$/m.exec(chapter.mdx)![1]);
    if (scan.ok) scanned.push({ plan: { id: chapter.id, title: dimension.label, order, generated: true, dimension: dimension.id }, file: `(generated) ${chapter.id}.mdx`, ...scan });
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

  const context = { outline, chartIds, bibliographyKeys: new Set(bibliography.keys()), placedCharts: report ? new Set(Object.keys(figures)) : undefined };
  for (const chapter of scanned) {
    for (const use of chapter.components) {
      for (const problem of checkComponent(use, context)) {
        problems.push({ file: chapter.file, line: use.line, field: problem.attribute ? `${use.name}.${problem.attribute}` : use.name, message: problem.message });
      }
    }
    for (const citation of chapter.citations) {
      for (const key of citation.keys) {
        if (!bibliography.has(key)) {
          problems.push({ file: chapter.file, line: citation.line, field: `@${key}`, message: `expected a key from content/references.bib (${[...bibliography.keys()].join(', ') || 'none'}); found ${quoted(key)}${didYouMean(key, bibliography.keys())}` });
        }
      }
    }
  }

  const citedKeys = [...new Set(scanned.flatMap((chapter) => chapter.citations.flatMap((citation) => citation.keys)))].filter((key) => bibliography.has(key));
  const references = citedKeys.map((key) => ({ key, item: bibliography.get(key)! }));

  return {
    chapters: scanned.map((chapter) => ({
      ...chapter.plan,
      charts: [...new Set(chapter.components.filter((use) => use.name === 'Chart' && typeof use.attributes.id === 'string').map((use) => use.attributes.id as string))],
      citations: [...new Set(chapter.citations.flatMap((citation) => citation.keys))],
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
  if (!validated.ok) return (problems.push(...validated.problems.map((problem) => ({ ...problem, line: (problem.line ?? 0) + 1 }))), undefined);
  const scan = scanMdx(body, bodyLineOffset);
  if (!scan.ok) return (problems.push({ file: shown, line: scan.line, message: `expected valid MDX; found ${scan.message}` }), undefined);
  const { title, order, description, dimension } = validated.value;
  const dimensionLabel = outline.dimensions.find((candidate) => candidate.id === (dimension ?? id))?.label;
  return {
    plan: { id, title: title ?? dimensionLabel ?? id, order, generated: false, ...(description ? { description } : {}), ...(dimension ? { dimension } : {}) },
    file: shown,
    ...scan,
  };
}

function loadBibliography(contentDir: string, problems: Problem[]): Map<string, Record<string, unknown>> {
  const files = studyFiles(contentDir);
  if (!existsSync(join(contentDir, 'references.bib'))) return new Map();
  const text = files.read('references.bib');
  if (!text.ok) return (problems.push(text.problem), new Map<string, Record<string, unknown>>());
  const parsed = parseBibliography(text.text);
  if (!parsed.ok) return (problems.push({ file: files.shown('references.bib'), message: `expected BibTeX; found ${parsed.message}` }), new Map<string, Record<string, unknown>>());
  return new Map(parsed.items);
}
