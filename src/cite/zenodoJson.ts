import type { StudySummary } from '../model/report.ts';
import { plainText } from './plainText.ts';

/**
 * `.zenodo.json` for one release: the metadata Zenodo reads when the release is deposited
 * (docs/releases.md), so the deposit gets its own DOI with the report's title, authors,
 * version, date and licence. Zenodo's licence ids are SPDX ids in lower case.
 */
export function zenodoJson(study: StudySummary): Record<string, unknown> {
  return {
    upload_type: 'publication',
    publication_type: 'report',
    title: plainText(study.title),
    version: study.version,
    publication_date: study.date,
    description: plainText(study.abstract),
    creators: study.authors.map((author) => ({
      name: author.literal ?? [author.family, author.given].filter((part) => part !== undefined).join(', '),
      ...(author.affiliation === undefined ? {} : { affiliation: author.affiliation }),
      ...(author.orcid === undefined ? {} : { orcid: author.orcid }),
    })),
    license: study.license.toLowerCase(),
    access_right: 'open',
    ...(study.doi === undefined ? {} : { doi: study.doi }),
    related_identifiers: [{ identifier: study.url, relation: 'isIdenticalTo', resource_type: 'publication-report' }],
  };
}
