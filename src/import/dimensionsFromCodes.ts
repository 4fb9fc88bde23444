import type { CodeNode } from './codeTree.ts';
import { uniqueSlugs } from './slug.ts';

export interface ImportedCode {
  readonly id: string;
  readonly label: string;
  readonly definition: string | undefined;
  /** The id of a code listed earlier in the same dimension. */
  readonly parent: string | undefined;
  /** The project's code it stands for; undefined for a grouping code implied by a `::` name. */
  readonly guid: string | undefined;
}

export interface ImportedDimension {
  /** Also its column in segments.csv and reliability/segments.csv. */
  readonly id: string;
  readonly label: string;
  readonly description: string | undefined;
  readonly codes: readonly ImportedCode[];
}

/** Where a project's code went: its dimension (by position) and its code id. */
export interface CodePlace {
  readonly dimension: number;
  readonly code: string;
  /** Its position in the dimension's codes: cells list codes in this order. */
  readonly order: number;
}

export interface ImportedCodebook {
  readonly dimensions: readonly ImportedDimension[];
  /** The project's code GUID → where codings on it are counted. */
  readonly places: ReadonlyMap<string, CodePlace>;
}

/** The id of the dimension holding every top-level code that has no children. */
export const looseCodesDimension = 'codes';

/** A label a reader sees and a citation carries: never blank. */
export function labelOf(name: string, fallback: string): string {
  return name.trim() === '' ? fallback : name;
}

/** A description worth writing: codebook.yaml refuses an empty one. */
function described(text: string | undefined): string | undefined {
  return text === undefined || text.trim() === '' ? undefined : text;
}

/**
 * The codebook of docs/import.md: each top-level code with children is a dimension of its
 * subtree, nested with `parent`; top-level codes without children share one dimension,
 * `codes`. A dimension's own top-level code is one of its codes only when it was applied
 * (`applied` holds the GUIDs of codes with codings), listed first and not as the parent of
 * the others: its count is then of the units coded with that code itself, not of every
 * unit of the dimension. `reservedColumns` are the dataset's other columns, which no
 * dimension may take.
 */
export function dimensionsFromCodes(
  tree: readonly CodeNode[],
  applied: ReadonlySet<string>,
  reservedColumns: readonly string[],
): ImportedCodebook {
  const dimensionId = uniqueSlugs('dimension', reservedColumns);
  const codeId = uniqueSlugs('code');
  const groups = tree.filter((node) => node.children.length > 0);
  const loose = tree.filter((node) => node.children.length === 0);
  const groupIds = groups.map((node) => dimensionId(node.name));
  const looseId = loose.length > 0 ? dimensionId(looseCodesDimension) : undefined;

  const dimensions: ImportedDimension[] = [];
  const places = new Map<string, CodePlace>();
  const addCodes = (dimension: number, nodes: readonly CodeNode[], parent: string | undefined, into: ImportedCode[]) => {
    for (const node of nodes) {
      const code: ImportedCode = {
        id: codeId(node.name),
        label: labelOf(node.name, 'Unnamed code'),
        definition: described(node.description),
        parent,
        guid: node.guid,
      };
      if (node.guid !== undefined) places.set(node.guid, { dimension, code: code.id, order: into.length });
      into.push(code);
      addCodes(dimension, node.children, code.id, into);
    }
  };

  groups.forEach((node, index) => {
    const codes: ImportedCode[] = [];
    if (node.guid !== undefined && applied.has(node.guid)) addCodes(dimensions.length, [{ ...node, children: [] }], undefined, codes);
    addCodes(dimensions.length, node.children, undefined, codes);
    dimensions.push({ id: groupIds[index]!, label: labelOf(node.name, 'Unnamed code'), description: described(node.description), codes });
  });
  if (looseId !== undefined) {
    const codes: ImportedCode[] = [];
    addCodes(dimensions.length, loose, undefined, codes);
    dimensions.push({ id: looseId, label: 'Codes', description: undefined, codes });
  }
  return { dimensions, places };
}
