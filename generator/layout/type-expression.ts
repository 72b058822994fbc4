/**
 * The TypeScript types generated code declares attributes with (`string`, `"a" | "b" | null`,
 * `("a" | "b")[]`) and the documents prettier builds for them.
 */
import { align, group, ifBreak, indent, join, line, softline, type Doc } from './doc.js';
import { stringLiteral } from './literals.js';

export type TypeExpression =
  /** A keyword or a type name: `string`, `null`, `Date`, `JsonValue`. */
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'literal'; readonly value: string }
  | { readonly kind: 'array'; readonly element: TypeExpression }
  | { readonly kind: 'union'; readonly members: readonly TypeExpression[] }
  /** `Name<A, B>`: its arguments break one a line, as prettier breaks type arguments. */
  | { readonly kind: 'generic'; readonly name: string; readonly arguments: readonly TypeExpression[] };

export const typeName = (name: string): TypeExpression => ({ kind: 'name', name });

export const generic = (name: string, args: readonly TypeExpression[]): TypeExpression => ({
  kind: 'generic',
  name,
  arguments: args,
});

/** A union of the members, flattened; a single member is itself. */
export function union(members: readonly TypeExpression[]): TypeExpression {
  const flat = members.flatMap((member) => (member.kind === 'union' ? member.members : [member]));
  return flat.length === 1 ? flat[0]! : { kind: 'union', members: flat };
}

const KEYWORDS = new Set([
  'string',
  'number',
  'boolean',
  'null',
  'undefined',
  'unknown',
  'any',
  'void',
  'never',
  'bigint',
  'object',
]);

/** The type as it follows `name:` in a property: a long union moves to the next line, then one member a line. */
export function annotationDoc(type: TypeExpression): Doc {
  if (type.kind !== 'union' || hugsUnion(type.members)) return typeDoc(type);
  return group(indent([softline, unionDoc(type.members)]));
}

/** The type on one line: what its document prints when every group is flat. */
export function flatType(type: TypeExpression): string {
  switch (type.kind) {
    case 'name':
      return type.name;
    case 'literal':
      return stringLiteral(type.value);
    case 'array':
      return type.element.kind === 'union' ? `(${flatType(type.element)})[]` : `${flatType(type.element)}[]`;
    case 'union':
      return type.members.map(flatType).join(' | ');
    case 'generic':
      return `${type.name}<${type.arguments.map(flatType).join(', ')}>`;
  }
}

function typeDoc(type: TypeExpression): Doc {
  switch (type.kind) {
    case 'name':
      return type.name;
    case 'literal':
      return stringLiteral(type.value);
    case 'array':
      // A union element needs parentheses, inside which it may break.
      return type.element.kind === 'union' && !hugsUnion(type.element.members)
        ? ['(', group([indent([softline, unionDoc(type.element.members)]), softline]), ')[]']
        : [typeDoc(type.element), '[]'];
    case 'union':
      return hugsUnion(type.members) ? join(' | ', type.members.map(typeDoc)) : unionDoc(type.members);
    case 'generic':
      // One plain type name (a keyword or a reference without arguments) never breaks, as in prettier.
      if (type.arguments.length === 1 && type.arguments[0]!.kind === 'name') {
        return [type.name, '<', typeDoc(type.arguments[0]!), '>'];
      }
      return group([
        type.name,
        '<',
        indent([softline, join([',', line], type.arguments.map(typeDoc))]),
        softline,
        '>',
      ]);
  }
}

function unionDoc(members: readonly TypeExpression[]): Doc {
  return group(
    members.map((member, index) => [index === 0 ? ifBreak('| ') : [line, '| '], align(2, typeDoc(member))]),
  );
}

/** `Date | null`, `JsonValue | null`: one named type with null stays on one line, as prettier keeps it. */
function hugsUnion(members: readonly TypeExpression[]): boolean {
  const named = members.filter((member) => member.kind === 'name' && !KEYWORDS.has(member.name));
  return (
    named.length === 1 &&
    members.every(
      (member) =>
        member === named[0] || (member.kind === 'name' && (member.name === 'null' || member.name === 'void')),
    )
  );
}
