import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOne } from '../helpers/findOne.ts';
import { readPage } from '../helpers/readPage.ts';
import { repoRoot, runBuild } from '../helpers/runBuild.ts';

// A copy of the small fixture study with authored chapters that use every prose component,
// a bibliography, and text cells full of markup: built as a user would build it.
const fixture = join(repoRoot, 'tests', 'fixtures', 'school-visits');
const hostile = ['<script>alert(1)</script>', '{1+1}', '</svg>'];
// Code labels in right-to-left scripts, and one holding a RIGHT-TO-LEFT OVERRIDE (U+202E).
const rtlLabels = { questioning: '\u202EQuestioning', routines: 'שגרות כיתה', feedback: 'تغذية راجعة' };
const rightToLeft = /[\u0590-\u08FF\u202B\u202E\u2067]/;
let work: string;
let data: string;
let content: string;
let dist: string;

const chapter = `---
title: Visits in numbers
order: 1
---

Over <Period />, the teachers wrote <Count dataset="visits" noun />; <Count dimension="focus" code="questioning" />
of them, or <Share dimension="focus" code="questioning" />, were about questioning, as <Ref chart="focus" /> shows.
Peer observation has a long history [@wenger1998]. As @braun2006 advise, and as Wenger [-@wenger1998]
puts it, write to office@school.example or @nobody_here.

<Chart id="focus" />

## Taking it back

<Count participants noun /> reflected afterwards [@wenger1998; @braun2006].

<Chart id="takeaway" />
`;

const bibliography = `@book{wenger1998,
  author = {Wenger, Etienne},
  title = {Communities of practice: Learning, meaning, and identity},
  publisher = {Cambridge University Press},
  year = {1998}
}
@article{braun2006,
  author = {Braun, Virginia and Clarke, Victoria},
  title = {Using thematic analysis in psychology},
  journal = {Qualitative Research in Psychology},
  volume = {3}, number = {2}, pages = {77--101}, year = {2006},
  doi = {10.1191/1478088706qp063oa}
}
`;

function build(): ReturnType<typeof runBuild> {
  return runBuild(['--data', data, '--content', content, '--out', dist]);
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'qualpress-chapters-'));
  cpSync(fixture, work, { recursive: true });
  data = join(work, 'data');
  content = join(work, 'content');
  dist = join(work, 'dist');
  writeFileSync(join(content, 'chapters', 'visits.mdx'), chapter);
  writeFileSync(join(content, 'references.bib'), bibliography);
  // Publish the notes, and put markup into some of them.
  writeFileSync(join(data, 'study.yaml'), readFileSync(join(data, 'study.yaml'), 'utf8').replace('publish: none', 'publish: paraphrased'));
  const visits = readFileSync(join(data, 'visits.csv'), 'utf8')
    .replace('Started with a puzzle on the board', `"${hostile[0]}"`)
    .replace('Walked the room with a clipboard', `"${hostile[1]}"`)
    .replace('N09,V3,2025-03-11,openings,,', `N09,V3,2025-03-11,openings,"${hostile[2]}",`);
  writeFileSync(join(data, 'visits.csv'), visits);
  writeFileSync(
    join(data, 'codebook.yaml'),
    readFileSync(join(data, 'codebook.yaml'), 'utf8')
      .replace('label: Questioning,', `label: ${JSON.stringify(rtlLabels.questioning)},`)
      .replace('label: Classroom routines,', `label: ${JSON.stringify(rtlLabels.routines)},`)
      .replace('label: Feedback,', `label: ${JSON.stringify(rtlLabels.feedback)},`),
  );
  const run = build();
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const visitsUsed = () =>
  parse<Record<string, string>>(readFileSync(join(data, 'visits.csv'), 'utf8'), { columns: true }).filter(
    (row) => row.excluded_because === '',
  );

