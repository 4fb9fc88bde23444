import type { PublishedTexts } from './publishedTexts.ts';
import type { SourceDocument } from '../../model/study.ts';
import { quoted, type Problem } from '../../problems/problem.ts';
import type { StudyFiles } from '../../load/studyFiles.ts';
import { checkHeader } from './checkHeader.ts';
import { readTable } from './readTable.ts';

/**
 * The lengths of the source documents a dataset's units are spans of (`spans.lengths`):
 * columns `source` and `characters`, one row per source, its length a whole number of
 * Unicode code points. Source ids are shown beside per-source agreement, so each joins
 * `texts` for the privacy checks. Undefined when the file cannot be read as a whole.
 */
export function readSourceLengths(
  files: StudyFiles,
  name: string,
  texts: PublishedTexts,
  problems: Problem[],
): SourceDocument[] | undefined {
  const shown = files.shown(name);
  const table = readTable(files, name, problems);
  if (!table) return undefined;
  const columns = checkHeader(
    table,
    [
      { column: 'source', role: 'the source document id' },
      { column: 'characters', role: "the source's length in characters" },
    ],
    shown,
    problems,
    'a lengths file holds only source and characters',
  );
  if (!columns) return undefined;
  const at = (line: number, field: string, message: string) => problems.push({ file: shown, line, field, message });
  const sourceIndex = columns.get('source')!;
  const charactersIndex = columns.get('characters')!;
  const lines = new Map<string, number>();
  const sources: SourceDocument[] = [];
  for (const { line, cells } of table.rows) {
    const id = cells[sourceIndex]!.trim();
    const written = cells[charactersIndex]!.trim();
    let valid = true;
    if (id === '') {
      valid = false;
      at(line, 'source', 'expected a source id; found an empty cell');
    } else if (lines.has(id)) {
      valid = false;
      at(line, 'source', `expected each source once; found ${quoted(id)}, already on line ${lines.get(id)}`);
    } else {
      lines.set(id, line);
      texts.push({ text: id, origin: { file: shown, line, field: 'source' }, what: 'a source document id', names: true });
    }
    const characters = Number(written);
    if (!/^\d+$/.test(written) || !Number.isSafeInteger(characters)) {
      valid = false;
      at(
        line,
        'characters',
        `expected a length in characters (a whole number from 0); found ${written === '' ? 'an empty cell' : quoted(written)}`,
      );
    }
    if (valid) sources.push({ id, characters });
  }
  return sources;
}
