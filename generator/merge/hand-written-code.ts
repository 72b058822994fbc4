/**
 * Reads a previously generated file and keeps what a person wrote into it: every top-level
 * statement and class member outside the `#region generated` blocks, with its comments, as the
 * exact source text, grouped by the slot (position between regions) where it stood.
 */
import type { Node, Project, SourceFile } from 'ts-morph';
import { GENERATED_MARKER } from '../render/view-model.js';
import { isRegionEnd, isRegionStart, type SlotScope } from './regions.js';
import { FINGERPRINT_PREFIX } from '../fingerprint.js';

export interface HandWrittenCode {
  /** Hand-written source text per slot, e.g. `class` → 1 → `getAge() { ... }`. */
  readonly slots: ReadonlyMap<`${SlotScope}-${number}`, string>;
  /** Names of hand-written class members, to report collisions with generated ones. */
  readonly classMemberNames: readonly string[];
  /** Names declared by hand at the top level. */
  readonly topLevelNames: readonly string[];
}

type TsMorph = typeof import('ts-morph');
let project: Project | undefined;

/** ts-morph is heavy to load: only runs that find an edited or outdated file pay for it. */
function parse(text: string): { tsMorph: TsMorph; file: SourceFile } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const tsMorph = require('ts-morph') as TsMorph;
  project ??= new tsMorph.Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true });
  return { tsMorph, file: project.createSourceFile('previous.ts', text, { overwrite: true }) };
}

export function extractHandWrittenCode(text: string, className: string | undefined): HandWrittenCode {
  const { tsMorph, file } = parse(text);
  const collector = new SlotCollector(text);
  const topLevelNames: string[] = [];
  const classMemberNames: string[] = [];
  let inRegion = false;
  let inHeader = true;
  for (const statement of file.getStatementsWithComments()) {
    const comment = commentText(tsMorph, statement);
    if (inHeader && comment !== undefined && isHeaderLine(comment)) continue;
    inHeader = false;
    if (comment !== undefined && isRegionStart(comment)) inRegion = true;
    else if (comment !== undefined && isRegionEnd(comment) && inRegion) {
      inRegion = false;
      collector.nextSlot('top');
    } else if (inRegion) continue;
    else if (tsMorph.Node.isClassDeclaration(statement) && statement.getName() === className) {
      collectClassMembers(tsMorph, statement, collector, classMemberNames);
      collector.nextSlot('top');
    } else {
      collector.add('top', statement, comment !== undefined);
      topLevelNames.push(...declaredNames(tsMorph, statement));
    }
  }
  return { slots: collector.slots(), classMemberNames, topLevelNames };
}

function collectClassMembers(tsMorph: TsMorph, cls: Node, collector: SlotCollector, names: string[]): void {
  if (!tsMorph.Node.isClassDeclaration(cls)) return;
  let inRegion = false;
  for (const member of cls.getMembersWithComments()) {
    const comment = commentText(tsMorph, member);
    if (comment !== undefined && isRegionStart(comment)) inRegion = true;
    else if (comment !== undefined && isRegionEnd(comment) && inRegion) {
      inRegion = false;
      collector.nextSlot('class');
    } else if (!inRegion) {
      collector.add('class', member, comment !== undefined);
      const name = (member as { getName?: () => string | undefined }).getName?.();
      if (comment === undefined && name !== undefined) names.push(name);
    }
  }
}

/** Groups nodes by slot; a slot's text runs from its first node to its last, blank lines included. */
class SlotCollector {
  private readonly ranges = new Map<`${SlotScope}-${number}`, { start: number; end: number }>();
  private readonly index: Record<SlotScope, number> = { top: 0, class: 0 };

  constructor(private readonly text: string) {}

  nextSlot(scope: SlotScope): void {
    this.index[scope] += 1;
  }

  add(scope: SlotScope, node: Node, isComment: boolean): void {
    const key = `${scope}-${this.index[scope]}` as const;
    const start = isComment ? node.getStart() : node.getStart(true);
    const range = this.ranges.get(key);
    this.ranges.set(key, { start: range?.start ?? start, end: node.getEnd() });
  }

  slots(): Map<`${SlotScope}-${number}`, string> {
    return new Map([...this.ranges].map(([key, { start, end }]) => [key, this.text.slice(start, end)]));
  }
}

function commentText(tsMorph: TsMorph, node: Node): string | undefined {
  return tsMorph.Node.isCommentNode(node) ? node.getText() : undefined;
}

/** The lines gen-models writes at the top of every file. */
function isHeaderLine(comment: string): boolean {
  return (
    comment.includes(GENERATED_MARKER) ||
    comment.startsWith('// Code inside "#region generated"') ||
    comment.startsWith(FINGERPRINT_PREFIX)
  );
}

function declaredNames(tsMorph: TsMorph, statement: Node): string[] {
  if (tsMorph.Node.isVariableStatement(statement)) return statement.getDeclarations().map((d) => d.getName());
  const name = (statement as { getName?: () => string | undefined }).getName?.();
  return name === undefined ? [] : [name];
}

/** Whether a generated file holds anything a person wrote (outside the generated regions). */
export function hasHandWrittenCode(text: string, className: string | undefined): boolean {
  return extractHandWrittenCode(text, className).slots.size > 0;
}
