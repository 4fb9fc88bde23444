export type DecodedText = { readonly text: string } | { readonly notText: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Bytes of a text file (a source's plain text or an XML file) as a string. UTF-8 is what the
 * standard asks for; a byte-order mark is removed, and a UTF-16 one (some Windows tools)
 * is honoured. Returns why the bytes are not text otherwise, for the message.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith('utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith('utf-16be', bytes.subarray(2));
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: utf8.decode(body) };
  } catch {
    return { notText: `bytes that are not UTF-8 (from byte offset ${firstBadUtf8Byte(body) + (bytes.length - body.length)})` };
  }
}

function decodeWith(encoding: 'utf-16le' | 'utf-16be', bytes: Uint8Array): DecodedText {
  try {
    return { text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { notText: `bytes that are not ${encoding.toUpperCase()} after its byte-order mark` };
  }
}

/** Where decoding fails, found by halving: only run once the whole text is known to be bad. */
function firstBadUtf8Byte(bytes: Uint8Array): number {
  let good = 0;
  let bad = bytes.length;
  while (bad - good > 1) {
    const middle = (good + bad) >>> 1;
    if (decodesUpTo(bytes, middle)) good = middle;
    else bad = middle;
  }
  return good;
}

function decodesUpTo(bytes: Uint8Array, end: number): boolean {
  // `stream` lets the prefix end inside a character without counting that as bad.
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
    return true;
  } catch {
    return false;
  }
}
