import type { z } from 'zod';
import { issueMessage } from './issueMessage.ts';
import type { YamlFile } from './parseYaml.ts';
import { describeControl, notXmlCharacter } from './readText.ts';
import type { Problem } from '../problems/problem.ts';

export type Validated<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** Check a parsed YAML file against its schema, pointing each problem at its line and key path. */
export function validateYaml<Schema extends z.ZodType>(file: YamlFile, schema: Schema, shownPath: string): Validated<z.output<Schema>> {
  const result = schema.safeParse(file.value, { reportInput: true });
  const controls = controlCharacters(file, shownPath);
  if (result.success) return controls.length === 0 ? { ok: true, value: result.data } : { ok: false, problems: controls };
  const knownKeys = keysOf(schema);
  return {
    ok: false,
    // One problem per misspelt key, so each gets its own line and its own "did you mean".
    problems: [
      ...controls,
      ...result.error.issues
        .flatMap((issue): z.core.$ZodIssue[] =>
          issue.code === 'unrecognized_keys' ? issue.keys.map((key) => ({ ...issue, keys: [key] })) : [issue],
        )
        .map((issue) => {
          const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
          return {
            file: shownPath,
            line: file.lineOf(path),
            field: path.map(String).join('.') || undefined,
            // Only the keys of the mapping the key is in: "colums" in a dataset means "columns",
            // not the "column" of an attribute elsewhere in the schema.
            message: issueMessage(
              issue,
              issue.code === 'unrecognized_keys' ? keysAt(schema, issue.path, knownKeys) : knownKeys,
              writtenNumber(file, issue),
            ),
          };
        }),
    ],
  };
}

/**
 * Texts holding a character XML forbids, which YAML lets a file write as an escape ("\0",
 * "\x07", "\u000B") where the file itself holds none (src/load/readText.ts finds those).
 */
function controlCharacters(file: YamlFile, shownPath: string): Problem[] {
  const problems: Problem[] = [];
  const visit = (value: unknown, path: PropertyKey[]): void => {
    if (typeof value === 'string') {
      // eslint-disable-next-line no-control-regex -- a NUL written as a YAML escape is what this looks for.
      const found = /\u0000/.exec(value) ?? notXmlCharacter.exec(value);
      if (found)
        problems.push({
          file: shownPath,
          line: file.lineOf(path),
          field: path.map(String).join('.') || undefined,
          message: `expected text; found ${describeControl(found[0])}`,
        });
    } else if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...path, index]));
    else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
  };
  visit(file.value, []);
  return problems;
}

/** Every property name a schema knows, for "did you mean" on misspelt keys. */
function keysOf(schema: z.ZodType): Set<string> {
  const keys = new Set<string>();
  const seen = new Set<unknown>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    const def = (node as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return;
    const shape = def.shape as Record<string, unknown> | undefined;
    for (const [key, child] of Object.entries(shape ?? {})) {
      keys.add(key);
      visit(child);
    }
    for (const name of ['innerType', 'element', 'valueType', 'in', 'out', 'schema']) visit(def[name]);
    for (const name of ['items', 'options']) if (Array.isArray(def[name])) (def[name] as unknown[]).forEach(visit);
  };
  visit(schema);
  return keys;
}

/**
 * A number as written in the file (`1.0`, `0x1F`), where the parsed value (1, 31) would
 * show the researcher something they never wrote.
 */
function writtenNumber(file: YamlFile, issue: z.core.$ZodIssue): string | undefined {
  return typeof issue.input === 'number' ? file.sourceOf?.(issue.path) : undefined;
}

type Def = Record<string, unknown> & { shape?: Record<string, unknown> };
const defOf = (node: unknown): Def | undefined => (node as { _zod?: { def?: Def } } | null)?._zod?.def;

/** The schema itself, or what it wraps (optional, default, pipe) or chooses between (union). */
function unwrap(node: unknown): unknown[] {
  const def = defOf(node);
  if (!def) return [];
  if (def.innerType) return unwrap(def.innerType);
  if (def.in) return unwrap(def.in);
  if (Array.isArray(def.options)) return def.options.flatMap(unwrap);
  return [node];
}

/** The property names of the mapping(s) the schema expects at `path`; `fallback` when none is found. */
function keysAt(schema: z.ZodType, path: readonly PropertyKey[], fallback: ReadonlySet<string>): ReadonlySet<string> {
  let nodes: unknown[] = [schema];
  for (const segment of path) {
    nodes = nodes.flatMap(unwrap).flatMap((node): unknown[] => {
      const def = defOf(node)!;
      if (def.shape) return Object.hasOwn(def.shape, String(segment)) ? [def.shape[String(segment)]] : [];
      if (def.valueType) return [def.valueType];
      if (def.element) return [def.element];
      if (Array.isArray(def.items)) return def.items[Number(segment)] === undefined ? [] : [def.items[Number(segment)]];
      return [];
    });
  }
  const keys = new Set(nodes.flatMap(unwrap).flatMap((node) => Object.keys(defOf(node)?.shape ?? {})));
  return keys.size > 0 ? keys : fallback;
}
