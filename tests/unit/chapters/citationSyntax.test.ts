import { describe, expect, it } from 'vitest';
import { citeComponentItems, escapedAts, findCitations } from '../../../src/chapters/citationSyntax.ts';

const narrativeKeys = (text: string) => findCitations(text).flatMap((found) => (found.form === 'narrative' ? [found.key] : []));

describe('findCitations', () => {
  it('reads [@a], [@a; @b] and [-@a] as parenthetical citations, with the author suppressed where asked', () => {
    const text = 'As shown [@doe2020; -@roe2021] and [-@doe2020].';
    expect(findCitations(text)).toEqual([
      {
        form: 'parenthetical',
        items: [
          { key: 'doe2020', suppressAuthor: false },
          { key: 'roe2021', suppressAuthor: true },
        ],
        index: text.indexOf('[@'),
        length: '[@doe2020; -@roe2021]'.length,
      },
      {
        form: 'parenthetical',
        items: [{ key: 'doe2020', suppressAuthor: true }],
        index: text.indexOf('[-@'),
        length: '[-@doe2020]'.length,
      },
    ]);
  });

  it('reads a bare @key as a narrative citation, at the start or after a character that is not part of a word', () => {
    const text = '@doe2020 argued, as (@roe2021) and "@poe2022" did';
    expect(findCitations(text)).toEqual([
      { form: 'narrative', key: 'doe2020', index: 0, length: '@doe2020'.length },
      { form: 'narrative', key: 'roe2021', index: text.indexOf('@roe'), length: '@roe2021'.length },
      { form: 'narrative', key: 'poe2022', index: text.indexOf('@poe'), length: '@poe2022'.length },
    ]);
  });

  it('ends a key at punctuation that is not followed by a letter or digit, as Pandoc does', () => {
    expect(narrativeKeys("As @doe2020. Then @roe:2021-a, @poe_2022's view, @a.b/c-d? and @x+y.")).toEqual([
      'doe2020',
      'roe:2021-a',
      'poe_2022',
      'a.b/c-d',
      'x+y',
    ]);
  });

  it('never reads an e-mail address, an address on the web or a lone @ as a citation', () => {
    expect(findCitations('Write to doe2020@example.org or see https://example.org/@doe2020 and www.example.org/@roe, @ or @.')).toEqual([]);
  });

  it('does not read the keys of a bracketed citation a second time as narrative ones', () => {
    expect(findCitations('[@doe2020]').map((found) => found.form)).toEqual(['parenthetical']);
  });

  it('leaves an escaped @ as text, in either form', () => {
    const text = 'Mail @doe2020 or [@roe2021] and @poe2022';
    expect(
      findCitations(text, new Set([text.indexOf('@doe'), text.indexOf('@roe')])).map((found) => found.form === 'narrative' && found.key),
    ).toEqual(['poe2022']);
  });

  it('accepts letters and digits of any script in a key', () => {
    expect(narrativeKeys('@müller2020 and @日本2021')).toEqual(['müller2020', '日本2021']);
  });
});

describe('escapedAts', () => {
  it('finds the @ written as \\@ or as a character reference, by the text node and its source', () => {
    const value = 'a @x b @y c @z d @w';
    const source = 'a \\@x b @y c &#64;z d &commat;w';
    expect([...escapedAts(value, source)]).toEqual([value.indexOf('@x'), value.indexOf('@z'), value.indexOf('@w')]);
  });

  it('reads \\\\@ as a backslash and a plain @', () => {
    expect([...escapedAts('\\@x', '\\\\@x')]).toEqual([]);
  });

  it('takes no @ as escaped without a source, or when source and text do not match @ for @', () => {
    expect([...escapedAts('@x', undefined)]).toEqual([]);
    expect([...escapedAts('@x @y', '\\@x')]).toEqual([]);
  });
});

describe('citeComponentItems', () => {
  it('reads keys separated by semicolons, commas or spaces, and -key as author suppressed', () => {
    expect(citeComponentItems('a; -b, c  d')).toEqual([
      { key: 'a', suppressAuthor: false },
      { key: 'b', suppressAuthor: true },
      { key: 'c', suppressAuthor: false },
      { key: 'd', suppressAuthor: false },
    ]);
  });
});
