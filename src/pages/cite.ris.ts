import report from 'virtual:qualpress/report';
import { siteOf } from '../render/site.ts';
import type { APIRoute } from 'astro';
import { reportCitations } from '../render/reportCitation.ts';

/** The whole report as an RIS record, at /cite.ris. */
export const GET: APIRoute = () =>
  new Response(reportCitations(siteOf(report)).ris, { headers: { 'Content-Type': 'application/x-research-info-systems; charset=utf-8' } });
