import { ascending, group } from 'd3-array';
import type { RefiTextSource } from '../sources/refi/project.ts';

/** A coding as the import keeps it: which code, and who applied it ('' when the project does not say). */
export interface UnitCoding {
  readonly codeGuid: string;
  readonly coder: string;
}

/** One row of segments.csv: a distinct stretch of one source, with every coding on it. */
export interface ImportedUnit {
  /** Position of its source in the project's text sources. */
  readonly source: number;
  readonly start: number;
  readonly end: number;
  /** The selections it gathers, for the cases that reference them. */
  readonly selectionGuids: readonly string[];
  readonly codings: readonly UnitCoding[];
}

export interface ImportedUnits {
  readonly units: readonly ImportedUnit[];
  /** Codings on a code the codebook does not hold, left out. */
  readonly unknownCodings: number;
}

/**
 * The units of docs/import.md: one per distinct (source, start, end), in source order then
 * by offset. NVivo repeats a selection once per coding and ATLAS.ti puts several codings on
 * one selection; both become one unit holding all the codings. A selection with no coding
 * on a known code is not a unit: it says nothing about any code.
 */
export function unitsFromSelections(sources: readonly RefiTextSource[], knownCodes: ReadonlySet<string>): ImportedUnits {
  const units: ImportedUnit[] = [];
  let unknownCodings = 0;
  sources.forEach((source, index) => {
    const spans = group(
      source.selections,
      (selection) => selection.start,
      (selection) => selection.end,
    );
    const found: ImportedUnit[] = [];
    for (const [start, byEnd] of spans)
      for (const [end, selections] of byEnd) {
        const codings: UnitCoding[] = [];
        for (const selection of selections)
          for (const coding of selection.codings) {
            if (knownCodes.has(coding.codeGuid)) codings.push({ codeGuid: coding.codeGuid, coder: coding.coderGuid ?? '' });
            else unknownCodings++;
          }
        if (codings.length > 0)
          found.push({ source: index, start, end, selectionGuids: selections.map((selection) => selection.guid), codings });
      }
    found.sort((a, b) => ascending(a.start, b.start) || ascending(a.end, b.end));
    // One by one: a source may have more selections than a call can take arguments.
    for (const unit of found) units.push(unit);
  });
  return { units, unknownCodings };
}
