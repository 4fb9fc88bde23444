import report from 'virtual:qualpress/report';
import type { APIRoute } from 'astro';
import { citationCffYaml } from '../cite/citationCff.ts';

/** The report's Citation File Format 1.2.0 metadata, at /CITATION.cff, from study.yaml. */
export const GET: APIRoute = () =>
  new Response(citationCffYaml(report.study), { headers: { 'Content-Type': 'application/x-yaml; charset=utf-8' } });
