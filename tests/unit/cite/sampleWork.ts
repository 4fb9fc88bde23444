import type { CitableWork, WorkAuthor } from '../../../src/cite/citableWork.ts';

/**
 * A chart of a small made-up report, cited as a section of it, as the citation tests cite it.
 * Each test file passes the authors it exercises (a person with an ORCID, a single-name
 * author, an organisation).
 */
export function sampleChart(authors: readonly WorkAuthor[]): CitableWork {
  return {
    kind: 'section',
    id: 'mood-by-region',
    title: 'Reported Wellbeing by Region',
    authors,
    containerTitle: 'Wellbeing at Work 2024',
    version: '1.2.0',
    date: '2024-03-05',
    publisher: 'Acme Institute',
    url: 'https://example.org/wellbeing/figures/mood-by-region/',
    license: 'CC-BY-4.0',
    abstract: 'Share of posts that mention wellbeing, by region.',
    language: 'en',
  };
}

/** The whole report the sample chart belongs to. */
export function sampleReport(chart: CitableWork): CitableWork {
  return {
    ...chart,
    kind: 'report',
    id: 'wellbeing',
    title: 'Wellbeing at Work 2024',
    containerTitle: undefined,
    url: 'https://example.org/wellbeing/',
  };
}
