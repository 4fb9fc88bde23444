import type { Problem } from '../../problems/problem.ts';
import { AttributeReader } from './attributes.ts';
import type { XmlElement, XmlHandlers } from './parseXml.ts';
import type { RefiCode, RefiPlace, RefiUser, RefiVariable } from './project.ts';
import { codeTreeReader } from './readCodes.ts';

/** A `Coding` as written, its references not yet checked. */
export interface CodingAsWritten {
  readonly guid: string;
  readonly codeGuid: string | undefined;
  /** Line of the `CodeRef`, for a problem with its target. */
  readonly codeRefLine: number;
  readonly creatingUser: string | undefined;
}

/** A `PlainTextSelection` as written: offsets in the project's unit, not yet checked against its text. */
export interface SelectionAsWritten {
  readonly guid: string;
  readonly start: number | undefined;
  readonly end: number | undefined;
  readonly creatingUser: string | undefined;
  readonly codings: CodingAsWritten[];
  readonly place: RefiPlace;
  /** A `Coding` directly in the `TextSource`: the whole text is coded. */
  readonly wholeSource: boolean;
}

export interface TextSourceAsWritten {
  readonly guid: string;
  readonly name: string;
  readonly plainTextPath: string | undefined;
  inlineText: string | undefined;
  readonly selections: SelectionAsWritten[];
  readonly line: number;
}

export interface CaseAsWritten {
  readonly guid: string;
  readonly name: string;
  readonly sourceRefs: { readonly guid: string; readonly line: number }[];
  readonly selectionRefs: { readonly guid: string; readonly line: number }[];
  readonly values: { variableGuid: string | undefined; value: string; readonly line: number }[];
}

/** What one pass over `project.qde` collects; `buildProject` checks references and offsets afterwards. */
export interface ProjectAsWritten {
  readonly name: string | undefined;
  readonly origin: string | undefined;
  readonly modified: string | undefined;
  readonly users: readonly RefiUser[];
  /** ATLAS.ti's own pseudo-user, never a coder. */
  readonly pseudoUsers: ReadonlySet<string>;
  readonly codes: readonly RefiCode[];
  readonly codeGuids: ReadonlySet<string>;
  readonly variables: readonly RefiVariable[];
  readonly cases: readonly CaseAsWritten[];
  readonly sources: readonly TextSourceAsWritten[];
  readonly skipped: Record<'pdf' | 'picture' | 'audio' | 'video', number>;
  /** GUIDs of skipped sources and of everything in them, so a case may still refer to them. */
  readonly skippedGuids: ReadonlySet<string>;
}

const skippedKinds: Readonly<Record<string, 'pdf' | 'picture' | 'audio' | 'video'>> = {
  PDFSource: 'pdf',
  PictureSource: 'picture',
  AudioSource: 'audio',
  VideoSource: 'video',
};
const valueElements = new Set(['TextValue', 'BooleanValue', 'IntegerValue', 'FloatValue', 'DateValue', 'DateTimeValue']);

/** ATLAS.ti lists itself as a user and attributes some codings to it. */
function isPseudoUser(name: string | undefined): boolean {
  return name?.trim().toLowerCase() === 'atlas.ti';
}

/**
 * Handlers for one streaming pass over a `Project` element, keeping what the model needs
 * as plain objects. Elements are recognised by their parent, so the `TextSource`-like notes
 * under `Notes` and codings in sets or skipped sources are passed over.
 */
