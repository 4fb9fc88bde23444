import type { APIRoute } from 'astro';
import report from 'virtual:qualpress/report';
import type { ChapterPlan } from '../../../model/chapterPlan.ts';
import { chapterCitations } from '../../../render/chapterCitation.ts';
import { siteOf } from '../../../render/site.ts';

/** A chapter cited as a section of the report (docs/citing.md), beside its page. */
export function getStaticPaths() {
  return siteOf(report).report.chapters.map((plan) => ({ params: { id: plan.id }, props: { plan } }));
}

export const GET: APIRoute<{ plan: ChapterPlan }> = ({ props }) =>
  new Response(chapterCitations(siteOf(report), props.plan).bibtex, { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
