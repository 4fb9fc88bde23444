import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runBuild } from '../helpers/runBuild.ts';
import { edit } from '../helpers/studyFixture.ts';

// One run, one list: a problem in the data, one in a chapter and one in the metadata are
// all printed together, though each used to stop the build before the next was looked at
// (the chapter's only after the data were fixed, the ORCID iD only at render time).

const work = mkdtempSync(join(tmpdir(), 'qualpress-one-list-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function brokenStudy(): { data: string; content: string; out: string } {
  const fixture = join(repoRoot, 'tests', 'fixtures', 'school-visits');
  const data = join(work, 'data');
  const content = join(work, 'content');
  cpSync(join(fixture, 'data'), data, { recursive: true });
  cpSync(join(fixture, 'content'), content, { recursive: true });
  const study = join(data, 'study.yaml');
  writeFileSync(
    study,
    edit(
      readFileSync(study, 'utf8'),
      '  - { literal: Example Teacher Research Group }',
      '  - { family: Example, given: Ann, orcid: 0000-0002-1825-0098 }',
    ),
  );
  const visits = join(data, 'visits.csv');
  writeFileSync(visits, edit(readFileSync(visits, 'utf8'), 'N04,V1,2025-03-05,feedback,', 'N04,V1,2025-03-05,feedbak,'));
  const chapter = join(content, 'chapters', 'visits.mdx');
  writeFileSync(chapter, edit(readFileSync(chapter, 'utf8'), '<Chart id="takeaway" />', '<Chart id="take-away" />'));
  // The last good site, which the failed build must leave as it was.
  const out = join(work, 'site');
  mkdirSync(out);
  writeFileSync(join(out, 'index.html'), 'the last good site');
  return { data, content, out };
}

describe('every problem a user can cause, in one run', () => {
  it('lists a bad code in a CSV, an unknown chart in a chapter and an ORCID iD with a wrong check digit together', () => {
    const { data, content, out } = brokenStudy();
    const run = runBuild(['--data', data, '--content', content, '--out', out]);
    const lines = run.stderr.trimEnd().split('\n');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const problems = lines.slice(0, -2);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(
      new RegExp(`^${escape(join(data, 'study.yaml'))}:8:authors\\.0\\.orcid: expected .*check digit.*; found "0000-0002-1825-0098"`),
    );
    expect(problems[1]).toBe(
      `${join(data, 'visits.csv')}:5:focus: expected a code of dimension focus (questioning, routines, openings, transitions, feedback); found "feedbak" (did you mean "feedback"?)`,
    );
    expect(problems[2]).toMatch(
      new RegExp(
        `^${escape(join(content, 'chapters', 'visits.mdx'))}:\\d+:Chart\\.id: expected a chart id .*; found "take-away" \\(did you mean "takeaway"\\?\\)$`,
      ),
    );
    expect(lines.at(-1)).toMatch(/^Build stopped: 3 problems in the study package or its content\. .* was left as it was\.$/);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('the last good site');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
