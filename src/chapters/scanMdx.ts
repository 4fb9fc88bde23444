import type { Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { citationKeys, citationPattern } from './citationSyntax.ts';

/** A component placed in a chapter, with its literal attributes. */
export interface ComponentUse {
  readonly name: string;
  readonly line: number;
  /** Attribute name -> its quoted value, or `true` for a bare attribute. */
  readonly attributes: Readonly<Record<string, string | true>>;
  /** Attributes written as `{expressions}`, which chapters may not use for data references. */
  readonly expressions: readonly string[];
}

export interface CitationUse {
  readonly keys: readonly string[];
  readonly line: number;
}

export type ScanResult =
  | { ok: true; components: readonly ComponentUse[]; citations: readonly CitationUse[] }
  | { ok: false; line: number; message: string };

/**
 * Read a chapter's MDX body as a syntax tree (never by pattern matching the source), and
 * list the components it places and the works it cites, with their lines.
 */
export function scanMdx(body: string, lineOffset: number): ScanResult {
  let tree: Root;
  try {
    tree = unified().use(remarkParse).use(remarkMdx).parse(body);
  } catch (error) {
    const place = error as { line?: number; reason?: string; message?: string };
    return { ok: false, line: (place.line ?? 1) + lineOffset, message: place.reason ?? place.message ?? String(error) };
  }
  const components: ComponentUse[] = [];
  const citations: CitationUse[] = [];
  visit(tree, (node) => {
    const line = (node.position?.start.line ?? 1) + lineOffset;
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && /^[A-Z]/.test(node.name)) {
      const attributes: Record<string, string | true> = {};
      const expressions: string[] = [];
      for (const attribute of node.attributes) {
        if (attribute.type !== 'mdxJsxAttribute') {
          expressions.push('{...}');
          continue;
        }
        if (attribute.value === null || attribute.value === undefined) attributes[attribute.name] = true;
        else if (typeof attribute.value === 'string') attributes[attribute.name] = attribute.value;
        else expressions.push(attribute.name);
      }
      components.push({ name: node.name, line, attributes, expressions });
    }
    if (node.type === 'text') {
      // A text node can span lines: count the line breaks before each citation.
      for (const match of node.value.matchAll(citationPattern)) {
        citations.push({ keys: citationKeys(match[1]!), line: line + (node.value.slice(0, match.index).match(/\n/g)?.length ?? 0) });
      }
    }
  });
  return { ok: true, components, citations };
}
