import type { RefiCase, RefiCode, RefiProject, RefiSelection, RefiTextSource } from '../../src/sources/refi/project.ts';

/**
 * Hand-built REFI-QDA projects for the import's unit tests: the model the reader fills,
 * written out in a few lines, with readable GUIDs ("c-joy") since the import only
 * compares them.
 */
export function refiProject(parts: Partial<RefiProject> = {}): RefiProject {
  return {
    name: 'Tiny project',
    origin: 'Test 1.0',
    modified: '2024-05-06T10:00:00Z',
    offsets: 'code-points',
    users: [],
    codes: [],
    sources: [],
    skipped: { pdf: 0, picture: 0, audio: 0, video: 0 },
    variables: [],
    cases: [],
    warnings: [],
    ...parts,
  };
}

export function refiCode(guid: string, name: string, children: readonly RefiCode[] = [], more: Partial<RefiCode> = {}): RefiCode {
  return { guid, name, description: undefined, isCodable: true, children, ...more };
}

/** A selection with its codings, each `[code GUID, coder GUID]` (undefined: no user named). */
export function refiSelection(
  guid: string,
  start: number,
  end: number,
  codings: readonly (readonly [string, string | undefined])[],
): RefiSelection {
  return {
    guid,
    start,
    end,
    codings: codings.map(([codeGuid, coderGuid], index) => ({ guid: `${guid}-coding-${index}`, codeGuid, coderGuid })),
    place: { entry: 'project.qde', line: 1, column: 1 },
  };
}

export function refiSource(guid: string, name: string, text: string | undefined, selections: readonly RefiSelection[]): RefiTextSource {
  return { guid, name, text, selections };
}

export function refiCase(guid: string, name: string, parts: Partial<RefiCase> = {}): RefiCase {
  return { guid, name, sourceGuids: [], selectionGuids: [], values: {}, ...parts };
}
