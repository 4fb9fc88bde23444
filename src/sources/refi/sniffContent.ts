/** What a file's first bytes say it is. */
export type Content = { readonly kind: 'zip' } | { readonly kind: 'xml' } | { readonly kind: 'other'; readonly looksLike: string };

/**
 * Decide by content, not by extension: a `.qdpx` renamed `.zip`, or a codebook saved as
 * `.xml`, still reads, and anything else is described for the message.
 */
export function sniffContent(bytes: Uint8Array): Content {
  if (bytes.length === 0) return { kind: 'other', looksLike: 'an empty file' };
  // `PK\x03\x04` opens a zip with entries; `PK\x05\x06` is an empty zip (no .qde, reported later).
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6))) return { kind: 'zip' };
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 256), { stream: true }).replace(/^\uFEFF/, '');
  if (/^\s*</.test(head)) return { kind: 'xml' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { kind: 'xml' };
  if (head.startsWith('%PDF')) return { kind: 'other', looksLike: 'a PDF file' };
  if (/^[\t\n\r\x20-\x7e\u00a0-\uffff]*$/.test(head.slice(0, 64)) && !head.includes('\ufffd')) {
    const firstLine = head.trimStart().split(/\r?\n/)[0] ?? '';
    return { kind: 'other', looksLike: `text starting ${JSON.stringify(firstLine.length > 40 ? `${firstLine.slice(0, 37)}...` : firstLine)}` };
  }
  const hex = [...bytes.subarray(0, 4)].map((byte) => byte.toString(16).padStart(2, '0')).join(' ');
  return { kind: 'other', looksLike: `binary data starting with the bytes ${hex}` };
}
