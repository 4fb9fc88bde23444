import type { CslItem } from '../cslItem.ts';

// What citation-js 0.8 (@citation-js/plugin-ris and plugin-bibtex 0.8.2) drops or mangles in
// the files qualpress publishes, and the fix for each, all here. The formats take citation-js's
// `format: 'object'` output, pass it through these fixes and write it with the writers below.
// When citation-js improves, drop the fix here; tests/unit/cite/citationJsFixes.test.ts checks
// what citation-js itself writes, so it fails when a fix is no longer needed.
//
// RIS
// 1. Wrapping: plugin-ris breaks every value after 70 characters onto a new line
//    (`.replace(/(.{70})/g, '$1\n')`). Readers join a continuation line with a space (Zotero,
//    citation-js), so a long URL breaks and a word of an abstract splits ("sch ool").
//    → `risText` writes each value on one line. (Every value is one line already: cslItem.)
// 2. ID: it cuts `ID` to 20 characters, so the record's id is not the citation key.
//    → the whole key.
// 3. Date of a chapter: for `TY  - CHAP` it writes only `PY` (the year); its RIS map gives a
//    chapter no `DA`. → `DA` with the full date, `YYYY/MM/DD/` as the RIS specification has it.
//
// BibTeX
// 4. Entry type: a CSL `chapter` becomes `@inbook`, which in BibTeX is a chapter or page range
//    of a book whose `title` is the book's. A titled part of a larger work is `@incollection`
//    (Zotero: book section; pandoc: chapter, `booktitle` its container). → `@incollection`.
// 5. Date: it writes `month = {nov 25}`, which is no month: BibTeX styles print it as written,
//    biblatex wants a month number and pandoc keeps only the year. → `month = nov`, the macro that BibTeX styles,
//    biber, pandoc and Zotero all read; `day`; and biblatex's `date = {YYYY-MM-DD}`. plugin-bibtex
//    always braces a value, so the record is written by `bibtexText`, which can leave a macro bare.
// 6. Abstract: it leaves it out, though its biblatex output has it. → `abstract`, escaped by
//    citation-js's biblatex output.
// 7. A report's version: it drops `version`, which biblatex defines and pandoc prints ("(Version
//    1.1.0)" in APA). → `version` on a `@techreport`, from its biblatex output. A section carries
//    its version as `edition` (which citation-js writes) and no `version`: pandoc would print both.
// 8. URL twice: for an item without a publisher it writes the URL again as `howpublished`
//    (classic BibTeX's place for a URL), which pandoc reads as the publisher and prints after
//    the URL ("… https://…/. https://…/"). → left out when it repeats `url`.
//
// Not triggered, so not fixed: plugin-bibtex turns a CSL `accessed` date into
// `note = {[Online; accessed …]}`; qualpress's items have no `accessed` (docs/citing.md says why).

/** An RIS record as plugin-ris gives it with `format: 'object'`: tag → value or values, in its order. */
export type RisRecord = Record<string, string | string[]>;

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

function issuedParts(item: CslItem): { year: number; month: number; day: number } {
  const [year, month, day] = item.issued['date-parts'][0];
  return { year, month, day };
}

/** Fixes 2 and 3: the whole ID, and a chapter's full date. */
export function fixedRisRecord(record: RisRecord, item: CslItem): RisRecord {
  const fixed: RisRecord = {};
  const { year, month, day } = issuedParts(item);
  for (const [tag, value] of Object.entries(record)) {
    if (tag === 'PY' && record.DA === undefined) fixed.DA = `${pad(year, 4)}/${pad(month)}/${pad(day)}/`;
    fixed[tag] = tag === 'ID' ? item.id : value;
  }
  return fixed;
}

/**
 * Fix 1: the record as RIS text, `TY` first and `ER` last, one line per value and no wrapping.
 * The closing `ER  - ` keeps its trailing space, as the RIS specification writes it.
 */
export function risText(record: RisRecord): string {
  const lines: string[] = [];
  const { TY: type, ...tags } = record;
  if (typeof type !== 'string') throw new Error('internal: an RIS record without a TY tag');
  lines.push(`TY  - ${type}`);
  for (const [tag, value] of Object.entries(tags)) {
    for (const one of [value].flat()) {
      if (/[\r\n]/.test(one)) throw new Error(`internal: RIS ${tag} value spans lines`);
      lines.push(`${tag}  - ${one}`);
    }
  }
  lines.push('ER  - ');
  return `${lines.join('\n')}\n`;
}

/** A BibTeX entry as plugin-bibtex gives it with `format: 'object'`: values already escaped for LaTeX. */
export interface BibtexObject {
  type: string;
  label: string;
  properties: Record<string, string>;
}

/** A field of a record to write: an escaped value in braces, or a macro (`nov`) written bare. */
export interface BibtexField {
  name: string;
  value: string;
  macro?: boolean;
}

export interface BibtexRecord {
  type: string;
  label: string;
  fields: BibtexField[];
}

const MONTH_MACROS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;

/**
 * Fixes 4 to 8, on plugin-bibtex's BibTeX entry and its biblatex entry of the same item: the
 * BibTeX fields in citation-js's order, the date as year, month macro, day and date, then the
 * version of a report and the abstract.
 */
export function fixedBibtexRecord(bibtex: BibtexObject, biblatex: BibtexObject, item: CslItem): BibtexRecord {
  const { year, month, day } = issuedParts(item);
  const monthMacro = MONTH_MACROS[month - 1];
  if (monthMacro === undefined) throw new Error(`internal: month ${month} of "${item.id}"`);
  const fields: BibtexField[] = [];
  for (const [name, value] of Object.entries(bibtex.properties)) {
    if (name === 'month' || (name === 'howpublished' && value === bibtex.properties.url)) continue;
    if (name !== 'year') {
      fields.push({ name, value });
      continue;
    }
    fields.push(
      { name: 'year', value: String(year) },
      { name: 'month', value: monthMacro, macro: true },
      { name: 'day', value: String(day) },
      { name: 'date', value: `${pad(year, 4)}-${pad(month)}-${pad(day)}` },
    );
  }
  const version = biblatex.properties.version;
  if (item.type === 'report' && version !== undefined) fields.push({ name: 'version', value: version });
  const abstract = biblatex.properties.abstract;
  if (abstract !== undefined) fields.push({ name: 'abstract', value: abstract });
  return { type: bibtex.type === 'inbook' ? 'incollection' : bibtex.type, label: bibtex.label, fields };
}

/** The record as BibTeX text, laid out as plugin-bibtex lays out its own (a tab before each field). */
export function bibtexText(record: BibtexRecord): string {
  const fields = record.fields.map(({ name, value, macro }) => `\t${name} = ${macro === true ? value : `{${value}}`},\n`);
  return `@${record.type}{${record.label},\n${fields.join('')}}\n`;
}
