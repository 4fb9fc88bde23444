// `npm run import -- PROJECT.qdpx [--out DIR] [--force]`: a REFI-QDA project exported by
// NVivo, ATLAS.ti, MAXQDA or QualCoder becomes a study package in DIR (default data/); a
// `.qdc` codebook becomes DIR/codebook.yaml. Problems print one line each and exit 1 with
// nothing written; docs/import.md has the mapping.
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { importCodebook, importProject, type ImportSummary } from '../import/importProject.ts';
import { importedFiles } from '../import/studyYaml.ts';
import { refusalToWrite, writePackage } from '../import/writePackage.ts';
import { formatProblem } from '../problems/problem.ts';
import { readRefiFile } from '../sources/refi/readRefiFile.ts';

const usage = 'usage: npm run import -- PROJECT.qdpx|CODEBOOK.qdc [--out DIR] [--force]';

function stop(line: string): never {
  console.error(line);
  process.exit(1);
}

let parsed;
try {
  parsed = parseArgs({
    options: { out: { type: 'string', default: 'data' }, force: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
} catch (error) {
  stop(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
}
const { values: options, positionals } = parsed;
const [input, ...extra] = positionals;
if (input === undefined || extra.length > 0) stop(usage);

const shown = (path: string) => {
  const shownPath = relative(process.cwd(), resolve(path));
  return shownPath === '' ? '.' : shownPath.startsWith('..') ? resolve(path) : shownPath;
};
const outDir = resolve(options.out);
const shownOut = shown(options.out);
const codebookOnly = /\.qdc$/i.test(input);

const read = readRefiFile(input, shown(input));
if (!read.project) {
  for (const problem of read.problems) console.error(formatProblem(problem));
  const count = read.problems.length;
  stop(`\nImport stopped: ${count} problem${count === 1 ? '' : 's'} in ${shown(input)}. Nothing was written.`);
}

const names = codebookOnly ? [importedFiles.codebook] : Object.values(importedFiles);
const refusal = refusalToWrite(outDir, shownOut, names, options.force);
if (refusal) stop(refusal);

const today = new Date().toISOString().slice(0, 10);
const result = (codebookOnly ? importCodebook : importProject)(read.project, { shown: shown(input), today });
if (!result.ok) {
  for (const problem of result.problems) console.error(formatProblem(problem));
  stop(`\nImport stopped: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}. Nothing was written.`);
}
const { imported } = result;
try {
  writePackage(
    outDir,
    imported.files,
    names.filter((name) => !imported.files.has(name)),
  );
} catch (error) {
  stop(`Import failed while writing ${shownOut}/: ${error instanceof Error ? error.message : String(error)}. Nothing was written.`);
}

if (imported.offsets !== '') console.log(imported.offsets);
for (const warning of imported.warnings) console.log(`Warning: ${warning}`);
console.log(codebookOnly ? codebookSummary(imported.summary) : packageSummary(imported.summary));

function count(value: number, one: string, many: string): string {
  return `${value.toLocaleString('en-US')} ${value === 1 ? one : many}`;
}

function codesIn(summary: ImportSummary): string {
  return `${count(summary.codes, 'code', 'codes')} in ${count(summary.dimensions, 'dimension', 'dimensions')}`;
}

function codebookSummary(summary: ImportSummary): string {
  return `Imported ${shown(input!)} into ${join(shownOut, importedFiles.codebook)}: ${codesIn(summary)}.`;
}

function packageSummary(summary: ImportSummary): string {
  const counts = [
    count(summary.sources, 'source', 'sources'),
    count(summary.segments, 'segment', 'segments'),
    codesIn(summary),
    count(summary.participants, 'participant', 'participants'),
    count(summary.coders, 'coder', 'coders'),
  ];
  return (
    `Imported ${shown(input!)} into ${shownOut}/: ${counts.join(', ')}.\n` +
    `Next: fill in authors, license, url and abstract in ${join(shownOut, importedFiles.study)}, then npm run build` +
    `${shownOut === 'data' ? '' : ` -- --data ${shownOut}`}.`
  );
}
