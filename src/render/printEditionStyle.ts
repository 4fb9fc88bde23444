/**
 * The print edition's running head: the report's title at the top of every printed page
 * but the first, in a page-margin box. A margin box cannot take its text from the page
 * (Chromium has no `string-set`), and the pages' Content-Security-Policy forbids inline
 * styles, so the title is written into a small stylesheet of its own, served from the site.
 */
export function runningHeadStyle(title: string): string {
  return [
    "/* The print edition's running head (src/render/printEditionStyle.ts). */",
    '@media print {',
    '  @page {',
    `    @top-center { content: ${cssString(title)}; }`,
    '  }',
    '}',
    '',
  ].join('\n');
}

/** A CSS string of any text: every character but plain letters, digits and spaces as an escape. */
export function cssString(text: string): string {
  const escaped = [...text].map((character) =>
    /[A-Za-z0-9 ]/.test(character) ? character : `\\${character.codePointAt(0)?.toString(16) ?? ''} `,
  );
  return `"${escaped.join('')}"`;
}
