import { describe, expect, it } from 'vitest';
import { sampleChart } from './sampleWork.ts';
import { jsonLd } from '../../../src/cite/jsonLd.ts';
import { licenseUrl } from '../../../src/cite/license.ts';
import { orcidUrl } from '../../../src/cite/orcid.ts';

const chart = sampleChart([
  { family: 'Smith', given: 'Jane', orcid: 'https://orcid.org/0000-0002-1825-0097', affiliation: 'University of Somewhere' },
  { literal: 'Acme Research Group' },
]);
const options = {
  images: [
    { url: 'https://example.org/wellbeing/figures/mood-by-region/chart.png', encodingFormat: 'image/png' },
    { url: 'https://example.org/wellbeing/figures/mood-by-region/chart.svg', encodingFormat: 'image/svg+xml' },
  ],
  report: { url: 'https://example.org/wellbeing/' },
  datasets: [{ name: 'Posts', url: 'https://example.org/wellbeing/data/posts/', description: 'Forum posts, one row each.' }],
};

describe('jsonLd for a chart', () => {
  const node = jsonLd(chart, options);

  it('is an ImageObject with the chart files, its report and its dataset', () => {
    expect(node).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ImageObject',
      name: 'Reported Wellbeing by Region',
      caption: 'Share of posts that mention wellbeing, by region.',
      description: 'Share of posts that mention wellbeing, by region.',
      author: [
        {
          '@type': 'Person',
          name: 'Jane Smith',
          givenName: 'Jane',
          familyName: 'Smith',
          identifier: 'https://orcid.org/0000-0002-1825-0097',
          sameAs: 'https://orcid.org/0000-0002-1825-0097',
          affiliation: { '@type': 'Organization', name: 'University of Somewhere' },
        },
        { '@type': 'Organization', name: 'Acme Research Group' },
      ],
      datePublished: '2024-03-05',
      version: '1.2.0',
      license: 'https://creativecommons.org/licenses/by/4.0/',
      url: 'https://example.org/wellbeing/figures/mood-by-region/',
      inLanguage: 'en',
      publisher: { '@type': 'Organization', name: 'Acme Institute' },
      contentUrl: 'https://example.org/wellbeing/figures/mood-by-region/chart.png',
      encodingFormat: 'image/png',
      encoding: [
        {
          '@type': 'MediaObject',
          contentUrl: 'https://example.org/wellbeing/figures/mood-by-region/chart.svg',
          encodingFormat: 'image/svg+xml',
        },
      ],
      isPartOf: { '@type': 'Report', name: 'Wellbeing at Work 2024', url: 'https://example.org/wellbeing/' },
      isBasedOn: {
        '@type': 'Dataset',
        name: 'Posts',
        url: 'https://example.org/wellbeing/data/posts/',
        description: 'Forum posts, one row each.',
      },
    });
  });

  it('survives a JSON round trip unchanged (plain data only)', () => {
    expect(JSON.parse(JSON.stringify(node))).toEqual(node);
  });

  it('falls back to the title as caption and takes an explicit report name', () => {
    const bare = jsonLd({ ...chart, abstract: undefined }, { ...options, report: { url: 'https://example.org/r/', name: 'Other name' } });
    expect(bare.caption).toBe('Reported Wellbeing by Region');
    expect(bare.description).toBeUndefined();
    expect(bare.isPartOf).toEqual({ '@type': 'Report', name: 'Other name', url: 'https://example.org/r/' });
  });

  it('has no version when cited across versions', () => {
    expect(jsonLd({ ...chart, version: undefined }, options)).not.toHaveProperty('version');
  });
});

describe('jsonLd for a chapter (a section without images)', () => {
  const node = jsonLd(
    { ...chart, id: 'findings', title: 'Findings', url: 'https://example.org/wellbeing/chapters/findings/' },
    { report: { url: 'https://example.org/wellbeing/' } },
  );

  it('is a Chapter of the Report, with no image properties', () => {
    expect(node['@type']).toBe('Chapter');
    expect(node.name).toBe('Findings');
    expect(node.version).toBe('1.2.0');
    expect(node.isPartOf).toEqual({ '@type': 'Report', name: 'Wellbeing at Work 2024', url: 'https://example.org/wellbeing/' });
    expect(node.caption).toBeUndefined();
    expect(node.contentUrl).toBeUndefined();
    expect(node.isBasedOn).toBeUndefined();
  });
});

describe('jsonLd for a whole report', () => {
  const node = jsonLd(
    {
      ...chart,
      kind: 'report',
      id: 'wellbeing',
      title: 'Wellbeing at Work 2024',
      containerTitle: undefined,
      url: 'https://example.org/wellbeing/',
      license: 'Internal use only',
    },
    { ...options, datasets: [...options.datasets, { name: 'Interviews', url: 'https://example.org/wellbeing/data/interviews/' }] },
  );

  it('is a Report based on every dataset, without image or container properties', () => {
    expect(node['@type']).toBe('Report');
    expect(node.name).toBe('Wellbeing at Work 2024');
    expect(node.url).toBe('https://example.org/wellbeing/');
    expect(node.caption).toBeUndefined();
    expect(node.contentUrl).toBeUndefined();
    expect(node.isPartOf).toBeUndefined();
    expect(node.isBasedOn).toEqual([
      { '@type': 'Dataset', name: 'Posts', url: 'https://example.org/wellbeing/data/posts/', description: 'Forum posts, one row each.' },
      { '@type': 'Dataset', name: 'Interviews', url: 'https://example.org/wellbeing/data/interviews/' },
    ]);
  });

  it('keeps a licence without a known URL as text', () => {
    expect(node.license).toBe('Internal use only');
  });
});

describe('licenseUrl', () => {
  it.each([
    ['CC-BY-4.0', 'https://creativecommons.org/licenses/by/4.0/'],
    ['cc-by-sa-4.0', 'https://creativecommons.org/licenses/by-sa/4.0/'],
    ['CC-BY-NC-ND-3.0', 'https://creativecommons.org/licenses/by-nc-nd/3.0/'],
    ['CC-BY-NC-SA-2.5', 'https://creativecommons.org/licenses/by-nc-sa/2.5/'],
    ['CC0-1.0', 'https://creativecommons.org/publicdomain/zero/1.0/'],
    ['ODbL-1.0', 'https://opendatacommons.org/licenses/odbl/1-0/'],
    ['https://example.org/licence', 'https://example.org/licence'],
  ])('maps %s to %s', (license, url) => {
    expect(licenseUrl(license)).toBe(url);
  });

  it.each(['All rights reserved', 'CC-BY-5.0', 'CC-BY-3.0-DE', 'MIT-ish', 'javascript:alert(1)'])('has no URL for %s', (license) => {
    expect(licenseUrl(license)).toBeUndefined();
  });
});

describe('orcidUrl', () => {
  it('accepts bare iDs and URLs, with an X check digit', () => {
    expect(orcidUrl('0000-0002-1825-0097')).toBe('https://orcid.org/0000-0002-1825-0097');
    expect(orcidUrl('http://orcid.org/0000-0002-1694-233x/')).toBe('https://orcid.org/0000-0002-1694-233X');
  });

  it('rejects malformed iDs and wrong check digits', () => {
    expect(() => orcidUrl('0000-0002-1825-009')).toThrow(/not an ORCID/);
    expect(() => orcidUrl('0000-0002-1825-0098')).toThrow(/check digit/);
  });
});
