import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../../src/chapters/frontMatter.ts';
import { scanMdx } from '../../../src/chapters/scanMdx.ts';

describe('scanMdx', () => {
  it('lists components with their literal attributes and file lines', () => {
    const { body, bodyLineOffset } = splitFrontMatter(
      '---\ntitle: T\norder: 1\n---\n\nWe counted <Count dataset="posts" noun />.\n\n<Chart id="themes" />\n',
    );
    const scan = scanMdx(body, bodyLineOffset);
    expect(scan).toEqual({
      ok: true,
      components: [
        { name: 'Count', line: 6, attributes: { dataset: 'posts', noun: true }, expressions: [] },
        { name: 'Chart', line: 8, attributes: { id: 'themes' }, expressions: [] },
      ],
      citations: [],
      scripts: [],
      images: [],
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

  it('finds narrative citations and author-suppressed ones, but none in code, link text, link addresses or e-mail addresses', () => {
    const scan = scanMdx(
      [
        '@a2020 said so, as did [-@b2021].',
        '',
        '`@code2000` and [@link2000 text](https://example.org/@url2000) and mail me@mail2000.org.',
        '',
        '```',
        '@block2000',
        '```',
        '',
        'Escaped \\@esc2000 and &#64;ref2000, but @c2022.',
      ].join('\n'),
      0,
    );
    expect(scan.ok && scan.citations).toEqual([
      { keys: ['a2020'], line: 1, narrative: true },
      { keys: ['b2021'], line: 1 },
      { keys: ['c2022'], line: 9, narrative: true },
    ]);
  });

  it('ignores lower-case HTML elements, which are not qualpress components', () => {
    const scan = scanMdx('<abbr title="x">X</abbr>\n', 0);
    expect(scan.ok && scan.components).toEqual([]);
  });

  it('lists JavaScript, which would run when the page renders: expressions, import and export, expression attributes', () => {
    const scan = scanMdx(
      'import X from "./x.js"\n\nWe saw {count} posts.\n\n<a href={link}>here</a> <b {...rest}>b</b>\n\n<Chart id="a">{"child"}</Chart>\n',
      2,
    );
    expect(scan.ok && scan.scripts).toEqual([
      {
        line: 3,
        message:
          'expected no import or export (chapters use the qualpress components without importing them); found "import X from \\"./x.js\\""',
      },
      {
        line: 5,
        message:
          'expected prose, components and {/* comments */}; found the JavaScript expression {count}, which would run when the page renders (write the words, or a figure with <Count>, <Share> or <Period>)',
      },
      {
        line: 7,
        field: 'a.href',
        message: 'expected a quoted value such as href="..."; found an {expression}, which would run when the page renders',
      },
      {
        line: 7,
        field: 'b.{...}',
        message: 'expected a quoted value such as title="..."; found an {expression}, which would run when the page renders',
      },
      {
        line: 9,
        message:
          'expected prose, components and {/* comments */}; found the JavaScript expression {"child"}, which would run when the page renders (write the words, or a figure with <Count>, <Share> or <Period>)',
      },
    ]);
  });

  it('lets comments be: an expression of comments only runs nothing', () => {
    const scan = scanMdx('Text {/* a note */} here.\n\n{// another\n}\n', 0);
    expect(scan.ok && scan.scripts).toEqual([]);
  });

  it('lists images with the address as written, also those given by reference', () => {
    const scan = scanMdx('![A](./a.png)\n\n![B][pic] and ![C](https://example.org/c.png)\n\n[pic]: images/b.jpg\n', 0);
    expect(scan.ok && scan.images).toEqual([
      { url: './a.png', line: 1 },
      { url: 'https://example.org/c.png', line: 3 },
      { url: 'images/b.jpg', line: 3 },
    ]);
  });

  it('reports MDX that cannot be parsed with its line', () => {
    const scan = scanMdx('Fine.\n\n<Chart id="x"\n', 4);
    expect(scan.ok).toBe(false);
    expect(!scan.ok && scan.line).toBe(8);
  });
});
