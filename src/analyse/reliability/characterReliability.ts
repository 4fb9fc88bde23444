import { group, sum } from 'd3-array';
import type { CharacterAgreementResult } from '../../model/report.ts';
import type { Dataset, Dimension, ReliabilityCodings, UnitSpan } from '../../model/study.ts';
import { characterAgreement, type CharacterAgreement, type CharacterRange } from './characterAgreement.ts';
import { cohenKappaOfTable } from './cohenKappa.ts';

/**
 * NVivo's coding comparison for a dataset whose units are spans of source documents: for
 * each code of each dimension the reliability file gives, each pair of coders and each
 * source, the characters each coder coded at the code (the spans of the units whose cell
 * holds the code itself, not a code nested under it, as NVivo compares codes) give a 2 × 2
 * table, its agreement and kappa (`characterAgreement`).
 *
 * Only sources with at least one unit in the reliability file take part, since a source no
 * coder read says nothing about agreement. A row is kept for a source where either coder
 * used the code; the pooled row (source null) adds up the tables of every taking part
 * source, so its agreement is the sources' agreement weighted by their length.
 *
 * @param names coder id -> the name the site shows.
 */
export function characterReliability(
  dataset: Dataset,
  reliability: ReliabilityCodings,
  dimensions: readonly Dimension[],
  names: ReadonlyMap<string, string>,
): CharacterAgreementResult[] {
  const lengths = new Map((dataset.sources ?? []).map((source) => [source.id, source.characters] as const));
  const spanOf = new Map<string, UnitSpan>();
  for (let row = 0; row < dataset.units.length; row++) {
    const span = dataset.units.span(row);
    if (span) spanOf.set(dataset.units.key(row), span);
  }
  const codings = reliability.codings.filter((coding) => spanOf.has(coding.unit));
  const bySource = group(codings, (coding) => spanOf.get(coding.unit)!.source);
  const sources = [...lengths.keys()].filter((source) => bySource.has(source));
  const coders = reliability.coders;
  const pairs = coders.flatMap((first, i) => coders.slice(i + 1).map((second) => [first, second] as const));
  const nameOf = (coder: string) => names.get(coder) ?? coder;

  return dimensions.flatMap((dimension) =>
    dimension.codes.flatMap((code) =>
      pairs.flatMap(([first, second]) => {
        const rangesOf = (coder: string, source: string): CharacterRange[] =>
          (bySource.get(source) ?? [])
            .filter((coding) => coding.coder === coder && (coding.codes[dimension.id] ?? []).includes(code.id))
            .map((coding) => spanOf.get(coding.unit)!);
        const perSource = sources.flatMap((source) => {
          const a = rangesOf(first, source);
          const b = rangesOf(second, source);
          if (a.length === 0 && b.length === 0) return [];
          return [{ source, table: characterAgreement(lengths.get(source)!, a, b) }];
        });
        if (perSource.length === 0) return [];
        const base = { dimension: dimension.id, code: code.id, pair: [nameOf(first), nameOf(second)] as const };
        // Sources where neither coder used the code agree on every character: they add to "neither".
        const untouched = sum(
          sources.filter((source) => !perSource.some((row) => row.source === source)),
          (source) => lengths.get(source)!,
        );
        return [
          {
            ...base,
            source: null,
            ...figures(
              pooled(
                perSource.map((row) => row.table),
                untouched,
              ),
            ),
          },
          ...perSource.map((row) => ({ ...base, source: row.source, ...figures(row.table) })),
        ];
      }),
    ),
  );
}

/** The tables of several sources added up, with `untouched` characters that neither coder coded. */
function pooled(tables: readonly CharacterAgreement[], untouched: number): CharacterAgreement {
  const both = sum(tables, (table) => table.both);
  const firstOnly = sum(tables, (table) => table.firstOnly);
  const secondOnly = sum(tables, (table) => table.secondOnly);
  const neither = sum(tables, (table) => table.neither) + untouched;
  const characters = both + firstOnly + secondOnly + neither;
  return {
    characters,
    both,
    firstOnly,
    secondOnly,
    neither,
    agreement: characters === 0 ? undefined : (both + neither) / characters,
    kappa: cohenKappaOfTable([
      [both, firstOnly],
      [secondOnly, neither],
    ]).kappa,
  };
}

function figures(table: CharacterAgreement): Omit<CharacterAgreementResult, 'dimension' | 'code' | 'pair' | 'source'> {
  const { characters, both, firstOnly, secondOnly, neither } = table;
  return { characters, both, firstOnly, secondOnly, neither, agreement: table.agreement ?? null, kappa: table.kappa ?? null };
}