describe('prose components', () => {
  it('write figures computed from the data', () => {
    const page = readPage(dist, 'chapters/visits');
    const numbers = [...page.querySelectorAll('data.live-number')].map((element) => element.textContent);
    const visits = visitsUsed();
    const questioning = visits.filter((row) => row.focus === 'questioning').length;
    const coded = visits.filter((row) => row.focus !== '').length;
    expect(numbers).toEqual([
      `${visits.length} visit notes`,
      String(questioning),
      `${Math.round((100 * questioning) / coded)}%`,
      '6 teachers',
    ]);
    expect(page.querySelector('time.live-number')!.textContent).toBe('3 March 2025 to 14 March 2025');
  });

  it('change after the data change, with no change to the chapter', () => {
    const csv = readFileSync(join(data, 'visits.csv'), 'utf8').split('\n');
    const original = csv.join('\n');
    writeFileSync(join(data, 'visits.csv'), [...csv.slice(0, 1), ...csv.slice(2)].join('\n'));
    try {
      expect(build().status).toBe(0);
      const first = readPage(dist, 'chapters/visits').querySelector('data.live-number')!.textContent;
      expect(first).toBe(`${visitsUsed().length} visit notes`);
    } finally {
      writeFileSync(join(data, 'visits.csv'), original);
      expect(build().status).toBe(0);
    }
  });
});

describe('figures', () => {
  it('are numbered in reading order, and <Ref> links to the figure', () => {
    const page = readPage(dist, 'chapters/visits');
    expect([...page.querySelectorAll('figure.chart .figure-number')].map((element) => element.textContent.trim())).toEqual([
      'Figure 1.',
      'Figure 2.',
    ]);
    const ref = page.querySelector('a.figure-ref')!;
    expect(ref.textContent).toBe('Figure 1');
    expect(ref.getAttribute('href')).toBe('/visits/chapters/visits/#figure-focus');
    expect(page.getElementById('figure-focus')).not.toBeNull();
  });

  it('link to their chart page, which links back to the figure', () => {
    const page = readPage(dist, 'chapters/visits');
    expect(page.querySelector('#figure-focus .chart-links a')!.getAttribute('href')).toBe('/visits/charts/focus/');
    const links = [...readPage(dist, 'charts/focus').querySelectorAll('section[aria-labelledby="appears-heading"] a')];
    // The numbered figure first, then the generated chapter of the dimension, which shows it again.
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Figure 1, \u2068Visits in numbers\u2069', '/visits/chapters/visits/#figure-focus'],
      ['\u2068Focus of the visit\u2069', '/visits/chapters/focus/#figure-focus'],
    ]);
  });
});

describe('references', () => {
  it('render APA in-text citations linked to the chapter reference list', () => {
    const page = readPage(dist, 'chapters/visits');
    const citations = [...page.querySelectorAll('a.citation')].map((link) => [link.textContent, link.getAttribute('href')]);
    expect(citations).toEqual([
      ['(Wenger, 1998)', '#ref-wenger1998'],
      ['Braun and Clarke (2006)', '#ref-braun2006'],
      ['(1998)', '#ref-wenger1998'],
      ['(Braun & Clarke, 2006; Wenger, 1998)', '#ref-wenger1998'],
    ]);
    // An e-mail address and an @handle that is no key stay as written.
    expect(page.querySelector('main')!.textContent).toContain('write to office@school.example or @nobody_here.');
    const entries = [...page.querySelectorAll('.chapter-references li')].map((item) => item.textContent.trim());
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatch(/^Braun, V., & Clarke, V\. \(2006\)\. Using thematic analysis in psychology/);
    expect(entries[1]).toMatch(/^Wenger, E\. \(1998\)\./);
    expect(page.getElementById('ref-wenger1998')).not.toBeNull();
  });
});

