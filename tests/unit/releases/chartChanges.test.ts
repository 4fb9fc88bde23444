import { describe, expect, it } from 'vitest';
import { chartChanges } from '../../../src/releases/chartChanges.ts';
import type { ChartInputs } from '../../../src/releases/chartInputs.ts';
import { compareVersions } from '../../../src/releases/versionOrder.ts';

/** A distribution's inputs: one row per code, counted n, as a chart kind tabulates them. */
function inputs(rows: Record<string, number | string>, options: { title?: string; order?: string; definitions?: Record<string, string>; units?: number } = {}): ChartInputs {
  return {
    definition: { kind: 'distribution', dimension: 'theme', title: options.title ?? 'Themes', order: options.order ?? 'codebook', notes: [] },
    table: {
      columns: [
        { key: 'label', label: 'Code', type: 'text' },
        { key: 'n', label: 'Posts', type: 'count' },
        { key: 'share', label: 'Share', type: 'share' },
      ],
      rows: Object.entries(rows).map(([label, n]) => ({ code: label.toLowerCase(), label, n, share: 0 })),
      n: { units: options.units ?? 10, participants: 3 },
    },
    codebook: [
      {
        dimension: 'theme',
        label: 'Theme',
        codes: Object.keys(rows).map((label) => ({ id: label.toLowerCase(), label, ...(options.definitions?.[label] ? { definition: options.definitions[label] } : {}) })),
      },
    ],
    citation: { report: 'A report', authors: [{ family: 'Doe' }], license: 'CC-BY-4.0' },
  };
}

describe('what changed in a chart between two versions', () => {
  it('gives every count before and after, and the rows added and removed', () => {
    const changes = chartChanges('1.0.0', inputs({ Tools: 6, People: 4, Time: 2 }, { units: 12 }), inputs({ Tools: 5, People: 4, Place: 1 }, { units: 10 }));
    expect(changes.rows).toEqual([
      { key: 'Tools', before: 6, after: 5 },
      { key: 'People', before: 4, after: 4 },
      { key: 'Place', before: undefined, after: 1 },
      { key: 'Time', before: 2, after: undefined },
    ]);
    expect(changes.added).toEqual(['Place']);
    expect(changes.removed).toEqual(['Time']);
    expect(changes.n.units).toEqual({ before: 12, after: 10 });
    expect(changes.none).toBe(false);
  });

  it('names a changed title, definition field and code definition', () => {
    const before = inputs({ Tools: 6 }, { definitions: { Tools: 'Software and devices' } });
    const after = inputs({ Tools: 6 }, { title: 'Themes of posts', order: 'size', definitions: { Tools: 'Software, devices and apps' } });
    const changes = chartChanges('1.0.0', before, after);
    expect(changes.title).toEqual({ before: 'Themes', after: 'Themes of posts' });
    expect(changes.definition).toEqual(['order']);
    expect(changes.codeDefinitions).toEqual([{ code: 'Theme: Tools', before: 'Software and devices', after: 'Software, devices and apps' }]);
    expect(changes.rows.every((row) => row.before === row.after)).toBe(true);
  });

  it('says when nothing changed, and reads a suppressed count as not shown', () => {
    expect(chartChanges('1.0.0', inputs({ Tools: 6 }), inputs({ Tools: 6 })).none).toBe(true);
    const suppressed = chartChanges('1.0.0', inputs({ Tools: 6 }), inputs({ Tools: 'suppressed' }));
    expect(suppressed.rows).toEqual([{ key: 'Tools', before: 6, after: null }]);
  });
});

describe('version order', () => {
  it('compares versions number by number', () => {
    expect(compareVersions('1.10.0', '1.9.0')).toBe(1);
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
    expect(compareVersions('0.9.12', '1.0.0')).toBe(-1);
  });
});
