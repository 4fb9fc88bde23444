import report from 'virtual:qualpress/report';
import type { APIRoute } from 'astro';
import { releasesAtom } from '../render/releaseFeeds.ts';
import { siteOf } from '../render/site.ts';

/** The report's releases as an Atom feed, at /releases.xml, newest first. */
export const GET: APIRoute = () =>
  new Response(releasesAtom(siteOf(report)), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
