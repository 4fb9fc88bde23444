import { describe, expect, it } from 'vitest';
import type { CitableWork } from '../../../src/cite/citableWork.ts';
import { Cite } from '../../../src/cite/citationJs.ts';
import { citationsFor } from '../../../src/cite/citations.ts';

const base: CitableWork = {
  kind: 'section',
  id: 'mood-by-region',
  title: 'Reported Wellbeing by Region',
  authors: [{ family: 'Smith', given: 'Jane' }, { literal: 'Acme Research Group' }],
  containerTitle: 'Wellbeing at Work 2024',
  version: '1.2.0',
  date: '2024-03-05',
  publisher: 'Acme Institute',
  url: 'https://example.org/wellbeing/figures/mood-by-region/',
  license: 'CC-BY-4.0',
  language: 'en',
};

// Everything that has a meaning in BibTeX, LaTeX, RIS or HTML.
const HOSTILE =
  'Closing } and { opening, 100% \\input{/etc/passwd} line\nbreak @misc{evil,\nTY  - JOUR\nER  - \n<script>alert(1)</script> & co';

type ParsedItem = { title?: string; author?: { family?: string; given?: string; literal?: string }[]; URL?: string };
const readBibtex = (text: string) => new Cite(text).data as ParsedItem[];
// citation-js picks a parser by sniffing the text, and its BibTeX pattern matches an
// "@misc{evil," anywhere, even inside an RIS title, so RIS is read with its parser named.
const readRis = (text: string) => new Cite(text, { forceType: '@ris/file' }).data as ParsedItem[];
const squash = (text: string | undefined) => text?.replace(/\s+/g, ' ').trim();
// Runs of whitespace in a title become one space (plainText) before any format sees it.
const squeeze = (text: string | undefined) => text?.replace(/\s+/g, '');

describe('a hostile title in cite.bib and cite.ris', () => {
  const { bibtex, ris } = citationsFor({ ...base, title: HOSTILE });

  it('BibTeX: one record with the same title', () => {
    expect(bibtex.match(/^@/gm)).toHaveLength(1);
    const items = readBibtex(bibtex);
    expect(items).toHaveLength(1);
    expect(squash(items[0]?.title)).toBe(squash(HOSTILE));
    expect(items[0]?.URL).toBe(base.url);
  });

  it('BibTeX: escapes braces, backslashes and percent signs', () => {
    const title = /\ttitle = \{(.*)\},\n/.exec(bibtex)?.[1] ?? '';
    expect(title).toContain('Closing \\textbraceright{} and \\textbraceleft{} opening, 100\\% \\textbackslash{}input');
    expect(title).not.toMatch(/\\input/);
  });

  it('RIS: one record, one TY line, the same title', () => {
    expect(ris.match(/^TY {2}-/gm)).toHaveLength(1);
    expect(ris.match(/^ER {2}-/gm)).toHaveLength(1);
    const items = readRis(ris);
    expect(items).toHaveLength(1);
    expect(squeeze(items[0]?.title)).toBe(squeeze(HOSTILE));
    expect(items[0]?.URL).toBe(base.url);
  });

  it('RIS: every line is a tag line, and the title is one of them', () => {
    const lines = ris.trimEnd().split('\n');
    expect(lines.every((line) => /^[A-Z][A-Z0-9] {2}-( |$)/.test(line))).toBe(true);
    expect(lines.map((line) => line.slice(0, 2))).toEqual(['TY', 'AU', 'AU', 'ET', 'ID', 'LA', 'PB', 'DA', 'PY', 'T2', 'TI', 'UR', 'ER']);
  });
});

describe('the hostile characters of the brief, read back without naming the parser', () => {
  const title = 'Braces } and { and 100% and back\\slash\nnew line @ sign\nTY  - JOUR';
  const { bibtex, ris } = citationsFor({ ...base, title });

  it.each([
    ['BibTeX', bibtex],
    ['RIS', ris],
  ])('%s gives one item with the same title', (_format, text) => {
    const items = new Cite(text).data as ParsedItem[];
    expect(items).toHaveLength(1);
    expect(squeeze(items[0]?.title)).toBe(squeeze(title));
    expect(squash(items[0]?.title)).toBe(squash(title));
  });

  it('RIS has no extra TY line', () => {
    expect(ris.match(/^TY {2}-/gm)).toEqual(['TY  -']);
  });
});

describe('hostile text elsewhere in the work', () => {
  const work: CitableWork = {
    ...base,
    authors: [
      { family: 'Sm}ith\\', given: 'J{ane\nTY  - JOUR' },
      { literal: 'Acme {Research} \\ Group @misc{x, 50% \nER  - ' },
      { family: 'Solo}{' },
    ],
    containerTitle: HOSTILE,
    publisher: HOSTILE,
    abstract: HOSTILE,
    version: '1.0} @misc{',
    language: 'en}\nTY  - X',
    url: 'https://example.org/a/{b}\\c?q=}{',
  };
  const { bibtex, ris } = citationsFor(work);

  it('BibTeX: still one record; organisation braces become parentheses', () => {
    const items = readBibtex(bibtex);
    expect(items).toHaveLength(1);
    expect(items[0]?.title).toBe(base.title);
    expect(items[0]?.author).toHaveLength(3);
    expect(items[0]?.author?.[0]).toEqual({ family: 'Sm}ith\\', given: 'J{ane TY JOUR' });
    expect(items[0]?.author?.[1]?.family).toBe('Acme (Research) / Group @misc(x, 50% ER -');
    expect(items[0]?.author?.[2]?.family).toBe('Solo)(');
    expect(items[0]?.URL).toBe('https://example.org/a/%7Bb%7D/c?q=%7D%7B');
  });

  it('RIS: still one record with every author', () => {
    expect(ris.match(/^TY {2}-/gm)).toHaveLength(1);
    const items = readRis(ris);
    expect(items).toHaveLength(1);
    expect(items[0]?.title).toBe(base.title);
    expect(items[0]?.author).toHaveLength(3);
  });

  it('unbalanced CSL rich-text tags cannot leave a BibTeX brace open', () => {
    const { bibtex: bib } = citationsFor({ ...base, title: 'Open <b>bold and <i>italic', publisher: '</i>Closing <sc>' });
    const items = readBibtex(bib);
    expect(items).toHaveLength(1);
    expect(items[0]?.title).toBe('Open bold and italic');
    expect(bib).toContain('publisher = {Closing},');
  });
});
