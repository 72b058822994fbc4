/**
 * The declarations of a generated model file, laid out as prettier lays them out with its
 * defaults: each function returns finished lines at the depth (levels of indentation) given.
 */
import {
  group,
  hardline,
  ifBreak,
  indent,
  indentationAt,
  join,
  line,
  printAt,
  printFragment,
  PRINT_WIDTH,
  softline,
  type Doc,
} from './doc.js';
import { annotationDoc, flatType, type TypeExpression } from './type-expression.js';
import { stringLiteral } from './literals.js';

export interface PropertySignature {
  readonly name: string;
  readonly type: TypeExpression;
  readonly optional?: boolean;
  /** The JSDoc comment above it, one line or several, or '' for none. */
  readonly jsdoc: string;
}

/** `name?: type;` in an interface, or `declare name: type;` in a class, under its JSDoc. */
export function propertySignature(
  property: PropertySignature,
  modifier: '' | 'declare ',
  depth: number,
): string {
  const optional = property.optional === true ? '?' : '';
  const head = `${modifier}${property.name}${optional}: `;
  const flat = `${head}${flatType(property.type)};`;
  const signature =
    brokenTypeArguments(flat, property.type, depth) ??
    printFragment(flat, () => group([head, annotationDoc(property.type), ';']), depth);
  return property.jsdoc === '' ? signature : `${indentComment(property.jsdoc, depth)}\n${signature}`;
}

/**
 * `declare setPosts: HasManySetAssociationsMixin<Post, number>;` too long for its line, laid out
 * without prettier's printer (most of a large schema's long signatures are these): the type's
 * one group is the only place its document can break, so prettier puts each argument on a line
 * of its own, without a trailing comma, as `typeDoc` builds it. Only for ASCII text (whose width
 * is its length) and arguments that are plain names or string literals (no breaks of their own);
 * undefined otherwise, or when the line fits.
 */
function brokenTypeArguments(flat: string, type: TypeExpression, depth: number): string | undefined {
  if (type.kind !== 'generic' || type.arguments.length < 2) return undefined;
  if (!type.arguments.every((argument) => argument.kind === 'name' || argument.kind === 'literal')) {
    return undefined;
  }
  const indentation = indentationAt(depth);
  if (indentation.length + flat.length <= PRINT_WIDTH || !/^[\x20-\x7e]*$/.test(flat)) return undefined;
  const opening = flat.slice(0, flat.length - flatTypeArgumentsLength(type));
  const inner = `${indentation}  `;
  const lines = type.arguments.map((argument, index) => {
    const comma = index < type.arguments.length - 1 ? ',' : '';
    return `${inner}${flatType(argument)}${comma}`;
  });
  return [`${indentation}${opening}`, ...lines, `${indentation}>;`].join('\n');
}

/** The length of `A, B>;` that ends the one-line text of a generic type (after its `<`). */
function flatTypeArgumentsLength(type: TypeExpression & { kind: 'generic' }): number {
  return type.arguments.map(flatType).join(', ').length + '>;'.length;
}

/** A JSDoc comment at `depth`: prettier re-aligns the `*` of every line under the opening `/**`. */
export function indentComment(comment: string, depth: number): string {
  const indentation = '  '.repeat(depth);
  return comment
    .split('\n')
    .map((text, index) => (index === 0 ? indentation + text : `${indentation} ${text.trimStart()}`))
    .join('\n');
}

/** `export class X extends Model<A, B> implements A {`, broken as prettier breaks a long heading. */
export function classHeading(
  className: string,
  baseClass: string,
  typeArguments: readonly string[],
  implemented: string,
  depth: number,
): string {
  const heritageGroup = Symbol('heritageGroup');
  const superClass: Doc =
    typeArguments.length === 1
      ? [baseClass, '<', typeArguments[0]!, '>']
      : [baseClass, group(['<', indent([softline, join([',', line], [...typeArguments])]), softline, '>'])];
  const heritage = [
    line,
    group(['extends ', superClass]),
    line,
    'implements',
    group(indent([line, implemented])),
  ];
  const heading = group([' ', className, indent(heritage)], { id: heritageGroup });
  return printAt(['export class', heading, ifBreak(hardline, ' ', { groupId: heritageGroup }), '{'], depth);
}

/** `static initModel(sequelize: Sequelize): typeof X {` */
export function methodSignature(
  name: string,
  parameters: readonly string[],
  returnType: string,
  depth: number,
): string {
  const parameterList = [
    '(',
    indent([softline, join([',', line], [...parameters])]),
    ifBreak(','),
    softline,
    ')',
  ];
  return printAt(['static ', name, group([parameterList, ': ', returnType]), ' {'], depth);
}

/** `import { a, type B } from "module";`: a single name never breaks. */
export function importStatement(names: readonly string[], module: string, depth: number): string {
  const from = [' from ', stringLiteral(module), ';'];
  if (names.length === 1) return printAt(['import { ', names[0]!, ' }', ...from], depth);
  return printAt(
    [
      'import ',
      group(['{', indent([line, join([',', line], [...names])]), ifBreak(','), line, '}']),
      ...from,
    ],
    depth,
  );
}