export function projectReader(root: XmlElement, entry: string, file: string, problems: Problem[]): { handlers: XmlHandlers; result(): ProjectAsWritten } {
  const attributes = new AttributeReader(file, problems);
  const codes = codeTreeReader(attributes);
  const users: RefiUser[] = [];
  const pseudoUsers = new Set<string>();
  const variables: RefiVariable[] = [];
  const cases: CaseAsWritten[] = [];
  const sources: TextSourceAsWritten[] = [];
  const skipped = { pdf: 0, picture: 0, audio: 0, video: 0 };
  const skippedGuids = new Set<string>();

  let skippedSource: XmlElement | undefined;
  let source: { element: XmlElement; read: TextSourceAsWritten } | undefined;
  let selection: { element: XmlElement; read: SelectionAsWritten } | undefined;
  let coding: { element: XmlElement; guid: string; creatingUser: string | undefined; codeRef: { guid: string | undefined; line: number } | undefined } | undefined;
  let theCase: { element: XmlElement; read: CaseAsWritten } | undefined;
  let variableValue: { element: XmlElement; read: CaseAsWritten['values'][number] } | undefined;
  let collecting: { element: XmlElement; parts: string[]; done(text: string): void } | undefined;

  const startCoding = (element: XmlElement): void => {
    coding = {
      element,
      guid: attributes.guid(element, 'guid', true) ?? '',
      creatingUser: attributes.guid(element, 'creatingUser', false),
      codeRef: undefined,
    };
  };
  const endCoding = (): CodingAsWritten | undefined => {
    if (!coding) return undefined;
    const { element, guid, creatingUser, codeRef } = coding;
    coding = undefined;
    if (!codeRef) {
      problems.push({ file, line: element.line, field: 'Coding', message: 'expected a CodeRef naming the code applied; found none' });
      return undefined;
    }
    return { guid, codeGuid: codeRef.guid, codeRefLine: codeRef.line, creatingUser };
  };
  const place = (element: XmlElement): RefiPlace => ({ entry, line: element.line, column: element.column });

  const handlers: XmlHandlers = {
    open(element, parent) {
      const { name } = element;
      if (skippedSource) {
        const guid = element.attributes.guid;
        if (guid !== undefined) skippedGuids.add(attributes.guid(element, 'guid', false) ?? guid);
        return;
      }
      if (codes.open(element, parent)) return;
      if (name === 'User' && parent === 'Users') {
        const userName = attributes.text(element, 'name', false);
        const guid = attributes.guid(element, 'guid', true) ?? '';
        if (isPseudoUser(userName)) pseudoUsers.add(guid);
        else users.push({ guid, name: userName ?? '' });
      } else if (name === 'Variable' && parent === 'Variables') {
        variables.push({
          guid: attributes.guid(element, 'guid', true) ?? '',
          name: attributes.text(element, 'name', true) ?? '',
          type: attributes.text(element, 'typeOfVariable', false) ?? 'Text',
        });
      } else if (name === 'Case' && parent === 'Cases') {
        theCase = {
          element,
          read: {
            guid: attributes.guid(element, 'guid', true) ?? '',
            name: attributes.text(element, 'name', false) ?? '',
            sourceRefs: [],
            selectionRefs: [],
            values: [],
          },
        };
      } else if (theCase && parent === 'Case' && (name === 'SourceRef' || name === 'SelectionRef')) {
        const guid = attributes.guid(element, 'targetGUID', true);
        if (guid) (name === 'SourceRef' ? theCase.read.sourceRefs : theCase.read.selectionRefs).push({ guid, line: element.line });
      } else if (theCase && parent === 'Case' && name === 'VariableValue') {
        variableValue = { element, read: { variableGuid: undefined, value: '', line: element.line } };
      } else if (variableValue && parent === 'VariableValue' && name === 'VariableRef') {
        variableValue.read.variableGuid = attributes.guid(element, 'targetGUID', true);
      } else if (variableValue && parent === 'VariableValue' && valueElements.has(name)) {
        const target = variableValue.read;
        collecting = { element, parts: [], done: (text) => (target.value = text) };
      } else if (parent === 'Sources' && skippedKinds[name]) {
        skipped[skippedKinds[name]]++;
        skippedSource = element;
        const guid = attributes.guid(element, 'guid', false);
        if (guid) skippedGuids.add(guid);
      } else if (name === 'TextSource' && parent === 'Sources') {
        source = {
          element,
          read: {
            guid: attributes.guid(element, 'guid', true) ?? '',
            name: attributes.text(element, 'name', false) ?? '',
            plainTextPath: attributes.text(element, 'plainTextPath', false),
            inlineText: undefined,
            selections: [],
            line: element.line,
          },
        };
      } else if (source && parent === 'TextSource' && name === 'PlainTextContent') {
        const target = source.read;
        collecting = { element, parts: [], done: (text) => (target.inlineText = text) };
      } else if (source && parent === 'TextSource' && name === 'PlainTextSelection') {
        selection = {
          element,
          read: {
            guid: attributes.guid(element, 'guid', true) ?? '',
            start: attributes.integer(element, 'startPosition'),
            end: attributes.integer(element, 'endPosition'),
            creatingUser: attributes.guid(element, 'creatingUser', false),
            codings: [],
            place: place(element),
            wholeSource: false,
          },
        };
      } else if (name === 'Coding' && ((selection && parent === 'PlainTextSelection') || (source && parent === 'TextSource'))) {
        startCoding(element);
      } else if (coding && parent === 'Coding' && name === 'CodeRef') {
        coding.codeRef = { guid: attributes.guid(element, 'targetGUID', true), line: element.line };
      }
    },
    close(element) {
      if (skippedSource) {
        if (element === skippedSource) skippedSource = undefined;
        return;
      }
      if (codes.close(element)) return;
      if (element === collecting?.element) {
        collecting.done(collecting.parts.join(''));
        collecting = undefined;
      } else if (element === coding?.element) {
        const read = endCoding();
        if (!read) return;
        if (selection) selection.read.codings.push(read);
        else if (source) {
          source.read.selections.push({
            guid: read.guid,
            start: undefined,
            end: undefined,
            creatingUser: undefined,
            codings: [read],
            place: place(element),
            wholeSource: true,
          });
        }
      } else if (element === selection?.element) {
        source?.read.selections.push(selection.read);
        selection = undefined;
      } else if (element === source?.element) {
        sources.push(source.read);
        source = undefined;
      } else if (element === variableValue?.element) {
        theCase?.read.values.push(variableValue.read);
        variableValue = undefined;
      } else if (element === theCase?.element) {
        cases.push(theCase.read);
        theCase = undefined;
      }
    },
    text(text) {
      if (codes.text(text)) return;
      collecting?.parts.push(text);
    },
  };

  return {
    handlers,
    result: () => ({
      name: root.attributes.name,
      origin: root.attributes.origin,
      modified: root.attributes.modifiedDateTime ?? root.attributes.creationDateTime,
      users,
      pseudoUsers,
      codes: codes.codes,
      codeGuids: codes.guids,
      variables,
      cases,
      sources,
      skipped,
      skippedGuids,
    }),
  };
}
