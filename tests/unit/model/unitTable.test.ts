import { describe, expect, it } from 'vitest';
import type { Unit } from '../../../src/model/study.ts';
import { unitTableOf } from '../../../src/model/unitTable.ts';

const file = 'data/posts.csv';
const peers = { theme: ['peers'] };
const none = { theme: [] };
const units: Unit[] = [
  { origin: { file, line: 2 }, key: 'p1', participant: 'b', day: '2025-01-02', codes: peers, text: 'First post' },
  { origin: { file, line: 3 }, key: 'p2', participant: 'a', day: '2025-01-01', codes: none, text: '   ' },
  { origin: { file, line: 5 }, key: 'p3', participant: 'b', day: undefined, codes: peers, text: '' },
  { origin: { file, line: 6 }, key: 'p4', participant: 'c', day: '2025-01-02', codes: { theme: ['tools', 'peers'] }, text: 'שלום 🎉' },
];

describe('unitTableOf', () => {
  it('gives back every unit as it was given, by row, from the end and in order', () => {
    const table = unitTableOf(units);
    expect(table.length).toBe(4);
    expect(table.toArray()).toEqual(units);
    expect(table.at(-1)).toEqual(units[3]);
    expect([...table].map((unit) => unit.key)).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(() => table.at(4)).toThrow(/internal/);
  });

  it('numbers participants, days and combinations of codes in order of their first unit, each once', () => {
    const table = unitTableOf(units);
    expect(table.participants).toEqual(['b', 'a', 'c']);
    expect([...table.participantOf]).toEqual([0, 1, 0, 2]);
    expect(table.days).toEqual(['2025-01-02', '2025-01-01']);
    expect([...table.dayOf]).toEqual([0, 1, -1, 0]);
    expect(table.codeSets).toEqual([peers, none, { theme: ['tools', 'peers'] }]);
    expect([...table.codeSetOf]).toEqual([0, 1, 0, 2]);
  });

  it('finds a unit by id, and says which units have text to show without reading it', () => {
    const table = unitTableOf(units);
    expect(table.rowOf('p3')).toBe(2);
    expect(table.rowOf('p9')).toBeUndefined();
    expect([0, 1, 2, 3].map((row) => table.hasText(row))).toEqual([true, false, false, true]);
    expect(table.text(3)).toBe('שלום 🎉');
    expect(table.line(3)).toBe(6);
  });

  it('keeps texts and spans at their own rows when only some units have them', () => {
    const table = unitTableOf([
      { ...units[0]!, text: undefined },
      { ...units[1]!, text: 'said', span: { source: 'd1', start: 0, end: 4 } },
      { ...units[2]!, text: undefined },
    ]);
    expect([0, 1, 2].map((row) => table.text(row))).toEqual([undefined, 'said', undefined]);
    expect([0, 1, 2].map((row) => table.span(row))).toEqual([undefined, { source: 'd1', start: 0, end: 4 }, undefined]);
    expect(table.at(0)).not.toHaveProperty('span');
  });

  it('refuses units from more than one file', () => {
    expect(() => unitTableOf([units[0]!, { ...units[1]!, origin: { file: 'data/other.csv', line: 2 } }])).toThrow(/internal/);
  });
});
