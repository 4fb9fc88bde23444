import { SaxesParser } from 'saxes';
import { quoted, type Problem } from '../../problems/problem.ts';

/** The namespaces of REFI-QDA files; QualCoder writes the codebook's as `1:0`. */
export const projectNamespace = 'urn:QDA-XML:project:1.0';
export const codebookNamespaces: readonly string[] = ['urn:QDA-XML:codebook:1.0', 'urn:QDA-XML:codebook:1:0'];
const acceptedNamespaces = new Set([projectNamespace, ...codebookNamespaces]);

/** An element as the readers see it: its local name, unprefixed attributes and where its tag starts. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly line: number;
  readonly column: number;
}

/** What a reader does with the elements inside the root, in document order. */
export interface XmlHandlers {
  /** `parent` is the enclosing element's local name (the root's for its children). */
  open(element: XmlElement, parent: string): void;
  /** The same object `open` was given, so a reader can tell the elements it took up by identity. */
  close(element: XmlElement): void;
  /** Character data (entities resolved, CDATA included) directly inside the innermost element. */
  text(text: string): void;
}

/** Thrown from inside saxes's callbacks to stop at the first syntax error or refused DOCTYPE. */
class StopParsing extends Error {}

/**
 * Stream an XML text through saxes into the handlers, no tree kept. Only elements in a
 * REFI-QDA namespace reach the handlers; a vendor's own elements are skipped with their
 * contents. The root decides the handlers (`forRoot`), which may refuse it by returning
 * undefined after pushing a problem. A DOCTYPE is refused before any entity could be
 * declared or expanded; a syntax error stops the parse with its line and column. Returns
 * false when parsing stopped early.
 */
export function parseXml(text: string, file: string, forRoot: (root: XmlElement, namespace: string) => XmlHandlers | undefined, problems: Problem[]): boolean {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const open: XmlElement[] = [];
  let handlers: XmlHandlers | undefined;
  let foreignDepth = 0;
  let tagLine = 1;
  let tagColumn = 1;

  const stop = (problem: Problem): never => {
    problems.push(problem);
    throw new StopParsing();
  };

  parser.on('doctype', () =>
    stop({
      file,
      line: parser.line,
      message: 'expected no DOCTYPE (REFI-QDA files have none, and entity declarations are refused, never expanded); found a DOCTYPE declaration',
    }),
  );
  parser.on('error', (error) => {
    // saxes prefixes its message with `line:column: `; the problem carries those apart.
    const message = error.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '');
    stop({ file, line: parser.line, message: `expected well-formed XML; found ${message} (column ${parser.column})` });
  });
  // Fired just after the tag's name, maybe past a line end: step back to its `<`. Only the
  // few characters of the name are looked at, so a file written on one line stays linear.
  parser.on('opentagstart', () => {
    const position = parser.position;
    const open = text.lastIndexOf('<', position - 1);
    let lineEnds = 0;
    for (let at = open; at < position; at++) if (text.charCodeAt(at) === 10) lineEnds++;
    tagLine = parser.line - lineEnds;
    tagColumn = lineEnds === 0 ? parser.columnIndex - (position - open) + 1 : open - text.lastIndexOf('\n', open - 1);
  });
  parser.on('opentag', (tag) => {
    const element: XmlElement = { name: tag.local, attributes: plainAttributes(tag.attributes), line: tagLine, column: tagColumn };
    if (open.length === 0) {
      handlers = forRoot(element, tag.uri);
      if (!handlers) throw new StopParsing();
    } else if (foreignDepth > 0 || !acceptedNamespaces.has(tag.uri)) {
      foreignDepth++;
    } else {
      handlers?.open(element, open.at(-1)?.name ?? '');
    }
    open.push(element);
  });
  parser.on('closetag', () => {
    const element = open.pop();
    if (!element || open.length === 0) return;
    if (foreignDepth > 0) foreignDepth--;
    else handlers?.close(element);
  });
  const onText = (data: string): void => {
    if (foreignDepth === 0 && open.length > 1) handlers?.text(data);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof StopParsing) return false;
    throw error;
  }
  return true;
}

function plainAttributes(attributes: Record<string, { uri: string; local: string; value: string }>): Record<string, string> {
  const plain: Record<string, string> = {};
  for (const attribute of Object.values(attributes)) if (attribute.uri === '') plain[attribute.local] = attribute.value;
  return plain;
}

/** The message for a root element that is not the one expected. */
export function wrongRoot(expected: string, root: XmlElement, namespace: string): string {
  return `expected ${expected}; found a root element ${quoted(root.name)} in ${namespace === '' ? 'no namespace' : `namespace ${quoted(namespace)}`}`;
}
