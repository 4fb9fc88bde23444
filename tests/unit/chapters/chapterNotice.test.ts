import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadReport } from '../../../src/build/loadReport.ts';
import { formatProblem } from '../../../src/problems/problem.ts';
import { repoRoot } from '../../helpers/runBuild.ts';

// A chapter's `notice` front matter: where the illustrative-data notice is shown in full (docs/design.md).
const data = join(repoRoot, 'tests', 'fixtures', 'school-visits', 'data');
const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function load(chapters: Record<string, string>) {
  const content = mkdtempSync(join(tmpdir(), 'qualpress-notice-'));
  folders.push(content);
  mkdirSync(join(content, 'chapters'));
  for (const [name, text] of Object.entries(chapters)) writeFileSync(join(content, 'chapters', name), text);
  const result = loadReport(data, content);
  return { result, shown: (problem: string) => problem.replace(content, 'C') };
}

describe('a chapter front matter notice', () => {
  it('reaches the chapter plan as written, and is absent (a badge) when not written', () => {
    const { result } = load({
      'methods.mdx': '---\ntitle: Methods\norder: 1\nnotice: full\n---\n\nHow.\n',
      'findings.mdx': '---\ntitle: Findings\norder: 2\nnotice: badge\n---\n\nWhat.\n',
      'discussion.mdx': '---\ntitle: Discussion\norder: 3\n---\n\nSo.\n',
    });
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    const notices = Object.fromEntries(result.report.chapters.map((plan) => [plan.id, plan.notice]));
    expect(notices).toEqual({ methods: 'full', findings: 'badge', discussion: undefined, focus: undefined });
  });

  it('is full or badge, else a problem at its line', () => {
    const { result, shown } = load({ 'methods.mdx': '---\ntitle: Methods\norder: 1\nnotice: loud\n---\n\nHow.\n' });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems.map(formatProblem).map(shown);
    expect(problems).toEqual(['C/chapters/methods.mdx:4:notice: expected one of "full", "badge"; found "loud"']);
  });
});
