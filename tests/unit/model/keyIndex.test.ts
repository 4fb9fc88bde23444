import { describe, expect, it } from 'vitest';
import { hashOf, KeyIndex } from '../../../src/model/keyIndex.ts';

describe('KeyIndex', () => {
  it('numbers ids in order of first appearance and names the line of the first when one comes again', () => {
    const keys = new KeyIndex();
    expect(keys.add('a1', 2)).toBe(0);
    expect(keys.add('b2', 3)).toBe(1);
    const again = keys.add('a1', 7);
    expect(again).toBe(-1);
    expect(keys.lineOf(-again - 1)).toBe(2);
    expect(keys.size).toBe(2);
    expect([...keys]).toEqual(['a1', 'b2']);
  });

  it('finds each of many ids after the table has grown many times, and no id it was not given', () => {
    const keys = new KeyIndex();
    const ids = Array.from({ length: 50_000 }, (_, index) => `T${String(index).padStart(8, '0')}`);
    ids.forEach((id, index) => expect(keys.add(id, index + 2)).toBe(index));
    expect(ids.every((id, index) => keys.entryOf(id) === index && keys.lineOf(index) === index + 2)).toBe(true);
    expect(keys.has('T99999999')).toBe(false);
    expect(keys.has('t00000001')).toBe(false);
    expect(keys.has('T0000000')).toBe(false);
    expect(keys.key(123)).toBe('T00000123');
  });

  it('tells apart ids that differ only beyond ASCII or in case', () => {
    const keys = new KeyIndex();
    for (const id of ['é', 'e\u0301', 'E', 'e', '日', '🎉']) keys.add(id, 1);
    expect(keys.size).toBe(6);
    expect(keys.entryOf('e\u0301')).toBe(1);
    expect(keys.entryOf('🎉')).toBe(5);
  });

  it('tells apart two ids with the same hash', () => {
    // A birthday search: among a few hundred thousand ids, two share a 32-bit hash.
    const seen = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let index = 0; pair === undefined; index++) {
      const id = `u${index}`;
      const other = seen.get(hashOf(id));
      if (other === undefined) seen.set(hashOf(id), id);
      else pair = [other, id];
    }
    const [first, second] = pair;
    expect(hashOf(first)).toBe(hashOf(second));
    const keys = new KeyIndex();
    expect(keys.add(first, 2)).toBe(0);
    expect(keys.add(second, 3)).toBe(1);
    expect([keys.entryOf(first), keys.entryOf(second)]).toEqual([0, 1]);
    expect(keys.add(second, 4)).toBe(-2);
  });

  it('forgets every id when cleared', () => {
    const keys = new KeyIndex();
    keys.add('x', 2);
    keys.clear();
    expect(keys.has('x')).toBe(false);
    expect(keys.add('x', 9)).toBe(0);
    expect(keys.lineOf(0)).toBe(9);
  });
});
