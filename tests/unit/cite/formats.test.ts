import { describe, expect, it } from 'vitest';
import type { CitableWork } from '../../../src/cite/citableWork.ts';
import { sampleChart, sampleReport } from './sampleWork.ts';
import { Cite } from '../../../src/cite/citationJs.ts';
import { citationsFor } from '../../../src/cite/citations.ts';
import { cslItem } from '../../../src/cite/cslItem.ts';
import { apaText } from '../../../src/cite/formats/apa.ts';
import { bibtex } from '../../../src/cite/formats/bibtex.ts';
import { chicagoText } from '../../../src/cite/formats/chicago.ts';
import { cslJson } from '../../../src/cite/formats/cslJson.ts';
import { ris } from '../../../src/cite/formats/ris.ts';
import { formatReference } from '../../../src/cite/formatReference.ts';

const chart = sampleChart([
  { family: 'Smith', given: 'Jane', orcid: '0000-0002-1825-0097' },
  { family: 'Okafor', given: 'Chidi' },
  { literal: 'Acme Research Group' },
]);
const report = sampleReport(chart);

type ParsedName = { family?: string; given?: string; literal?: string };
type ParsedItem = {
  title?: string;
  author?: ParsedName[];
  issued?: { 'date-parts': number[][] };
  URL?: string;
  type?: string;
  'container-title'?: string;
  edition?: string;
  version?: string;
  abstract?: string;
  id?: string;
};

// The RIS parser is named explicitly: citation-js guesses input formats from their content.
function parse(text: string, forceType?: string): ParsedItem[] {
  return new Cite(text, forceType === undefined ? {} : { forceType }).data;
}
/** A name as [family, given]; BibTeX has no literal names, so an organisation comes back as a family name. */
function nameParts(name: ParsedName): [string | undefined, string | undefined] {
  return [name.family ?? name.literal, name.given];
}
const expectedNames = [
  ['Smith', 'Jane'],
  ['Okafor', 'Chidi'],
  ['Acme Research Group', undefined],
];

describe.each([
  ['cite.bib', () => parse(bibtex(cslItem(chart)))],
  ['cite.ris', () => parse(ris(cslItem(chart)), '@ris/file')],
  ['cite.json', () => parse(cslJson(cslItem(chart)))],
])('%s read back by citation-js', (_name, read) => {
  it('is one chapter of the report with the same title, authors, year, URL and abstract, its version as edition', () => {
    const items = read();
    expect(items).toHaveLength(1);
    const [item] = items;
    expect(item?.type).toBe('chapter');
    expect(item?.title).toBe('Reported Wellbeing by Region');
    expect(item?.['container-title']).toBe('Wellbeing at Work 2024');
    expect(item?.edition).toBe('Version 1.2.0');
    expect(item?.version).toBeUndefined();
    expect(item?.author?.map(nameParts)).toEqual(expectedNames);
    expect(item?.issued?.['date-parts'][0]?.[0]).toBe(2024);
    expect(item?.URL).toBe('https://example.org/wellbeing/figures/mood-by-region/');
    expect(item?.abstract).toBe('Share of posts that mention wellbeing, by region.');
    expect(item?.id).toBe('smith2024_mood_by_region');
  });
});

describe('long values', () => {
  // Longer than the 70 characters after which citation-js would break an RIS line.
  const url = 'https://example.org/wellbeing-at-work-2024/charts/reported-wellbeing-by-region/1.2.0/';
  const abstract =
    'Share of posts that mention wellbeing, by region, among the school administrators of every region who posted in the two weeks.';
  const work: CitableWork = { ...chart, id: 'reported-wellbeing-by-region-and-school-level', url, abstract };
  const key = 'smith2024_reported_wellbeing_by_region_and_school_level';

  it('RIS: one line per value, none wrapped, the whole ID', () => {
    const text = ris(cslItem(work));
    expect(text.split('\n').every((line) => line === '' || /^[A-Z][A-Z0-9] {2}- /.test(line))).toBe(true);
    expect(text).toContain(`\nUR  - ${url}\n`);
    expect(text).toContain(`\nAB  - ${abstract}\n`);
    expect(text).toContain(`\nID  - ${key}\n`);
  });

  it.each([
    ['cite.bib', () => parse(bibtex(cslItem(work)))],
    ['cite.ris', () => parse(ris(cslItem(work)), '@ris/file')],
    ['cite.json', () => parse(cslJson(cslItem(work)))],
  ])('%s reads back with the URL, the abstract and the key whole', (_name, read) => {
    const [item] = read();
    expect(item?.URL).toBe(url);
    expect(item?.abstract).toBe(abstract);
    expect(item?.id).toBe(key);
  });
});

