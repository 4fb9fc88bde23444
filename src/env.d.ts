/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The report a page and its components render; see src/middleware.ts. */
    site: import('./render/site.ts').Site;
  }
}

declare module 'virtual:qualpress/report' {
  const report: import('./model/siteReport.ts').SiteReport;
  export default report;
}

declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown, options?: Record<string, unknown>);
    data: Record<string, unknown>[];
    format(format: string, options?: Record<string, unknown>): string | object;
    static async(data: unknown): Promise<Cite>;
  }
  export const plugins: {
    config: {
      get(name: string): { templates: { add(name: string, template: string): void }; locales: { add(name: string, locale: string): void } };
    };
  };
}
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
