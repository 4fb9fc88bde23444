/**
 * JSON to place inside a <script> element. `<`, `>` and `&` are written as \u escapes so
 * that text from the data (a title containing "</script>") cannot end the element early;
 * the JSON value is unchanged.
 */
export function safeJsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
