import type { Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { citationsInText } from './citationsInText.ts';

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
  /** `@key` in the prose: a citation only if the key is in the bibliography (else an @handle). */
  readonly narrative?: true;
}

/**
 * JavaScript in a chapter: an `{expression}`, an `import` or `export`, or an `{expression}`
 * attribute of an HTML element. MDX would run it when the page renders, where a typo
 * (`{Count}`) fails the build with a stack trace; chapters are prose and components only.
 */
export interface ScriptUse {
  readonly line: number;
  /** The element and attribute (`a.href`) for an attribute, else absent. */
  readonly field?: string;
  readonly message: string;
}

/** An image a chapter shows (`![text](address)`), with the address as written. */
export interface ImageUse {
  readonly url: string;
  readonly line: number;
}

export type ScanResult =
  | {
      ok: true;
      components: readonly ComponentUse[];
      citations: readonly CitationUse[];
      scripts: readonly ScriptUse[];
      images: readonly ImageUse[];
    }
  | { ok: false; line: number; message: string };

/** A piece of source for a message: one line, cut short. */
function excerpt(source: string): string {
  const line = source.replace(/\s+/g, ' ').trim();
  return line.length > 40 ? `${line.slice(0, 37)}...` : line;
}

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
  const scripts: ScriptUse[] = [];
  const images: ImageUse[] = [];
  const imageReferences: { identifier: string; line: number }[] = [];
  const definitions = new Map<string, string>();
  visit(tree, (node) => {
    const line = (node.position?.start.line ?? 1) + lineOffset;
    if (node.type === 'mdxjsEsm') {
      scripts.push({
        line,
        message: `expected no import or export (chapters use the qualpress components without importing them); found ${JSON.stringify(excerpt(node.value))}`,
      });
    }
    // An expression of only comments ({/* a note */}) has no statements: it runs nothing.
    if ((node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') && (node.data?.estree?.body.length ?? 1) > 0) {
      scripts.push({
        line,
        message: `expected prose, components and {/* comments */}; found the JavaScript expression {${excerpt(node.value)}}, which would run when the page renders (write the words, or a figure with <Count>, <Share> or <Period>)`,
      });
    }
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && !/^[A-Z]/.test(node.name)) {
      for (const attribute of node.attributes) {
        if (
          attribute.type === 'mdxJsxAttribute' &&
          (attribute.value === null || attribute.value === undefined || typeof attribute.value === 'string')
        )
          continue;
        const name = attribute.type === 'mdxJsxAttribute' ? attribute.name : '{...}';
        scripts.push({
          line,
          field: `${node.name}.${name}`,
          message: `expected a quoted value such as ${attribute.type === 'mdxJsxAttribute' ? name : 'title'}="..."; found an {expression}, which would run when the page renders`,
        });
      }
    }
    if (node.type === 'image') images.push({ url: node.url, line });
    if (node.type === 'imageReference') imageReferences.push({ identifier: node.identifier, line });
    if (node.type === 'definition') definitions.set(node.identifier, node.url);
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
  });
  // A text node can span lines: count the line breaks before each citation.
  for (const { node, citations: found } of citationsInText(tree, body)) {
    const line = (node.position?.start.line ?? 1) + lineOffset;
    for (const citation of found) {
      const at = line + (node.value.slice(0, citation.index).match(/\n/g)?.length ?? 0);
      citations.push(
        citation.form === 'narrative'
          ? { keys: [citation.key], line: at, narrative: true }
          : { keys: citation.items.map((item) => item.key), line: at },
      );
    }
  }
  // `![text][name]` shows the image of the definition `[name]: address`, wherever it is.
  for (const reference of imageReferences) {
    const url = definitions.get(reference.identifier);
    if (url !== undefined) images.push({ url, line: reference.line });
  }
  return { ok: true, components, citations, scripts, images };
}
