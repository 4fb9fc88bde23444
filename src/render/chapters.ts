import { getCollection, type CollectionEntry } from 'astro:content';
import type { ChapterPlan } from '../model/chapterPlan.ts';
import type { Site } from './site.ts';

export interface ChapterEntry {
  readonly plan: ChapterPlan;
  readonly entry: CollectionEntry<'chapters'> | CollectionEntry<'generatedChapters'>;
}

/** Every chapter in reading order, authored and generated, each with its build-time plan. */
export async function chaptersInOrder(site: Site): Promise<ChapterEntry[]> {
  const entries = [...(await getCollection('chapters')), ...(await getCollection('generatedChapters'))];
  return site.report.chapters.flatMap((plan) => {
    const entry = entries.find(
      (candidate) => candidate.id === plan.id && (candidate.collection === 'generatedChapters') === plan.generated,
    );
    return entry ? [{ plan, entry }] : [];
  });
}

export function chapterPlan(site: Site, id: string): ChapterPlan {
  const plan = site.report.chapters.find((candidate) => candidate.id === id);
  if (!plan) throw new Error(`internal: no chapter "${id}"`);
  return plan;
}
