import { max } from 'd3-array';
import { csvDataText } from '../format/csvCell.ts';
import type { Problem } from '../problems/problem.ts';
import type { RefiProject } from '../sources/refi/project.ts';
import { codePointText } from '../sources/refi/offsets.ts';
import { codersFromUsers, type ImportedCoder } from './codersFromUsers.ts';
import { codeTree } from './codeTree.ts';
import { codebookYaml } from './codebookYaml.ts';
import { dimensionsFromCodes, type ImportedCodebook } from './dimensionsFromCodes.ts';
import { participantsFromCases } from './participantsFromCases.ts';
import { idWidth, numberedId, slugOf } from './slug.ts';
import { importedFiles, segmentColumns, studyYaml } from './studyYaml.ts';
import { unitsFromSelections, type ImportedUnit, type UnitCoding } from './unitsFromSelections.ts';

/** What an import counted, for its closing summary. */
export interface ImportSummary {
  readonly sources: number;
  readonly segments: number;
  readonly codes: number;
  readonly dimensions: number;
  readonly participants: number;
  readonly coders: number;
}

export interface ImportedPackage {
  /** Path inside the study package (`reliability/segments.csv`) → the file's text. */
  readonly files: ReadonlyMap<string, string>;
  /** How offsets were counted, one line for the user. */
  readonly offsets: string;
  /** One line each: what was left out or guessed. The import still succeeds. */
  readonly warnings: readonly string[];
  readonly summary: ImportSummary;
}

export type ImportResult =
  { readonly ok: true; readonly imported: ImportedPackage } | { readonly ok: false; readonly problems: readonly Problem[] };

export interface ImportOptions {
  /** The project file as the user should see it, for problems. */
  readonly shown: string;
  /** YYYY-MM-DD: the study's date when the project has none. */
  readonly today: string;
}

const offsetLines = {
  'code-points': 'Offsets counted as Unicode code points (REFI-QDA standard).',
  'utf16-code-units': 'Offsets counted as UTF-16 code units (NVivo), converted to Unicode code points.',
} as const;

const skippedKinds = {
  pdf: ['PDF source', 'PDF sources'],
  picture: ['picture', 'pictures'],
  audio: ['audio source', 'audio sources'],
  video: ['video', 'videos'],
} as const;

