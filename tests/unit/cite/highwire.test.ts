import { describe, expect, it } from 'vitest';
import { sampleChart, sampleReport } from './sampleWork.ts';
import { highwireTags } from '../../../src/cite/highwire.ts';

const chart = sampleChart([
  { family: 'Smith', given: 'Jane', orcid: '0000-0002-1825-0097', affiliation: 'University of Somewhere' },
  { family: 'Plato' },
  { literal: 'Acme Research Group' },
]);
const report = sampleReport(chart);

const values = (tags: { name: string; content: string }[], name: string) =>
  tags.filter((tag) => tag.name === name).map((tag) => tag.content);

describe('highwireTags', () => {
  it('describes a chart as a section of its report, with its version as prism.edition', () => {
    expect(highwireTags(chart)).toEqual([
      { name: 'citation_title', content: 'Reported Wellbeing by Region' },
      { name: 'citation_author', content: 'Smith, Jane' },
      { name: 'citation_author_institution', content: 'University of Somewhere' },
      { name: 'citation_author_orcid', content: 'https://orcid.org/0000-0002-1825-0097' },
      { name: 'citation_author', content: 'Plato' },
      { name: 'citation_author', content: 'Acme Research Group' },
      { name: 'citation_publication_date', content: '2024/03/05' },
      { name: 'citation_online_date', content: '2024/03/05' },
      { name: 'citation_inbook_title', content: 'Wellbeing at Work 2024' },
      { name: 'prism.edition', content: 'Version 1.2.0' },
      { name: 'citation_publisher', content: 'Acme Institute' },
      { name: 'citation_language', content: 'en' },
      { name: 'citation_abstract_html_url', content: 'https://example.org/wellbeing/figures/mood-by-region/' },
      { name: 'citation_public_url', content: 'https://example.org/wellbeing/figures/mood-by-region/' },
    ]);
  });

  it('names the issuing institution of a whole report, never of a chart', () => {
    const tags = highwireTags(report);
    expect(values(tags, 'citation_technical_report_institution')).toEqual(['Acme Institute']);
    expect(values(tags, 'citation_inbook_title')).toEqual([]);
    expect(values(tags, 'prism.edition')).toEqual([]);
    expect(values(highwireTags(chart), 'citation_technical_report_institution')).toEqual([]);
    expect(values(highwireTags({ ...report, publisher: undefined }), 'citation_technical_report_institution')).toEqual([]);
  });

  it('types a report as a report even without a publisher (DC.type)', () => {
    expect(values(highwireTags(report), 'DC.type')).toEqual(['report']);
    expect(values(highwireTags({ ...report, publisher: undefined }), 'DC.type')).toEqual(['report']);
    expect(values(highwireTags(chart), 'DC.type')).toEqual([]);
  });

  // The tags Zotero's Embedded Metadata translator chooses an item type by; the last one wins.
  const TYPE_TAGS = [
    'citation_journal_title',
    'citation_technical_report_institution',
    'citation_conference_title',
    'citation_conference',
    'citation_book_title',
    'citation_inbook_title',
    'citation_dissertation_institution',
    'citation_isbn',
  ];

  it.each([
    ['a chart', chart, ['citation_inbook_title']],
    ['a report', report, ['citation_technical_report_institution']],
    ['a report without publisher', { ...report, publisher: undefined }, []],
  ])('%s carries only the tag of its own type', (_name, work, expected) => {
    expect(
      highwireTags(work)
        .filter((tag) => TYPE_TAGS.includes(tag.name))
        .map((tag) => tag.name),
    ).toEqual(expected);
  });

  it('has no version for a section cited across its versions, and never a PDF', () => {
    expect(values(highwireTags({ ...chart, version: undefined }), 'prism.edition')).toEqual([]);
    for (const work of [chart, report]) expect(values(highwireTags(work), 'citation_pdf_url')).toEqual([]);
  });

  it('leaves out absent values and keeps every content on one line', () => {
    const tags = highwireTags({
      kind: 'section',
      id: 'x',
      title: 'Two\nlines',
      authors: [{ family: 'Smith', given: 'Jane\n' }],
      date: '2024-12-01',
      url: 'https://example.org/x/',
      license: 'CC0-1.0',
    });
    expect(tags.map((tag) => tag.name)).toEqual([
      'citation_title',
      'citation_author',
      'citation_publication_date',
      'citation_online_date',
      'citation_abstract_html_url',
      'citation_public_url',
    ]);
    expect(values(tags, 'citation_title')).toEqual(['Two lines']);
    expect(values(tags, 'citation_author')).toEqual(['Smith, Jane']);
    expect(values(tags, 'citation_publication_date')).toEqual(['2024/12/01']);
  });

  it('rejects an invalid ORCID iD', () => {
    expect(() => highwireTags({ ...chart, authors: [{ family: 'Smith', orcid: '0000-0002-1825-0098' }] })).toThrow(/check digit/);
  });
});
