import { parse, parseDocument, visit } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CFF_MESSAGE, cffLicense, citationCff, citationCffYaml, type CffStudy } from '../../../src/cite/citationCff.ts';

const study: CffStudy = {
  title: 'Wellbeing at Work 2024',
  version: '1.2.0',
  date: '2024-03-05',
  license: 'CC-BY-4.0',
  publisher: 'Acme Institute',
  url: 'https://example.org/wellbeing/',
  abstract: 'How staff describe their wellbeing at work.',
  authors: [
    { family: 'Smith', given: 'Jane', orcid: '0000-0002-1825-0097', affiliation: 'University of Somewhere' },
    { literal: 'Acme Research Group' },
  ],
  basedOn: [
    {
      type: 'article-journal',
      title: 'Wellbeing online: what staff post',
      author: [
        { family: 'Cho', given: 'Vincent' },
        { family: 'Berg', given: 'Anna', 'non-dropping-particle': 'van den' },
        { literal: 'The Lab' },
      ],
      'container-title': 'Journal of Educational Administration',
      volume: '54',
      issue: '3',
      page: '306–325',
      issued: { 'date-parts': [[2016, 4]] },
      DOI: 'https://doi.org/10.1108/JEA-03-2015-0024',
    },
  ],
};

// Everything with a meaning in YAML: quotes, a colon and space, a comment sign, flow
// collections, anchors, aliases, tags, directives, block indicators, and line breaks,
// including the ones only YAML 1.1 counts as line breaks.
const HOSTILE =
  'Rock: "the" \'quiet\' # not a comment\n{ key: value } [x, y] &anchor *alias !tag %YAML 1.1\n--- ... - dash ? key | > `tick` @at \\ end\u2028after\u0085NEL \t tab ';

describe('citationCff', () => {
  const cff = citationCff(study);

  it('describes the report from study.yaml, with no root type (CFF allows only software or dataset)', () => {
    expect(cff['cff-version']).toBe('1.2.0');
    expect(cff.message).toBe(CFF_MESSAGE);
    expect(cff.title).toBe(study.title);
    expect(cff.version).toBe(study.version);
    expect(cff['date-released']).toBe(study.date);
    expect(cff.license).toBe('CC-BY-4.0');
    expect(cff.url).toBe(study.url);
    expect(cff.abstract).toBe(study.abstract);
    expect(cff).not.toHaveProperty('type');
  });

  it('writes people in parts with an ORCID URL, and organisations as one name', () => {
    expect(cff.authors).toEqual([
      {
        'family-names': 'Smith',
        'given-names': 'Jane',
        orcid: 'https://orcid.org/0000-0002-1825-0097',
        affiliation: 'University of Somewhere',
      },
      { name: 'Acme Research Group' },
    ]);
  });

  it('asks to be cited as the report, by the same authors', () => {
    expect(cff['preferred-citation']).toEqual({
      type: 'report',
      title: study.title,
      authors: cff.authors,
      year: 2024,
      'date-published': '2024-03-05',
      url: study.url,
      version: '1.2.0',
      publisher: { name: 'Acme Institute' },
    });
  });

  it('leaves the publisher out when study.yaml has none', () => {
    const { publisher: _publisher, ...withoutPublisher } = study;
    expect(citationCff(withoutPublisher)['preferred-citation']).not.toHaveProperty('publisher');
  });

  it('lists the publications the report is based on as references, with a bare DOI and CFF types', () => {
    expect(cff.references).toEqual([
      {
        type: 'article',
        title: 'Wellbeing online: what staff post',
        authors: [
          { 'family-names': 'Cho', 'given-names': 'Vincent' },
          { 'family-names': 'van den Berg', 'given-names': 'Anna' },
          { name: 'The Lab' },
        ],
        journal: 'Journal of Educational Administration',
        volume: 54,
        issue: '3',
        start: 306,
        end: 325,
        year: 2016,
        month: 4,
        doi: '10.1108/JEA-03-2015-0024',
      },
    ]);
  });

  it('keeps references valid CFF when a publication lacks what CFF requires or types strictly', () => {
    const [reference] = citationCff({
      ...study,
      basedOn: [
        {
          type: 'chapter',
          title: 'Untitled notes',
          'container-title': 'A Handbook',
          volume: '12A',
          DOI: 'not a doi',
          URL: 'javascript:alert(1)',
          issued: { raw: 'Spring 2019' },
        },
      ],
    }).references!;
    expect(reference).toEqual({
      type: 'generic',
      title: 'Untitled notes',
      authors: [{ name: 'anonymous' }],
      'collection-title': 'A Handbook',
      year: 2019,
    });
  });

  it('has no references when study.yaml names no publication (CFF forbids an empty list)', () => {
    expect(citationCff({ ...study, basedOn: [] })).not.toHaveProperty('references');
  });
});

