import type { StudyOutline } from '../model/study.ts';
import type { Problem } from '../problems/problem.ts';
import { formattingError, variablesAtFault } from './formatCheck.ts';
import { formatReference } from './formatReference.ts';

/**
 * What the citations will carry, checked before anything is built: the metadata is read
 * whole by then, so these problems are listed with the data's, at their line in study.yaml,
 * instead of failing the render.
 */
export function checkCitableMetadata(outline: StudyOutline, problems: Problem[]): void {
  checkBasedOn(outline, problems);
}

/** The publications the report accompanies are formatted as references on every page. */
function checkBasedOn(outline: StudyOutline, problems: Problem[]): void {
  // Unchecked when study.yaml's description has problems of its own (see readOutline).
  const basedOn: unknown = outline.metadata.based_on;
  if (!Array.isArray(basedOn)) return;
  (basedOn as unknown[]).forEach((item, index) => {
    if (typeof item !== 'object' || item === null) return;
    const format = (candidate: Readonly<Record<string, unknown>>) => formatReference([candidate]);
    const error = formattingError(() => format(item as Record<string, unknown>));
    if (error === undefined) return;
    const expected =
      'expected CSL-JSON that citation-js can format as a reference (names such as { family: Doe, given: Jane }, dates such as { date-parts: [[2016, 3]] })';
    const culprits = variablesAtFault(item as Record<string, unknown>, format);
    if (culprits.length === 0) {
      problems.push({
        ...outline.locate(['based_on', index]),
        field: `based_on.${index}`,
        message: `${expected}; found an item it cannot format (${error})`,
      });
      return;
    }
    for (const key of culprits) {
      problems.push({
        ...outline.locate(['based_on', index, key]),
        field: `based_on.${index}.${key}`,
        message: `${expected}; found ${shownValue((item as Record<string, unknown>)[key])}`,
      });
    }
  });
}

/** A YAML value as JSON, cut to one short line. */
function shownValue(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}
