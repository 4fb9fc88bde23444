import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';

/** A built page as a DOM, for reading what a reader would see. */
export function readPage(dist: string, path: string): Document {
  const html = readFileSync(join(dist, path, 'index.html'), 'utf8');
  return parseHTML(html).document;
}

/** A page's data tables as { caption: rows of cell texts }. */
export function tablesOf(document: Document): Map<string, string[][]> {
  const tables = new Map<string, string[][]>();
  for (const table of document.querySelectorAll('table')) {
    const caption = table.querySelector('caption')?.textContent?.trim() ?? '';
    const rows = [...table.querySelectorAll('tbody tr')].map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => cell.textContent.trim()),
    );
    tables.set(caption, rows);
  }
  return tables;
}

/** The home page's key figures as { label: value }. */
export function keyFiguresOf(document: Document): Map<string, string> {
  const figures = new Map<string, string>();
  for (const item of document.querySelectorAll('.key-figures > div')) {
    figures.set(item.querySelector('dt')!.textContent.trim(), item.querySelector('.value')!.textContent.trim());
  }
  return figures;
}
