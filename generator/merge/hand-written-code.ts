/**
 * Reads a previously generated file and keeps what a person wrote into it: every top-level
 * statement and class member outside the `#region generated` blocks, with its comments, as the
 * exact source text, grouped by the slot (position between regions) where it stood.
 */
import type { Node, Project, SourceFile } from 'ts-morph';
import { FINGERPRINT_PREFIX, GENERATED_MARKER } from '../file-marks.js';
import { isRegionEnd, isRegionStart, type SlotScope } from '../file-marks.js';
import { GenModelsError } from '../errors.js';
import type { GeneratedNames } from '../render/render-schema.js';

export interface HandWrittenCode {
  /** Hand-written source text per slot, e.g. `class` → 1 → `getAge() { ... }`. */
  readonly slots: ReadonlyMap<`${SlotScope}-${number}`, string>;
  /**
   * What stood above gen-models' header (a licence, an import a person or an import sorter put on
   * line 1): it goes back above the header, where it was.
   */
  readonly aboveHeader: string | undefined;
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

/** Why hand-written code could not be read safely; nothing is written when it is thrown. */
export class HandWrittenCodeError extends GenModelsError {
  override readonly name = 'HandWrittenCodeError';
}

/**
 * Which declarations a file's generated regions may hold. Used only when the fingerprint shows
 * the regions were edited by hand: then a declaration there that this run does not generate
 * was written by a person, and rewriting the region would delete it.
 */
export interface RegionCheck {
  readonly generated: GeneratedNames;
}

/**
 * `file` names the file in messages. Throws a HandWrittenCodeError where keeping the code would
 * mean guessing: a generated region without its end, code a person put inside a region (it would
 * be rewritten; checked when `regionCheck` is given), or the generated class renamed.
 */
export function extractHandWrittenCode(
  text: string,
  className: string | undefined,
  file = 'the file',
  regionCheck?: RegionCheck,
): HandWrittenCode {
  const { tsMorph, file: source } = parse(text);
  const collector = new SlotCollector(text);
  const topLevelNames: string[] = [];
  const classMemberNames: string[] = [];
  const check =
    regionCheck === undefined ? undefined : new RegionDeclarations(regionCheck.generated, className);
  const isGenerated = (statement: Node) =>
    check === undefined || check.isGeneratedStatement(tsMorph, statement);
  let misplacedNode: Node | undefined;
  let inRegion = false;
  let aboveHeader = true;
  for (const statement of source.getStatementsWithComments()) {
    const comment = commentText(tsMorph, statement);
    // gen-models' header lines are dropped wherever they stand (also below a "use strict").
    if (comment !== undefined && !inRegion && isHeaderLine(comment)) {
      aboveHeader = false;
      continue;
    }
    if (aboveHeader && (comment === undefined || !isRegionStart(comment))) {
      collector.addAboveHeader(statement, comment !== undefined);
      topLevelNames.push(...declaredNames(tsMorph, statement));
      continue;
    }
    aboveHeader = false;
    if (comment !== undefined && isRegionStart(comment)) {
      if (inRegion) throw unbalanced(file, statement);
      inRegion = true;
    } else if (comment !== undefined && isRegionEnd(comment) && inRegion) {
      inRegion = false;
      collector.nextSlot('top');
    } else if (inRegion) {
      if (comment === undefined && !isGenerated(statement)) misplacedNode ??= statement;
    } else if (tsMorph.Node.isClassDeclaration(statement) && statement.getName() === className) {
      const decorator = regionCheck === undefined ? undefined : statement.getDecorators()[0];
      if (decorator !== undefined) throw decoratedClass(file, decorator);
      const isGeneratedHere = (member: Node) => check === undefined || check.isGeneratedMember(member);
      misplacedNode ??= collectClassMembers(
        tsMorph,
        statement,
        collector,
        classMemberNames,
        file,
        isGeneratedHere,
      );
      collector.nextSlot('top');
      // `} // note` after the class: the brace is generated, the note is kept (on the next line).
      for (const comment of statement.getTrailingCommentRanges())
        collector.addRange('top', comment.getPos(), comment.getEnd());
    } else {
      if (tsMorph.Node.isClassDeclaration(statement) && holdsGeneratedRegions(tsMorph, statement)) {
        throw new HandWrittenCodeError(
          `${file}: class ${statement.getName() ?? '(anonymous)'} holds the generated regions of model ${className}; ` +
            `rename it back to ${className} (or rename the model in the schema), then generate again`,
        );
      }
      collector.add('top', statement, comment !== undefined);
      // A namespace merges with a class or interface of its name (declaration merging): no collision.
      if (!tsMorph.Node.isModuleDeclaration(statement))
        topLevelNames.push(...declaredNames(tsMorph, statement));
    }
  }
  // A missing end line is reported before what it made look misplaced.
  if (inRegion) throw unbalanced(file);
  if (misplacedNode !== undefined) throw misplaced(file, misplacedNode);
  return { slots: collector.slots(), aboveHeader: collector.aboveHeader(), classMemberNames, topLevelNames };
}

/**
 * What an edited region may hold: each name this run generates, declared once (a second
 * `interface UserAttributes`, or a setter beside the schema's getter, was written by a person),
 * imports and re-exports only from the modules the generated code uses, and never the model
 * class's own name (the class stands outside the regions). Names rather than exact text:
 * formatting does not make a region edited (see the fingerprint's regions hash).
 */
class RegionDeclarations {
  private readonly seenTopLevel = new Set<string>();
  private readonly seenMembers = new Set<string>();

