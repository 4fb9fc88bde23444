import type { AttributeReader } from './attributes.ts';
import type { XmlElement } from './parseXml.ts';
import type { RefiCode } from './project.ts';

interface CodeBeingRead {
  guid: string;
  name: string;
  description: string | undefined;
  isCodable: boolean;
  children: CodeBeingRead[];
}

/** The part of a project or codebook reader that reads `Codes/Code` trees and their descriptions. */
export interface CodeTreeReader {
  /** True when the element belongs to the code tree and was taken up. */
  open(element: XmlElement, parent: string): boolean;
  close(element: XmlElement): boolean;
  text(text: string): boolean;
  /** The top-level codes, each with its subtree, in document order. */
  readonly codes: readonly RefiCode[];
  /** Every code's GUID, nested ones included. */
  readonly guids: ReadonlySet<string>;
}

/**
 * Codes as written: nesting kept, names whole (ATLAS.ti's `Parent::Child` is the import's
 * business), descriptions trimmed. `isCodable` is required by the schema; when a vendor
 * leaves it out the code is taken as codable, since a code only for grouping is the rarer
 * case. A GUID used twice makes references ambiguous, so it is a problem.
 */
export function codeTreeReader(attributes: AttributeReader): CodeTreeReader {
  const top: CodeBeingRead[] = [];
  const open: { element: XmlElement; code: CodeBeingRead }[] = [];
  const lines = new Map<string, number>();
  const guids = new Set<string>();
  let description: { element: XmlElement; parts: string[] } | undefined;

  return {
    codes: top,
    guids,
    open(element, parent) {
      if (element.name === 'Code' && (parent === 'Codes' || parent === 'Code')) {
        const guid = attributes.guid(element, 'guid', true) ?? '';
        const code: CodeBeingRead = {
          guid,
          name: attributes.text(element, 'name', true) ?? '',
          description: undefined,
          isCodable: attributes.boolean(element, 'isCodable', true),
          children: [],
        };
        const first = lines.get(guid);
        if (first !== undefined) attributes.report(element, 'guid', 'a GUID no other code has', `the GUID of the code on line ${first}`);
        else if (guid !== '') {
          lines.set(guid, element.line);
          guids.add(guid);
        }
        (open.at(-1)?.code.children ?? top).push(code);
        open.push({ element, code });
        return true;
      }
      if (element.name === 'Description' && parent === 'Code' && open.length > 0) {
        description = { element, parts: [] };
        return true;
      }
      return false;
    },
    close(element) {
      if (element === description?.element) {
        const written = description.parts.join('').trim();
        const code = open.at(-1)?.code;
        if (code) code.description = written === '' ? undefined : written;
        description = undefined;
        return true;
      }
      if (element === open.at(-1)?.element) {
        open.pop();
        return true;
      }
      return false;
    },
    text(text) {
      if (description === undefined) return false;
      description.parts.push(text);
      return true;
    },
  };
}
