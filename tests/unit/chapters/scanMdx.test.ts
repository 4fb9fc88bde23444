import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../../src/chapters/frontMatter.ts';
import { scanMdx } from '../../../src/chapters/scanMdx.ts';

describe('scanMdx', () => {
  it('lists components with their literal attributes and file lines', () => {
    const { body, bodyLineOffset } = splitFrontMatter('---\ntitle: T\norder: 1\n---\n\nWe counted <Count dataset="posts" noun />.\n\n<Chart id="themes" />\n');
    const scan = scanMdx(body, bodyLineOffset);
    expect(scan).toEqual({
      ok: true,
      components: [
        { name: 'Count', line: 6, attributes: { dataset: 'posts', noun: true }, expressions: [] },
        { name: 'Chart', line: 8, attributes: { id: 'themes' }, expressions: [] },
      ],
      citations: [],
    });
  });

  it('flags {expression} attributes rather than reading them as values', () => {
    const scan = scanMdx('<Share dimension={"theme"} code="a" />\n', 0);
    expect(scan.ok && scan.components[0]).toMatchObject({ name: 'Share', attributes: { code: 'a' }, expressions: ['dimension'] });
  });

  it('finds citations with the line of each, also inside a paragraph spanning lines', () => {
    const scan = scanMdx('First line\nsecond [@a2020] and\nthird [@b2021; @c2022].\n\n`[@not2000]` in code is not a citation.\n', 10);
    expect(scan.ok && scan.citations).toEqual([
      { keys: ['a2020'], line: 12 },
      { keys: ['b2021', 'c2022'], line: 13 },
    ]);
  });

  it('ignores lower-case HTML elements, which are not qualpress components', () => {
    const scan = scanMdx('<abbr title="x">X</abbr>\n', 0);
    expect(scan.ok && scan.components).toEqual([]);
  });

  it('reports MDX that cannot be parsed with its line', () => {
    const scan = scanMdx('Fine.\n\n<Chart id="x"\n', 4);
    expect(scan.ok).toBe(false);
    expect(!scan.ok && scan.line).toBe(8);
  });
});
