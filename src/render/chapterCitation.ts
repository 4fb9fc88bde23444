import { citationsFor, type CitableWork, type Citations } from '../cite/index.ts';
import type { ChapterPlan } from '../model/chapterPlan.ts';
import { sectionWork } from './reportCitation.ts';
import type { Site } from './site.ts';

/** A chapter as a citable work: a section of the report, like a chart (docs/citing.md), at its own URL. */
export function chapterWork(site: Site, plan: ChapterPlan): CitableWork {
  const { study } = site.report;
  return sectionWork(site, {
    id: plan.id,
    title: plan.title,
    url: site.published(site.path(`chapters/${plan.id}/`)),
    abstract: plan.description,
    version: study.version,
    date: study.date,
  });
}

const cache = new WeakMap<ChapterPlan, Citations>();

/** Every citation format of a chapter, made once per build for its page and its three files. */
export function chapterCitations(site: Site, plan: ChapterPlan): Citations {
  let citations = cache.get(plan);
  if (!citations) {
    citations = citationsFor(chapterWork(site, plan));
    cache.set(plan, citations);
  }
  return citations;
}

/** Where a chapter's citation files are: beside its page. */
export function chapterCitationPaths(site: Site, id: string): { bib: string; ris: string; csl: string } {
  const page = site.path(`chapters/${id}/`);
  return { bib: `${page}cite.bib`, ris: `${page}cite.ris`, csl: `${page}cite.json` };
}
