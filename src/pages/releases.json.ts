import report from 'virtual:qualpress/report';
import type { APIRoute } from 'astro';
import { releasesJson } from '../render/releaseFeeds.ts';
import { siteOf } from '../render/site.ts';

/** The report's releases for machines, at /releases.json, newest first, with the addresses of every file they froze. */
export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(releasesJson(siteOf(report)), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
