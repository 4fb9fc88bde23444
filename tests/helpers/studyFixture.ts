import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadReport } from '../../src/build/loadReport.ts';
import { loadStudy, type StudyResult } from '../../src/load/loadStudy.ts';
import { csvSource } from '../../src/sources/csv/csvSource.ts';
import { formatProblem } from '../../src/problems/problem.ts';

/**
 * A tiny study package of its own, unlike the default study in data/: forum "posts"
 * coded by "theme" (several codes a cell, with nested codes) and "tone", in a dated
 * dataset with a study period and an exclude column, plus undated "notes" whose
 * "stance" is counted by participants. Tests start from it and break one thing.
 */
export const fixtureStudy = `id: forum-study
title: A tiny forum study
version: 1.0.0
date: 2024-06-01
license: CC-BY-4.0
url: https://example.org/forum/
authors:
  - { family: Tester, given: Pat }
abstract: A tiny study package used by the loader tests.
period: { start: 2024-03-01, end: 2024-03-31 }
participants:
  file: participants.csv
  key: member_id
  label: [member, members]
  attributes:
    - { column: cohort, label: Cohort }
datasets:
  posts:
    file: posts.csv
    unit: [post, posts]
    key: post_id
    participant: member_id
    date: posted_on
    text: { column: body, publish: paraphrased }
    exclude: excluded
  notes:
    file: notes.csv
    unit: [note, notes]
    key: note_id
    participant: member_id
`;

export const fixtureCodebook = `dimensions:
  - id: theme
    label: Theme
    dataset: posts
    column: themes
    multiple: true
    codes:
      - { id: technology, label: Technology }
      - { id: hardware, label: Hardware, parent: technology }
      - { id: software, label: Software, parent: technology }
      - { id: wellbeing, label: Wellbeing }
  - id: tone
    label: Tone
    dataset: posts
    column: tone
    codes:
      - { id: positive, label: Positive }
      - { id: negative, label: Negative }
  - id: stance
    label: Stance
    dataset: notes
    column: stance
    count: participants
    codes:
      - { id: agree, label: Agrees }
      - { id: disagree, label: Disagrees }
`;

export const fixtureParticipants = `member_id,cohort
M01,spring
M02,spring
M03,autumn
`;

/** Line 2 is excluded, line 3 is not coded on theme. */
export const fixturePosts = `post_id,member_id,posted_on,themes,tone,body,excluded
P1,M01,2024-03-02,technology;software,positive,Tried the new app,
P2,M02,2024-03-05,wellbeing,,Spam link,advertising
P3,M03,2024-03-09T14:30:00,,negative,Too busy to post,
P4,M01,2024-03-31,hardware,positive,New laptop,
`;

export const fixtureNotes = `note_id,member_id,stance
N1,M01,agree
N2,M02,disagree
N3,M03,
`;

/** One file's content: text, raw bytes, or null to leave the file out. */
export type FileContent = string | Uint8Array | null;

export interface StudyParts {
  readonly study?: FileContent;
  readonly codebook?: FileContent;
  readonly participants?: FileContent;
  readonly posts?: FileContent;
  readonly notes?: FileContent;
  /** Further files by name, written alongside the others. */
  readonly extra?: Readonly<Record<string, FileContent>>;
}

/** `text` with `from` replaced by `to`; throws when `from` is absent, so a test never passes by breaking nothing. */
export function edit(text: string, from: string | RegExp, to: string): string {
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`edit: ${String(from)} not found`);
  return changed;
}

const roots: string[] = [];

/**
 * Write the fixture study, with any part replaced, into `<fresh temp dir>/data` and
 * return that data folder. Load it with `loadFixture`, which shows paths as `data/...`.
 */
export function writeStudyFixture(parts: StudyParts = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'qualpress-load-'));
  roots.push(root);
  const dir = join(root, 'data');
  mkdirSync(dir);
  const files: Record<string, FileContent> = {
    'study.yaml': parts.study === undefined ? fixtureStudy : parts.study,
    'codebook.yaml': parts.codebook === undefined ? fixtureCodebook : parts.codebook,
    'participants.csv': parts.participants === undefined ? fixtureParticipants : parts.participants,
    'posts.csv': parts.posts === undefined ? fixturePosts : parts.posts,
    'notes.csv': parts.notes === undefined ? fixtureNotes : parts.notes,
    ...parts.extra,
  };
  for (const [name, content] of Object.entries(files)) if (content !== null) writeFileSync(join(dir, name), content);
  return dir;
}

/** Load a fixture data folder as the build would, from the folder above it. */
export function loadFixture(dir: string): StudyResult {
  return loadStudy(csvSource('data', dirname(dir)));
}

/** Every problem of a fixture as printed, or [] when it loads. */
export function fixtureProblems(parts: StudyParts = {}): string[] {
  const result = loadFixture(writeStudyFixture(parts));
  return result.ok ? [] : result.problems.map(formatProblem);
}

/**
 * The problems of a whole build's first half (loadReport), which also checks what the
 * citations will carry: the fixture study with no chart definitions or chapters of its own.
 */
export function fixtureReportProblems(parts: StudyParts = {}): string[] {
  const dir = writeStudyFixture(parts);
  const result = loadReport('data', join(dirname(dir), 'content'), dirname(dir));
  return result.ok ? [] : result.problems.map(formatProblem);
}

/** Remove every temp dir written so far (call from afterAll). */
export function removeStudyFixtures(): void {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
}
