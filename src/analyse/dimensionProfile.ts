import { extent, max, mean } from 'd3-array';
import type { CodeSummary, DimensionProfile, GroupCounts } from '../model/report.ts';

/** A participant's own ranking is only telling with a few coded units behind it. */
const rankingMinimum = 5;

/**
 * How the first-ranked code and the participants vary: the figures behind a dimension
 * chapter's summary paragraph, computed here so that pages only put them into words.
 */
export function dimensionProfile(
  codes: readonly CodeSummary[],
  byParticipant: readonly GroupCounts[],
  denominator: number,
): DimensionProfile {
  const topLevel = [...codes].filter((code) => code.depth === 0).sort((a, b) => b.n - a.n);
  const first = topLevel[0];
  const ranked = byParticipant.filter((group) => group.denominator >= rankingMinimum);
  const ledByFirst = first
    ? ranked.filter((group) => (group.counts[first.id] ?? 0) === max(topLevel, (code) => group.counts[code.id] ?? 0)).length
    : 0;
  const [low, high] = first ? extent(ranked, (group) => (group.counts[first.id] ?? 0) / group.denominator) : [undefined, undefined];
  return {
    topCodesPerMember: topLevel.reduce((total, code) => total + code.n, 0) / Math.max(1, denominator),
    ranked: ranked.length,
    rankingMinimum,
    ledByFirst,
    ...(low !== undefined && high !== undefined ? { firstShareRange: [low, high] as const } : {}),
    codesPerParticipant: mean(byParticipant, (group) => topLevel.filter((code) => (group.counts[code.id] ?? 0) > 0).length) ?? 0,
  };
}
