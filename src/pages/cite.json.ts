import report from 'virtual:qualpress/report';
import { siteOf } from '../render/site.ts';
import type { APIRoute } from 'astro';
import { reportCitations } from '../render/reportCitation.ts';

/** The whole report as CSL-JSON, at /cite.json. */
export const GET: APIRoute = () =>
  new Response(reportCitations(siteOf(report)).cslJson, {
    headers: { 'Content-Type': 'application/vnd.citationstyles.csl+json; charset=utf-8' },
  });
