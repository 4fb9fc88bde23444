import report from 'virtual:qualpress/report';
import { siteOf } from '../render/site.ts';
import type { APIRoute } from 'astro';
import { reportCitations } from '../render/reportCitation.ts';

/** The whole report as a BibTeX entry, at /cite.bib. */
export const GET: APIRoute = () =>
  new Response(reportCitations(siteOf(report)).bibtex, { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
