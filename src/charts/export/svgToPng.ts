import { type RenderedImage, Resvg, type ResvgRenderOptions, renderAsync } from '@resvg/resvg-js';
import { bundledFontFamily, bundledFontFiles } from './bundledFont.ts';
import { replaceMissingGlyphs } from './replaceMissingGlyphs.ts';

export interface PngOptions {
  /** Width of the PNG in pixels; the height keeps the SVG's aspect ratio. */
  readonly width: number;
}

/**
 * Only the bundled font, never the machine's: text then renders with the same glyphs and
 * line positions on every computer, so PNGs are reproducible byte for byte. Every generic
 * family and the default (for names that match nothing) map to it too.
 */
const fontOptions: NonNullable<ResvgRenderOptions['font']> = Object.freeze({
  fontFiles: [...bundledFontFiles],
  loadSystemFonts: false,
  defaultFontFamily: bundledFontFamily,
  sansSerifFamily: bundledFontFamily,
  serifFamily: bundledFontFamily,
  monospaceFamily: bundledFontFamily,
  cursiveFamily: bundledFontFamily,
  fantasyFamily: bundledFontFamily,
});

/** No PNG export needs more than this, and a typo such as 12800 should fail, not allocate 600 MB. */
const maxWidth = 8192;

/** Rasterize a standalone SVG (see standaloneSvg) to PNG bytes at the given pixel width. */
export function svgToPng(svg: string, options: PngOptions): Buffer {
  return rasterizeSvg(svg, options).asPng();
}

/**
 * The same PNG, rendered on libuv's thread pool: the build can go on writing pages on the
 * main thread while a second core rasterises charts.
 */
export async function svgToPngAsync(svg: string, { width }: PngOptions): Promise<Buffer> {
  checkWidth(width);
  return (await renderAsync(replaceMissingGlyphs(svg), renderOptions(width))).asPng();
}

/** The rendered image before PNG encoding, whose raw RGBA `pixels` tests can inspect. */
export function rasterizeSvg(svg: string, { width }: PngOptions): RenderedImage {
  checkWidth(width);
  const resvg = new Resvg(replaceMissingGlyphs(svg), renderOptions(width));
  return resvg.render();
}

function renderOptions(width: number): ResvgRenderOptions {
  return { font: fontOptions, fitTo: { mode: 'width', value: width } };
}

function checkWidth(width: number): void {
  if (!Number.isInteger(width) || width < 1 || width > maxWidth) {
    throw new RangeError(`svgToPng: width must be a whole number of pixels from 1 to ${maxWidth}, not ${width}`);
  }
}
