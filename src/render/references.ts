import { inTextCitation, referenceOf, type Reference } from '../cite/bibliography.ts';
import { report } from './site.ts';

let all: Reference[] | undefined;

/** Every cited work as an APA reference list entry, in reference-list order; formatted once per build. */
export function allReferences(): readonly Reference[] {
  all ??= report.references.map(referenceOf).sort((a, b) => a.apa.localeCompare(b.apa));
  return all;
}

export function referencesFor(keys: readonly string[]): Reference[] {
  return allReferences().filter((reference) => keys.includes(reference.key));
}

const inText = new Map<string, string>();

/** "(Doe, 2020; Roe, 2021)" for the keys of one citation, formatted once per distinct citation. */
export function inTextCitationOf(keys: readonly string[]): string {
  const id = keys.join(';');
  let text = inText.get(id);
  if (text === undefined) {
    const items = keys.map((key) => report.references.find((reference) => reference.key === key)!.item);
    text = inTextCitation(items);
    inText.set(id, text);
  }
  return text;
}
