import type { Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import { escapedAts, findCitations, type CitationMatch } from './citationSyntax.ts';

/** A prose text node and the citations written in it. */
export interface TextCitations {
  readonly node: Text;
  readonly citations: readonly CitationMatch[];
}

/**
 * The citations in a chapter's prose, text node by text node, for the check at load time and
 * the remark plugin alike. Code and inline code are not text nodes, so they are never read;
 * nor is the text of a link (a citation there would put a link inside a link). `source` is
 * the text the tree was parsed from, which tells an escaped `\@` from a plain one.
 */
export function citationsInText(tree: Root, source: string | undefined): TextCitations[] {
  const inLinks = new Set<Text>();
  visit(tree, ['link', 'linkReference'], (link) => {
    visit(link, 'text', (text: Text) => {
      inLinks.add(text);
    });
  });
  const found: TextCitations[] = [];
  visit(tree, 'text', (node: Text) => {
    if (inLinks.has(node) || !node.value.includes('@')) return;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    const written = source !== undefined && start !== undefined && end !== undefined ? source.slice(start, end) : undefined;
    const citations = findCitations(node.value, escapedAts(node.value, written));
    if (citations.length > 0) found.push({ node, citations });
  });
  return found;
}
