/**
 * Charts colour themselves with CSS custom properties, `fill="var(--chart-bar, #2b6cb0)"`,
 * so the page can restyle them for dark mode. A downloaded file has no page around it,
 * and renderers such as resvg do not implement `var()` at all, so each `var()` is replaced
 * by its fallback: the colour the chart was designed with.
 */

/**
 * One CSS value with every `var(--name, fallback)` replaced by its fallback (fallbacks may
 * themselves use `var()`). `undefined` when a `var()` has no fallback or is malformed: CSS
 * then treats the whole declaration as if it were absent, and so should the caller.
 */
export function resolveCssValue(value: string): string | undefined {
  let result = '';
  let index = 0;
  for (;;) {
    const start = findVarCall(value, index);
    if (start === -1) return result + value.slice(index);
    const open = start + 'var'.length;
    const close = matchingParenthesis(value, open);
    if (close === -1) return undefined;
    const inside = value.slice(open + 1, close);
    const comma = topLevelIndexOf(inside, ',');
    if (comma === -1) return undefined;
    const fallback = resolveCssValue(inside.slice(comma + 1).trim());
    if (fallback === undefined) return undefined;
    result += value.slice(index, start) + fallback;
    index = close + 1;
  }
}

/** Where the next `var(` starts, not counting names that merely end in "var", such as `somevar(`. */
function findVarCall(text: string, from: number): number {
  const pattern = /var\(/gi;
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const before = text[match.index - 1];
    if (before === undefined || !/[\w-]/.test(before)) return match.index;
  }
  return -1;
}

/** The index of the `)` that closes the `(` at `open`, skipping quoted strings; -1 if none. */
function matchingParenthesis(text: string, open: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let index = open; index < text.length; index++) {
    const char = text[index];
    if (quote) {
      if (char === '\\') index++;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return index;
  }
  return -1;
}

/** The first `target` character outside brackets and quotes; -1 if none. */
function topLevelIndexOf(text: string, target: string): number {
  const pieces = splitTopLevel(text, target);
  return pieces.length > 1 ? pieces[0]!.text.length : -1;
}

interface Piece {
  readonly text: string;
  readonly delimiter: boolean;
}

/** Cut `text` at each of `delimiters` that is outside brackets and quotes, keeping the delimiters as pieces. */
function splitTopLevel(text: string, delimiters: string): Piece[] {
  const pieces: Piece[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quote) {
      if (char === '\\') index++;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '(') depth++;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && delimiters.includes(char)) {
      pieces.push({ text: text.slice(start, index), delimiter: false }, { text: char, delimiter: true });
      start = index + 1;
    }
  }
  pieces.push({ text: text.slice(start), delimiter: false });
  return pieces;
}
