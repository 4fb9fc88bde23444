import { z } from 'zod';
import { ORCID_ID, hasValidOrcidCheckDigit } from './orcid.ts';
import { columnName, identifier, isoDate, languageTag, nounPair, text } from './primitives.ts';

/** How much of a dataset's free text may reach the published site. */
export const textPublishing = z.enum(['none', 'paraphrased', 'verbatim-consented']);

export const author = z
  .strictObject({
    family: text.optional(),
    given: text.optional(),
    /** For an organisation as author. */
    literal: text.optional(),
    orcid: z
      .string()
      .regex(ORCID_ID, { error: 'expected an ORCID iD such as 0000-0002-1825-0097' })
      // The citation files link the iD, so a mistyped one is caught here, with its line, and
      // never while the site renders. Skipped when the shape is already wrong (one problem, not two).
      .refine((id) => !ORCID_ID.test(id) || hasValidOrcidCheckDigit(id), {
        error:
          'expected an ORCID iD with a valid check digit (its last character, computed from the others: a digit is probably mistyped; copy the iD from orcid.org)',
      })
      .optional(),
    affiliation: text.optional(),
  })
  .refine((value) => value.family !== undefined || value.literal !== undefined, {
    error: 'expected an author with "family" (a person) or "literal" (an organisation)',
  });

/**
 * A file of the study package, named relative to it. Never outside it (`../`, an absolute
 * path) and never under private/, which the build promises to leave unread (docs/privacy.md):
 * `file: private/key.csv` would otherwise read the key to the pseudonyms into the report.
 */
const studyFile = z
  .string()
  .min(1)
  .refine(
    (name) => {
      const parts = name.split(/[\\/]+/).filter((part) => part !== '' && part !== '.');
      return !/^([\\/]|[A-Za-z]:)/.test(name) && !parts.includes('..') && parts[0]?.toLowerCase() !== 'private';
    },
    { error: 'expected a file inside the study package, named relative to it and not under private/ (which the build never reads)' },
  );

export const participantsConfig = z.strictObject({
  file: studyFile.default('participants.csv'),
  key: columnName.default('participant_id'),
  label: nounPair.default(['participant', 'participants']),
  /** Categorical columns describing participants; every other column is refused, so names never slip in. */
  attributes: z.array(z.strictObject({ column: columnName, label: z.string().min(1) })).default([]),
});

export const datasetConfig = z.strictObject({
  label: z.string().min(1).optional(),
  file: studyFile,
  unit: nounPair,
  key: columnName,
  participant: columnName,
  /** Column holding an ISO 8601 date or date-time; enables counts per day and period checks. */
  date: columnName.optional(),
  text: z.strictObject({ column: columnName, publish: textPublishing.default('none') }).optional(),
  /** Column whose non-empty value excludes a row from the analysis, with that value as the reason. */
  exclude: columnName.optional(),
  /** Further columns that may be present and are kept out of the analysis. */
  columns: z.array(columnName).default([]),
  /** Each coder's own codes for some or all units, for agreement between coders (docs/reliability.md). */
  reliability: studyFile.optional(),
  /** Units are character ranges of source documents: agreement is then also computed character by character. */
  spans: z
    .strictObject({
      /** Column: the (pseudonymous) source document a unit comes from. */
      source: columnName,
      /** Column: offset of the unit's first character (0-based, in Unicode code points). */
      start: columnName,
      /** Column: offset one past the unit's last character. */
      end: columnName,
      /** File with columns `source,characters`: every source document's length. */
      lengths: studyFile,
    })
    .optional(),
});

export const studyConfig = z.strictObject({
  id: identifier,
  title: text,
  subtitle: text.optional(),
  version: z.string().regex(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/, { error: 'expected a version such as 1.0.0' }),
  date: isoDate,
  license: text,
  publisher: text.optional(),
  url: z
    .url({ protocol: /^https?$/, error: 'expected the published address, starting https:// or http://' })
    // Its path is the base path of every page, which Astro cannot serve %-escaped or with
    // an empty segment.
    .refine((value) => !URL.canParse(value) || !/%|\/\//.test(new URL(value).pathname), {
      error:
        'expected a published address with a plain path: no "//", and no spaces, accents or other characters a URL must %-escape (write /cafe/, not /café/)',
    }),
  language: languageTag.default('en'),
  authors: z.array(author).min(1, { error: 'expected at least one author' }),
  abstract: text,
  /** CSL-JSON items for the publication(s) this report accompanies. */
  based_on: z.array(z.looseObject({ type: z.string().min(1), title: z.string().min(1) })).default([]),
  /** Synthetic data: every page says so. */
  illustrative: z.boolean().default(false),
  /** What this version changes, for the changelog: kept with the release when it is made. */
  notes: text.optional(),
  /** A DOI reserved for this version (Zenodo lets you reserve one before publishing): its citations carry it. */
  doi: z
    .string()
    .regex(/^10\.\d{4,9}\/\S+$/, { error: 'expected a DOI such as 10.5281/zenodo.1234567 (without https://doi.org/)' })
    .optional(),
  period: z
    .strictObject({ start: isoDate, end: isoDate })
    .check((payload) => {
      // An issue on `end` showing `end`, rather than one on the whole mapping showing "a mapping";
      // skipped when a date is already reported as invalid.
      const { start, end } = payload.value;
      if (payload.issues.length === 0 && start > end)
        payload.issues.push({
          code: 'custom',
          message: `expected period.end on or after period.start (${start})`,
          input: end,
          path: ['end'],
        });
    })
    .optional(),
  participants: participantsConfig.default({
    file: 'participants.csv',
    key: 'participant_id',
    label: ['participant', 'participants'],
    attributes: [],
  }),
  datasets: z.record(identifier, datasetConfig).refine((datasets) => Object.keys(datasets).length > 0, {
    error: 'expected at least one dataset',
  }),
  privacy: z.strictObject({ min_cell: z.int().min(1).default(1) }).default({ min_cell: 1 }),
  /** Coder id -> the name the site shows; coders not named here are shown as "Coder A", "Coder B", ... */
  coders: z.record(identifier, text).default({}),
});

export type StudyConfig = z.infer<typeof studyConfig>;
export type DatasetConfig = z.infer<typeof datasetConfig>;
export type ParticipantsConfig = z.infer<typeof participantsConfig>;
export type Author = z.infer<typeof author>;
