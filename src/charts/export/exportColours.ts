/**
 * Colours for downloads, which are read outside the site: on white paper, in slides, in
 * social feeds. Page CSS (light/dark mode) never reaches them, so they are fixed here.
 * Both text colours pass WCAG AA on white (#1a1a1a is 17.4:1, #4d4d4d is 8.5:1).
 */
export const exportColours = {
  background: '#ffffff',
  /** What `currentColor` becomes: the page's text colour in light mode. */
  text: '#1a1a1a',
  /** Secondary lines: source, report title, site address. */
  mutedText: '#4d4d4d',
} as const;
