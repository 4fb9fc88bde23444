/**
 * Characters the bundled font has no glyph for, with stand-ins it does have. Without
 * them resvg draws an empty box (it has no other fonts to fall back on, by design). Plot
 * writes arrows into axis labels ("Count →", "↑ Frequency"); horizontal arrows become their
 * ASCII spelling, and vertical ones are dropped, since the axis beside them already shows
 * which way values grow. SVG files keep the real arrows: viewers there have system fonts.
 * The stand-ins are already escaped for XML, as they go into markup.
 */
const standIns: ReadonlyMap<string, string> = new Map([
  ['\u2192', '-&gt;'],
  ['\u2190', '&lt;-'],
  ['\u2191', ''],
  ['\u2193', ''],
]);

const missing = new RegExp(`(?:[${[...standIns.keys()].join('')}])( ?)`, 'gu');

/** SVG markup with every character the bundled font lacks replaced by its stand-in. */
export function replaceMissingGlyphs(svg: string): string {
  return svg.replace(missing, (match, space: string) => {
    const standIn = standIns.get(match.slice(0, 1))!;
    // A dropped arrow takes the space that separated it from its label with it.
    return standIn === '' ? '' : standIn + space;
  });
}
