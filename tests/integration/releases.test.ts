import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { findOne } from '../helpers/findOne.ts';
import { repoRoot, runBuild, type BuildRun } from '../helpers/runBuild.ts';

// The release cycle as a researcher runs it, on a copy of the default study: release 1.0.0;
// delete 10 tweets and release 1.1.0; then, with none of the old data, a fresh build. Every
// released file must survive byte for byte, and What changed must say what the 10 tweets did.

const work = mkdtempSync(join(tmpdir(), 'qualpress-releases-'));
const data = join(work, 'data');
const archive = join(work, 'releases');
const firstSite = join(work, 'first');
const secondSite = join(work, 'second');
const freshSite = join(work, 'fresh');

interface Manifest {
  study: string;
  version: string;
  charts: Record<string, { title: string; inputs: string; sameAs?: string; files: Record<string, string> }>;
  files: Record<string, string>;
}

const release = (out: string): BuildRun => runBuild(['--release', '--data', data, '--releases', archive, '--out', out]);
const manifestOf = (version: string) => JSON.parse(readFileSync(join(archive, version, 'manifest.json'), 'utf8')) as Manifest;
const setVersion = (version: string) => {
  const file = join(data, 'study.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^version: .*$/m, `version: ${version}`));
};
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Every file under a folder with its SHA-256: what must not change when a guard refuses. */
function tree(folder: string): Record<string, string> {
  if (!existsSync(folder)) return {};
  return Object.fromEntries(
    readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        return [relative(folder, path).split(sep).join('/'), sha(path)];
      }),
  );
}

/** Every site path a manifest lists. */
function manifestPaths(manifest: Manifest): string[] {
  return [...Object.keys(manifest.files), ...Object.values(manifest.charts).flatMap((chart) => Object.keys(chart.files))];
}

let firstFiles: Record<string, string>;
let tweetsDimensions: Set<string>;

