import type { z } from 'zod';
import { issueMessage } from '../schemas/issueMessage.ts';
import type { YamlFile } from './parseYaml.ts';
import type { Problem } from './problems.ts';

export type Validated<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** Check a parsed YAML file against its schema, pointing each problem at its line and key path. */
export function validateYaml<Schema extends z.ZodType>(file: YamlFile, schema: Schema, shownPath: string): Validated<z.output<Schema>> {
  const result = schema.safeParse(file.value, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  const knownKeys = keysOf(schema);
  return {
    ok: false,
    // One problem per misspelt key, so each gets its own line and its own "did you mean".
    problems: result.error.issues
      .flatMap((issue): z.core.$ZodIssue[] => (issue.code === 'unrecognized_keys' ? issue.keys.map((key) => ({ ...issue, keys: [key] })) : [issue]))
      .map((issue) => {
        const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
        return {
          file: shownPath,
          line: file.lineOf(path),
          field: path.map(String).join('.') || undefined,
          message: issueMessage(issue, knownKeys),
        };
      }),
  };
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
    if (shape) for (const [key, child] of Object.entries(shape)) (keys.add(key), visit(child));
    for (const name of ['innerType', 'element', 'valueType', 'in', 'out', 'schema']) visit(def[name]);
    for (const name of ['items', 'options']) if (Array.isArray(def[name])) (def[name] as unknown[]).forEach(visit);
  };
  visit(schema);
  return keys;
}
