import { Document, isCollection, isMap, isScalar } from 'yaml';

/**
 * YAML written by the `yaml` package, never spliced from data: a name with a colon, a quote
 * or a line break is quoted or escaped as YAML needs. Lines are not folded, so a long
 * definition stays on its line.
 */
export function yamlDocument(value: unknown, comment: string | undefined): Document {
  const document = new Document(value);
  if (comment !== undefined) document.commentBefore = commentLines(comment);
  return document;
}

export function yamlText(document: Document): string {
  return document.toString({ lineWidth: 0, flowCollectionPadding: true });
}

/** Text for a YAML comment: each line behind "# ", so nothing in it can end the comment. */
export function commentLines(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => ` ${line}`)
    .join('\n');
}

/** YAML as it would be written, to show in a comment: the template lines a user uncomments. */
export function commentedYaml(document: Document): string {
  return commentLines(yamlText(document).trimEnd());
}

/** Write the mapping or list at `path` on one line (`{ column: text, publish: none }`), as docs/study-format.md does. */
export function flowAt(document: Document, path: readonly (string | number)[]): void {
  const node: unknown = document.getIn(path, true);
  if (isCollection(node)) node.flow = true;
}

/** Put `comment` on the line(s) before the top-level key `key`. */
export function commentBeforeKey(document: Document, key: string, comment: string): void {
  const contents = document.contents;
  if (!isMap(contents)) throw new Error('internal: a YAML document without a top-level mapping');
  const pair = contents.items.find((item) => isScalar(item.key) && item.key.value === key);
  if (!pair || !isScalar(pair.key)) throw new Error(`internal: no top-level key ${key} to comment`);
  pair.key.commentBefore = comment;
}
