import type { CitableWork } from '../cite/index.ts';
import type { ChapterPlan } from '../model/chapterPlan.ts';
import type { Site } from './site.ts';

/** A chapter as a citable work: a section of the report, like a chart (docs/citing.md), at its own URL. */
export function chapterWork(site: Site, plan: ChapterPlan): CitableWork {
  const { study } = site.report;
  return {
    kind: 'section',
    id: plan.id,
    title: plan.title,
    authors: study.authors,
    containerTitle: study.title,
    version: study.version,
    date: study.date,
    ...(study.publisher === undefined ? {} : { publisher: study.publisher }),
    url: site.published(site.path(`chapters/${plan.id}/`)),
    license: study.license,
    abstract: plan.description,
    language: study.language,
  };
}
