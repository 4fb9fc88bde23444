import type { z } from 'zod';
import { didYouMean } from '../load/didYouMean.ts';
import { quoted } from '../load/problems.ts';

type Issue = z.core.$ZodIssue;

/**
 * Turn a zod issue into "what was expected; what was found", the form of every data
 * message. `knownKeys` feeds the "did you mean" for misspelt YAML keys.
 */
export function issueMessage(issue: Issue, knownKeys: ReadonlySet<string>): string {
  const found = describeFound(issue.input);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `expected ${article(issue.expected)}; found nothing (the key is missing)`;
      return `expected ${article(issue.expected)}; found ${found}`;
    case 'unrecognized_keys':
      return issue.keys
        .map((key) => `expected only known keys; found ${quoted(key)}${didYouMean(key, knownKeys)}`)
        .join('; ');
    case 'invalid_value':
      return `expected one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}; found ${found}`;
    case 'too_small':
      if (issue.origin === 'array') return `expected at least ${issue.minimum} item(s); found ${countOf(issue.input)}`;
      if (issue.origin === 'string') return `expected a non-empty text; found ${found}`;
      return `expected at least ${issue.minimum}; found ${found}`;
    case 'too_big':
      return `expected at most ${issue.maximum}; found ${found}`;
    default:
      // Custom messages in the schemas already say what is expected.
      return issue.input === undefined || !issue.message.startsWith('expected') ? issue.message : `${issue.message}; found ${found}`;
  }
}

function article(expected: string): string {
  const names: Record<string, string> = { string: 'a text', number: 'a number', int: 'a whole number', boolean: 'true or false', array: 'a list', object: 'a mapping of keys to values', record: 'a mapping of keys to values' };
  return names[expected] ?? expected;
}

function describeFound(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'an empty value';
  if (Array.isArray(input)) return `a list of ${input.length}`;
  if (typeof input === 'object') return 'a mapping';
  if (typeof input === 'string') return quoted(input);
  return String(input);
}

function countOf(input: unknown): string {
  return Array.isArray(input) ? String(input.length) : describeFound(input);
}
