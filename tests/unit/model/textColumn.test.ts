import { describe, expect, it } from 'vitest';
import { TextColumn } from '../../../src/model/textColumn.ts';

describe('TextColumn', () => {
  it('gives back every string as it was kept, ASCII or not, empty or not', () => {
    const texts = [
      'T0001',
      '',
      'café au lait',
      'שלום עולם',
      '日本語のテキスト',
      'emoji 🎉 and more',
      ' padded ',
      'line\nbreak',
      '"quoted", with comma',
    ];
    const column = new TextColumn();
    const indexes = texts.map((text) => column.push(text));
    expect(indexes).toEqual(texts.map((_, index) => index));
    expect(column.length).toBe(texts.length);
    expect(texts.map((_, index) => column.at(index))).toEqual(texts);
  });

  it('keeps strings apart across pieces of storage, whatever their sizes', () => {
    // Pieces of 64 bytes: most strings below end a piece early, and some are longer than a piece.
    const column = new TextColumn(64);
    const texts = Array.from({ length: 500 }, (_, index) => `${index}:${'ü'.repeat(index % 37)}${'x'.repeat((index * 7) % 90)}`);
    for (const text of texts) column.push(text);
    expect(texts.map((_, index) => column.at(index))).toEqual(texts);
  });

  it('refuses an index it does not hold, and forgets everything when cleared', () => {
    const column = new TextColumn();
    column.push('one');
    expect(() => column.at(1)).toThrow(/internal: no text 1 of 1/);
    expect(() => column.at(-1)).toThrow(/internal/);
    column.clear();
    expect(column.length).toBe(0);
    expect(column.push('two')).toBe(0);
    expect(column.at(0)).toBe('two');
  });
});
