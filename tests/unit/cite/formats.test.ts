import { describe, expect, it } from 'vitest';
import type { CitableWork } from '../../../src/cite/citableWork.ts';
import { sampleFigure, sampleReport } from './sampleWork.ts';
import { Cite } from '../../../src/cite/citationJs.ts';
import { citationsFor } from '../../../src/cite/citations.ts';
import { cslItem } from '../../../src/cite/cslItem.ts';
import { apaText } from '../../../src/cite/formats/apa.ts';
import { bibtex } from '../../../src/cite/formats/bibtex.ts';
import { chicagoText } from '../../../src/cite/formats/chicago.ts';
import { cslJson } from '../../../src/cite/formats/cslJson.ts';
import { ris } from '../../../src/cite/formats/ris.ts';
import { formatReference } from '../../../src/cite/formatReference.ts';

const figure = sampleFigure([
  { family: 'Smith', given: 'Jane', orcid: '0000-0002-1825-0097' },
  { family: 'Okafor', given: 'Chidi' },
  { literal: 'Acme Research Group' },
]);
const report = sampleReport(figure);

type ParsedName = { family?: string; given?: string; literal?: string };
type ParsedItem = { title?: string; author?: ParsedName[]; issued?: { 'date-parts': number[][] }; URL?: string; type?: string };

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
  ['cite.bib', () => parse(bibtex(cslItem(figure)))],
  ['cite.ris', () => parse(ris(cslItem(figure)), '@ris/file')],
  ['cite.json', () => parse(cslJson(cslItem(figure)))],
])('%s read back by citation-js', (_name, read) => {
  it('is one item with the same title, authors, year and URL', () => {
    const items = read();
    expect(items).toHaveLength(1);
    const [item] = items;
    expect(item?.title).toBe('Reported Wellbeing by Region');
    expect(item?.author?.map(nameParts)).toEqual(expectedNames);
    expect(item?.issued?.['date-parts'][0]?.[0]).toBe(2024);
    expect(item?.URL).toBe('https://example.org/wellbeing/figures/mood-by-region/');
  });
});

describe('CSL-JSON', () => {
  it('is a pretty-printed array holding exactly the CSL item, licence included', () => {
    const json = cslJson(cslItem(figure));
    expect(json).toMatch(/^\[\n {2}\{\n {4}"id": "smith2024_mood_by_region",/);
    expect(JSON.parse(json)).toEqual([cslItem(figure)]);
  });
});

describe('APA 7', () => {
  it('text equals what citation-js makes of the published cite.json', () => {
    const json = cslJson(cslItem(figure));
    const fromJson = new Cite(JSON.parse(json)).format('bibliography', { template: 'apa', format: 'text' }) as string;
    expect(apaText(cslItem(figure))).toBe(fromJson.trim());
  });

  it('marks a chart as a figure inside its report, with version and URL', () => {
    expect(apaText(cslItem(figure))).toBe(
      'Smith, J., Okafor, C., & Acme Research Group. (2024). Reported Wellbeing by Region [Figure]. ' +
        'In Wellbeing at Work 2024 (Version 1.2.0). Acme Institute. https://example.org/wellbeing/figures/mood-by-region/',
    );
  });
});

describe('Chicago author-date', () => {
  it('text has the title in quotes and the year', () => {
    const text = chicagoText(cslItem(figure));
    expect(text).toContain('“Reported Wellbeing by Region.”');
    expect(text).toMatch(/^Smith, Jane, Chidi Okafor, and Acme Research Group\. 2024\. /);
  });
});

describe('a whole report', () => {
  it('is a report in every format', () => {
    const item = cslItem(report);
    expect(bibtex(item)).toMatch(/^@techreport\{smith2024_wellbeing,\n/);
    expect(bibtex(item)).toContain('institution = {Acme Institute}');
    expect(ris(item)).toMatch(/^TY {2}- RPRT\n/);
    expect(apaText(item)).toContain('(2024). Wellbeing at Work 2024 (Version 1.2.0). Acme Institute.');
    expect(apaText(item)).not.toContain('[Figure]');
    expect(parse(cslJson(item))[0]?.type).toBe('report');
  });

  it('a chart is a figure in RIS and a misc entry in BibTeX', () => {
    const item = cslItem(figure);
    expect(ris(item)).toMatch(/^TY {2}- FIGURE\n/);
    expect(ris(item)).toMatch(/\nER {2}- \n$/);
    expect(bibtex(item)).toMatch(/^@misc\{smith2024_mood_by_region,\n/);
  });
});

describe('an organisation as sole author', () => {
  const organisational: CitableWork = { ...figure, authors: [{ literal: 'Institute for Work & Wellbeing' }] };
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
    const item = cslItem(figure);
    expect(citationsFor(figure)).toEqual({
      apaText: apaText(item),
      chicagoText: chicagoText(item),
      bibtex: bibtex(item),
      ris: ris(item),
      cslJson: cslJson(item),
    });
  });

  it('ends each file with one newline', () => {
    const { bibtex: bib, ris: risText, cslJson: json } = citationsFor(figure);
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
