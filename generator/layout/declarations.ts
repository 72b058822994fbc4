/**
 * The declarations of a generated model file, laid out as prettier lays them out with its
 * defaults: each function returns finished lines at the depth (levels of indentation) given.
 */
import {
  group,
  hardline,
  ifBreak,
  indent,
  join,
  line,
  printAt,
  printFragment,
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
  const signature = printFragment(
    `${head}${flatType(property.type)};`,
    () => group([head, annotationDoc(property.type), ';']),
    depth,
  );
  return property.jsdoc === '' ? signature : `${indentComment(property.jsdoc, depth)}\n${signature}`;
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
