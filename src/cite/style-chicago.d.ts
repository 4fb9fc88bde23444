/**
 * `style-chicago` ships the Chicago Manual of Style 17th edition (author-date) CSL style as a
 * parsed XML tree. citeproc (through @citation-js/plugin-csl) accepts that tree in place of
 * CSL XML text, so it is only ever handed over, never inspected.
 */
declare module 'style-chicago' {
  interface CslStyleNode {
    name: string;
    attrs: Record<string, string>;
    children: (CslStyleNode | string)[];
  }
  const style: CslStyleNode;
  export default style;
}
