import { describe, expect, it } from 'vitest';
import { inTextCitation, narrativeCitation, parseBibliography } from '../../../src/cite/bibliography.ts';

const bib = [
  '@article{one2016, author = {Cho, Vincent}, title = {One}, journal = {J}, year = {2016}}',
  '@article{two2006, author = {Braun, Virginia and Clarke, Victoria}, title = {Two}, journal = {J}, year = {2006}}',
  '@article{three2020, author = {Alpha, Ann and Beta, Bo and Gamma, Gil}, title = {Three}, journal = {J}, year = {2020}}',
  '@misc{group2018, author = {{Johnson & Johnson}}, title = {A group}, year = {2018}}',
  '@misc{untitled, author = {Doe, Jane}, title = {Undated}}',
  '@misc{anonymous2019, title = {A work with no author}, year = {2019}}',
].join('\n');

function item(key: string) {
  const parsed = parseBibliography(bib);
  if (!parsed.ok) throw new Error(parsed.message);
  const found = parsed.items.get(key);
  if (!found) throw new Error(`no ${key}`);
  return found;
}

describe('narrativeCitation (@key)', () => {
  it('names one author, joins two with "and" (APA running text), and shortens three or more to "et al."', () => {
    expect(narrativeCitation(item('one2016'))).toBe('Cho (2016)');
    expect(narrativeCitation(item('two2006'))).toBe('Braun and Clarke (2006)');
    expect(narrativeCitation(item('three2020'))).toBe('Alpha et al. (2020)');
  });

  it('keeps a group author as written, "n.d." for no date, and the title for no author, as the parenthetical form does', () => {
    expect(narrativeCitation(item('group2018'))).toBe('Johnson & Johnson (2018)');
    expect(narrativeCitation(item('untitled'))).toBe('Doe (n.d.)');
    expect(narrativeCitation(item('anonymous2019'))).toBe('A Work with No Author (2019)');
  });
});

describe('inTextCitation ([@key], [-@key])', () => {
  it('joins two authors with "&" in parentheses', () => {
    expect(inTextCitation([item('two2006')])).toBe('(Braun & Clarke, 2006)');
  });

  it('shows the year alone for a work whose author is suppressed, also beside one that is not', () => {
    expect(inTextCitation([item('one2016')], [{ suppressAuthor: true }])).toBe('(2016)');
    expect(inTextCitation([item('one2016'), item('two2006')], [{ suppressAuthor: true }, { suppressAuthor: true }])).toBe('(2006; 2016)');
    // citeproc sorts the works of one citation; the one without its author sorts first.
    const mixed = inTextCitation([item('one2016'), item('three2020')], [undefined, { suppressAuthor: true }]);
    expect(mixed.split('; ').sort()).toEqual(['(2020', 'Cho, 2016)']);
  });
});
