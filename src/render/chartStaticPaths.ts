import type { ChartReport } from '../model/chartReport.ts';
import type { Site } from './site.ts';

export interface ChartRoute {
  readonly params: { readonly id: string; readonly version: string | undefined };
  readonly props: { readonly chart: ChartReport; readonly version?: string; readonly sameAs?: string };
}

/**
 * Every page (or download) under /charts/<id>/: the live chart, and, while a release is being
 * made, the chart frozen at that version. A chart unchanged since an earlier release gets no
 * files of its own then, only a page pointing to that release (`redirects`); later builds
 * publish all of them from the archive.
 */
export function chartStaticPaths(site: Site, { redirects = false } = {}): ChartRoute[] {
  const live = site.report.charts.map((chart) => ({ params: { id: chart.id, version: undefined }, props: { chart } }));
  const releasing = site.report.releases.releasing;
  if (!releasing) return live;
  const frozen = site.report.charts.flatMap((chart): ChartRoute[] => {
    const entry = site.report.releases.charts[chart.id]?.at(-1);
    const params = { id: chart.id, version: releasing.version };
    if (entry?.state === 'unchanged')
      return redirects && entry.sameAs ? [{ params, props: { chart, version: releasing.version, sameAs: entry.sameAs } }] : [];
    return [{ params, props: { chart, version: releasing.version } }];
  });
  return [...live, ...frozen];
}
