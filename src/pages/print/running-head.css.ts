import report from 'virtual:qualpress/report';
import type { APIRoute } from 'astro';
import { runningHeadStyle } from '../../render/printEditionStyle.ts';

/** The print edition's running head, the report's title, at /print/running-head.css (docs/print.md). */
export const GET: APIRoute = () =>
  new Response(runningHeadStyle(report.study.title), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