const plural = (count: number, one: string, many: string) => `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;

/** The codebook alone, as a `.qdc` codebook is imported: nothing has been applied, so no dimension lists its own code. */
export function importCodebook(project: RefiProject, options: ImportOptions): ImportResult {
  const codebook = mappedCodebook(project, new Set());
  if (!codebook.ok) return { ok: false, problems: [noCodes(options.shown)] };
  return {
    ok: true,
    imported: {
      files: new Map([[importedFiles.codebook, codebookYaml(codebook.codebook.dimensions, describe('codebook', project.origin))]]),
      offsets: '',
      warnings: [],
      summary: { sources: 0, segments: 0, participants: 0, coders: 0, ...codebookCounts(codebook.codebook) },
    },
  };
}

/**
 * A REFI-QDA project as a study package (docs/import.md): every file's text, the warnings,
 * and what it counted. A project without a single code cannot make a codebook: that is the
 * one problem; all else imports, with a warning for what was left out.
 */
export function importProject(project: RefiProject, options: ImportOptions): ImportResult {
  const applied = new Set(
    project.sources.flatMap((source) => source.selections.flatMap((selection) => selection.codings.map((coding) => coding.codeGuid))),
  );
  const mapped = mappedCodebook(project, applied);
  if (!mapped.ok) return { ok: false, problems: [noCodes(options.shown)] };
  const { codebook } = mapped;
  const { units, unknownCodings } = unitsFromSelections(project.sources, new Set(codebook.places.keys()));
  const { participants, attributes, unitParticipant, sourcesWithoutCase } = participantsFromCases(project, units);
  const coders = codersFromUsers(project.users, units);
  const sourceWidth = idWidth(project.sources.length, 2);
  const sourceIds = project.sources.map((_, index) => numberedId('S', index, sourceWidth));
  const texts = project.sources.map((source) => (source.text === undefined ? undefined : codePointText(source.text)));

  const warnings: string[] = [...project.warnings];
  const skipped = Object.entries(skippedKinds)
    .filter(([kind]) => project.skipped[kind as keyof typeof skippedKinds] > 0)
    .map(([kind, [one, many]]) => plural(project.skipped[kind as keyof typeof skippedKinds], one, many));
  if (skipped.length > 0) warnings.push(`Skipped ${skipped.join(', ')}: only text sources are imported.`);
  project.sources.forEach((source, index) => {
    if (texts[index] !== undefined) return;
    warnings.push(
      `${sourceIds[index]} (${JSON.stringify(source.name)}) has no text: its segments have an empty text cell, and sources.csv gives its length as its largest end offset (${lengthOf(index)}).`,
    );
  });
  if (sourcesWithoutCase.length > 0)
    warnings.push(
      `${plural(sourcesWithoutCase.length, 'source has', 'sources have')} coded text but no case: each became a participant of its own (${sourcesWithoutCase
        .map((source) => `${sourceIds[source]} ${JSON.stringify(project.sources[source]!.name)}`)
        .join(', ')}).`,
    );
  if (unknownCodings > 0) warnings.push(`Left out ${plural(unknownCodings, 'coding', 'codings')} on a code the codebook does not hold.`);
  const unattributed = units.reduce((sum, unit) => sum + unit.codings.filter((coding) => coding.coder === '').length, 0);
  if (coders.length > 1 && unattributed > 0)
    warnings.push(
      `${plural(unattributed, 'coding names', 'codings name')} no coder: counted in segments.csv, left out of reliability/segments.csv.`,
    );
  if (units.length === 0) warnings.push('The project has no coded text selection: segments.csv has no rows.');

  function lengthOf(source: number): number {
    return texts[source]?.length ?? max(project.sources[source]!.selections, (selection) => selection.end) ?? 0;
  }

  const segmentIdWidth = idWidth(units.length, 4);
  const segmentIds = units.map((_, index) => numberedId('G', index, segmentIdWidth));
  const dimensions = codebook.dimensions;
  const cellsOf = (codings: readonly UnitCoding[]) => codeCells(codings, codebook);
  const segmentRows = units.map((unit, index) => [
    segmentIds[index]!,
    unitParticipant[index]!,
    sourceIds[unit.source]!,
    unit.start,
    unit.end,
    ...cellsOf(unit.codings),
    texts[unit.source]?.slice(unit.start, unit.end) ?? '',
  ]);

  const files = new Map<string, string>();
  files.set(
    importedFiles.study,
    studyYaml({
      id: slugOf(project.name ?? '', 'study'),
      title: project.name?.trim() ? project.name : 'Imported study',
      date: studyDate(project.modified, options.today),
      from: describe('project', project.origin),
      attributes,
      coders,
    }),
  );
  files.set(importedFiles.codebook, codebookYaml(dimensions, describe('project', project.origin)));
  files.set(
    importedFiles.participants,
    csvDataText([
      [segmentColumns.participant, ...attributes.map((attribute) => attribute.column)],
      ...participants.map((participant) => [participant.id, ...attributes.map((attribute) => participant.values[attribute.column] ?? '')]),
    ]),
  );
  files.set(
    importedFiles.segments,
    csvDataText([
      [
        segmentColumns.key,
        segmentColumns.participant,
        segmentColumns.source,
        segmentColumns.start,
        segmentColumns.end,
        ...dimensions.map((dimension) => dimension.id),
        segmentColumns.text,
      ],
      ...segmentRows,
    ]),
  );
  files.set(
    importedFiles.sources,
    csvDataText([['source', 'characters'], ...project.sources.map((_, index) => [sourceIds[index]!, lengthOf(index)])]),
  );
  if (coders.length > 1)
    files.set(
      importedFiles.reliability,
      csvDataText([
        ['segment_id', 'coder', ...dimensions.map((dimension) => dimension.id)],
        ...reliabilityRows(units, segmentIds, coders, cellsOf),
      ]),
    );
  files.set(
    importedFiles.privateSources,
    csvDataText([['source', 'name'], ...project.sources.map((source, index) => [sourceIds[index]!, source.name])]),
  );
  files.set(
    importedFiles.privateParticipants,
    csvDataText([['participant_id', 'name'], ...participants.map((participant) => [participant.id, participant.name])]),
  );

  return {
    ok: true,
    imported: {
      files,
      offsets: offsetLines[project.offsets],
      warnings,
      summary: {
        sources: project.sources.length,
        segments: units.length,
        participants: participants.length,
        coders: coders.length,
        ...codebookCounts(codebook),
      },
    },
  };
}

function mappedCodebook(project: RefiProject, applied: ReadonlySet<string>): { ok: true; codebook: ImportedCodebook } | { ok: false } {
  const tree = codeTree(project.codes);
  if (tree.length === 0) return { ok: false };
  return { ok: true, codebook: dimensionsFromCodes(tree, applied, Object.values(segmentColumns)) };
}

function noCodes(shown: string): Problem {
  return { file: shown, message: 'expected a codebook with at least one code (CodeBook/Codes/Code); found none' };
}

function codebookCounts(codebook: ImportedCodebook): { codes: number; dimensions: number } {
  return { codes: codebook.dimensions.reduce((sum, dimension) => sum + dimension.codes.length, 0), dimensions: codebook.dimensions.length };
}

/** "a REFI-QDA project (NVivo 14)": for the comment at the top of the files written. */
function describe(kind: 'project' | 'codebook', origin: string | undefined): string {
  return `a REFI-QDA ${kind}${origin === undefined || origin.trim() === '' ? '' : ` (${origin.trim()})`}`;
}

/** Each dimension's cell for some codings: the codes applied, once each, in codebook order, joined by ";". */
function codeCells(codings: readonly UnitCoding[], codebook: ImportedCodebook): string[] {
  const chosen = codebook.dimensions.map(() => new Map<number, string>());
  for (const coding of codings) {
    const place = codebook.places.get(coding.codeGuid);
    if (place) chosen[place.dimension]!.set(place.order, place.code);
  }
  return chosen.map((codes) =>
    [...codes.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, code]) => code)
      .join(';'),
  );
}

/** One row per unit and coder who coded it, with that coder's codes only. */
function reliabilityRows(
  units: readonly ImportedUnit[],
  segmentIds: readonly string[],
  coders: readonly ImportedCoder[],
  cellsOf: (codings: readonly UnitCoding[]) => string[],
): (string | number)[][] {
  return units.flatMap((unit, index) =>
    coders
      .map((coder) => ({ coder, codings: unit.codings.filter((coding) => coding.coder === coder.key) }))
      .filter(({ codings }) => codings.length > 0)
      .map(({ coder, codings }) => [segmentIds[index]!, coder.id, ...cellsOf(codings)]),
  );
}

/** The project's date, YYYY-MM-DD, when it writes a real one; else today. */
export function studyDate(written: string | undefined, today: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(written ?? '');
  if (!day) return today;
  const date = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
  return date.toISOString().slice(0, 10) === day[0] ? day[0] : today;
}
