import type { PhrasingContent, Root, Text } from 'mdast';
import type { MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { SKIP, visit } from 'unist-util-visit';
import { citationKeys, citationPattern } from './citationSyntax.ts';

/**
 * Turn `[@doe2020]` in chapter prose into `<Cite keys="doe2020" />`, which renders the APA
 * in-text citation and links to the reference list. Keys were checked at load time.
 */
export default function remarkCitations() {
  return (tree: Root) => {
    visit(tree, 'text', (node: Text, index, parent) => {
      if (!parent || index === undefined || !citationPattern.test(node.value)) return;
      citationPattern.lastIndex = 0;
      const pieces: PhrasingContent[] = [];
      let last = 0;
      for (const match of node.value.matchAll(citationPattern)) {
        if (match.index > last) pieces.push({ type: 'text', value: node.value.slice(last, match.index) });
        const cite: MdxJsxTextElement = {
          type: 'mdxJsxTextElement',
          name: 'Cite',
          attributes: [{ type: 'mdxJsxAttribute', name: 'keys', value: citationKeys(match[1]!).join(';') }],
          children: [],
        };
        pieces.push(cite);
        last = match.index + match[0].length;
      }
      if (last < node.value.length) pieces.push({ type: 'text', value: node.value.slice(last) });
      (parent.children as PhrasingContent[]).splice(index, 1, ...pieces);
      return [SKIP, index + pieces.length];
    });
  };
}
