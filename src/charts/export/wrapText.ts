/**
 * Line breaking for titles drawn as SVG text. SVG has no automatic wrapping and nothing
 * here can measure text, so widths are estimated per character class. The classes are
 * calibrated against the bundled Atkinson Hyperlegible and err on the wide side, so an
 * estimated line never overflows (checked against resvg's own layout in the tests).
 */

const narrow = new Set(" fijlrtI1.,:;'!|()[]/\\\u00a0");
// Maths signs are set wide in common system sans faces (DejaVu Sans: 0.84 em), which the
// page's inline charts may be drawn in.
const wide = new Set('mwMW%@\u2014\u2026+<>=~^');

/** Advance width of one character, in ems. */
function charWidth(char: string): number {
  if (narrow.has(char)) return 0.32;
  if (wide.has(char)) return 0.88;
  if (/[A-Z0-9]/.test(char)) return 0.68;
  // CJK, kana, hangul and other full-width scripts: about one em each.
  if (char.codePointAt(0)! >= 0x2e80) return 1;
  return 0.56;
}

/** Bold glyphs in the bundled face are about 8% wider. */
const boldFactor = 1.08;

export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  let ems = 0;
  for (const char of text) ems += charWidth(char);
  return ems * fontSize * (bold ? boldFactor : 1);
}

export interface WrapOptions {
  readonly maxWidth: number;
  readonly fontSize: number;
  readonly bold?: boolean;
  /** Cut the text after this many lines, ending the last with "…". Default: no limit. */
  readonly maxLines?: number;
}

/** Break text into lines at spaces (or inside a word too long for a line of its own). */
export function wrapText(text: string, { maxWidth, fontSize, bold = false, maxLines = Infinity }: WrapOptions): string[] {
  const fits = (line: string) => estimateTextWidth(line, fontSize, bold) <= maxWidth;
  const words = text.split(/[ \t\r\n]+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    for (const char of word) {
      if (line && !fits(line + char)) {
        lines.push(line);
        line = '';
      }
      line += char;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, Math.max(1, maxLines));
  kept[kept.length - 1] = withEllipsis(kept[kept.length - 1]!, fits);
  return kept;
}

/** The line, shortened by whole words (or characters, for a single word) until "…" fits after it. */
function withEllipsis(line: string, fits: (line: string) => boolean): string {
  let shortened = line;
  while (shortened && !fits(`${shortened}…`)) {
    const lastSpace = shortened.lastIndexOf(' ');
    shortened = lastSpace > 0 ? shortened.slice(0, lastSpace) : [...shortened].slice(0, -1).join('');
  }
  return `${shortened.replace(/[\s,;:.\-–—]+$/, '')}…`;
}
