import { describe, expect, it } from 'vitest';
import { citeOf } from '../../../src/cite/citationJs.ts';
import { cslItem } from '../../../src/cite/cslItem.ts';
import { bibtexText, risText } from '../../../src/cite/formats/citationJsFixes.ts';
import { sampleChart, sampleReport } from './sampleWork.ts';

// What citation-js does by itself, each the reason for one fix in src/cite/formats/citationJsFixes.ts.
// When a test here fails after upgrading citation-js, it no longer does that: remove the fix.
const chart = {
  ...sampleChart([{ family: 'Smith', given: 'Jane' }]),
  id: 'reported-wellbeing-by-region-and-school-level',
  url: 'https://example.org/wellbeing-at-work-2024/charts/reported-wellbeing-by-region/1.2.0/',
};
const section = cslItem(chart);
const report = cslItem(sampleReport(chart));
// @citation-js/core types: format() is string | object; these formats give strings and arrays of records.
const risOf = (item: object) => citeOf([item]).format('ris') as string;
const risObjectOf = (item: object) => (citeOf([item]).format('ris', { format: 'object' }) as Record<string, unknown>[])[0];
const bibtexOf = (item: object) => citeOf([item]).format('bibtex') as string;

describe('citation-js 0.8 by itself', () => {
  it('1. wraps RIS values after 70 characters', () => {
    expect(risOf(section)).toContain(`UR  - ${chart.url.slice(0, 70)}\n${chart.url.slice(70)}\n`);
  });

  it('2. cuts the RIS ID to 20 characters', () => {
    expect(risObjectOf(section)?.ID).toBe(section.id.slice(0, 20));
  });

  it('3. gives an RIS chapter its year only, no DA', () => {
    expect(risObjectOf(section)).not.toHaveProperty('DA');
    expect(risObjectOf(section)?.PY).toBe('2024');
  });

  it('4. writes a chapter as a BibTeX @inbook', () => {
    expect(bibtexOf(section)).toMatch(/^@inbook\{/);
  });

  it('5. writes the BibTeX month with the day in it', () => {
    expect(bibtexOf(section)).toContain('month = {mar 5},');
  });

  it('6. leaves the abstract out of BibTeX', () => {
    expect(bibtexOf(section)).not.toContain('abstract');
  });

  it("7. leaves a report's version out of BibTeX", () => {
    expect(bibtexOf(report)).not.toContain('version');
  });

  it('8. writes the URL a second time as howpublished when there is no publisher', () => {
    const { publisher: _publisher, ...unpublished } = section;
    expect(bibtexOf(unpublished)).toContain(`howpublished = {${chart.url}}`);
  });
});

describe('the writers', () => {
  it('write RIS with TY first and ER last, one line per value', () => {
    expect(risText({ AU: ['A, B', 'C, D'], TY: 'CHAP', TI: 'T' })).toBe('TY  - CHAP\nAU  - A, B\nAU  - C, D\nTI  - T\nER  - \n');
  });

  it('refuse an RIS value that spans lines: it would start a tag of its own', () => {
    expect(() => risText({ TY: 'CHAP', TI: 'one\nER  - ' })).toThrow(/internal/);
    expect(() => risText({ TI: 'no type' })).toThrow(/internal/);
  });

  it('write a BibTeX macro bare and every other value in braces', () => {
    const text = bibtexText({
      type: 'incollection',
      label: 'k',
      fields: [
        { name: 'month', value: 'mar', macro: true },
        { name: 'day', value: '5' },
      ],
    });
    expect(text).toBe('@incollection{k,\n\tmonth = mar,\n\tday = {5},\n}\n');
  });
});
