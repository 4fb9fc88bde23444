import { chaptersInOrder } from './chapters.ts';
import { sitePath } from './paths.ts';

export interface Appearance {
  readonly title: string;
  readonly href: string;
}

/** Where each chart is placed in the report: the chapters whose MDX uses `<Chart id="...">`. */
export async function chartAppearances(): Promise<Map<string, Appearance[]>> {
  const appearances = new Map<string, Appearance[]>();
  for (const chapter of await chaptersInOrder()) {
    for (const match of (chapter.body ?? '').matchAll(/<Chart\s[^>]*?\bid=["']([^"']+)["']/g)) {
      const id = match[1]!;
      const list = appearances.get(id) ?? [];
      list.push({ title: chapter.data.title, href: `${sitePath(`chapters/${chapter.id}/`)}#figure-${id}` });
      appearances.set(id, list);
    }
  }
  return appearances;
}
