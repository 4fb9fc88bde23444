import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadReport } from '../../../src/build/loadReport.ts';
import { inTextCitation, referenceOf } from '../../../src/cite/bibliography.ts';
import { formatProblem } from '../../../src/problems/problem.ts';
import { repoRoot } from '../../helpers/runBuild.ts';
import { findOne } from '../../helpers/findOne.ts';

// The small fixture study, with chapters written per test into a fresh content folder.
const data = join(repoRoot, 'tests', 'fixtures', 'school-visits', 'data');
const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function contentWith(chapters: Record<string, string>, bib?: string): string {
  const content = mkdtempSync(join(tmpdir(), 'qualpress-content-'));
  folders.push(content);
  mkdirSync(join(content, 'chapters'));
  for (const [name, text] of Object.entries(chapters)) writeFileSync(join(content, 'chapters', name), text);
  if (bib !== undefined) writeFileSync(join(content, 'references.bib'), bib);
  return content;
}

const chapter = (title: string, order: number, body: string) => `---\ntitle: ${title}\norder: ${order}\n---\n\n${body}\n`;

function plan(content: string) {
  const result = loadReport(data, content);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result;
}

function problems(content: string): string[] {
  const result = loadReport(data, content);
  return result.ok ? [] : result.problems.map(formatProblem).map((line) => line.replace(content, 'C'));
}

describe('generated chapters', () => {
  it('are made for every dimension without an authored chapter of the same name', () => {
    const result = plan(
      contentWith({ 'intro.mdx': chapter('Intro', 1, 'Hello.'), 'takeaway.mdx': chapter('Take-aways', 2, 'Written by hand.') }),
    );
    expect(result.generated.map((generated) => generated.id)).toEqual(['focus']);
    expect(result.report.chapters.map((plan) => [plan.id, plan.generated, plan.title])).toEqual([
      ['intro', false, 'Intro'],
      ['takeaway', false, 'Take-aways'],
      ['focus', true, 'Focus of the visit'],
    ]);
  });

  it('contain ids and components only, never text from the data', () => {
    const [generated] = plan(contentWith({})).generated;
    const mdx = generated!.mdx;
    expect(mdx).toContain('<DimensionIntro dimension="focus" />');
    expect(mdx).toContain('<Chart id="focus" />');
    // Labels, descriptions and definitions from the codebook reach pages through props only.
    for (const text of ['Focus of the visit', 'What the visiting teacher', 'Questioning']) expect(mdx).not.toContain(text);
  });
});

describe('figures', () => {
  it('are numbered across chapters in reading order, by first placement', () => {
    const result = plan(
      contentWith({
        'b.mdx': chapter('B', 2, '<Chart id="focus" />\n\n<Chart id="visits-per-day" />'),
        'a.mdx': chapter('A', 1, '<Chart id="takeaway" />\n\n<Ref chart="focus" />'),
      }),
    );
    expect(result.report.figures).toEqual({
      takeaway: { number: 1, chapter: 'a' },
      focus: { number: 2, chapter: 'b' },
      'visits-per-day': { number: 3, chapter: 'b' },
    });
  });
});

describe('references in chapters', () => {
  it('fail with the MDX file and line for unknown charts, datasets, dimensions, codes and keys', () => {
    const content = contentWith(
      {
        'one.mdx': chapter(
          'One',
          1,
          [
            '<Chart id="fokus" />',
            '',
            'We saw <Count dataset="visit" /> notes and <Share dimension="focus" code="routine" /> routines.',
            '',
            '<Ref chart="visits-per-day" /> [@nobody2020]',
            '',
            '<Count participants dimension="focus" /> <Pie data="x" /> <Share dimension={"focus"} code="routines" />',
          ].join('\n'),
        ),
      },
      '@book{wenger1998, author = {Wenger, Etienne}, title = {Communities of practice}, publisher = {CUP}, year = {1998}}',
    );
    expect(problems(content)).toEqual([
      'C/chapters/one.mdx:6:Chart.id: expected a chart id (content/charts or a default chart) (focus, takeaway, visits-per-day); found "fokus" (did you mean "focus"?)',
      'C/chapters/one.mdx:8:Count.dataset: expected a dataset id from study.yaml (visits, reflections); found "visit" (did you mean "visits"?)',
      'C/chapters/one.mdx:8:Share.code: expected a code of dimension focus (questioning, routines, openings, transitions, feedback); found "routine" (did you mean "routines"?)',
      'C/chapters/one.mdx:10:Ref.chart: expected a chart placed as a figure with <Chart id=...> in some chapter; found "visits-per-day", which no chapter places',
      'C/chapters/one.mdx:10:@nobody2020: expected a key from content/references.bib (wenger1998); found "nobody2020"',
      'C/chapters/one.mdx:12:Count.dataset: expected exactly one of dataset="...", participants or dimension="..."; found 2',
      'C/chapters/one.mdx:12:Pie: expected a qualpress component (Chart, Ref, Count, Share, Cite, Period, PrivacyRule, Bibliography, ReportCitation, DimensionIntro, DimensionSummary, CodeDefinitions, Exemplars, Reliability, ReliabilityTable); found <Pie>',
      'C/chapters/one.mdx:12:Share.dimension: expected a quoted value such as dimension="..."; found an {expression}, which could hide a typed figure or unchecked reference',
      'C/chapters/one.mdx:12:Share.dimension: expected a dimension id from codebook.yaml (focus, takeaway); found no dimension attribute',
    ]);
  });

  it('report bad front matter at its line', () => {
    expect(problems(contentWith({ 'one.mdx': '---\ntitle: One\norder: first\n---\n\nText.\n' }))).toEqual([
      'C/chapters/one.mdx:3:order: expected a number; found "first"',
    ]);
  });
});

