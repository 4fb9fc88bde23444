/**
 * A problem found in the study package. Every loader collects these instead of throwing,
 * so one run can report every problem in every file.
 */
export interface Problem {
  /** Path as the user should see it, relative to the working directory (`data/posts.csv`). */
  readonly file: string;
  /** 1-based line in the file; absent for problems with the file as a whole. */
  readonly line?: number;
  /** Column name or YAML path (`period.start`); absent when the problem is the line itself. */
  readonly field?: string;
  /** What was expected and what was found, in words a researcher can act on. */
  readonly message: string;
}

/** `file:line:field: message`, leaving out the parts a problem does not have. */
export function formatProblem(problem: Problem): string {
  const where = [problem.file, problem.line, problem.field].filter((part) => part !== undefined && part !== '');
  return `${where.join(':')}: ${problem.message}`;
}

/**
 * Add `more` to `problems` one by one. `push(...more)` passes every problem as an argument,
 * and a file with a problem on each of a few hundred thousand rows overflows the stack.
 */
export function addProblems(problems: Problem[], more: readonly Problem[]): void {
  for (const problem of more) problems.push(problem);
}

/** Whether any of the problems is at a line of this file. */
export function hasLineProblems(problems: readonly Problem[], file: string): boolean {
  return problems.some((problem) => problem.file === file && problem.line !== undefined);
}

/** Problems in reading order: by file as first reported, then by line. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  const fileOrder = new Map<string, number>();
  for (const problem of problems) if (!fileOrder.has(problem.file)) fileOrder.set(problem.file, fileOrder.size);
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort(
      (a, b) =>
        fileOrder.get(a.problem.file)! - fileOrder.get(b.problem.file)! ||
        (a.problem.line ?? 0) - (b.problem.line ?? 0) ||
        a.index - b.index,
    )
    .map(({ problem }) => problem);
}

/** Quote a value found in the data the same way in every message. */
export function quoted(value: unknown): string {
  const text = String(value);
  const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return JSON.stringify(shown);
}

/** A short list of the allowed values, so a message stays on one readable line. */
export function listOf(values: readonly string[], most = 8): string {
  if (values.length <= most) return values.join(', ');
  return `${values.slice(0, most).join(', ')}, ... (${values.length} in all)`;
}
