import { describe, expect, it } from 'vitest';
import { sampleChart } from './sampleWork.ts';
import { citationKey } from '../../../src/cite/citationKey.ts';
import { cslItem } from '../../../src/cite/cslItem.ts';

const chart = sampleChart([
  { family: 'Smith', given: 'Jane', orcid: '0000-0002-1825-0097', affiliation: 'University of Somewhere' },
  { literal: 'Acme Research Group' },
]);

describe('cslItem', () => {
  it('maps a chart to a CSL chapter of its report, its version as the edition, with every variable', () => {
    expect(cslItem(chart)).toEqual({
      id: 'smith2024_mood_by_region',
      'citation-key': 'smith2024_mood_by_region',
      type: 'chapter',
      title: 'Reported Wellbeing by Region',
      author: [{ family: 'Smith', given: 'Jane' }, { literal: 'Acme Research Group' }],
      'container-title': 'Wellbeing at Work 2024',
      edition: 'Version 1.2.0',
      issued: { 'date-parts': [[2024, 3, 5]] },
      publisher: 'Acme Institute',
      URL: 'https://example.org/wellbeing/figures/mood-by-region/',
      license: 'CC-BY-4.0',
      language: 'en',
      abstract: 'Share of posts that mention wellbeing, by region.',
    });
  });

  it('maps a whole report to a CSL report and leaves out absent variables', () => {
    const item = cslItem({
      kind: 'report',
      id: 'wellbeing',
      title: 'Wellbeing at Work',
      authors: [{ literal: 'Acme Research Group' }],
      version: '2',
      date: '2025-12-31',
      url: 'https://example.org/wellbeing/',
      license: 'CC0-1.0',
    });
    expect(item.type).toBe('report');
    expect(item.id).toBe('acme2025_wellbeing');
    expect(Object.keys(item).sort()).toEqual(
      ['URL', 'author', 'citation-key', 'id', 'issued', 'license', 'title', 'type', 'version'].sort(),
    );
  });

  it('gives a section cited across its versions no edition', () => {
    const { edition, version, ...rest } = cslItem({ ...chart, version: undefined });
    expect([edition, version]).toEqual([undefined, undefined]);
    expect(rest.type).toBe('chapter');
  });

  it('gives a report its version as CSL version, not as edition', () => {
    const item = cslItem({ ...chart, kind: 'report' });
    expect([item.version, item.edition]).toEqual(['1.2.0', undefined]);
  });

  it('keeps a family-only name as a person and a lone given name whole', () => {
    const item = cslItem({ ...chart, authors: [{ family: 'Plato' }, { given: 'Madonna' }] });
    expect(item.author).toEqual([{ family: 'Plato' }, { literal: 'Madonna' }]);
  });

  it('reduces every string to one line with single spaces', () => {
    const item = cslItem({
      ...chart,
      title: '  Two\nlines\r\nand\ttabs\u2028here\u0000 ',
      authors: [{ family: 'Smith\n', given: ' Jane  Q.' }],
      abstract: 'Para one.\n\nPara two.',
    });
    expect(item.title).toBe('Two lines and tabs here');
    expect(item.author).toEqual([{ family: 'Smith', given: 'Jane Q.' }]);
    expect(item.abstract).toBe('Para one. Para two.');
  });

  it('percent-encodes URL characters outside RFC 3986', () => {
    expect(cslItem({ ...chart, url: 'https://example.org/a{b}/c?q=}"|' }).URL).toBe('https://example.org/a%7Bb%7D/c?q=%7D%22%7C');
  });

  it('rejects what cannot be cited', () => {
    expect(() => cslItem({ ...chart, date: '2024-3-5' })).toThrow(/YYYY-MM-DD/);
    expect(() => cslItem({ ...chart, date: '2023-02-29' })).toThrow(/calendar day/);
    expect(() => cslItem({ ...chart, url: 'javascript:alert(1)' })).toThrow(/http or https/);
    expect(() => cslItem({ ...chart, url: '/relative/' })).toThrow(/absolute URL/);
    expect(() => cslItem({ ...chart, authors: [{ orcid: '0000-0002-1825-0097' }] })).toThrow(/Author 1 has no name/);
    expect(() => cslItem({ ...chart, title: ' \n ' })).toThrow(/empty title/);
  });
});

describe('citationKey', () => {
  it('is first family name, year and slug, in ASCII', () => {
    expect(citationKey(chart)).toBe('smith2024_mood_by_region');
    expect(citationKey({ ...chart, authors: [{ family: 'Ødegård-Süß', given: 'Åse' }] })).toBe('odegardsuss2024_mood_by_region');
    expect(citationKey({ ...chart, authors: [{ family: 'van der Berg' }] })).toBe('vanderberg2024_mood_by_region');
    expect(citationKey({ ...chart, id: 'Größe/über 2' })).toBe('smith2024_grosse_uber_2');
  });

  it('uses the first significant word of an organisation, or "anon"', () => {
    expect(citationKey({ ...chart, authors: [{ literal: 'The Østfold Institute' }] })).toBe('ostfold2024_mood_by_region');
    expect(citationKey({ ...chart, authors: [] })).toBe('anon2024_mood_by_region');
    expect(citationKey({ ...chart, authors: [{ literal: '日本' }] })).toBe('anon2024_mood_by_region');
  });

  it('contains only characters citation-js keeps in a BibTeX label', () => {
    expect(citationKey({ ...chart, id: 'a.b:c-d e' })).toMatch(/^[a-z0-9_]+$/);
  });
});
