import type { LineCounter, Node, Range } from 'yaml';
import { SchemaError, type SchemaProblem } from './schema-error.js';

/** Something a problem can point at: a YAML node (its start) or a character offset in the text. */
export type ProblemTarget = Node | number | null | undefined;

/**
 * Gathers the problems of one schema file so that a single run reports all of them; positions
 * come from the YAML nodes, so every message points at the offending key or value.
 */
export class ProblemCollector {
  private readonly found: SchemaProblem[] = [];

  /** Without a line counter (a tree without positions, plain-tree.ts), every problem is at 0:0. */
  constructor(
    private readonly file: string,
    private readonly lineCounter: Pick<LineCounter, 'linePos'> = NO_POSITIONS,
  ) {}

  /** Reports `message` at `target`; `offsetInNode` moves the position inside a scalar's text. */
  add(target: ProblemTarget, message: string, offsetInNode = 0): void {
    const offset = offsetOf(target) + offsetInNode;
    const { line, col } = this.lineCounter.linePos(offset);
    this.found.push({ file: this.file, line, column: col, message });
  }

  get count(): number {
    return this.found.length;
  }

  throwIfAny(): void {
    if (this.found.length > 0) throw new SchemaError(this.found);
  }
}

const NO_POSITIONS: Pick<LineCounter, 'linePos'> = { linePos: () => ({ line: 0, col: 0 }) };

function offsetOf(target: ProblemTarget): number {
  if (typeof target === 'number') return target;
  const range: Range | null | undefined = target?.range;
  return range ? range[0] : 0;
}
