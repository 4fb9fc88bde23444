import type { PhrasingContent, Root, Text } from 'mdast';
import type { MdxJsxAttribute, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { SKIP, visit } from 'unist-util-visit';
import { citeComponentValue, type CitationMatch } from './citationSyntax.ts';
import { citationsInText } from './citationsInText.ts';

/** The `<Cite>` a citation in the prose stands for. */
function citeElement(citation: CitationMatch): MdxJsxTextElement {
  const attributes: MdxJsxAttribute[] =
    citation.form === 'narrative'
      ? [
          { type: 'mdxJsxAttribute', name: 'keys', value: citation.key },
          { type: 'mdxJsxAttribute', name: 'narrative', value: null },
        ]
      : [{ type: 'mdxJsxAttribute', name: 'keys', value: citeComponentValue(citation.items) }];
  return { type: 'mdxJsxTextElement', name: 'Cite', attributes, children: [] };
}

/**
 * Turn the citations in chapter prose (`[@doe2020]`, `[-@doe2020]`, `@doe2020`) into
 * `<Cite keys="doe2020" />` (`narrative` for `@doe2020`), which renders the APA in-text
 * citation and links to the reference list. Keys were checked at load time; a bare `@word`
 * that is no key in the bibliography is shown as written by <Cite>.
 */
export default function remarkCitations() {
  // The file is the chapter as parsed: its text tells an escaped `\@` from a citation.
  return (tree: Root, file?: { readonly value: unknown }) => {
    const found = new Map(citationsInText(tree, file === undefined ? undefined : String(file.value)).map((entry) => [entry.node, entry]));
    if (found.size === 0) return;
    visit(tree, 'text', (node: Text, index, parent) => {
      const entry = found.get(node);
      if (!entry || !parent || index === undefined) return;
      const pieces: PhrasingContent[] = [];
      let last = 0;
      for (const citation of entry.citations) {
        if (citation.index > last) pieces.push({ type: 'text', value: node.value.slice(last, citation.index) });
        pieces.push(citeElement(citation));
        last = citation.index + citation.length;
      }
      if (last < node.value.length) pieces.push({ type: 'text', value: node.value.slice(last) });
      (parent.children as PhrasingContent[]).splice(index, 1, ...pieces);
      return [SKIP, index + pieces.length];
    });
  };
}
