import { createRequire } from 'node:module';

/**
 * The one typeface every download is drawn in. It ships as an npm package, so a PNG
 * rendered on a laptop, a CI runner or a server has the same glyphs, widths and line
 * breaks: nothing depends on which fonts a machine happens to have installed.
 */
export const bundledFontFamily = 'Atkinson Hyperlegible';

/** For SVG files opened elsewhere: the bundled face if the reader has it, else any sans-serif. */
export const bundledFontStack = `'${bundledFontFamily}', sans-serif`;

const require = createRequire(import.meta.url);

/**
 * Resolved once, through Node's resolver, so they are found from any working directory and
 * from any install layout (hoisted or nested node_modules). The package has no `exports`
 * field, so its files resolve by their own paths.
 */
export const bundledFontFiles: readonly string[] = Object.freeze([
  require.resolve('@expo-google-fonts/atkinson-hyperlegible/400Regular/AtkinsonHyperlegible_400Regular.ttf'),
  require.resolve('@expo-google-fonts/atkinson-hyperlegible/700Bold/AtkinsonHyperlegible_700Bold.ttf'),
]);
