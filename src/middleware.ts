import { defineMiddleware } from 'astro:middleware';
import report from 'virtual:qualpress/report';
import { siteOf } from './render/site.ts';

/**
 * Every page renders the report of this build unless it says otherwise: a page that renders
 * another version of the report sets `Astro.locals.site` to that version's site before its
 * components render, and they follow it.
 */
export const onRequest = defineMiddleware((context, next) => {
  context.locals.site = siteOf(report);
  return next();
});
