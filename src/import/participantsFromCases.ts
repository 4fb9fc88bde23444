import type { RefiCase, RefiProject } from '../sources/refi/project.ts';
import { idWidth, numberedId, uniqueSlugs } from './slug.ts';
import type { ImportedUnit } from './unitsFromSelections.ts';

export interface ImportedAttribute {
  /** The column in participants.csv. */
  readonly column: string;
  /** The variable's name as the project wrote it. */
  readonly label: string;
  readonly variableGuid: string;
}

export interface ImportedParticipant {
  /** Pseudonymous: P01, P02, … */
  readonly id: string;
  /** The case's name, or the source's when the participant is a source: only for private/. */
  readonly name: string;
  /** Attribute column → value as written; absent when the participant has none. */
  readonly values: Readonly<Record<string, string>>;
}

export interface ImportedParticipants {
  readonly participants: readonly ImportedParticipant[];
  readonly attributes: readonly ImportedAttribute[];
  /** Each unit's participant id, by the unit's position. */
  readonly unitParticipant: readonly string[];
  /** Sources that no case references while other cases exist: each became a participant of its own. */
  readonly sourcesWithoutCase: readonly number[];
}

/** Who a unit belongs to before the ids are handed out: a case, or a source standing for its speaker. */
type Owner = { readonly kind: 'case'; readonly case: RefiCase } | { readonly kind: 'source'; readonly source: number };

/**
 * The participants of docs/import.md. A unit belongs to the case that references one of its
 * selections, else to the case that references its source; in a project without cases each
 * source is one participant. Ids follow first appearance: the units in order, then the
 * sources (a source's case, or in a project without cases the source itself). Cases whose
 * sources were not imported (a PDF, an audio file) are left out: they hold no unit.
 */
export function participantsFromCases(project: RefiProject, units: readonly ImportedUnit[]): ImportedParticipants {
  const caseOfSelection = new Map<string, RefiCase>();
  const caseOfSource = new Map<string, RefiCase>();
  for (const refiCase of project.cases) {
    for (const guid of refiCase.selectionGuids) if (!caseOfSelection.has(guid)) caseOfSelection.set(guid, refiCase);
    for (const guid of refiCase.sourceGuids) if (!caseOfSource.has(guid)) caseOfSource.set(guid, refiCase);
  }
  const hasCases = project.cases.length > 0;
  const ownerOfSource = (source: number): Owner | undefined => {
    const refiCase = caseOfSource.get(project.sources[source]!.guid);
    return refiCase ? { kind: 'case', case: refiCase } : hasCases ? undefined : { kind: 'source', source };
  };

  const owners = new Map<string, Owner>();
  const keyOf = (owner: Owner) => (owner.kind === 'case' ? `case:${owner.case.guid}` : `source:${owner.source}`);
  const sourcesWithoutCase = new Set<number>();
  const unitOwners = units.map((unit): string => {
    const selected = unit.selectionGuids.map((guid) => caseOfSelection.get(guid)).find((found) => found !== undefined);
    let owner: Owner | undefined = selected ? { kind: 'case', case: selected } : ownerOfSource(unit.source);
    if (!owner) {
      sourcesWithoutCase.add(unit.source);
      owner = { kind: 'source', source: unit.source };
    }
    const key = keyOf(owner);
    if (!owners.has(key)) owners.set(key, owner);
    return key;
  });
  project.sources.forEach((_, source) => {
    const owner = ownerOfSource(source);
    if (owner && !owners.has(keyOf(owner))) owners.set(keyOf(owner), owner);
  });

  const width = idWidth(owners.size, 2);
  const idOf = new Map([...owners.keys()].map((key, index) => [key, numberedId('P', index, width)]));
  const ownerCases = [...owners.values()].flatMap((owner) => (owner.kind === 'case' ? [owner.case] : []));
  const attributeColumn = uniqueSlugs('attribute', ['participant_id']);
  const attributes = project.variables
    .filter((variable) => ownerCases.some((refiCase) => refiCase.values[variable.guid] !== undefined))
    .map((variable) => ({
      column: attributeColumn(variable.name),
      label: variable.name.trim() === '' ? 'Unnamed variable' : variable.name,
      variableGuid: variable.guid,
    }));

  const participants = [...owners.entries()].map(([key, owner]): ImportedParticipant => {
    if (owner.kind === 'source') return { id: idOf.get(key)!, name: project.sources[owner.source]!.name, values: {} };
    const values: Record<string, string> = {};
    for (const attribute of attributes) {
      const value = owner.case.values[attribute.variableGuid];
      if (value !== undefined) values[attribute.column] = value;
    }
    return { id: idOf.get(key)!, name: owner.case.name, values };
  });
  return {
    participants,
    attributes,
    unitParticipant: unitOwners.map((key) => idOf.get(key)!),
    sourcesWithoutCase: [...sourcesWithoutCase].sort((a, b) => a - b),
  };
}
