import { describe, expect, it } from 'vitest';
import { sampleFigure } from './sampleWork.ts';
import { citationKey } from '../../../src/cite/citationKey.ts';
import { cslItem } from '../../../src/cite/cslItem.ts';

const figure = sampleFigure([
  { family: 'Smith', given: 'Jane', orcid: '0000-0002-1825-0097', affiliation: 'University of Somewhere' },
  { literal: 'Acme Research Group' },
]);

describe('cslItem', () => {
  it('maps a chart to a CSL figure with every variable', () => {
    expect(cslItem(figure)).toEqual({
      id: 'smith2024_mood_by_region',
      'citation-key': 'smith2024_mood_by_region',
      type: 'figure',
      title: 'Reported Wellbeing by Region',
      author: [{ family: 'Smith', given: 'Jane' }, { literal: 'Acme Research Group' }],
      'container-title': 'Wellbeing at Work 2024',
      version: '1.2.0',
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

  it('keeps a family-only name as a person and a lone given name whole', () => {
    const item = cslItem({ ...figure, authors: [{ family: 'Plato' }, { given: 'Madonna' }] });
    expect(item.author).toEqual([{ family: 'Plato' }, { literal: 'Madonna' }]);
  });

  it('reduces every string to one line with single spaces', () => {
    const item = cslItem({
      ...figure,
      title: '  Two\nlines\r\nand\ttabs\u2028here\u0000 ',
      authors: [{ family: 'Smith\n', given: ' Jane  Q.' }],
      abstract: 'Para one.\n\nPara two.',
    });
    expect(item.title).toBe('Two lines and tabs here');
    expect(item.author).toEqual([{ family: 'Smith', given: 'Jane Q.' }]);
    expect(item.abstract).toBe('Para one. Para two.');
  });

  it('percent-encodes URL characters outside RFC 3986', () => {
    expect(cslItem({ ...figure, url: 'https://example.org/a{b}/c?q=}"|' }).URL).toBe('https://example.org/a%7Bb%7D/c?q=%7D%22%7C');
  });

  it('rejects what cannot be cited', () => {
    expect(() => cslItem({ ...figure, date: '2024-3-5' })).toThrow(/YYYY-MM-DD/);
    expect(() => cslItem({ ...figure, date: '2023-02-29' })).toThrow(/calendar day/);
    expect(() => cslItem({ ...figure, url: 'javascript:alert(1)' })).toThrow(/http or https/);
    expect(() => cslItem({ ...figure, url: '/relative/' })).toThrow(/absolute URL/);
    expect(() => cslItem({ ...figure, authors: [{ orcid: '0000-0002-1825-0097' }] })).toThrow(/Author 1 has no name/);
    expect(() => cslItem({ ...figure, title: ' \n ' })).toThrow(/empty title/);
  });
});

describe('citationKey', () => {
  it('is first family name, year and slug, in ASCII', () => {
    expect(citationKey(figure)).toBe('smith2024_mood_by_region');
    expect(citationKey({ ...figure, authors: [{ family: 'Ødegård-Süß', given: 'Åse' }] })).toBe('odegardsuss2024_mood_by_region');
    expect(citationKey({ ...figure, authors: [{ family: 'van der Berg' }] })).toBe('vanderberg2024_mood_by_region');
    expect(citationKey({ ...figure, id: 'Größe/über 2' })).toBe('smith2024_grosse_uber_2');
  });

  it('uses the first significant word of an organisation, or "anon"', () => {
    expect(citationKey({ ...figure, authors: [{ literal: 'The Østfold Institute' }] })).toBe('ostfold2024_mood_by_region');
    expect(citationKey({ ...figure, authors: [] })).toBe('anon2024_mood_by_region');
    expect(citationKey({ ...figure, authors: [{ literal: '日本' }] })).toBe('anon2024_mood_by_region');
  });

  it('contains only characters citation-js keeps in a BibTeX label', () => {
    expect(citationKey({ ...figure, id: 'a.b:c-d e' })).toMatch(/^[a-z0-9_]+$/);
  });
});
