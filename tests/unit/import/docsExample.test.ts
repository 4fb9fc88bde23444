import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importProject } from '../../../src/import/importProject.ts';
import { readRefiBytes } from '../../../src/sources/refi/readRefiFile.ts';
import { repoRoot } from '../../helpers/runBuild.ts';

// docs/import.md shows a tiny project and every file its import writes, in full: this test
// imports the project shown there and compares each file with the docs, so they stay true.

const docs = readFileSync(join(repoRoot, 'docs', 'import.md'), 'utf8');
const example = docs.slice(docs.indexOf('## A worked example'));

/** The fenced block after the first line naming `marker` in the worked example. */
function blockAfter(marker: string): string {
  const at = example.indexOf(marker);
  if (at === -1) throw new Error(`docs/import.md: no ${marker} in the worked example`);
  const block = /```[a-z]*\n([\s\S]*?)\n```/.exec(example.slice(at));
  if (!block) throw new Error(`docs/import.md: no block after ${marker}`);
  return `${block[1]}\n`;
}

describe('the worked example in docs/import.md', () => {
  const qde = blockAfter('Its `project.qde`');
  const texts = {
    'sources/jane.txt': 'I felt calm all morning. My colleagues had my back.\n',
    'sources/omar.txt': 'Inspections worry me, but the staff will cope.\n',
  };
  const read = readRefiBytes(
    zipSync({ 'project.qde': strToU8(qde), ...Object.fromEntries(Object.entries(texts).map(([name, text]) => [name, strToU8(text)])) }),
    'school-visits.qdpx',
  );
  const result = read.project && importProject(read.project, { shown: 'school-visits.qdpx', today: '2025-01-01' });

  it.each([
    'study.yaml',
    'codebook.yaml',
    'participants.csv',
    'segments.csv',
    'sources.csv',
    'reliability/segments.csv',
    'private/sources.csv',
    'private/participants.csv',
  ])('shows %s as the import writes it', (name) => {
    expect(read.problems).toEqual([]);
    expect(result?.ok && result.imported.files.get(name)).toBe(blockAfter(`\`data/${name}\``));
  });

  it('shows every file the import writes, its source texts and its summary', () => {
    for (const [name, text] of Object.entries(texts))
      expect(example).toContain(`\`${name.slice('sources/'.length)}\` ("${text.trimEnd()}")`);
    expect(result?.ok && [...result.imported.files.keys()].every((name) => example.includes(`\`data/${name}\``))).toBe(true);
    expect(result?.ok && result.imported.offsets).toBe('Offsets counted as UTF-16 code units (NVivo), converted to Unicode code points.');
    expect(result?.ok && result.imported.summary).toEqual({ sources: 2, segments: 3, codes: 3, dimensions: 2, participants: 2, coders: 2 });
  });
});
