import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { Problem } from './problems.ts';

export type YamlPath = readonly PropertyKey[];

export interface YamlFile {
  readonly value: unknown;
  /** The line of the value at `path`, or of its nearest ancestor that exists. */
  lineOf(path: YamlPath): number | undefined;
}

export type YamlResult = { ok: true; file: YamlFile } | { ok: false; problems: Problem[] };

/** Parse YAML keeping positions, so schema problems can point at a line. */
export function parseYaml(text: string, shownPath: string): YamlResult {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: document.errors.map((error) => ({
        file: shownPath,
        line: lineCounter.linePos(error.pos[0]).line,
        message: `expected readable YAML; found ${firstLine(error.message)}`,
      })),
    };
  }
  return {
    ok: true,
    file: {
      value: document.toJS({ maxAliasCount: 100 }),
      lineOf: (path) => lineOfPath(document, lineCounter, path),
    },
  };
}

function lineOfPath(document: Document, lineCounter: LineCounter, path: YamlPath): number | undefined {
  for (let length = path.length; length >= 0; length--) {
    const node = length === 0 ? document.contents : document.getIn(path.slice(0, length) as unknown[], true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
