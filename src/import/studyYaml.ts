import type { ImportedCoder } from './codersFromUsers.ts';
import type { ImportedAttribute } from './participantsFromCases.ts';
import { commentBeforeKey, commentedYaml, commentLines, flowAt, yamlDocument, yamlText } from './yamlText.ts';

/** The one dataset an import writes, and its files. */
export const segmentsDataset = 'segments';
export const importedFiles = {
  study: 'study.yaml',
  codebook: 'codebook.yaml',
  participants: 'participants.csv',
  segments: 'segments.csv',
  sources: 'sources.csv',
  reliability: 'reliability/segments.csv',
  privateSources: 'private/sources.csv',
  privateParticipants: 'private/participants.csv',
} as const;

/** segments.csv's columns other than the dimensions': no dimension may be named like one. */
export const segmentColumns = {
  key: 'segment_id',
  participant: 'participant_id',
  source: 'source',
  start: 'start',
  end: 'end',
  text: 'text',
} as const;

export interface StudyYamlInput {
  readonly id: string;
  readonly title: string;
  /** YYYY-MM-DD. */
  readonly date: string;
  /** What was imported, for the comment at the top: "a REFI-QDA project (NVivo 14)". */
  readonly from: string;
  readonly attributes: readonly ImportedAttribute[];
  /** Everyone who coded; a reliability file is declared when there are two or more. */
  readonly coders: readonly ImportedCoder[];
}

/** What the project cannot say, as commented-out lines for the researcher to fill in. */
const template = {
  license: 'CC-BY-4.0',
  url: 'https://example.org/your-study/',
  authors: [{ family: 'Family name', given: 'Given name', affiliation: 'Your institution' }],
  abstract: 'One paragraph: what was studied, how, and what the report shows.',
};

/**
 * study.yaml for an imported project (docs/import.md): what the project says, the one
 * `segments` dataset with its spans, and the fields it cannot say (licence, address,
 * authors, abstract) as a commented template, so the build names each one until it is filled.
 */
export function studyYaml(input: StudyYamlInput): string {
  const reliable = input.coders.length > 1;
  const document = yamlDocument(
    {
      id: input.id,
      title: input.title,
      version: '0.1.0',
      date: input.date,
      participants: {
        file: importedFiles.participants,
        key: segmentColumns.participant,
        ...(input.attributes.length > 0 ? { attributes: input.attributes.map(({ column, label }) => ({ column, label })) } : {}),
      },
      datasets: {
        [segmentsDataset]: {
          label: 'Coded segments',
          file: importedFiles.segments,
          unit: ['segment', 'segments'],
          key: segmentColumns.key,
          participant: segmentColumns.participant,
          // Verbatim interview text identifies people: it stays out of the site until paraphrased.
          text: { column: segmentColumns.text, publish: 'none' },
          ...(reliable ? { reliability: importedFiles.reliability } : {}),
          spans: { source: segmentColumns.source, start: segmentColumns.start, end: segmentColumns.end, lengths: importedFiles.sources },
        },
      },
    },
    `Written by npm run import from ${input.from}; see docs/import.md.`,
  );
  flowAt(document, ['datasets', segmentsDataset, 'unit']);
  flowAt(document, ['datasets', segmentsDataset, 'text']);
  input.attributes.forEach((_, index) => flowAt(document, ['participants', 'attributes', index]));
  const fillIn = yamlDocument(template, undefined);
  flowAt(fillIn, ['authors', 0]);
  commentBeforeKey(
    document,
    'participants',
    `${commentLines('The project does not say these: fill them in (uncomment and edit), then npm run build.')}\n${commentedYaml(fillIn)}`,
  );
  if (reliable)
    commentBeforeKey(
      document,
      'datasets',
      `${commentLines('Optional: the name the site shows for each coder (otherwise "Coder A", "Coder B", ...).')}\n${commentedYaml(
        yamlDocument({ coders: Object.fromEntries(input.coders.map((coder) => [coder.id, coder.name ?? coder.id])) }, undefined),
      )}`,
    );
  return yamlText(document);
}
