import type { PublishedTexts } from './publishedTexts.ts';
import type { ParticipantsConfig } from '../../schemas/study.ts';
import type { Participant } from '../../model/study.ts';
import { checkHeader } from './checkHeader.ts';
import { readTable } from './readTable.ts';
import { hasLineProblems, quoted, type Problem } from '../../problems/problem.ts';
import type { StudyFiles } from '../../load/studyFiles.ts';

/**
 * Read participants.csv: one row per pseudonymous participant, with the declared attributes
 * only. Ids and attribute values are published (on per-participant charts, in breakdowns),
 * so each joins `texts` for the privacy checks; ids are checked for listed names too.
 */
export function readParticipants(
  config: ParticipantsConfig,
  files: StudyFiles,
  texts: PublishedTexts,
  problems: Problem[],
): Participant[] | undefined {
  const shown = files.shown(config.file);
  const table = readTable(files, config.file, problems);
  if (!table) return undefined;
  const columns = checkHeader(
    table,
    [
      { column: config.key, role: 'the participant id' },
      ...config.attributes.map(({ column, label }) => ({ column, role: `attribute "${label}"` })),
    ],
    shown,
    problems,
    'declare it under participants.attributes in study.yaml, or remove it: participants.csv must hold no names or contact details',
  );
  if (!columns) return undefined;
  if (table.rows.length === 0) {
    // Rows that could not be read at all are reported at their lines: then the file is not "only the header".
    if (!hasLineProblems(problems, shown))
      problems.push({ file: shown, message: 'expected at least one participant row; found only the header' });
    return undefined;
  }

  const keyIndex = columns.get(config.key)!;
  const firstSeen = new Map<string, number>();
  const participants: Participant[] = [];
  for (const row of table.rows) {
    const id = row.cells[keyIndex]!.trim();
    texts.push({
      text: id,
      origin: { file: shown, line: row.line, field: config.key },
      what: 'a pseudonymous participant id',
      names: true,
    });
    for (const { column } of config.attributes) {
      texts.push({
        text: row.cells[columns.get(column)!]!.trim(),
        origin: { file: shown, line: row.line, field: column },
        what: 'an attribute value',
        names: false,
      });
    }
    if (id === '') {
      problems.push({ file: shown, line: row.line, field: config.key, message: 'expected a participant id; found an empty cell' });
      continue;
    }
    const earlier = firstSeen.get(id);
    if (earlier !== undefined) {
      problems.push({
        file: shown,
        line: row.line,
        field: config.key,
        message: `expected a unique participant id; found ${quoted(id)}, already on line ${earlier}`,
      });
      continue;
    }
    firstSeen.set(id, row.line);
    const attributes: Record<string, string> = {};
    for (const { column } of config.attributes) attributes[column] = row.cells[columns.get(column)!]!.trim();
    participants.push({ id, attributes });
  }
  return participants;
}
