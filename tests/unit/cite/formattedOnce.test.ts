import { describe, expect, it } from 'vitest';
import { citationsFor } from '../../../src/cite/citations.ts';
import { formattedOnce } from '../../../src/cite/formattedOnce.ts';
import { formatReference } from '../../../src/cite/formatReference.ts';

const work = {
  kind: 'report',
  id: 'formatted-once',
  title: 'Formatted once',
  authors: [{ family: 'Doe', given: 'Jane' }],
  version: '1.0.0',
  date: '2024-03-01',
  url: 'https://example.org/formatted-once/',
  license: 'CC-BY-4.0',
  abstract: 'A report.',
  language: 'en',
} as const;

describe('formattedOnce', () => {
  it('formats a kind of formatting of one input once', () => {
    let calls = 0;
    const input = { id: `once-${Math.random()}` };
    expect(formattedOnce('test', input, () => `text ${++calls}`)).toBe('text 1');
    expect(formattedOnce('test', { ...input }, () => `text ${++calls}`)).toBe('text 1');
    expect(formattedOnce('other', input, () => `text ${++calls}`)).toBe('text 2');
    expect(calls).toBe(2);
  });

  it('remembers nothing that throws, so each check sees the error', () => {
    const input = { id: `throws-${Math.random()}` };
    let calls = 0;
    const fail = () => {
      calls++;
      throw new Error('cannot');
    };
    expect(() => formattedOnce('test', input, fail)).toThrow('cannot');
    expect(() => formattedOnce('test', input, fail)).toThrow('cannot');
    expect(calls).toBe(2);
  });

  it('gives what citation-js gives, however often a work is cited', () => {
    const item = {
      id: 'cited',
      type: 'report',
      title: 'Cited',
      author: [{ family: 'Roe', given: 'Ann' }],
      issued: { 'date-parts': [[2021]] },
    };
    const first = formatReference([item], 'chicago');
    expect(formatReference([structuredClone(item)], 'chicago')).toBe(first);
    expect(first).toContain('Roe, Ann. 2021.');
    expect(citationsFor(structuredClone(work))).toEqual(citationsFor(work));
  });
});
