/** An MDX file split into its YAML front matter and its body, keeping body line numbers right. */
export interface SplitMdx {
  readonly frontMatter: string;
  readonly body: string;
  /** Lines before the body starts, to add to body line numbers for messages. */
  readonly bodyLineOffset: number;
}

export function splitFrontMatter(text: string): SplitMdx {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!match) return { frontMatter: '', body: text, bodyLineOffset: 0 };
  return { frontMatter: match[1]!, body: text.slice(match[0].length), bodyLineOffset: match[0].split('\n').length - 1 };
}