describe('generated chapters', () => {
  it('exist for every codebook dimension without an authored chapter, titled from the codebook', () => {
    expect(readPage(dist, 'chapters/focus').querySelector('h1')!.textContent).toBe('Focus of the visit');
    expect(readPage(dist, 'chapters/takeaway').querySelector('h1')!.textContent).toBe('What teachers would take back');
    const contents = [...readPage(dist, '').querySelectorAll('nav.contents a')].map((link) => link.getAttribute('href'));
    expect(contents).toEqual(expect.arrayContaining(['/visits/chapters/visits/', '/visits/chapters/focus/', '/visits/chapters/takeaway/']));
  });

  it('show markup in data cells as the literal text written, and run no script', () => {
    const html = readFileSync(join(dist, 'chapters', 'focus', 'index.html'), 'utf8');
    const page = readPage(dist, 'chapters/focus');
    const shown = [...page.querySelectorAll('blockquote.exemplar p')].map((element) => element.textContent);
    for (const text of hostile) expect(shown).toContain(text);
    expect(page.querySelectorAll('script:not([type="application/ld+json"]):not([src])').length).toBe(0);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('compute their summary from the data', () => {
    const summary = readPage(dist, 'chapters/focus').querySelector('.dimension-summary')!.textContent;
    const visits = visitsUsed();
    const coded = visits.filter((row) => row.focus !== '');
    expect(summary).toContain(
      `${coded.length} visit notes from ${new Set(coded.map((row) => row.teacher_id)).size} teachers were coded on this dimension`,
    );
  });
});

describe('data text in generated sentences', () => {
  /** The text nodes of an element that are not inside a <bdi>. */
  const outsideIsolates = (element: Element): string[] => {
    const texts: string[] = [];
    const walk = (node: Node) => {
      if (node.nodeType === 3) texts.push(node.textContent ?? '');
      else if ((node as Element).localName !== 'bdi') node.childNodes.forEach(walk);
    };
    walk(element);
    return texts;
  };

  it('is isolated in <bdi>, so a right-to-left label or an override cannot reorder the words after it', () => {
    const page = readPage(dist, 'chapters/focus');
    const summary = page.querySelector('.dimension-summary')!;
    const isolated = [...summary.querySelectorAll('bdi')].map((element) => element.textContent);
    // Whichever code ranks first, its label is one of the right-to-left ones, inside its own <bdi>.
    const first = isolated.find((text) => Object.values(rtlLabels).includes(text));
    expect(first).toBeDefined();
    const bdi = findOne([...summary.querySelectorAll('bdi')], (element) => element.textContent === first, 'the <bdi> of the first code');
    expect(bdi.nextSibling?.nodeType).toBe(3);
    expect(bdi.nextSibling?.textContent).toMatch(/^ ranks first: /);
    // No right-to-left letter or override anywhere in the generated sentences outside an isolate.
    for (const selector of ['.dimension-summary', '.exemplar-note', '.exemplar footer'])
      for (const element of page.querySelectorAll(selector))
        for (const text of outsideIsolates(element)) expect(text).not.toMatch(rightToLeft);
    // Where no markup can go (an aria-label), the label is between FSI and PDI.
    const labels = [...page.querySelectorAll('section.exemplars')].map((section) => section.getAttribute('aria-label'));
    expect(labels).toContain(`Examples: \u2068${rtlLabels.questioning}\u2069`);
  });

  it('isolates the nouns and labels of the study in counts and key figures', () => {
    const count = readPage(dist, 'chapters/visits').querySelector('data.live-number')!;
    expect(count.querySelector('bdi')?.textContent).toBe('visit notes');
    const keyFigures = readPage(dist, '').querySelector('.key-figures .detail bdi');
    expect(keyFigures?.textContent).toBeTruthy();
  });
});

describe('a broken reference in a chapter', () => {
  it('stops the build at the MDX file and line, leaving the site as it was', () => {
    const file = join(content, 'chapters', 'visits.mdx');
    writeFileSync(
      file,
      chapter
        .replace('<Chart id="focus" />', '<Chart id="fokus" />')
        .replace('[@wenger1998].', '[@wenger1989].')
        .replace('code="questioning" />\nof', 'code="questions" />\nof'),
    );
    const before = readFileSync(join(dist, 'chapters', 'visits', 'index.html'), 'utf8');
    try {
      const run = build();
      expect(run.status).toBe(1);
      const lines = run.stderr.split('\n');
      expect(lines).toContain(
        `${file}:6:Count.code: expected a code of dimension focus (questioning, routines, openings, transitions, feedback); found "questions" (did you mean "questioning"?)`,
      );
      expect(lines.some((line) => line.startsWith(`${file}:8:@wenger1989: expected a key from content/references.bib`))).toBe(true);
      expect(
        lines.some(
          (line) => line.startsWith(`${file}:11:Chart.id: expected a chart id`) && line.includes('found "fokus" (did you mean "focus"?)'),
        ),
      ).toBe(true);
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(readFileSync(join(dist, 'chapters', 'visits', 'index.html'), 'utf8')).toBe(before);
    } finally {
      writeFileSync(file, chapter);
    }
  });
});