  constructor(
    private readonly generated: GeneratedNames,
    private readonly className: string | undefined,
  ) {}

  isGeneratedStatement(tsMorph: TsMorph, statement: Node): boolean {
    const module = (
      statement as { getModuleSpecifierValue?: () => string | undefined }
    ).getModuleSpecifierValue?.();
    if (module !== undefined && !this.generated.modules.includes(module)) return false;
    const names = declaredNames(tsMorph, statement);
    if (module === undefined && names.length === 0) return false;
    return names.every(
      (name) =>
        name !== this.className &&
        this.generated.topLevel.includes(name) &&
        firstTime(this.seenTopLevel, name),
    );
  }

  isGeneratedMember(member: Node): boolean {
    const name = (member as { getName?: () => string | undefined }).getName?.();
    // Overload signatures added to a generated method would be dropped with the region.
    const hasOverloads = ((member as { getOverloads?: () => Node[] }).getOverloads?.() ?? []).length > 0;
    return (
      name !== undefined &&
      !hasOverloads &&
      this.generated.classMembers.includes(name) &&
      firstTime(this.seenMembers, name)
    );
  }
}

function firstTime(seen: Set<string>, name: string): boolean {
  if (seen.has(name)) return false;
  seen.add(name);
  return true;
}

/** Collects the class's hand-written members; returns the first member found inside a region that is not generated. */
function collectClassMembers(
  tsMorph: TsMorph,
  cls: Node,
  collector: SlotCollector,
  names: string[],
  file: string,
  isGenerated: (member: Node) => boolean,
): Node | undefined {
  if (!tsMorph.Node.isClassDeclaration(cls)) return undefined;
  let misplacedMember: Node | undefined;
  let inRegion = false;
  for (const member of cls.getMembersWithComments()) {
    const comment = commentText(tsMorph, member);
    const name = (member as { getName?: () => string | undefined }).getName?.();
    if (comment !== undefined && isRegionStart(comment)) {
      if (inRegion) throw unbalanced(file, member);
      inRegion = true;
    } else if (comment !== undefined && isRegionEnd(comment) && inRegion) {
      inRegion = false;
      collector.nextSlot('class');
    } else if (inRegion) {
      if (comment === undefined && !isGenerated(member)) misplacedMember ??= member;
    } else {
      collector.add('class', member, comment !== undefined);
      if (comment === undefined && name !== undefined) names.push(name);
    }
  }
  if (inRegion) throw unbalanced(file);
  return misplacedMember;
}

function holdsGeneratedRegions(tsMorph: TsMorph, cls: Node): boolean {
  if (!tsMorph.Node.isClassDeclaration(cls)) return false;
  return cls.getMembersWithComments().some((member) => {
    const comment = commentText(tsMorph, member);
    return comment !== undefined && isRegionStart(comment);
  });
}

function unbalanced(file: string, at?: Node): HandWrittenCodeError {
  const where = at === undefined ? '' : ` (line ${at.getStartLineNumber()})`;
  return new HandWrittenCodeError(
    `${file}: a "// #region generated" block has no "// #endregion"${where}; put the line back where the region ends, then generate again`,
  );
}

function misplaced(file: string, node: Node): HandWrittenCodeError {
  return new HandWrittenCodeError(
    `${file}: ${describeNode(node)} is inside a "#region generated" block, which is rewritten on every run, so it would be lost; ` +
      'move it below the block\'s "// #endregion", then generate again (if the schema used to generate it, delete it by hand)',
  );
}

function decoratedClass(file: string, decorator: Node): HandWrittenCodeError {
  return new HandWrittenCodeError(
    `${file}: your decorator ${decorator.getText().split('(')[0]} (line ${decorator.getStartLineNumber()}) is on the generated class, whose heading is rewritten on every run, so it would be lost; ` +
      'apply it below the class instead (a decorator is a function: call it with the class), then generate again',
  );
}

/** `your method "hello" (line 12)`, `your import from "node:crypto" (line 7)`: in words, not syntax kinds. */
function describeNode(node: Node): string {
  const line = `(line ${node.getStartLineNumber()})`;
  const module = (node as { getModuleSpecifierValue?: () => string | undefined }).getModuleSpecifierValue?.();
  if (module !== undefined) return `your import from "${module}" ${line}`;
  const name = (node as { getName?: () => string | undefined }).getName?.();
  const kind = node
    .getKindName()
    .replace(/(Declaration|Statement)$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return `your ${kind}${name === undefined ? '' : ` "${name}"`} ${line}`;
}

/** Groups nodes by slot; a slot's text runs from its first node to its last, blank lines included. */
class SlotCollector {
  private readonly ranges = new Map<`${SlotScope}-${number}`, Range>();
  private readonly index: Record<SlotScope, number> = { top: 0, class: 0 };
  /** The text above gen-models' header, which has no slot in the templates. */
  private above: Range | undefined;

  constructor(private readonly text: string) {}

  nextSlot(scope: SlotScope): void {
    this.index[scope] += 1;
  }

  add(scope: SlotScope, node: Node, isComment: boolean): void {
    const { start, end } = rangeOf(node, isComment);
    this.addRange(scope, start, end);
  }

  addRange(scope: SlotScope, start: number, end: number): void {
    const key = `${scope}-${this.index[scope]}` as const;
    this.ranges.set(key, { start: this.ranges.get(key)?.start ?? start, end });
  }

  addAboveHeader(node: Node, isComment: boolean): void {
    const { start, end } = rangeOf(node, isComment);
    this.above = { start: this.above?.start ?? start, end };
  }

  slots(): Map<`${SlotScope}-${number}`, string> {
    return new Map([...this.ranges].map(([key, { start, end }]) => [key, this.text.slice(start, end)]));
  }

  aboveHeader(): string | undefined {
    return this.above && this.text.slice(this.above.start, this.above.end);
  }
}

interface Range {
  readonly start: number;
  readonly end: number;
}

function rangeOf(node: Node, isComment: boolean): Range {
  // A method's overload signatures come before it, and ts-morph lists only the implementation.
  const first = (node as { getOverloads?: () => Node[] }).getOverloads?.()[0] ?? node;
  return { start: isComment ? node.getStart() : first.getStart(true), end: endWithTrailingComment(node) };
}

/** Where a node ends, its comments on the same line (`x = 1; // note`) included. */
function endWithTrailingComment(node: Node): number {
  const trailing =
    (node as { getTrailingCommentRanges?: () => { getEnd(): number }[] }).getTrailingCommentRanges?.() ?? [];
  return trailing.reduce((end, range) => Math.max(end, range.getEnd()), node.getEnd());
}

function commentText(tsMorph: TsMorph, node: Node): string | undefined {
  return tsMorph.Node.isCommentNode(node) ? node.getText() : undefined;
}

/** The lines gen-models writes at the top of every file. */
function isHeaderLine(comment: string): boolean {
  // Whatever quotes a formatter gave the second line.
  const text = comment.trim().replace(/'/g, '"');
  return (
    text.includes(GENERATED_MARKER) ||
    text.startsWith('// Code inside "#region generated"') ||
    text.startsWith(FINGERPRINT_PREFIX)
  );
}

function declaredNames(tsMorph: TsMorph, statement: Node): string[] {
  if (tsMorph.Node.isVariableStatement(statement)) return statement.getDeclarations().map((d) => d.getName());
  if (tsMorph.Node.isImportDeclaration(statement)) {
    const bindings = statement
      .getNamedImports()
      .map((named) => named.getAliasNode()?.getText() ?? named.getName());
    const defaultImport = statement.getDefaultImport()?.getText();
    const namespace = statement.getNamespaceImport()?.getText();
    return [...bindings, ...[defaultImport, namespace].filter((name): name is string => name !== undefined)];
  }
  const name = (statement as { getName?: () => string | undefined }).getName?.();
  return name === undefined ? [] : [name];
}

/** Whether a generated file holds anything a person wrote (outside the generated regions). */
export function hasHandWrittenCode(text: string, className: string | undefined, file?: string): boolean {
  return holdsCode(extractHandWrittenCode(text, className, file));
}

export function holdsCode(code: HandWrittenCode): boolean {
  return code.slots.size > 0 || code.aboveHeader !== undefined;
}
