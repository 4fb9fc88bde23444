import { isMap, isNode, isScalar, LineCounter, parseDocument, visit, type Document, type YAMLError } from 'yaml';
import type { Problem } from '../problems/problem.ts';

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
  if (error)
    return {
      ok: false,
      problems: [{ file: shownPath, line: lineCounter.linePos(errorOffset(document, error)).line, message: errorMessage(error) }],
    };
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 });
  } catch (thrown) {
    // toJS throws, rather than reporting, when aliases would expand without limit (a
    // "billion laughs" file): a problem line like any other, not a crash with a stack trace.
    if (!(thrown instanceof ReferenceError)) throw thrown;
    const message = thrown.message.startsWith('Excessive alias count')
      ? 'expected aliases (*name) that expand to a file of reasonable size; found aliases of aliases that would expand it without limit'
      : `expected readable YAML; found ${firstLine(thrown.message)}`;
    return { ok: false, problems: [{ file: shownPath, line: firstAliasLine(document, lineCounter), message }] };
  }
  return {
    ok: true,
    file: {
      value,
      lineOf: (path) => lineOfPath(document, lineCounter, path),
      sourceOf: (path) => {
        const node = document.getIn(path as unknown[], true);
        return isScalar(node) && node.range ? text.slice(node.range[0], node.range[1]) : undefined;
      },
    },
  };
}

function firstAliasLine(document: Document, lineCounter: LineCounter): number | undefined {
  let offset: number | undefined;
  visit(document, {
    Alias(_key, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  return offset === undefined ? undefined : lineCounter.linePos(offset).line;
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
  // The parser's own words here name a JavaScript function ("please use YAML.parseAllDocuments()").
  if (error.code === 'MULTIPLE_DOCS')
    return 'expected one YAML document; found a second one from this line on (a "---" line starts a new document)';
  return `expected readable YAML; found ${firstLine(error.message)}`;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
