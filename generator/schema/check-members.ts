import type { ModelIR } from '../ir.js';
import { isIdentifier, isReservedWord } from '../identifiers.js';
import type { MemberDraft, ModelDraft } from './model-draft.js';
import { describeModelMember, isModelMember } from './model-members.js';
import type { ProblemCollector } from './problem-collector.js';

/** Modifiers that may come before a member's name in a class body. */
const MODIFIERS = new Set(['public', 'protected', 'private', 'static', 'async', 'override']);
/** Static members the generated class defines itself. */
const GENERATED_STATICS = new Set(['initModel']);

/** The first words of a member's source: its modifiers, whether it is `get`, its name, what follows. */
interface MemberHead {
  readonly modifiers: readonly string[];
  readonly accessor?: 'get' | 'set';
  readonly name: string;
  readonly next: string;
}

/** Reads the head of `name(...)`, `async name<T>(...)`, `static get name()`, skipping leading comments. */
export function readMemberHead(source: string): MemberHead | undefined {
  const code = source.replace(/^(\s+|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, '');
  const words = /^((?:[A-Za-z_$][\w$]*\s+)*)([A-Za-z_$][\w$]*)\s*(\S?)/.exec(code);
  if (words === null) return undefined;
  const leading = words[1]!.split(/\s+/).filter((w) => w !== '');
  const accessor =
    leading.at(-1) === 'get' || leading.at(-1) === 'set' ? (leading.pop() as 'get' | 'set') : undefined;
  if (!leading.every((w) => MODIFIERS.has(w))) return undefined;
  return { modifiers: leading, accessor, name: words[2]!, next: words[3]! };
}

export function checkMembers(draft: ModelDraft, model: ModelIR, problems: ProblemCollector): void {
  const seen = new Map<string, MemberDraft>();
  for (const member of draft.members) {
    checkMemberSource(member, draft.name, problems);
    checkMemberName(member, model, seen.get(member.name), problems);
    seen.set(member.name, member);
  }
}

function checkMemberSource(member: MemberDraft, modelName: string, problems: ProblemCollector): void {
  const head = readMemberHead(member.source);
  const expected =
    member.kind === 'getter' ? `get ${member.name}(): Type { ... }` : `${member.name}(...): Type { ... }`;
  const where = `${member.kind} ${member.name} of model ${modelName}`;
  if (head === undefined || head.name !== member.name || (head.next !== '(' && head.next !== '<')) {
    const found = head === undefined ? 'no member declaration' : `"${head.name}"`;
    problems.add(
      member.sourceNode,
      `the source of ${where} must declare ${member.name} (found ${found}); start it with ${expected}`,
    );
  } else if (member.kind === 'getter' && head.accessor !== 'get') {
    problems.add(
      member.sourceNode,
      `the source of ${where} is not a getter; start it with ${expected}, or move it to methods:`,
    );
  } else if (member.kind === 'method' && head.accessor !== undefined) {
    problems.add(member.sourceNode, `the source of ${where} is a ${head.accessor}ter; move it to getters:`);
  } else if (head.modifiers.includes('static') && GENERATED_STATICS.has(member.name)) {
    problems.add(member.nameNode, `${where} collides with the generated static ${member.name}(); rename it`);
  }
}

function checkMemberName(
  member: MemberDraft,
  model: ModelIR,
  previous: MemberDraft | undefined,
  problems: ProblemCollector,
): void {
  const where = `${member.kind} "${member.name}" of model ${model.name}`;
  if (!isIdentifier(member.name) || isReservedWord(member.name)) {
    problems.add(
      member.nameNode,
      `${where} is not a usable member name; use a TypeScript identifier that is not a reserved word`,
    );
  } else if (previous !== undefined) {
    problems.add(member.nameNode, `${where} is also declared as a ${previous.kind}; rename one of them`);
  } else if (model.attributes.some((a) => a.name === member.name)) {
    problems.add(
      member.nameNode,
      `${where} collides with the attribute of the same name; rename the ${member.kind}`,
    );
  } else if (isModelMember(member.name)) {
    problems.add(
      member.nameNode,
      `${where} collides with ${describeModelMember(member.name)}; rename the ${member.kind}`,
    );
  }
}
