import type { StudyOutline } from '../model/study.ts';
import type { Problem } from '../problems/problem.ts';
import { hasValidOrcidCheckDigit, ORCID_ID } from '../schemas/orcid.ts';
import { formattingError, variablesAtFault } from './formatCheck.ts';
import { formatReference } from './formatReference.ts';

/**
 * What the citations will carry, checked before anything is built: the metadata is read
 * whole by then, so these problems are listed with the data's, at their line in study.yaml,
 * instead of failing the render.
 */
export function checkCitableMetadata(outline: StudyOutline, problems: Problem[]): void {
  checkOrcids(outline, problems);
  checkBasedOn(outline, problems);
}

/** The citation files link each author's ORCID iD: its last character must be its check character. */
function checkOrcids(outline: StudyOutline, problems: Problem[]): void {
  outline.metadata.authors.forEach((author, index) => {
    const id = author.orcid;
    if (id === undefined || !ORCID_ID.test(id) || hasValidOrcidCheckDigit(id)) return;
    problems.push({
      ...outline.locate(['authors', index, 'orcid']),
      field: `authors.${index}.orcid`,
      message: `expected an ORCID iD with a valid check digit (its last character, computed from the others: a digit is probably mistyped; copy the iD from orcid.org); found "${id}"`,
    });
  });
}

/** The publications the report accompanies are formatted as references on every page. */
function checkBasedOn(outline: StudyOutline, problems: Problem[]): void {
  outline.metadata.based_on.forEach((item, index) => {
    const format = (candidate: Readonly<Record<string, unknown>>) => formatReference([candidate]);
    const error = formattingError(() => format(item));
    if (error === undefined) return;
    const expected = 'expected CSL-JSON that citation-js can format as a reference (names such as { family: Doe, given: Jane }, dates such as { date-parts: [[2016, 3]] })';
    const culprits = variablesAtFault(item, format);
    if (culprits.length === 0) {
      problems.push({ ...outline.locate(['based_on', index]), field: `based_on.${index}`, message: `${expected}; found an item it cannot format (${error})` });
      return;
    }
    for (const key of culprits) {
      problems.push({ ...outline.locate(['based_on', index, key]), field: `based_on.${index}.${key}`, message: `${expected}; found ${shownValue(item[key])}` });
    }
  });
}

/** A YAML value as JSON, cut to one short line. */
function shownValue(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}