describe('cffLicense', () => {
  it.each([
    ['CC-BY-4.0', { license: 'CC-BY-4.0' }],
    ['cc-by-nc-sa-4.0', { license: 'CC-BY-NC-SA-4.0' }],
    ['cc0-1.0', { license: 'CC0-1.0' }],
    ['odbl-1.0', { license: 'ODbL-1.0' }],
    ['ODC-BY-1.0', { license: 'ODC-By-1.0' }],
    ['MIT', { license: 'MIT' }],
    ['https://example.org/licence/', { 'license-url': 'https://example.org/licence/' }],
    ['All rights reserved', {}],
  ])('%s', (license, expected) => {
    expect(cffLicense(license)).toEqual(expected);
  });
});

describe('citationCffYaml', () => {
  it('round-trips a hostile title, author and abstract as the same strings', () => {
    const hostile: CffStudy = {
      ...study,
      title: HOSTILE,
      abstract: `${HOSTILE}\n\nSecond paragraph.`,
      publisher: HOSTILE,
      authors: [{ family: HOSTILE, given: '#1 {x}' }, { literal: '- "Org": yes' }],
    };
    const text = citationCffYaml(hostile);
    // YAML 1.1 readers (PyYAML, Psych) take NEL, LS and PS for line breaks and would fold them
    // into spaces; the yaml package reads them as 1.2 does, so they must not appear unescaped.
    expect(text).not.toMatch(/[\u0085\u2028\u2029]/);
    for (const version of ['1.1', '1.2'] as const) {
      const parsed = parse(text, { version });
      expect(parsed.title).toBe(HOSTILE);
      expect(parsed.abstract).toBe(hostile.abstract);
      expect(parsed['preferred-citation'].title).toBe(HOSTILE);
      expect(parsed['preferred-citation'].publisher.name).toBe(HOSTILE);
      expect(parsed.authors).toEqual([{ 'family-names': HOSTILE, 'given-names': '#1 {x}' }, { name: '- "Org": yes' }]);
      expect(Object.keys(parsed)).toEqual(Object.keys(citationCff(hostile)));
    }
  });

  it('keeps strings that look like dates, numbers, booleans or null as strings for YAML 1.1 and 1.2 readers', () => {
    const text = citationCffYaml({
      ...study,
      title: '0o17',
      abstract: 'yes',
      publisher: 'null',
      authors: [{ family: 'On', given: '1.5' }],
    });
    for (const version of ['1.1', '1.2'] as const) {
      const parsed = parse(text, { version });
      expect(parsed['date-released']).toBe('2024-03-05');
      expect(parsed['preferred-citation']['date-published']).toBe('2024-03-05');
      expect(parsed.version).toBe('1.2.0');
      expect(parsed.title).toBe('0o17');
      expect(parsed.abstract).toBe('yes');
      expect(parsed['preferred-citation'].publisher.name).toBe('null');
      expect(parsed.authors[0]).toEqual({ 'family-names': 'On', 'given-names': '1.5' });
      expect(parsed['preferred-citation'].year).toBe(2024);
      expect(parsed.references[0].volume).toBe(54);
    }
  });

  it('writes the authors out in full, with no anchors or aliases', () => {
    let aliases = 0;
    visit(parseDocument(citationCffYaml(study)), { Alias: () => void aliases++ });
    expect(aliases).toBe(0);
    expect(parse(citationCffYaml(study))['preferred-citation'].authors).toEqual(citationCff(study).authors);
  });
});
