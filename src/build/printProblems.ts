import { formatCount } from '../format/format.ts';
import { formatProblem, type Problem } from '../problems/problem.ts';

/** Most problems a file shows in the terminal; the rest are counted, and all are in the full list. */
const shownPerFile = 50;

/** The problem list as printed: one line each, grouped by file, long lists cut with a count. */
export function problemLines(problems: readonly Problem[]): string[] {
  const lines: string[] = [];
  const perFile = new Map<string, number>();
  for (const problem of problems) {
    const seen = (perFile.get(problem.file) ?? 0) + 1;
    perFile.set(problem.file, seen);
    if (seen <= shownPerFile) lines.push(formatProblem(problem));
  }
  for (const [file, count] of perFile)
    if (count > shownPerFile) lines.push(`${file}: ... and ${formatCount(count - shownPerFile)} more problems in this file`);
  return lines;
}

/** "2 problems in the study package or its content": how the build and the dev server sum up. */
export function problemCount(problems: readonly Problem[]): string {
  return `${formatCount(problems.length)} problem${problems.length === 1 ? '' : 's'} in the study package or its content`;
}
