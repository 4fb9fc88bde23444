import type { z } from 'zod';
import { didYouMean } from '../problems/didYouMean.ts';
import { listOf, quoted } from '../problems/problem.ts';

type Issue = z.core.$ZodIssue;

/**
 * Turn a zod issue into "what was expected; what was found", the form of every data
 * message. `knownKeys` feeds the "did you mean" for misspelt YAML keys.
 */
export function issueMessage(issue: Issue, knownKeys: ReadonlySet<string>, written?: string): string {
  // YAML has no undefined: only a missing key gives one. `written` is a number as the file
  // spells it ("1.0", which YAML reads as 1).
  const found = issue.input === undefined ? 'nothing (the key is missing)' : (written ?? describeFound(issue.input));
  // A schema's own message ("expected [singular, plural], ...") says more than zod's generic
  // one ("expected tuple"), whichever check failed; zod's own messages never start "expected".
  if (issue.message.startsWith('expected')) return `${issue.message}; found ${found}`;
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${article(issue.expected)}; found ${found}`;
    case 'unrecognized_keys':
      return issue.keys.map((key) => `expected only known keys; found ${quoted(key)}${didYouMean(key, knownKeys)}`).join('; ');
    case 'invalid_key':
      // A record key (a dataset id) that fails its own schema: say what a key must look like.
      return issue.issues[0] ? issueMessage(issue.issues[0], knownKeys) : `expected a valid key; found ${found}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}; found ${found}`;
    case 'too_small':
      if (issue.origin === 'array') return `expected at least ${issue.minimum} item(s); found ${countOf(issue.input)}`;
      if (issue.origin === 'string') return `expected a non-empty text; found ${found}`;
      return `expected at least ${issue.minimum}; found ${found}`;
    case 'too_big':
      return `expected at most ${issue.maximum}; found ${found}`;
    default:
      return issue.message;
  }
}

function article(expected: string): string {
  const names: Record<string, string> = {
    string: 'a text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping of keys to values',
    record: 'a mapping of keys to values',
  };
  return names[expected] ?? expected;
}

function describeFound(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'an empty value';
  if (Array.isArray(input)) return input.length === 0 ? 'an empty list' : `a list of ${input.length} item(s)`;
  if (typeof input === 'object') {
    // Name the keys, so a refinement of a whole mapping ("family" or "literal") shows what was there.
    const keys = Object.keys(input);
    if (keys.length === 0) return 'an empty mapping';
    return `a mapping with ${keys.length === 1 ? 'only the key' : 'the keys'} ${listOf(keys.map((key) => quoted(key)))}`;
  }
  if (typeof input === 'string') return quoted(input);
  // Numbers, booleans and the like, which YAML can give; anything else is named by its type.
  return typeof input === 'number' || typeof input === 'boolean' || typeof input === 'bigint' ? String(input) : typeof input;
}

function countOf(input: unknown): string {
  return Array.isArray(input) ? String(input.length) : describeFound(input);
}