beforeAll(() => {
  cpSync(join(repoRoot, 'data'), data, { recursive: true });
  const codebook = parseYaml(readFileSync(join(data, 'codebook.yaml'), 'utf8')) as { dimensions: { id: string; dataset: string }[] };
  tweetsDimensions = new Set(codebook.dimensions.filter((dimension) => dimension.dataset === 'tweets').map((dimension) => dimension.id));

  setVersion('1.0.0');
  const first = release(firstSite);
  expect(first.stderr).toBe('');
  expect(first.status).toBe(0);
  firstFiles = Object.fromEntries(manifestPaths(manifestOf('1.0.0')).map((path) => [path, sha(join(firstSite, path))]));

  // Ten tweets fewer: lines 2 to 11 of the CSV (one tweet a line, header on line 1).
  const tweets = join(data, 'tweets.csv');
  const lines = readFileSync(tweets, 'utf8').split('\n');
  expect(lines.slice(1, 11).every((line) => /^T\d+,/.test(line))).toBe(true);
  writeFileSync(tweets, [lines[0], ...lines.slice(11)].join('\n'));
  // The coders' own codes of a deleted tweet go with it.
  const deleted = new Set(lines.slice(1, 11).map((line) => line.split(',')[0]));
  const coded = join(data, 'reliability', 'tweets.csv');
  if (existsSync(coded)) {
    const rows = readFileSync(coded, 'utf8').split('\n');
    writeFileSync(coded, rows.filter((row) => !deleted.has(row.split(',')[0])).join('\n'));
  }
  setVersion('1.1.0');
  const second = release(secondSite);
  expect(second.stderr).toBe('');
  expect(second.status).toBe(0);

  const fresh = runBuild(['--releases', archive, '--out', freshSite]);
  expect(fresh.stderr).toBe('');
  expect(fresh.status).toBe(0);
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a release cycle: 1.0.0, ten tweets fewer as 1.1.0, then a fresh build', () => {
  it('keeps every file of 1.0.0 byte for byte in a build that has none of the old data', () => {
    const paths = Object.keys(firstFiles);
    expect(paths.length).toBeGreaterThan(50);
    for (const path of paths) expect(sha(join(freshSite, path)), path).toBe(firstFiles[path]);
  });

  it('says on each tweet chart what changed: 1,460 tweets became 1,450', () => {
    const manifest = manifestOf('1.1.0');
    const perDay = readFileSync(join(freshSite, 'charts', 'tweets-per-day', 'index.html'), 'utf8');
    // The dataset's name is data text inside a generated line, so it is isolated (FSI … PDI).
    expect(perDay).toContain('\u2068Tweets\u2069: 1,460 → 1,450 (−10)');
    const versions = readFileSync(join(freshSite, 'charts', 'tweets-per-day', 'versions', 'index.html'), 'utf8');
    expect(versions).toContain('\u2068Tweets\u2069: 1,460 → 1,450 (−10)');
    // Every chart of tweets changed, and has files of its own in 1.1.0.
    for (const [id, chart] of Object.entries(manifest.charts)) {
      const json = JSON.parse(readFileSync(join(firstSite, 'charts', id, '1.0.0', 'data.json'), 'utf8')) as {
        data: { dataset: string; dimensions: string[] };
      };
      const aboutTweets = json.data.dataset === 'tweets' || json.data.dimensions.some((dimension) => tweetsDimensions.has(dimension));
      if (aboutTweets) expect(chart.sameAs, id).toBeUndefined();
    }
  });

  it('marks charts of the interviews alone as unchanged, their 1.1.0 address pointing to 1.0.0', () => {
    const manifest = manifestOf('1.1.0');
    const interviewOnly = Object.keys(manifest.charts).filter((id) => {
      const json = JSON.parse(readFileSync(join(firstSite, 'charts', id, '1.0.0', 'data.json'), 'utf8')) as {
        data: { dataset: string; dimensions: string[] };
      };
      return (
        json.data.dataset === 'interviews' &&
        json.data.dimensions.length > 0 &&
        json.data.dimensions.every((dimension) => !tweetsDimensions.has(dimension))
      );
    });
    expect(interviewOnly.length).toBeGreaterThanOrEqual(2);
    for (const id of interviewOnly) {
      expect(manifest.charts[id]!.sameAs, id).toBe('1.0.0');
      expect(Object.keys(manifest.charts[id]!.files)).toEqual([`charts/${id}/1.1.0/index.html`]);
      const page = readFileSync(join(freshSite, 'charts', id, '1.1.0', 'index.html'), 'utf8');
      const target = `https://example.org/admin-twitter/charts/${id}/1.0.0/`;
      expect(page).toContain(`<meta http-equiv="refresh" content="0; url=${target}">`);
      expect(page).toContain(`<link rel="canonical" href="${target}">`);
      expect(existsSync(join(freshSite, 'charts', id, '1.0.0', 'data.csv'))).toBe(true);
    }
  });

  it('publishes every file every manifest lists, and lists the version pages in the sitemap', () => {
    const sitemap = readFileSync(join(freshSite, 'sitemap-0.xml'), 'utf8');
    for (const version of ['1.0.0', '1.1.0']) {
      const manifest = manifestOf(version);
      for (const path of manifestPaths(manifest)) expect(existsSync(join(freshSite, path)), path).toBe(true);
      for (const [id, chart] of Object.entries(manifest.charts)) {
        const listed = sitemap.includes(`<loc>https://example.org/admin-twitter/charts/${id}/${version}/</loc>`);
        expect(listed, `${id} ${version}`).toBe(chart.sameAs === undefined);
      }
    }
  });

  it('gives each version page its own address, version and citation', () => {
    const page = readFileSync(join(freshSite, 'charts', 'tweets-per-day', '1.0.0', 'index.html'), 'utf8');
    const url = 'https://example.org/admin-twitter/charts/tweets-per-day/1.0.0/';
    expect(page).toContain(`<link rel="canonical" href="${url}">`);
    expect(page).toContain(`<meta property="og:url" content="${url}">`);
    expect(page).toContain(`<meta name="citation_public_url" content="${url}">`);
    expect(page).toMatch(/Version 1\.0\.0 of this chart, released \d+ \w+ \d{4}/);
    expect(page).toContain('href="/admin-twitter/charts/tweets-per-day/versions/"');
    const json = readFileSync(join(freshSite, 'charts', 'tweets-per-day', '1.0.0', 'cite.json'), 'utf8');
    expect(json).toContain(url);
    expect(json).toContain('1.0.0');
    // The versions page is rebuilt by every build, so an old version can always find the newest.
    const versions = readFileSync(join(freshSite, 'charts', 'tweets-per-day', 'versions', 'index.html'), 'utf8');
    expect(versions.indexOf('Version 1.1.0')).toBeLessThan(versions.indexOf('Version 1.0.0'));
  });
});

