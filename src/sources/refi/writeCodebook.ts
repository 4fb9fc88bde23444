import { createHash } from 'node:crypto';
import type { CodeConfig, CodebookConfig, DimensionConfig } from '../../schemas/codebook.ts';

/** The namespace of qualpress's codebook GUIDs (a fixed random UUID): ids hash to the same GUID in every export. */
const guidNamespace = '8c905eb4-64b0-49d8-8cb7-ebdca465ec25';

/**
 * A name-based UUID (RFC 9562 version 5: SHA-1 of a namespace and a name), so a dimension or
 * code keeps its GUID from one export to the next and a QDA program sees the same code.
 */
export function stableGuid(name: string): string {
  const namespace = Buffer.from(guidNamespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(namespace).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Characters XML 1.0 cannot hold at all (most control characters, lone surrogates, U+FFFE/U+FFFF): dropped. */
const notXml =
  // eslint-disable-next-line no-control-regex -- these control characters are what the pattern looks for.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text content: markup characters escaped. */
export function xmlText(value: string): string {
  return value.replace(notXml, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value in double quotes: also the quote, and line breaks and tabs as references so they survive. */
export function xmlAttribute(value: string): string {
  return xmlText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

function description(text: string | undefined, indent: string): string[] {
  return text === undefined ? [] : [`${indent}<Description>${xmlText(text)}</Description>`];
}

function codeElement(
  code: CodeConfig,
  dimension: DimensionConfig,
  childrenOf: ReadonlyMap<string | undefined, CodeConfig[]>,
  depth: number,
): string[] {
  const indent = '  '.repeat(depth);
  const children = childrenOf.get(code.id) ?? [];
  const open = `${indent}<Code guid="${stableGuid(`code/${dimension.id}/${code.id}`)}" name="${xmlAttribute(code.label)}" isCodable="true"`;
  const inside = [
    ...description(code.definition, `${indent}  `),
    ...children.flatMap((child) => codeElement(child, dimension, childrenOf, depth + 1)),
  ];
  return inside.length === 0 ? [`${open}/>`] : [`${open}>`, ...inside, `${indent}</Code>`];
}

function dimensionElement(dimension: DimensionConfig): string[] {
  const earlier = new Set<string>();
  const childrenOf = new Map<string | undefined, CodeConfig[]>();
  for (const code of dimension.codes) {
    // A parent that is not an earlier code is a codebook problem the caller reports; here the code stays at the top.
    const parent = code.parent !== undefined && earlier.has(code.parent) ? code.parent : undefined;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), code]);
    earlier.add(code.id);
  }
  return [
    `    <Code guid="${stableGuid(`dimension/${dimension.id}`)}" name="${xmlAttribute(dimension.label)}" isCodable="false">`,
    ...description(dimension.description, '      '),
    ...(childrenOf.get(undefined) ?? []).flatMap((code) => codeElement(code, dimension, childrenOf, 3)),
    '    </Code>',
  ];
}

/**
 * A study's codebook as a REFI-QDA codebook (`.qdc`, Codebook.xsd): each dimension a code
 * that only groups (`isCodable="false"`), its codes nested under it by `parent`, each
 * code's definition as its Description. Every attribute and text is escaped.
 */
export function writeCodebook(codebook: CodebookConfig): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="qualpress">',
    '  <Codes>',
    ...codebook.dimensions.flatMap(dimensionElement),
    '  </Codes>',
    '</CodeBook>',
    '',
  ].join('\n');
}
