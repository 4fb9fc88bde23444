import type { Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import remarkCitations from '../../../src/chapters/remarkCitations.ts';

/** The <Cite> elements the plugin makes of a chapter's text, as `keys` and whether narrative, and the text left around them. */
function transformed(source: string) {
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkCitations);
  const tree = processor.runSync(processor.parse(source), { value: source }) as Root;
  const pieces: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'text') pieces.push(node.value);
    if (node.type === 'mdxJsxTextElement' && node.name === 'Cite') {
      const attributes = node.attributes.map((attribute) =>
        attribute.type !== 'mdxJsxAttribute'
          ? ''
          : typeof attribute.value === 'string'
            ? `${attribute.name}=${attribute.value}`
            : attribute.name,
      );
      pieces.push(`<Cite ${attributes.join(' ')}>`);
    }
  });
  return pieces;
}

describe('remarkCitations', () => {
  it('turns [@a; @b], [-@a] and @a into <Cite>, narrative for the bare one, keeping the text between', () => {
    expect(transformed('@doe2020 found it [@doe2020; -@roe2021], as [-@roe2021] did.')).toEqual([
      '<Cite keys=doe2020 narrative>',
      ' found it ',
      '<Cite keys=doe2020;-roe2021>',
      ', as ',
      '<Cite keys=-roe2021>',
      ' did.',
    ]);
  });

  it('leaves code, link text, e-mail addresses and an escaped \\@ alone', () => {
    const source = '`@doe2020` [@doe2020](https://example.org/@doe2020) mail a@doe2020.org \\@doe2020';
    const pieces = transformed(source);
    expect(pieces.some((piece) => piece.startsWith('<Cite'))).toBe(false);
  });
});
