import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  atlasRecipe,
  maxqdaRecipe,
  nvivoRecipe,
  qualcoderCodebook,
  qualcoderRecipe,
  recipeQdpx,
  refiGuid,
  type RefiRecipe,
} from '../helpers/refiFixtures.ts';
import { repoRoot, runBuild } from '../helpers/runBuild.ts';

// `npm run import` and `npm run export -- --qdc` as a user runs them: the CLI as a child
// process, in a temp folder of its own (so `data/` is that folder's), on the vendor-style
// projects of tests/helpers/refiFixtures.ts. The expected rows are worked out by hand from
// the recipes (offsets in code points, NVivo's CRLF kept in the text).

const node = join(repoRoot, 'node_modules', '.bin', 'node');
let work: string;

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(command: 'import' | 'export', args: readonly string[]): Run {
  const result = spawnSync(node, [join(repoRoot, 'src', 'cli', `${command}.ts`), ...args], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', QUALPRESS_DATA: '' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const lines = (text: string) => text.trimEnd().split('\n');
const read = (...path: string[]) => readFileSync(join(work, ...path), 'utf8');

/** Every file under a folder, relative, sorted. */
function filesUnder(folder: string, prefix = ''): string[] {
  return readdirSync(join(folder, prefix))
    .flatMap((name) => (statSync(join(folder, prefix, name)).isDirectory() ? filesUnder(folder, join(prefix, name)) : [join(prefix, name)]))
    .sort();
}

function codebookOf(
  folder: string,
): { id: string; label: string; description?: string; codes: { id: string; label: string; parent?: string; definition?: string }[] }[] {
  return (parse(read(folder, 'codebook.yaml')) as { dimensions: never[] }).dimensions;
}

function writeProject(name: string, recipe: RefiRecipe, omit?: readonly string[]): string {
  writeFileSync(join(work, name), recipeQdpx(recipe, omit ? { omit } : {}));
  return name;
}

const allFiles = [
  'codebook.yaml',
  'participants.csv',
  'private/participants.csv',
  'private/sources.csv',
  'reliability/segments.csv',
  'segments.csv',
  'sources.csv',
  'study.yaml',
];

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'qualpress-import-'));
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('npm run import, one project per vendor style', () => {
  it('imports NVivo: UTF-16 offsets converted, one selection per coding grouped, cases with variables, two coders', () => {
    const result = run('import', [writeProject('nvivo.qdpx', nvivoRecipe), '--out', 'nvivo']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(lines(result.stdout)).toEqual([
      'Offsets counted as UTF-16 code units (NVivo), converted to Unicode code points.',
      'Imported nvivo.qdpx into nvivo/: 2 sources, 3 segments, 3 codes in 2 dimensions, 2 participants, 2 coders.',
      'Next: fill in authors, license, url and abstract in nvivo/study.yaml, then npm run build -- --data nvivo.',
    ]);
    expect(filesUnder(join(work, 'nvivo'))).toEqual(allFiles);
    expect(read('nvivo', 'segments.csv')).toBe(
      [
        'segment_id,participant_id,source,start,end,drinks,codes,text',
        'G0001,P01,S01,28,53,tea,feelings,Green tea 🍵 every morning',
        'G0002,P01,S01,56,69,,feelings,I feel calm 😌',
        'G0003,P02,S02,0,33,coffee,,"Coffee ☕ first,\r\nthen more coffee"',
        '',
      ].join('\n'),
    );
    expect(lines(read('nvivo', 'reliability/segments.csv'))).toEqual([
      'segment_id,coder,drinks,codes',
      'G0001,coder-a,tea,',
      'G0001,coder-b,,feelings',
      'G0002,coder-b,,feelings',
      'G0003,coder-b,coffee,',
    ]);
    expect(lines(read('nvivo', 'participants.csv'))).toEqual([
      'participant_id,role,country',
      'P01,Teacher,Atlantis',
      'P02,Student,Lemuria',
    ]);
    expect(lines(read('nvivo', 'sources.csv'))).toEqual(['source,characters', 'S01,77', 'S02,36']);
    expect(lines(read('nvivo', 'private/sources.csv'))).toEqual(['source,name', 'S01,Interview P01', 'S02,Interview P02']);
    expect(lines(read('nvivo', 'private/participants.csv'))).toEqual(['participant_id,name', 'P01,P01', 'P02,P02']);
    expect(codebookOf('nvivo')).toEqual([
      {
        id: 'drinks',
        label: 'Drinks',
        dataset: 'segments',
        column: 'drinks',
        description: 'What participants drink',
        multiple: true,
        count: 'units',
        codes: [
          { id: 'tea', label: 'Tea' },
          { id: 'coffee', label: 'Coffee' },
        ],
      },
      {
        id: 'codes',
        label: 'Codes',
        dataset: 'segments',
        column: 'codes',
        multiple: true,
        count: 'units',
        codes: [{ id: 'feelings', label: 'Feelings', definition: 'Moods named' }],
      },
    ]);
    const study = parse(read('nvivo', 'study.yaml')) as Record<string, unknown>;
    expect(study).toEqual({
      id: 'tea-study-synthetic',
      title: 'Tea study (synthetic)',
      version: '0.1.0',
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      participants: {
        file: 'participants.csv',
        key: 'participant_id',
        attributes: [
          { column: 'role', label: 'Role' },
          { column: 'country', label: 'Country' },
        ],
      },
      datasets: {
        segments: {
          label: 'Coded segments',
          file: 'segments.csv',
          unit: ['segment', 'segments'],
          key: 'segment_id',
          participant: 'participant_id',
          text: { column: 'text', publish: 'none' },
          reliability: 'reliability/segments.csv',
          spans: { source: 'source', start: 'start', end: 'end', lengths: 'sources.csv' },
        },
      },
    });
    expect(read('nvivo', 'study.yaml')).toContain('# coders:\n#   coder-a: Coder A\n#   coder-b: Coder B\n');
  });

  it("imports ATLAS.ti: braced GUIDs, '::' names nested, grouped codings, the pseudo-user's codings in segments but not in reliability", () => {
    const result = run('import', [writeProject('atlas.qdpx', atlasRecipe), '--out', 'atlas']);
    expect(result.status).toBe(0);
    expect(lines(result.stdout)).toEqual([
      'Offsets counted as Unicode code points (REFI-QDA standard).',
      'Imported atlas.qdpx into atlas/: 1 source, 2 segments, 3 codes in 2 dimensions, 1 participant, 1 coder.',
      'Next: fill in authors, license, url and abstract in atlas/study.yaml, then npm run build -- --data atlas.',
    ]);
    expect(lines(read('atlas', 'segments.csv'))).toEqual([
      'segment_id,participant_id,source,start,end,plants,codes,text',
      'G0001,P01,S01,0,28,roses,weather,Roses 🌹 bloomed after rain 🌧',
      'G0002,P01,S01,36,45,weeds,,Weeds too',
    ]);
    // One coder named: no agreement to compute.
    expect(existsSync(join(work, 'atlas', 'reliability'))).toBe(false);
    expect(read('atlas', 'study.yaml')).not.toMatch(/reliability|coders/);
    expect(lines(read('atlas', 'participants.csv'))).toEqual(['participant_id', 'P01']);
    expect(lines(read('atlas', 'private/participants.csv'))).toEqual(['participant_id,name', 'P01,Diary 1']);
    expect(lines(read('atlas', 'sources.csv'))).toEqual(['source,characters', 'S01,46']);
    expect(
      codebookOf('atlas').map((dimension) => [
        dimension.id,
        dimension.label,
        ...dimension.codes.map((code) => `${code.id}:${code.label}:${code.parent ?? ''}`),
      ]),
    ).toEqual([
      ['plants', 'Plants', 'roses:Roses:', 'weeds:Weeds:'],
      ['codes', 'Codes', 'weather:Weather:'],
    ]);
  });

  it('imports MAXQDA: nested codes, two codes of one name, relative paths, media skipped with a warning, sources as participants', () => {
    const result = run('import', [writeProject('maxqda.qdpx', maxqdaRecipe), '--out', 'maxqda']);
    expect(result.status).toBe(0);
    expect(lines(result.stdout)).toEqual([
      'Offsets counted as Unicode code points (REFI-QDA standard).',
      'Warning: Skipped 1 PDF source, 1 audio source: only text sources are imported.',
      'Imported maxqda.qdpx into maxqda/: 2 sources, 3 segments, 4 codes in 2 dimensions, 2 participants, 2 coders.',
      'Next: fill in authors, license, url and abstract in maxqda/study.yaml, then npm run build -- --data maxqda.',
    ]);
    expect(lines(read('maxqda', 'segments.csv'))).toEqual([
      'segment_id,participant_id,source,start,end,transport,codes,text',
      'G0001,P01,S01,0,15,bike,,I bike to work.',
      'G0002,P01,S01,26,33,other;bus,,the bus',
      'G0003,P02,S02,0,7,,other-2,Walking',
    ]);
    expect(lines(read('maxqda', 'reliability/segments.csv'))).toEqual([
      'segment_id,coder,transport,codes',
      'G0001,reader-x,bike,',
      'G0002,reader-y,other;bus,',
      'G0003,reader-x,,other-2',
    ]);
    expect(lines(read('maxqda', 'participants.csv'))).toEqual(['participant_id', 'P01', 'P02']);
    expect(lines(read('maxqda', 'private/participants.csv'))).toEqual(['participant_id,name', 'P01,B01', 'P02,B02']);
    expect(lines(read('maxqda', 'sources.csv'))).toEqual(['source,characters', 'S01,34', 'S02,16']);
    expect(
      codebookOf('maxqda').map((dimension) => [
        dimension.id,
        ...dimension.codes.map((code) => `${code.id}:${code.label}:${code.parent ?? ''}`),
      ]),
    ).toEqual([
      ['transport', 'bike:Bike:', 'other:Other:bike', 'bus:Bus:'],
      ['codes', 'other-2:Other:'],
    ]);
  });

  it('imports QualCoder: inline texts, one coder, escaped descriptions', () => {
    const result = run('import', [writeProject('Trial.qdpx', qualcoderRecipe), '--out', 'qualcoder']);
    expect(result.status).toBe(0);
    expect(lines(result.stdout)[1]).toBe(
      'Imported Trial.qdpx into qualcoder/: 1 source, 2 segments, 2 codes in 1 dimension, 1 participant, 1 coder.',
    );
    expect(filesUnder(join(work, 'qualcoder'))).toEqual(allFiles.filter((name) => name !== 'reliability/segments.csv'));
    expect(lines(read('qualcoder', 'segments.csv'))).toEqual([
      'segment_id,participant_id,source,start,end,codes,text',
      'G0001,P01,S01,0,16,noise,Traffic & sirens',
      'G0002,P01,S01,27,41,quiet,Quiet mornings',
    ]);
    expect(lines(read('qualcoder', 'sources.csv'))).toEqual(['source,characters', 'S01,42']);
    expect(codebookOf('qualcoder')[0]!.codes).toEqual([
      { id: 'noise', label: 'Noise', definition: 'Sounds <loud> & "soft"' },
      { id: 'quiet', label: 'Quiet' },
    ]);
  });

  it('imports a project whose source file is missing from the zip, with empty texts and a warning', () => {
    const missing = `sources/${refiGuid('source', 'Interview P02')}.txt`;
    const result = run('import', [writeProject('missing.qdpx', nvivoRecipe, [missing]), '--out', 'missing']);
    expect(result.status).toBe(0);
    expect(lines(result.stdout).filter((line) => line.startsWith('Warning:'))).toEqual([
      `Warning: ${missing} is missing from missing.qdpx: its 1 coding is imported with empty text`,
      'Warning: S02 ("Interview P02") has no text: its segments have an empty text cell, and sources.csv gives its length as its largest end offset (33).',
    ]);
    expect(lines(read('missing', 'segments.csv'))[3]).toBe('G0003,P02,S02,0,33,coffee,,');
    expect(lines(read('missing', 'sources.csv'))).toEqual(['source,characters', 'S01,77', 'S02,33']);
  });
});

describe('npm run import refuses', () => {
  it('a folder that is not empty, in one line, and leaves it as it was', () => {
    mkdirSync(join(work, 'taken'));
    writeFileSync(join(work, 'taken', 'notes.txt'), 'mine');
    const result = run('import', ['nvivo.qdpx', '--out', 'taken']);
    expect(result).toEqual({
      status: 1,
      stdout: '',
      stderr:
        'taken/ is not empty: import into a new or empty folder (--out DIR), or add --force to replace the files an import writes there.\n',
    });
    expect(filesUnder(join(work, 'taken'))).toEqual(['notes.txt']);
  });

  it('into data/ by default', () => {
    mkdirSync(join(work, 'data'));
    writeFileSync(join(work, 'data', 'study.yaml'), 'id: mine\n');
    expect(run('import', ['nvivo.qdpx']).stderr).toBe(
      'data/ is not empty: import into a new or empty folder (--out DIR), or add --force to replace the files an import writes there.\n',
    );
    expect(read('data', 'study.yaml')).toBe('id: mine\n');
  });

  it('a file that is no REFI-QDA project: its problem, a summary, exit 1, nothing written', () => {
    writeFileSync(join(work, 'notes.qdpx'), 'just some text\n');
    const result = run('import', ['notes.qdpx', '--out', 'never']);
    expect(result).toEqual({
      status: 1,
      stdout: '',
      stderr:
        'notes.qdpx: expected a REFI-QDA project (.qdpx, a zip file) or codebook (.qdc, XML); found text starting "just some text"\n' +
        '\nImport stopped: 1 problem in notes.qdpx. Nothing was written.\n',
    });
    expect(existsSync(join(work, 'never'))).toBe(false);
  });

  it('a missing file and a missing argument, without a stack trace', () => {
    expect(run('import', ['nowhere.qdpx', '--out', 'never']).stderr).toBe(
      'nowhere.qdpx: expected a REFI-QDA project (.qdpx, a zip file) or codebook (.qdc, XML); found no such file\n\nImport stopped: 1 problem in nowhere.qdpx. Nothing was written.\n',
    );
    expect(run('import', [])).toEqual({
      status: 1,
      stdout: '',
      stderr: 'usage: npm run import -- PROJECT.qdpx|CODEBOOK.qdc [--out DIR] [--force]\n',
    });
    expect(existsSync(join(work, 'never'))).toBe(false);
  });
});

describe('npm run import --force', () => {
  it("replaces the import's own files, removes a reliability file the new import does not write, and keeps every other file", () => {
    mkdirSync(join(work, 'again', 'private'), { recursive: true });
    expect(run('import', ['nvivo.qdpx', '--out', 'again/study']).status).toBe(0);
    writeFileSync(join(work, 'again', 'study', 'private', 'names.txt'), 'Jane Doe\n');
    writeFileSync(join(work, 'again', 'study', 'interviews.csv'), 'kept\n');
    const result = run('import', ['atlas.qdpx', '--out', 'again/study', '--force']);
    expect(result.status).toBe(0);
    expect(filesUnder(join(work, 'again', 'study'))).toEqual(
      [...allFiles.filter((name) => name !== 'reliability/segments.csv'), 'interviews.csv', 'private/names.txt'].sort(),
    );
    expect(read('again', 'study', 'private', 'names.txt')).toBe('Jane Doe\n');
    expect(read('again', 'study', 'segments.csv')).toBe(read('atlas', 'segments.csv'));
    // No staging folder is left beside it.
    expect(readdirSync(join(work, 'again'))).toEqual(['private', 'study']);
  });
});

describe('codebooks: .qdc in, .qdc out', () => {
  it('imports a .qdc as codebook.yaml only, refusing to replace one without --force', () => {
    writeFileSync(join(work, 'codebook.qdc'), qualcoderCodebook());
    const result = run('import', ['codebook.qdc', '--out', 'qdc']);
    expect(result).toEqual({ status: 0, stdout: 'Imported codebook.qdc into qdc/codebook.yaml: 3 codes in 2 dimensions.\n', stderr: '' });
    expect(filesUnder(join(work, 'qdc'))).toEqual(['codebook.yaml']);
    expect(codebookOf('qdc').map((dimension) => [dimension.id, dimension.description, ...dimension.codes.map((code) => code.id)])).toEqual([
      ['sound', 'Anything heard', 'noise', 'music'],
      ['codes', undefined, 'quiet'],
    ]);
    expect(run('import', ['codebook.qdc', '--out', 'nvivo'])).toEqual({
      status: 1,
      stdout: '',
      stderr: 'nvivo/codebook.yaml already exists: add --force to replace it, or import into another folder (--out DIR).\n',
    });
    expect(run('import', ['codebook.qdc', '--out', 'maxqda', '--force']).status).toBe(0);
    expect(codebookOf('maxqda')).toEqual(codebookOf('qdc'));
    expect(read('maxqda', 'segments.csv')).toContain('transport');
  });

  it('exports an imported codebook and imports it back as the same codebook', () => {
    const exported = run('export', ['--qdc', 'out/nvivo.qdc', '--data', 'nvivo']);
    expect(exported).toEqual({
      status: 0,
      stdout: 'Exported the codebook of nvivo/ to out/nvivo.qdc: 2 dimensions (each a code that groups its codes), 3 codes.\n',
      stderr: '',
    });
    expect(run('import', ['out/nvivo.qdc', '--out', 'roundtrip']).status).toBe(0);
    expect(codebookOf('roundtrip')).toEqual(codebookOf('nvivo'));
  });

  it('refuses to export a codebook with problems, one line each', () => {
    mkdirSync(join(work, 'broken'));
    writeFileSync(
      join(work, 'broken', 'codebook.yaml'),
      'dimensions:\n  - id: x\n    label: X\n    dataset: d\n    column: x\n    codes:\n      - { id: a, label: A, parent: b }\n',
    );
    expect(run('export', ['--qdc', 'broken.qdc', '--data', 'broken'])).toEqual({
      status: 1,
      stdout: '',
      stderr:
        'broken/codebook.yaml:7:parent: expected a code listed earlier in dimension x; found "b"\n\nExport stopped: 1 problem. Nothing was written.\n',
    });
    expect(existsSync(join(work, 'broken.qdc'))).toBe(false);
  });
});

describe('an imported project builds', () => {
  it('once authors, licence, address and abstract are filled in', () => {
    const study = join(work, 'nvivo', 'study.yaml');
    writeFileSync(study, readFileSync(study, 'utf8').replace(/^# (license|url|authors|abstract| {2}- )(.*)$/gm, '$1$2'));
    mkdirSync(join(work, 'content'));
    const built = runBuild([
      '--data',
      join(work, 'nvivo'),
      '--content',
      join(work, 'content'),
      '--out',
      join(work, 'dist'),
      '--releases',
      join(work, 'releases'),
    ]);
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    expect(lines(built.stdout).slice(0, 5)).toEqual([
      `${join(work, 'nvivo', 'segments.csv')}: 3 rows read, 3 used, 0 excluded`,
      '  drinks: 2 coded, 1 not coded',
      '  codes: 2 coded, 1 not coded',
      // Each coder's own codes: one row per segment and coder that coded it.
      `${join(work, 'nvivo', 'reliability', 'segments.csv')}: 4 rows read, 4 used: 3 segments coded by 2 coders`,
      '2 participants, 2 dimensions',
    ]);
    // Agreement between the two coders, character by character, has its own chart page.
    expect(existsSync(join(work, 'dist', 'charts', 'segments-character-agreement', 'index.html'))).toBe(true);
    // Verbatim text is imported with publish: none, and source and case names stay in private/.
    const published = filesUnder(join(work, 'dist'))
      .filter((file) => /\.(html|json|csv|svg|xml|txt|bib|ris|cff)$/.test(file))
      .map((file) => readFileSync(join(work, 'dist', file), 'utf8'))
      .join('\n');
    const privateNames = [...lines(read('nvivo', 'private', 'sources.csv')), ...lines(read('nvivo', 'private', 'participants.csv'))]
      .slice(1)
      .map((row) => row.slice(row.indexOf(',') + 1))
      .filter((name) => name.length >= 6);
    // The last column of segments.csv (quoted when it holds a comma or a line break).
    const texts = [...read('nvivo', 'segments.csv').matchAll(/,("(?:[^"]|"")*"|[^,\n]*)\n/g)]
      .slice(1)
      .map((match) => match[1]!.replace(/^"|"$/g, '').replace(/""/g, '"').trim())
      .filter((text) => text.length >= 8);
    expect(privateNames.length).toBeGreaterThan(0);
    expect(texts.length).toBeGreaterThan(0);
    for (const name of privateNames) expect(published).not.toContain(name);
    for (const text of texts) expect(published).not.toContain(text);
  });
});
