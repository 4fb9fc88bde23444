// Writes the default illustrative study package: a deterministic, seeded
// reconstruction of the design of Cho (2016), "Administrators' professional
// learning via Twitter: the dissonance between beliefs and actions". All
// records and texts are synthetic.
//
//   node scripts/generate-study.ts [--out data] [--tweets 1460] [--participants 17] [--seed 2016]
//
// The same options always give byte-identical files.
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { interviewsCsv } from './generate/interviews.ts';
import { CODERS, DOUBLE_CODED, reliabilityCsv } from './generate/reliability.ts';
import { generateParticipants, participantsCsv } from './generate/participants.ts';
import { renderStudyYaml } from './generate/study-metadata.ts';
import { resolveStudyOptions, type StudyOptions } from './generate/study-options.ts';
import { tweetsCsvChunks } from './generate/tweets.ts';

export type { StudyOptions } from './generate/study-options.ts';
export { DEFAULT_STUDY_OPTIONS } from './generate/study-options.ts';

/** The template texts the package is built from. */
export interface StudySources {
  /** scripts/default-study/study.yaml, with `{{participants}}` placeholders. */
  readonly studyTemplate: string;
  /** scripts/default-study/codebook.yaml, copied verbatim. */
  readonly codebook: string;
}

export function readDefaultSources(): StudySources {
  const read = (name: string) => readFileSync(new URL(`./default-study/${name}`, import.meta.url), 'utf8');
  return { studyTemplate: read('study.yaml'), codebook: read('codebook.yaml') };
}

export interface GeneratedFile {
  readonly name: string;
  /** Data rows (header excluded) for CSV files; lines for YAML files. */
  readonly count: number;
  readonly unit: 'rows' | 'lines';
  /** The file's text in pieces; every call starts afresh and gives the same pieces. */
  chunks(): Iterable<string>;
}

function lineCount(text: string): number {
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

function textFile(name: string, text: string, unit: 'rows' | 'lines', count = lineCount(text)): GeneratedFile {
  return { name, count, unit, chunks: () => [text] };
}

/**
 * The study package's files, in writing order, each as lazily generated
 * chunks of text. Deterministic: depends only on the options and sources.
 */
export function generateStudyFiles(options: Partial<StudyOptions> = {}, sources: StudySources = readDefaultSources()): GeneratedFile[] {
  const resolved = resolveStudyOptions(options);
  const participants = generateParticipants(resolved.participants, resolved.seed);
  const participantIds = participants.map((participant) => participant.id);
  const interviews = interviewsCsv(participants, resolved.seed);
  return [
    textFile('study.yaml', renderStudyYaml(sources.studyTemplate, resolved), 'lines'),
    textFile('codebook.yaml', sources.codebook, 'lines'),
    textFile('participants.csv', participantsCsv(participants), 'rows', participants.length),
    {
      name: 'tweets.csv',
      count: resolved.tweets,
      unit: 'rows',
      chunks: () => tweetsCsvChunks({ count: resolved.tweets, participantIds, seed: resolved.seed }),
    },
    textFile('interviews.csv', interviews.text, 'rows', interviews.rows),
    {
      name: 'reliability/tweets.csv',
      count: Math.min(DOUBLE_CODED, resolved.tweets) * CODERS.length,
      unit: 'rows',
      chunks: () => [reliabilityCsv({ count: resolved.tweets, participantIds, seed: resolved.seed }).text],
    },
  ];
}

/** The study package as file name -> complete text (for tests and small runs). */
export function generateStudy(options: Partial<StudyOptions> = {}, sources: StudySources = readDefaultSources()): Map<string, string> {
  return new Map(generateStudyFiles(options, sources).map((file) => [file.name, [...file.chunks()].join('')]));
}

/** Writes each file piece by piece; returns one summary line per file. */
export function writeStudy(outDir: string, options: Partial<StudyOptions> = {}): string[] {
  mkdirSync(outDir, { recursive: true });
  return generateStudyFiles(options).map((file) => {
    const path = join(outDir, file.name);
    mkdirSync(dirname(path), { recursive: true });
    const fd = openSync(path, 'w');
    try {
      for (const chunk of file.chunks()) writeSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
    return `wrote ${path} (${file.count} ${file.unit})`;
  });
}

function parseCount(value: string, flag: string): number {
  if (!/^-?\d+$/.test(value)) throw new Error(`--${flag} needs an integer, got "${value}"`);
  return Number(value);
}

function main(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: {
      out: { type: 'string', default: 'data' },
      tweets: { type: 'string' },
      participants: { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log('usage: node scripts/generate-study.ts [--out data] [--tweets 1460] [--participants 17] [--seed 2016]');
    return;
  }
  const options: { -readonly [K in keyof StudyOptions]?: number } = {};
  if (values.tweets !== undefined) options.tweets = parseCount(values.tweets, 'tweets');
  if (values.participants !== undefined) options.participants = parseCount(values.participants, 'participants');
  if (values.seed !== undefined) options.seed = parseCount(values.seed, 'seed');
  for (const line of writeStudy(values.out, options)) console.log(line);
}

if (import.meta.main) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error(`generate-study: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
