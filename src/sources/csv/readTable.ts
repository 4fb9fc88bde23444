import { parseCsv, type CsvTable } from './parseCsv.ts';
import { addProblems, type Problem } from '../../problems/problem.ts';
import type { StudyFiles } from '../../load/studyFiles.ts';

/** Read and parse one CSV file of the package; its problems join the list, and no table means stop. */
export function readTable(files: StudyFiles, name: string, problems: Problem[]): CsvTable | undefined {
  const text = files.read(name);
  if (!text.ok) {
    problems.push(text.problem);
    return undefined;
  }
  const parsed = parseCsv(text.text, files.shown(name));
  addProblems(problems, parsed.problems);
  return parsed.table;
}
