import type { Dimension } from '../model/study.ts';
import type { UnitTable } from '../model/unitTable.ts';
import type { Exemplar } from '../model/report.ts';

/** How many examples a code shows: enough to convey it, few enough to read. */
const perCode = 3;

/** An example is a glimpse, not the record: longer texts are cut at a word, with an ellipsis. */
const mostCharacters = 400;

function shortened(text: string): string {
  if (text.length <= mostCharacters) return text;
  const cut = text.slice(0, mostCharacters);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > mostCharacters / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/**
 * Example texts for each code, from units coded with it directly. Units are taken in file
 * order, from different participants first, so the examples are stable from build to build
 * and do not all come from the most prolific participant. Empty when the text is not
 * publishable. Stops early: a million units cost one pass at most.
 */
export function exemplars(units: UnitTable, dimension: Dimension): Record<string, Exemplar[]> {
  // Rows picked per code; a unit's text is read only once it is picked.
  const chosen = new Map<string, number[]>(dimension.codes.map((code) => [code.id, []]));
  // Codes still short of examples: counted down rather than checked code by code after every unit.
  let open = chosen.size;
  const { participantOf, codeSetOf } = units;
  for (const distinctParticipants of [true, false]) {
    for (let row = 0; row < units.length; row++) {
      if (open === 0) break;
      if (!units.hasText(row)) continue;
      for (const code of units.codeSets[codeSetOf[row]!]![dimension.id] ?? []) {
        const picked = chosen.get(code)!;
        if (picked.length >= perCode || picked.includes(row)) continue;
        if (distinctParticipants && picked.some((other) => participantOf[other] === participantOf[row])) continue;
        picked.push(row);
        if (picked.length === perCode) open--;
      }
    }
  }
  return Object.fromEntries(
    [...chosen]
      .filter(([, picked]) => picked.length > 0)
      .map(([code, picked]) => [
        code,
        picked.map((row) => ({
          key: units.key(row),
          participant: units.participants[participantOf[row]!]!,
          text: shortened(units.text(row)!),
        })),
      ]),
  );
}
