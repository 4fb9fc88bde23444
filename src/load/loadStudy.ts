import type { Study, StudyOutline } from '../model/study.ts';
import { sortProblems, type Problem } from '../problems/problem.ts';
import type { StudySource } from '../model/studySource.ts';
import { checkPublishedTexts, parsePrivateNames } from './checkPrivacy.ts';

export type StudyResult = { ok: true; study: Study } | { ok: false; problems: readonly Problem[]; outline?: StudyOutline };

/**
 * Read and validate a whole study from its source. Every record is checked even after a
 * problem, so the researcher sees every problem in one run; the study is returned only
 * when there are none. The outline comes back with the problems when it could be read, so
 * chart definitions and chapters can still be checked in the same run.
 */
export function loadStudy(source: StudySource): StudyResult {
  const problems: Problem[] = [];
  const outline = source.readOutline(problems);
  if (!outline) return { ok: false, problems: sortProblems(problems) };
  const records = source.readRecords(outline, problems);
  const names = records.privateNames && parsePrivateNames(records.privateNames.text, records.privateNames.file);
  const examples = outline.dimensions.flatMap((dimension) =>
    dimension.codes.flatMap((code) =>
      code.example !== undefined && code.exampleOrigin
        ? [{ text: code.example, origin: code.exampleOrigin, what: 'a codebook example', names: true }]
        : [],
    ),
  );
  checkPublishedTexts(examples, names, problems);
  checkPublishedTexts(records.texts, names, problems);
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems), outline };
  if (records.datasets.every((dataset) => dataset.units.length === 0)) {
    return {
      ok: false,
      outline,
      problems: [{ ...outline.origin, field: 'datasets', message: 'expected at least one unit to analyse; found every row excluded' }],
    };
  }
  const { participants, datasets, fingerprint } = records;
  return { ok: true, study: { ...outline, participants, datasets, fingerprint } };
}
