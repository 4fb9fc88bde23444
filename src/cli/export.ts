// `npm run export -- --qdc FILE [--data DIR]`: the study's codebook as a REFI-QDA codebook
// (.qdc) that NVivo, ATLAS.ti, MAXQDA and QualCoder can import, so a codebook edited here
// goes back into the coding software. Only codebook.yaml is read: study.yaml need not be
// complete yet. docs/import.md.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseYaml } from '../load/parseYaml.ts';
import { readText } from '../load/readText.ts';
import { validateYaml } from '../load/validateYaml.ts';
import { formatProblem, quoted, type Problem } from '../problems/problem.ts';
import { codebook as codebookSchema, type CodebookConfig } from '../schemas/codebook.ts';
import { writeCodebook } from '../sources/refi/writeCodebook.ts';

const usage = 'usage: npm run export -- --qdc FILE [--data DIR]';

function stop(lines: readonly string[]): never {
  console.error(lines.join('\n'));
  process.exit(1);
}

let parsed;
try {
  parsed = parseArgs({ options: { qdc: { type: 'string' }, data: { type: 'string', default: process.env.QUALPRESS_DATA || 'data' } } });
} catch (error) {
  stop([error instanceof Error ? error.message : String(error), usage]);
}
const { qdc, data } = parsed.values;
if (qdc === undefined || qdc === '') stop([usage]);

const shown = (path: string) => relative(process.cwd(), resolve(path)) || '.';
const codebookFile = join(data, 'codebook.yaml');
const problems: Problem[] = [];
const codebook = readCodebook(resolve(codebookFile), shown(codebookFile), problems);
if (!codebook)
  stop([
    ...problems.map(formatProblem),
    `\nExport stopped: ${problems.length} problem${problems.length === 1 ? '' : 's'}. Nothing was written.`,
  ]);

// Written beside its place and renamed, so a failed write never leaves half a file.
const target = resolve(qdc);
const partial = `${target}.partial-${process.pid}`;
try {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(partial, writeCodebook(codebook));
  renameSync(partial, target);
} catch (error) {
  rmSync(partial, { force: true });
  stop([`Export failed while writing ${shown(qdc)}: ${error instanceof Error ? error.message : String(error)}`]);
}
const codes = codebook.dimensions.reduce((sum, dimension) => sum + dimension.codes.length, 0);
console.log(
  `Exported the codebook of ${shown(data)}/ to ${shown(qdc)}: ${codebook.dimensions.length} dimension${codebook.dimensions.length === 1 ? '' : 's'} ` +
    `(each a code that groups its codes), ${codes} code${codes === 1 ? '' : 's'}.`,
);

/** codebook.yaml checked as the build checks it, and each parent an earlier code of its dimension (else the tree would be wrong). */
function readCodebook(path: string, file: string, problems: Problem[]): CodebookConfig | undefined {
  const text = readText(path, file);
  if (!text.ok) return void problems.push(text.problem);
  const parsed = parseYaml(text.text, file);
  if (!parsed.ok) return void problems.push(...parsed.problems);
  const validated = validateYaml(parsed.file, codebookSchema, file);
  if (!validated.ok) return void problems.push(...validated.problems);
  validated.value.dimensions.forEach((dimension, index) => {
    const earlier = new Set<string>();
    dimension.codes.forEach((code, position) => {
      if (code.parent !== undefined && !earlier.has(code.parent))
        problems.push({
          file,
          line: parsed.file.lineOf(['dimensions', index, 'codes', position, 'parent']),
          field: 'parent',
          message: `expected a code listed earlier in dimension ${dimension.id}; found ${quoted(code.parent)}`,
        });
      earlier.add(code.id);
    });
  });
  return problems.length === 0 ? validated.value : undefined;
}
