import { GenModelsError } from '../errors.js';

/** One thing wrong with a schema file, at the position of the offending key or value (1-based). */
export interface SchemaProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** `file:line:column: message`, the form editors and terminals turn into links. */
export function formatProblem(problem: SchemaProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
}

export function sortProblems(problems: readonly SchemaProblem[]): SchemaProblem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Every problem found in a schema file; the message lists them one per line, in file order. */
export class SchemaError extends GenModelsError {
  override readonly name = 'SchemaError';
  override readonly startsWithLocation = true;
  readonly problems: readonly SchemaProblem[];

  constructor(problems: readonly SchemaProblem[]) {
    const sorted = sortProblems(problems);
    super(sorted.map(formatProblem).join('\n'));
    this.problems = sorted;
  }
}