describe('the bibliography', () => {
  it('keeps the cited works only, and formats them as APA with citation-js', () => {
    const bib = [
      '@book{wenger1998, author = {Wenger, Etienne}, title = {Communities of practice}, publisher = {Cambridge University Press}, year = {1998}}',
      '@article{braun2006, author = {Braun, Virginia and Clarke, Victoria}, title = {Using thematic analysis in psychology}, journal = {Qualitative Research in Psychology}, volume = {3}, number = {2}, pages = {77--101}, year = {2006}}',
      '@book{unused2000, author = {Nobody, Ann}, title = {Never cited}, publisher = {P}, year = {2000}}',
    ].join('\n');
    const result = plan(contentWith({ 'one.mdx': chapter('One', 1, 'As shown [@wenger1998; @braun2006], and again [@wenger1998].') }, bib));
    expect(result.report.references.map((reference) => reference.key)).toEqual(['wenger1998', 'braun2006']);
    const braun = findOne(result.report.references, (reference) => reference.key === 'braun2006', 'reference braun2006');
    expect(referenceOf(braun).apa).toBe(
      'Braun, V., & Clarke, V. (2006). Using thematic analysis in psychology. Qualitative Research in Psychology, 3(2), 77–101.',
    );
    expect(inTextCitation(result.report.references.map((reference) => reference.item))).toBe('(Braun & Clarke, 2006; Wenger, 1998)');
    expect(result.report.chapters[0]!.citations).toEqual(['wenger1998', 'braun2006']);
  });
});

describe('narrative citations', () => {
  const bib = [
    '@book{wenger1998, author = {Wenger, Etienne}, title = {Communities of practice}, publisher = {CUP}, year = {1998}}',
    '@article{braun2006, author = {Braun, Virginia and Clarke, Victoria}, title = {Using thematic analysis}, journal = {QRP}, year = {2006}}',
  ].join('\n');

  it('cite their works like bracketed ones, in the reference list and the chapter', () => {
    const result = plan(contentWith({ 'one.mdx': chapter('One', 1, '@braun2006 describe it; @wenger1998 too [-@wenger1998].') }, bib));
    expect(result.report.references.map((reference) => reference.key)).toEqual(['braun2006', 'wenger1998']);
    expect(findOne(result.report.chapters, (entry) => entry.id === 'one', 'chapter one').citations).toEqual(['braun2006', 'wenger1998']);
  });

  it('report a bare @key a typo away from a key at its line, with the key meant and how to write a plain @', () => {
    expect(problems(contentWith({ 'one.mdx': chapter('One', 1, 'Text.\n\nAs @wenger1989 wrote.') }, bib))).toEqual([
      'C/chapters/one.mdx:8:@wenger1989: expected a key from content/references.bib (wenger1998, braun2006); found "wenger1989" (did you mean "wenger1998"?); write \\@wenger1989 for an @ that is no citation',
    ]);
  });

  it('take an @word that starts a key for a citation cut short', () => {
    expect(problems(contentWith({ 'one.mdx': chapter('One', 1, 'As @wenger wrote.') }, bib))).toEqual([
      'C/chapters/one.mdx:6:@wenger: expected a key from content/references.bib (wenger1998, braun2006); found "wenger" (did you mean "wenger1998"?); write \\@wenger for an @ that is no citation',
    ]);
  });

  it('leave an @handle or e-mail address that is nowhere near a key as prose, and an escaped one too', () => {
    const body = 'Ask @visiting_teacher or write to office@school.example; \\@wenger1989 is a handle.';
    const result = plan(contentWith({ 'one.mdx': chapter('One', 1, body) }, bib));
    expect(result.report.references).toEqual([]);
  });

  it('report a bracketed [-@key] that is no key, like [@key]', () => {
    expect(problems(contentWith({ 'one.mdx': chapter('One', 1, 'See [-@nobody2020].') }, bib))).toEqual([
      'C/chapters/one.mdx:6:@nobody2020: expected a key from content/references.bib (wenger1998, braun2006); found "nobody2020"',
    ]);
  });

  it('refuse <Cite narrative> with more than one key', () => {
    expect(problems(contentWith({ 'one.mdx': chapter('One', 1, 'As <Cite keys="wenger1998; braun2006" narrative /> say.') }, bib))).toEqual(
      ['C/chapters/one.mdx:6:Cite.keys: expected one citation key for a narrative citation; found 2 (wenger1998, braun2006)'],
    );
  });
});

