import { sum } from 'd3-array';
import { quoted, type Problem } from '../../problems/problem.ts';
import { offsetUnitFor, textOffsets, type TextOffsets } from './offsets.ts';
import type { OffsetUnit, RefiCase, RefiCoding, RefiProject, RefiSelection, RefiTextSource } from './project.ts';
import type { CaseAsWritten, ProjectAsWritten, SelectionAsWritten, TextSourceAsWritten } from './readProject.ts';

/** A source's plain text, or where it was looked for when it is not in the zip. */
export type SourceText = { readonly text: string } | { readonly missing: string } | { readonly problem: true };

const unitWords: Readonly<Record<OffsetUnit, string>> = {
  'code-points': 'code points',
  'utf16-code-units': 'UTF-16 code units, as NVivo counts',
};

/**
 * Check what one pass over the project collected and turn it into the model: every coding
 * names a known code, every selection lies within its text (offsets turned into code points),
 * every case reference has a target. All problems are collected; the project is returned
 * only when there are none. `textOf` finds a source's text (and pushes its own problems).
 */
export function buildProject(
  read: ProjectAsWritten,
  file: string,
  shown: string,
  textOf: (source: TextSourceAsWritten) => SourceText,
  problems: Problem[],
): RefiProject | undefined {
  const before = problems.length;
  const offsets = offsetUnitFor(read.origin);
  const warnings: string[] = [];
  const coderOf = (written: string | undefined): string | undefined =>
    written !== undefined && !read.pseudoUsers.has(written) ? written : undefined;

  const sources: RefiTextSource[] = read.sources.map((source) => {
    const found = textOf(source);
    const text = 'text' in found ? found.text : undefined;
    if ('missing' in found) {
      const codings = sum(source.selections, (selection) => selection.codings.length);
      warnings.push(`${found.missing} is missing from ${shown}: its ${codings === 1 ? '1 coding is' : `${codings} codings are`} imported with empty text`);
    }
    const measure = text === undefined ? undefined : textOffsets(text, offsets);
    const selections: RefiSelection[] = [];
    for (const selection of source.selections) {
      const span = checkedSpan(selection, measure, offsets, file, problems);
      const codings = selection.codings.map(
        (coding): RefiCoding => ({
          guid: coding.guid,
          codeGuid: coding.codeGuid ?? '',
          coderGuid: coderOf(coding.creatingUser) ?? coderOf(selection.creatingUser),
        }),
      );
      if (span) selections.push({ guid: selection.guid, ...span, codings, place: selection.place });
    }
    return { guid: source.guid, name: source.name, text, selections };
  });

  for (const source of read.sources) {
    for (const selection of source.selections) {
      for (const coding of selection.codings) {
        if (coding.codeGuid === undefined || read.codeGuids.has(coding.codeGuid)) continue;
        problems.push({
          file,
          line: coding.codeRefLine,
          field: 'CodeRef@targetGUID',
          message: `expected the GUID of a code in the codebook; found ${quoted(coding.codeGuid)}, which no code has`,
        });
      }
    }
  }
  const targets: CaseTargets = {
    sources: new Set(read.sources.map((source) => source.guid)),
    selections: new Set(read.sources.flatMap((source) => source.selections.map((selection) => selection.guid))),
    variables: new Set(read.variables.map((variable) => variable.guid)),
    skipped: read.skippedGuids,
  };
  const cases = read.cases.map((theCase) => checkedCase(theCase, targets, file, problems));

  if (problems.length > before) return undefined;
  return {
    name: read.name,
    origin: read.origin,
    modified: read.modified,
    offsets,
    users: read.users,
    codes: read.codes,
    sources,
    skipped: read.skipped,
    variables: read.variables,
    cases,
    warnings,
  };
}

/**
 * The selection's span in code points of its text. Without a text the offsets are kept as
 * written, since nothing can check or convert them; a coding of the whole source spans it all.
 */
function checkedSpan(
  selection: SelectionAsWritten,
  measure: TextOffsets | undefined,
  unit: OffsetUnit,
  file: string,
  problems: Problem[],
): { start: number; end: number } | undefined {
  if (selection.wholeSource) return { start: 0, end: measure ? (measure.toCodePoint(measure.length) ?? 0) : 0 };
  const { start, end } = selection;
  if (start === undefined || end === undefined) return undefined;
  const length = measure?.length ?? Number.POSITIVE_INFINITY;
  const report = (attribute: string, expected: string, found: string): undefined => {
    problems.push({ file, line: selection.place.line, field: `PlainTextSelection@${attribute}`, message: `expected ${expected}; found ${found}` });
    return undefined;
  };
  const within = `0 <= startPosition <= endPosition <= ${length} (the text's length in ${unitWords[unit]})`;
  const found = `startPosition ${start} and endPosition ${end}`;
  if (start < 0) return report('startPosition', within, found);
  if (end < start) return report('endPosition', within, found);
  if (end > length) return report('endPosition', within, found);
  if (!measure) return { start, end };
  const from = measure.toCodePoint(start);
  const to = measure.toCodePoint(end);
  const inside = 'an offset between characters, not inside the two UTF-16 code units of one (an emoji, say)';
  if (from === undefined) return report('startPosition', inside, String(start));
  if (to === undefined) return report('endPosition', inside, String(end));
  return { start: from, end: to };
}

interface CaseTargets {
  readonly sources: ReadonlySet<string>;
  readonly selections: ReadonlySet<string>;
  readonly variables: ReadonlySet<string>;
  readonly skipped: ReadonlySet<string>;
}

function checkedCase(theCase: CaseAsWritten, targets: CaseTargets, file: string, problems: Problem[]): RefiCase {
  // A reference to a skipped PDF or recording is fine; it is just not imported.
  const kept = (refs: CaseAsWritten['sourceRefs'], known: ReadonlySet<string>, element: string, what: string): string[] =>
    refs.flatMap(({ guid, line }) => {
      if (known.has(guid)) return [guid];
      if (!targets.skipped.has(guid)) {
        problems.push({ file, line, field: `${element}@targetGUID`, message: `expected the GUID of ${what} in the project; found ${quoted(guid)}, which none has` });
      }
      return [];
    });
  const values: Record<string, string> = {};
  for (const { variableGuid, value, line } of theCase.values) {
    if (variableGuid === undefined) continue;
    if (!targets.variables.has(variableGuid)) {
      problems.push({ file, line, field: 'VariableRef@targetGUID', message: `expected the GUID of a variable in Variables; found ${quoted(variableGuid)}, which none has` });
    } else values[variableGuid] = value;
  }
  return {
    guid: theCase.guid,
    name: theCase.name,
    sourceGuids: kept(theCase.sourceRefs, targets.sources, 'SourceRef', 'a source'),
    selectionGuids: kept(theCase.selectionRefs, targets.selections, 'SelectionRef', 'a selection'),
    values,
  };
}
