import { isMap, isNode, isScalar, LineCounter, parseDocument, visit, type Document, type YAMLError } from 'yaml';
import type { Problem } from './problems.ts';

export type YamlPath = readonly PropertyKey[];

export interface YamlFile {
  readonly value: unknown;
  /** The line of the value at `path`, or of its nearest ancestor that exists. */
  lineOf(path: YamlPath): number | undefined;
  /** The scalar at `path` as written in the file (`1.0`, not the number 1 it is read as). */
  sourceOf?(path: YamlPath): string | undefined;
}

export type YamlResult = { ok: true; file: YamlFile } | { ok: false; problems: Problem[] };

/** Parse YAML keeping positions, so schema problems can point at a line. */
export function parseYaml(text: string, shownPath: string): YamlResult {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // Only the first error: the parser's later errors are mostly the same mistake seen again
  // further down (one bad indent gives a dozen), and would bury the line to fix.
  const error = document.errors[0];
  if (error) return { ok: false, problems: [{ file: shownPath, line: lineCounter.linePos(errorOffset(document, error)).line, message: errorMessage(error) }] };
  return {
    ok: true,
    file: {
      value: document.toJS({ maxAliasCount: 100 }),
      lineOf: (path) => lineOfPath(document, lineCounter, path),
      sourceOf: (path) => {
        const node = document.getIn(path as unknown[], true);
        return isScalar(node) && node.range ? text.slice(node.range[0], node.range[1]) : undefined;
      },
    },
  };
}

function lineOfPath(document: Document, lineCounter: LineCounter, path: YamlPath): number | undefined {
  for (let length = path.length; length >= 0; length--) {
    const offset = startOf(document, path.slice(0, length));
    if (offset !== undefined) return lineCounter.linePos(offset).line;
  }
  return undefined;
}

/**
 * Where the entry at `path` starts. A mapping entry starts at its key: a value may begin on
 * the next line (`perod:` above its `start:`), and the key is what a researcher looks for.
 */
function startOf(document: Document, path: YamlPath): number | undefined {
  const parent = path.length <= 1 ? document.contents : document.getIn(path.slice(0, -1) as unknown[], true);
  if (path.length > 0 && isMap(parent)) {
    const pair = parent.items.find((item) => String(isScalar(item.key) ? item.key.value : item.key) === String(path.at(-1)));
    if (pair && isNode(pair.key) && pair.key.range) return pair.key.range[0];
  }
  const node = path.length === 0 ? document.contents : document.getIn(path as unknown[], true);
  return isNode(node) && node.range ? node.range[0] : undefined;
}

/** A quote left open runs to the end of the file, where the parser notices it: point at the line where it opens. */
function errorOffset(document: Document, error: YAMLError): number {
  let offset = error.pos[0];
  if (error.code === 'MISSING_CHAR' && error.message.includes('quote')) {
    visit(document, {
      Scalar(_key, node) {
        if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range?.[1] === error.pos[0]) offset = node.range[0];
      },
    });
  }
  return offset;
}

function errorMessage(error: YAMLError): string {
  if (error.code === 'MISSING_CHAR' && error.message.includes('quote')) {
    const quote = error.message.includes("'") ? "'" : '"';
    return `expected a closing ${quote} for the quoted value that starts on this line; found the end of the file`;
  }
  return `expected readable YAML; found ${firstLine(error.message)}`;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
