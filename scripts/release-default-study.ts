// Makes the illustrative study's releases in releases/, so that a newcomer sees versions,
// a versions page and What changed on the first build (docs/releases.md):
//   1.0.0  the tweets and the first wave of interviews (the first 12 administrators),
//   1.1.0  the second wave of interviews added,
//   1.2.0  data/ as the generator writes it: the double-coded tweets (reliability/) added.
// Releases are an archive: `npm run release` refuses to change one, and this script only makes
// those that are not there yet (each earlier one is rebuilt from data/ by taking away what
// came later). Run it once after the generator's output changes for good:
//   node scripts/release-default-study.ts
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const node = join(root, 'node_modules', '.bin', 'node');
const firstWave = 12;

function release(version: string, args: string[]): void {
  if (existsSync(join(root, 'releases', version, 'manifest.json'))) return;
  const run = spawnSync(node, [join(root, 'src', 'cli', 'build.ts'), '--release', '--quiet', ...args], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}

/** study.yaml with another version, date and notes, and without the lines `drop` matches. */
function restate(study: string, version: string, date: string, notes: string, drop?: RegExp): void {
  const lines = readFileSync(study, 'utf8')
    .replace(/^version: .*$/m, `version: ${version}`)
    .replace(/^date: .*$/m, `date: ${date}`)
    .replace(/^notes: .*$/m, `notes: ${notes}`)
    .split('\n');
  writeFileSync(study, lines.filter((line) => !drop?.test(line)).join('\n'));
}

const work = mkdtempSync(join(tmpdir(), 'qualpress-default-releases-'));
try {
  // 1.1.0: no double-coded tweets yet.
  const data = join(work, 'data');
  cpSync(join(root, 'data'), data, { recursive: true });
  rmSync(join(data, 'reliability'), { recursive: true, force: true });
  const study = join(data, 'study.yaml');
  restate(study, '1.1.0', '2026-11-25', 'Adds the second wave of interviews; the tweets are unchanged.', /^\s+reliability: /);
  // 1.0.0: and only the first wave of interviews.
  const first = join(work, 'data-1.0.0');
  cpSync(data, first, { recursive: true });
  const interviews = join(first, 'interviews.csv');
  const [header, ...rows] = readFileSync(interviews, 'utf8').trimEnd().split('\n');
  const wave = (row: string) => Number(/^[^,]*,P(\d+),/.exec(row)?.[1]);
  writeFileSync(interviews, `${[header, ...rows.filter((row) => wave(row) <= firstWave)].join('\n')}\n`);
  restate(join(first, 'study.yaml'), '1.0.0', '2026-11-20', 'First release, with the tweets and the first wave of interviews.');
  release('1.0.0', ['--data', first, '--out', join(work, 'site-1.0.0')]);
  release('1.1.0', ['--data', data, '--out', join(work, 'site-1.1.0')]);
  release('1.2.0', ['--out', join(work, 'site-1.2.0')]);
} finally {
  rmSync(work, { recursive: true, force: true });
}
