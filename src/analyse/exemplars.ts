import type { Dimension, Unit } from '../model/study.ts';
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
export function exemplars(units: readonly Unit[], dimension: Dimension): Record<string, Exemplar[]> {
  const chosen = new Map<string, Unit[]>(dimension.codes.map((code) => [code.id, []]));
  // Codes still short of examples: counted down rather than checked code by code after every unit.
  let open = chosen.size;
  for (const distinctParticipants of [true, false]) {
    for (const unit of units) {
      if (open === 0) break;
      if (unit.text === undefined || unit.text.trim() === '') continue;
      for (const code of unit.codes[dimension.id] ?? []) {
        const picked = chosen.get(code)!;
        if (picked.length >= perCode || picked.includes(unit)) continue;
        if (distinctParticipants && picked.some((other) => other.participant === unit.participant)) continue;
        picked.push(unit);
        if (picked.length === perCode) open--;
      }
    }
  }
  return Object.fromEntries(
    [...chosen]
      .filter(([, picked]) => picked.length > 0)
      .map(([code, picked]) => [
        code,
        picked.map((unit) => ({ key: unit.key, participant: unit.participant, text: shortened(unit.text!) })),
      ]),
  );
}
