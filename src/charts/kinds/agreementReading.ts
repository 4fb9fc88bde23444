import type { DatasetReliability } from '../../model/report.ts';

/**
 * Krippendorff's (2004, Content Analysis, 2nd ed., p. 241) conventional reading of alpha:
 * at least .800 is customarily taken as reliable, and .667 is the least for drawing
 * tentative conclusions. Charts draw both; sentences state them next to the figure.
 */
export const reliableAlpha = 0.8;
export const tentativeAlpha = 0.667;

/** The reading of one alpha, in words that finish "alpha was 0.812, ...". */
export function alphaReading(alpha: number): 'reliable' | 'tentative' | 'unreliable' {
  return alpha >= reliableAlpha ? 'reliable' : alpha >= tentativeAlpha ? 'tentative' : 'unreliable';
}

/** "Coder A and Coder B", "Coder A, Coder B and Coder C": the coders by the names the site shows. */
export function coderList(reliability: Pick<DatasetReliability, 'coders'>): string {
  const names = reliability.coders.map((coder) => coder.name);
  return names.length <= 1 ? (names[0] ?? 'no coder') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
