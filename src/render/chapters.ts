import { getCollection, type CollectionEntry } from 'astro:content';

/** Authored chapters in reading order: by `order`, then by file name. */
export async function chaptersInOrder(): Promise<CollectionEntry<'chapters'>[]> {
  const chapters = await getCollection('chapters');
  return chapters.sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
}
