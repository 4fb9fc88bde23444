import { describe, expect, it } from 'vitest';
import { resolveCssValue } from '../../../src/charts/export/resolveCssVariables.ts';
import { preferBundledFont } from '../../../src/charts/export/selfContainedStyles.ts';

describe('resolveCssValue', () => {
  it('replaces a custom property by its fallback', () => {
    expect(resolveCssValue('var(--chart-bar, #2b6cb0)')).toBe('#2b6cb0');
    expect(resolveCssValue('VAR(--chart-cat-3,#009e73)')).toBe('#009e73');
  });

  it('keeps fallbacks that contain commas and brackets whole', () => {
    expect(resolveCssValue('var(--c, rgb(0, 114, 178))')).toBe('rgb(0, 114, 178)');
    expect(resolveCssValue('var(--font, "A, B", sans-serif)')).toBe('"A, B", sans-serif');
  });

  it('resolves nested and repeated var() calls', () => {
    expect(resolveCssValue('var(--a, var(--b, #123456))')).toBe('#123456');
    expect(resolveCssValue('1px solid var(--line, #ccc) var(--x, 2px)')).toBe('1px solid #ccc 2px');
  });

  it('leaves values without var() alone, including names that end in "var"', () => {
    expect(resolveCssValue('#2b6cb0')).toBe('#2b6cb0');
    expect(resolveCssValue('url(#somevar(1))')).toBe('url(#somevar(1))');
  });

  it('reports a var() without fallback as unresolvable, as CSS would', () => {
    expect(resolveCssValue('var(--missing)')).toBeUndefined();
    expect(resolveCssValue('var(--a, var(--b))')).toBeUndefined();
    expect(resolveCssValue('var(--broken, #fff')).toBeUndefined();
  });
});

describe('preferBundledFont', () => {
  it('replaces platform font stacks by the bundled font', () => {
    expect(preferBundledFont('system-ui, sans-serif')).toBe("'Atkinson Hyperlegible', sans-serif");
    expect(preferBundledFont('"system-ui"')).toBe("'Atkinson Hyperlegible', sans-serif");
  });

  it('keeps a deliberate choice of face', () => {
    expect(preferBundledFont('ui-monospace, monospace')).toBe('ui-monospace, monospace');
  });
});
