import report from 'virtual:qualpress/report';
import { formatReference } from '../cite/formatReference.ts';

/**
 * What every page shares, computed once per build when this module is first imported:
 * the analysed report and the strings derived from it for the page frame.
 */
export { report };

export const basedOnReferences: readonly string[] = report.study.basedOn.map((item) => formatReference([item]));

export function datasetById(id: string) {
  const dataset = report.datasets.find((candidate) => candidate.id === id);
  if (!dataset) throw new Error(`Unknown dataset "${id}"; known: ${report.datasets.map((d) => d.id).join(', ')}`);
  return dataset;
}

export function chartById(id: string) {
  const chart = report.charts.find((candidate) => candidate.id === id);
  if (!chart) throw new Error(`Unknown chart "${id}"; known: ${report.charts.map((c) => c.id).join(', ')}`);
  return chart;
}

export function dimensionById(id: string) {
  const dimension = report.dimensions.find((candidate) => candidate.id === id);
  if (!dimension) throw new Error(`Unknown dimension "${id}"; known: ${report.dimensions.map((d) => d.id).join(', ')}`);
  return dimension;
}
