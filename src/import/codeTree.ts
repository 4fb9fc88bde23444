import type { RefiCode } from '../sources/refi/project.ts';

/** A code of the project once `::` names are turned into nesting. */
export interface CodeNode {
  readonly name: string;
  /** Undefined for a parent that only a `::` name implied, which the project never listed. */
  readonly guid: string | undefined;
  readonly description: string | undefined;
  readonly isCodable: boolean;
  readonly children: readonly CodeNode[];
}

interface Building {
  name: string;
  guid: string | undefined;
  description: string | undefined;
  isCodable: boolean;
  children: Building[];
}

/** `Coke::diet Coke` → [`Coke`, `diet Coke`]; a name without `::` (or with only empty parts) stays whole. */
export function nameParts(name: string): string[] {
  const parts = name
    .split('::')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return parts.length > 1 ? parts : [name];
}

/**
 * The project's code tree with ATLAS.ti 8's hierarchy-in-names undone: a code named
 * `Coke::diet Coke` is placed as `diet Coke` under a code `Coke`, which is the project's
 * own code of that name at that level if it has one, else a new grouping code. Other
 * codes keep their place, even two of one name (NVivo allows that), so no coding moves
 * to another code.
 */
export function codeTree(codes: readonly RefiCode[]): CodeNode[] {
  const roots: Building[] = [];
  const place = (code: RefiCode, siblings: Building[]) => {
    const parts = nameParts(code.name);
    let level = siblings;
    for (const part of parts.slice(0, -1)) {
      let parent = level.find((node) => node.name === part);
      if (!parent) {
        parent = { name: part, guid: undefined, description: undefined, isCodable: false, children: [] };
        level.push(parent);
      }
      level = parent.children;
    }
    const name = parts.at(-1)!;
    // A grouping code made for an earlier `::` name becomes the project's own code once that appears.
    const implied = level.find((node) => node.name === name && node.guid === undefined);
    const node = implied ?? { name, guid: undefined, description: undefined, isCodable: false, children: [] };
    Object.assign(node, { guid: code.guid, description: code.description, isCodable: code.isCodable });
    if (!implied) level.push(node);
    for (const child of code.children) place(child, node.children);
  };
  for (const code of codes) place(code, roots);
  return roots;
}