describe('guard rails: one line, exit 1, nothing written', () => {
  const refused = (run: BuildRun, line: RegExp) => {
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n').filter((text) => text !== '')).toEqual([
      expect.stringMatching(line),
      expect.stringMatching(/^Release stopped: 1 problem/),
    ]);
  };

  it('refuses to release an existing version with other content', () => {
    const before = tree(archive);
    const tweets = join(data, 'tweets.csv');
    const text = readFileSync(tweets, 'utf8');
    writeFileSync(tweets, text.replace(/\n[^\n]+\n?$/, '\n'));
    try {
      refused(
        release(join(work, 'refused-1')),
        /study\.yaml:\d+:version: expected a new version .* differs from release 1\.1\.0 \(bump version in study\.yaml\); found 1\.1\.0, already released$/,
      );
    } finally {
      writeFileSync(tweets, text);
    }
    expect(tree(archive)).toEqual(before);
    expect(existsSync(join(work, 'refused-1'))).toBe(false);
  });

  it('refuses a version not newer than the newest release', () => {
    const before = tree(archive);
    setVersion('1.0.5');
    try {
      refused(
        release(join(work, 'refused-2')),
        /study\.yaml:\d+:version: expected a version newer than 1\.1\.0, the newest release; found 1\.0\.5$/,
      );
    } finally {
      setVersion('1.1.0');
    }
    expect(tree(archive)).toEqual(before);
  });

  it('refuses to release data that have problems', () => {
    const before = tree(archive);
    setVersion('1.2.0');
    const tweets = join(data, 'tweets.csv');
    const text = readFileSync(tweets, 'utf8');
    writeFileSync(tweets, text.replace(/^(T\d+,)P\d+,/m, '$1P999,'));
    try {
      refused(
        release(join(work, 'refused-3')),
        /tweets\.csv:2:participant_id: expected a participant id from participants\.csv; found "P999"/,
      );
    } finally {
      writeFileSync(tweets, text);
      setVersion('1.1.0');
    }
    expect(tree(archive)).toEqual(before);
  });

  it('refuses a release whose archive was changed by hand, naming the file', () => {
    const path = findOne(
      Object.keys(manifestOf('1.0.0').charts['tweets-per-day']!.files),
      (name) => name.endsWith('data.csv'),
      'the data.csv of tweets-per-day 1.0.0',
    );
    const hash = manifestOf('1.0.0').charts['tweets-per-day']!.files[path]!;
    const object = join(archive, 'objects', hash.slice(0, 2), hash);
    const original = readFileSync(object);
    writeFileSync(object, Buffer.concat([original, Buffer.from('tampered\n')]));
    setVersion('1.2.0');
    const before = tree(join(archive, '1.0.0'));
    try {
      const run = release(join(work, 'refused-4'));
      refused(
        run,
        new RegExp(
          `objects/${hash.slice(0, 2)}/${hash}: expected ${path.replace(/\./g, '\\.')} of release 1\\.0\\.0 as released; found other content: a released file was changed by hand$`,
        ),
      );
    } finally {
      writeFileSync(object, original);
      setVersion('1.1.0');
    }
    expect(tree(join(archive, '1.0.0'))).toEqual(before);
    expect(existsSync(join(archive, '1.2.0'))).toBe(false);
  });

  it('says, and publishes nothing, when the archive holds another study', () => {
    const other = join(repoRoot, 'tests', 'fixtures', 'school-visits');
    const run = runBuild([
      '--data',
      join(other, 'data'),
      '--content',
      join(other, 'content'),
      '--releases',
      archive,
      '--out',
      join(work, 'other'),
    ]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/: 2 release\(s\) of study "[^"]+" not published with study "school-visits"$/m);
    expect(existsSync(join(work, 'other', 'charts', 'tweets-per-day'))).toBe(false);
    expect(readdirSync(join(work, 'other', 'charts')).some((name) => /^\d/.test(name))).toBe(false);
  });
});