describe('CSL-JSON', () => {
  it('is a pretty-printed array holding exactly the CSL item, licence included', () => {
    const json = cslJson(cslItem(chart));
    expect(json).toMatch(/^\[\n {2}\{\n {4}"id": "smith2024_mood_by_region",/);
    expect(JSON.parse(json)).toEqual([cslItem(chart)]);
  });
});

describe('APA 7', () => {
  it('text equals what citation-js makes of the published cite.json', () => {
    const json = cslJson(cslItem(chart));
    const fromJson = new Cite(JSON.parse(json)).format('bibliography', { template: 'apa', format: 'text' }) as string;
    expect(apaText(cslItem(chart))).toBe(fromJson.trim());
  });

  it('cites a chart as a section of its report, with version and URL', () => {
    expect(apaText(cslItem(chart))).toBe(
      'Smith, J., Okafor, C., & Acme Research Group. (2024). Reported Wellbeing by Region. ' +
        'In Wellbeing at Work 2024 (Version 1.2.0). Acme Institute. https://example.org/wellbeing/figures/mood-by-region/',
    );
  });

  it('leaves the version out of a section cited across its versions', () => {
    expect(apaText(cslItem({ ...chart, version: undefined }))).toContain(' In Wellbeing at Work 2024. Acme Institute. ');
  });
});

describe('Chicago author-date', () => {
  it('text has the title in quotes, the year, and the report with its version', () => {
    const text = chicagoText(cslItem(chart));
    expect(text).toBe(
      'Smith, Jane, Chidi Okafor, and Acme Research Group. 2024. “Reported Wellbeing by Region.” ' +
        'In Wellbeing at Work 2024, Version 1.2.0. Acme Institute. https://example.org/wellbeing/figures/mood-by-region/.',
    );
  });
});

describe('a whole report', () => {
  it('is a report in every format', () => {
    const item = cslItem(report);
    expect(bibtex(item)).toMatch(/^@techreport\{smith2024_wellbeing,\n/);
    expect(bibtex(item)).toContain('institution = {Acme Institute}');
    expect(ris(item)).toMatch(/^TY {2}- RPRT\n/);
    expect(apaText(item)).toContain('(2024). Wellbeing at Work 2024 (Version 1.2.0). Acme Institute.');
    expect(parse(cslJson(item))[0]?.type).toBe('report');
  });

  it('carries its version as biblatex `version` in BibTeX and as CSL `version` in CSL-JSON, never as an edition', () => {
    const item = cslItem(report);
    expect(bibtex(item)).toContain('\tversion = {1.2.0},\n');
    expect(bibtex(item)).not.toContain('edition');
    expect(ris(item)).not.toMatch(/^ET {2}-/m);
    expect(JSON.parse(cslJson(item))[0].version).toBe('1.2.0');
  });
});

describe('a chart, as a section of the report', () => {
  const item = cslItem(chart);

  it('is an RIS chapter: its report as T2, its version as ET, the full date as DA', () => {
    expect(ris(item)).toBe(
      [
        'TY  - CHAP',
        'AB  - Share of posts that mention wellbeing, by region.',
        'AU  - Smith, Jane',
        'AU  - Okafor, Chidi',
        'AU  - Acme Research Group',
        'ET  - Version 1.2.0',
        'ID  - smith2024_mood_by_region',
        'LA  - en',
        'PB  - Acme Institute',
        'DA  - 2024/03/05/',
        'PY  - 2024',
        'T2  - Wellbeing at Work 2024',
        'TI  - Reported Wellbeing by Region',
        'UR  - https://example.org/wellbeing/figures/mood-by-region/',
        'ER  - ',
        '',
      ].join('\n'),
    );
  });

  it('is a BibTeX @incollection: booktitle, edition, the date as year, month macro, day and date; no version or note', () => {
    expect(bibtex(item)).toBe(
      [
        '@incollection{smith2024_mood_by_region,',
        '\tauthor = {Smith, Jane and Okafor, Chidi and {Acme Research Group}},',
        '\tbooktitle = {Wellbeing at {Work} 2024},',
        '\tedition = {Version 1.2.0},',
        '\tyear = {2024},',
        '\tmonth = mar,',
        '\tday = {5},',
        '\tdate = {2024-03-05},',
        '\tpublisher = {Acme Institute},',
        '\ttitle = {Reported {Wellbeing} by {Region}},',
        '\turl = {https://example.org/wellbeing/figures/mood-by-region/},',
        '\tabstract = {Share of posts that mention wellbeing, by region.},',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('has its URL once in BibTeX when it has no publisher', () => {
    const text = bibtex(cslItem({ ...chart, publisher: undefined }));
    expect(text.match(/https:\/\/example\.org\/wellbeing\/figures\/mood-by-region\//g)).toHaveLength(1);
    expect(text).not.toContain('howpublished');
  });

  it('reads back from BibTeX with its full date', () => {
    expect(parse(bibtex(item))[0]?.issued).toEqual({ 'date-parts': [[2024, 3, 5]] });
  });

  it('is a CSL-JSON chapter with the version as edition only', () => {
    const [json] = JSON.parse(cslJson(item));
    expect(json.type).toBe('chapter');
    expect(json['container-title']).toBe('Wellbeing at Work 2024');
    expect(json.edition).toBe('Version 1.2.0');
    expect(json).not.toHaveProperty('version');
    expect(json.issued).toEqual({ 'date-parts': [[2024, 3, 5]] });
  });
});

describe('an organisation as sole author', () => {
  const organisational: CitableWork = { ...chart, authors: [{ literal: 'Institute for Work & Wellbeing' }] };
  const item = cslItem(organisational);

  it('is never split into family and given names', () => {
    expect(apaText(item)).toMatch(/^Institute for Work & Wellbeing\. \(2024\)\./);
    expect(chicagoText(item)).toMatch(/^Institute for Work & Wellbeing\. 2024\./);
    expect(bibtex(item)).toContain('author = {{Institute for Work & Wellbeing}}');
    expect(ris(item)).toContain('\nAU  - Institute for Work & Wellbeing\n');
    expect(JSON.parse(cslJson(item))[0].author).toEqual([{ literal: 'Institute for Work & Wellbeing' }]);
  });

  it('reads back as one name in every format', () => {
    for (const items of [parse(bibtex(item)), parse(ris(item), '@ris/file'), parse(cslJson(item))]) {
      expect(items[0]?.author?.map(nameParts)).toEqual([['Institute for Work & Wellbeing', undefined]]);
    }
  });
});

describe('citationsFor', () => {
  it('bundles every format of the one CSL item', () => {
    const item = cslItem(chart);
    expect(citationsFor(chart)).toEqual({
      apaText: apaText(item),
      chicagoText: chicagoText(item),
      bibtex: bibtex(item),
      ris: ris(item),
      cslJson: cslJson(item),
    });
  });

  it('ends each file with one newline', () => {
    const { bibtex: bib, ris: risText, cslJson: json } = citationsFor(chart);
    for (const file of [bib, risText, json]) expect(file).toMatch(/[^\n]\n$/);
  });
});

describe('formatReference', () => {
  const source = {
    id: 'doe2020',
    type: 'book',
    title: 'Qualitative Methods',
    author: [{ family: 'Doe', given: 'Ann' }],
    issued: { 'date-parts': [[2020]] },
    publisher: 'Press',
  };

  it('formats APA by default', () => {
    expect(formatReference([source])).toBe('Doe, A. (2020). Qualitative Methods. Press.');
  });

  it('formats Chicago author-date with the registered style', () => {
    expect(formatReference([source], 'chicago')).toBe('Doe, Ann. 2020. Qualitative Methods. Press.');
  });
});