describe('what would fail while pages render, reported before', () => {
  const bib = [
    '@book{wenger1998, author = {Wenger, Etienne}, title = {Communities of practice}, publisher = {CUP}, year = {1998}}',
    '@article{range2020,',
    '  title = {A range},',
    '  date = {2020-13-45/2019},',
    '}',
  ].join('\n');

  it('reads <Cite keys> as the page does, and lists the works it cites in the references', () => {
    const result = plan(
      contentWith(
        { 'one.mdx': chapter('One', 1, 'As <Cite keys="wenger1998, wenger1998" /> and <Cite keys=" wenger1998 ;wenger1998" /> show.') },
        bib,
      ),
    );
    expect(result.report.references.map((reference) => reference.key)).toEqual(['wenger1998']);
    expect(findOne(result.report.chapters, (entry) => entry.id === 'one', 'chapter one').citations).toEqual(['wenger1998']);
  });

  it('reports a cited entry citation-js cannot format at its line in references.bib, and leaves uncited ones be', () => {
    expect(problems(contentWith({ 'one.mdx': chapter('One', 1, 'See [@wenger1998].') }, bib))).toEqual([]);
    expect(problems(contentWith({ 'one.mdx': chapter('One', 1, 'See [@range2020].') }, bib))).toEqual([
      'C/references.bib:2:range2020: expected an entry citation-js can format as an APA reference; found one whose date (or year and month) it cannot format (citeproc-js error: CSL data error: element mismatch in date range input.)',
    ]);
  });

  it('reports JavaScript in a chapter at its line', () => {
    expect(problems(contentWith({ 'one.mdx': chapter('One', 1, 'We saw {count} visits.\n\nexport const count = 3') }))).toEqual([
      'C/chapters/one.mdx:6: expected prose, components and {/* comments */}; found the JavaScript expression {count}, which would run when the page renders (write the words, or a figure with <Count>, <Share> or <Period>)',
      'C/chapters/one.mdx:8: expected no import or export (chapters use the qualpress components without importing them); found "export const count = 3"',
    ]);
  });

  it('reports an image file that is missing or no image, and leaves web and public/ addresses be', () => {
    const content = contentWith({
      'one.mdx': chapter('One', 1, '![A](./a.png) ![B](./missing.png) ![C](./notes.txt) ![D](https://example.org/d.png) ![E](/e.png)'),
    });
    writeFileSync(join(content, 'chapters', 'a.png'), 'not read');
    writeFileSync(join(content, 'chapters', 'notes.txt'), 'x');
    expect(problems(content)).toEqual([
      'C/chapters/one.mdx:6:image: expected an image file at "./missing.png", relative to the chapter; found no such file',
      'C/chapters/one.mdx:6:image: expected an image file (jpeg, jpg, png, apng, tiff, webp, gif, svg, avif); found "./notes.txt"',
    ]);
  });

  it("reports front matter Astro's YAML reader refuses, and accepts a title Astro reads as a date", () => {
    expect(problems(contentWith({ 'one.mdx': '---\norder: 1\ntitle: !note One\n---\n\nText.\n' }))).toEqual([
      'C/chapters/one.mdx:3: expected front matter Astro can read; found unknown tag !<!note>',
    ]);
    expect(plan(contentWith({ 'one.mdx': '---\ntitle: 2024-01-01\norder: 1\n---\n\nText.\n' })).report.chapters[0]!.title).toBe(
      '2024-01-01',
    );
  });
});
