// Makes the illustrative study's two releases in releases/, so that a newcomer sees versions,
// a versions page and What changed on the first build (docs/releases.md):
//   1.0.0  the tweets and the first wave of interviews (the first 12 administrators),
//   1.1.0  data/ as the generator writes it: the second wave of interviews added.
// Releases are an archive: `npm run release` refuses to change one, and this script only makes
// those that are not there yet. Run it once after the generator's output changes for good:
//   node scripts/release-default-study.ts
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const node = join(root, 'node_modules', '.bin', 'node');
const firstWave = 12;

function release(args: string[]): void {
  const run = spawnSync(node, [join(root, 'src', 'cli', 'build.ts'), '--release', '--quiet', ...args], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}

const work = mkdtempSync(join(tmpdir(), 'qualpress-default-releases-'));
try {
  const data = join(work, 'data');
  cpSync(join(root, 'data'), data, { recursive: true });
  const interviews = join(data, 'interviews.csv');
  const [header, ...rows] = readFileSync(interviews, 'utf8').trimEnd().split('\n');
  const wave = (row: string) => Number(/^[^,]*,P(\d+),/.exec(row)?.[1]);
  writeFileSync(interviews, `${[header, ...rows.filter((row) => wave(row) <= firstWave)].join('\n')}\n`);
  const study = join(data, 'study.yaml');
  writeFileSync(
    study,
    readFileSync(study, 'utf8')
      .replace(/^version: .*$/m, 'version: 1.0.0')
      .replace(/^date: .*$/m, 'date: 2026-11-20')
      .replace(/^notes: .*$/m, 'notes: First release, with the tweets and the first wave of interviews.'),
  );
  release(['--data', data, '--out', join(work, 'site-1.0.0')]);
  release(['--out', join(work, 'site-1.1.0')]);
} finally {
  rmSync(work, { recursive: true, force: true });
}
