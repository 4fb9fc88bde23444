// Characters RFC 3986 allows in a URI; `%` is kept because the WHATWG serialisation below
// only ever emits it as the start of a percent-escape.
const NOT_URI_CHARACTER = /[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/g;

/**
 * An absolute http(s) URL in canonical form, with every character outside RFC 3986
 * percent-encoded. citation-js writes BibTeX `url` fields verbatim, so a `}` or `\` left in a
 * URL would end the field early; after this they cannot occur.
 *
 * @throws Error if the value is not an absolute http(s) URL.
 */
export function httpUrl(value: string, what = 'URL'): string {
  let parsed: URL;
  try {
    parsed = new URL(value.trim());
  } catch {
    throw new Error(`${what} "${value}" is not an absolute URL`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`${what} "${value}" must use http or https, not ${parsed.protocol}`);
  }
  return parsed.href.replace(NOT_URI_CHARACTER, (character) => encodeURIComponent(character));
}
