/**
 * The expressions generated code contains (the arguments of `init`: objects, arrays, calls on
 * `DataTypes`, literals) and the document prettier's TypeScript printer builds for each, so they
 * break across lines exactly where prettier would break them.
 */
import {
  conditionalGroup,
  fill,
  group,
  ifBreak,
  indent,
  indentIfBreak,
  line,
  softline,
  type Doc,
} from './doc.js';
import { isIdentifier } from '../identifiers.js';
import { numberLiteral, stringLiteral } from './literals.js';

export type Expression =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  /** `true`, `false`, `null` */
  | { readonly kind: 'keyword'; readonly text: 'true' | 'false' | 'null' }
  | { readonly kind: 'identifier'; readonly name: string }
  | { readonly kind: 'member'; readonly object: Expression; readonly property: string }
  /** `construct`: `new Date("...")`. */
  | {
      readonly kind: 'call';
      readonly callee: Expression;
      readonly args: readonly Expression[];
      readonly construct?: boolean;
    }
  | { readonly kind: 'object'; readonly properties: readonly Property[]; readonly expanded?: boolean }
  | { readonly kind: 'array'; readonly items: readonly Expression[] }
  /** Code as the schema wrote it (a function declared like a method), not laid out: prettier formats the file. */
  | { readonly kind: 'source'; readonly text: string };

export interface Property {
  readonly key: string;
  readonly value: Expression;
  /** A method (`isEven(value) { ... }`): the value is its whole source, key included. */
  readonly method?: boolean;
  /** `{ sequelize }` for `{ sequelize: sequelize }` */
  readonly shorthand?: boolean;
}

export const str = (value: string): Expression => ({ kind: 'string', value });
export const id = (name: string): Expression => ({ kind: 'identifier', name });
export const member = (object: Expression, property: string): Expression => ({
  kind: 'member',
  object,
  property,
});
export const call = (callee: Expression, args: readonly Expression[]): Expression => ({
  kind: 'call',
  callee,
  args,
});
export const construct = (callee: Expression, args: readonly Expression[]): Expression => ({
  kind: 'call',
  callee,
  args,
  construct: true,
});
export const object = (properties: readonly Property[], expanded = false): Expression => ({
  kind: 'object',
  properties,
  expanded,
});

export function expressionDoc(expression: Expression): Doc {
  switch (expression.kind) {
    case 'string':
      return stringLiteral(expression.value);
    case 'number':
      return numberLiteral(expression.value);
    case 'keyword':
      return expression.text;
    case 'identifier':
      return expression.name;
    case 'member':
      return memberDoc(expression.object, expression.property);
    case 'call':
      return expression.construct === true
        ? ['new ', callDoc(expression.callee, expression.args)]
        : callDoc(expression.callee, expression.args);
    case 'object':
      return objectDoc(expression.properties, expression.expanded === true);
    case 'array':
      return arrayDoc(expression.items);
    case 'source':
      return expression.text;
  }
}

/**
 * The expression on one line, as its document prints when every group is flat; undefined when
 * some group always breaks. Building no document for the many fragments that fit is what
 * makes laying out a thousand files cheap.
 */
export function flatExpression(expression: Expression): string | undefined {
  return willBreak(expression) ? undefined : flatText(expression);
}

export function flatProperty(property: Property): string | undefined {
  return willBreak(property.value) ? undefined : flatPropertyText(property);
}

function flatText(expression: Expression): string {
  switch (expression.kind) {
    case 'string':
      return stringLiteral(expression.value);
    case 'number':
      return numberLiteral(expression.value);
    case 'keyword':
      return expression.text;
    case 'identifier':
      return expression.name;
    case 'member':
      return `${flatText(expression.object)}.${expression.property}`;
    case 'call':
      return `${expression.construct === true ? 'new ' : ''}${flatText(expression.callee)}(${expression.args.map(flatText).join(', ')})`;
    case 'object':
      return expression.properties.length === 0
        ? '{}'
        : `{ ${expression.properties.map(flatPropertyText).join(', ')} }`;
    case 'array':
      return `[${expression.items.map(flatText).join(', ')}]`;
    case 'source':
      return expression.text;
  }
}

/** `key: value` on one line whatever its groups, for templates that lay out code themselves. */
export function flatPropertyText(property: Property): string {
  const key = propertyKey(property.key);
  if (property.method === true) return flatText(property.value);
  return property.shorthand === true ? key : `${key}: ${flatText(property.value)}`;
}

/** `a.b` stays together; after a call (`X(1).BINARY`) prettier may break before the dot. */
function memberDoc(target: Expression, property: string): Doc {
  const lookup = `.${property}`;
  if (target.kind === 'identifier') return [target.name, lookup];
  return [expressionDoc(target), group(indent([softline, lookup]))];
}

/** A call on `a.b` is a (short) member chain: prettier wraps it in a group of its own. */
function callDoc(callee: Expression, args: readonly Expression[]): Doc {
  const printed = [expressionDoc(callee), argumentsDoc(args)];
  return callee.kind === 'member' ? group(printed) : printed;
}

function argumentsDoc(args: readonly Expression[]): Doc {
  if (args.length === 0) return '()';
  const printed = args.map((arg, index) =>
    index === args.length - 1 ? [expressionDoc(arg)] : [expressionDoc(arg), ',', line],
  );
  if (shouldHugLastArgument(args)) {
    const last = expressionDoc(args[args.length - 1]!);
    const before = printed.slice(0, -1);
    return conditionalGroup([
      ['(', ...before, last, ')'],
      ['(', ...before, group(last, { shouldBreak: true }), ')'],
      allArgumentsBrokenOut(printed),
    ]);
  }
  return group(['(', indent([softline, ...printed]), ifBreak(','), softline, ')']);
}

function allArgumentsBrokenOut(printed: Doc[]): Doc {
  return group(['(', indent([line, ...printed, ',']), line, ')'], { shouldBreak: true });
}

/** prettier hugs a last object or array argument (`ENUM({` ... `})`) unless the one before is of the same kind. */
function shouldHugLastArgument(args: readonly Expression[]): boolean {
  const last = args[args.length - 1]!;
  const penultimate = args[args.length - 2];
  const expandable =
    (last.kind === 'object' && last.properties.length > 0) ||
    (last.kind === 'array' && last.items.length > 0);
  return expandable && penultimate?.kind !== last.kind && !(args.length > 1 && isConciseArray(last));
}

function objectDoc(properties: readonly Property[], expanded: boolean): Doc {
  if (properties.length === 0) return '{}';
  const printed = properties.map((property, index) => [
    index === 0 ? '' : [',', line],
    propertyDoc(property),
  ]);
  return group(['{', indent([line, ...printed]), ifBreak(','), line, '}'], { shouldBreak: expanded });
}

function arrayDoc(items: readonly Expression[]): Doc {
  if (items.length === 0) return '[]';
  const shouldBreak = arrayAlwaysBreaks(items);
  const groupId = Symbol('array');
  if (isConciseArray({ kind: 'array', items })) {
    // Numbers fill each line instead of taking one line each.
    const parts = items.flatMap((item, index) => {
      const isLast = index === items.length - 1;
      const printed: Doc = [expressionDoc(item), isLast ? ifBreak(',', '', { groupId }) : ','];
      return isLast ? [printed] : [printed, line];
    });
    return group(['[', indent([softline, fill(parts)]), softline, ']'], { shouldBreak, id: groupId });
  }
  const printed = items.map((item, index) => [index === 0 ? '' : [',', line], group(expressionDoc(item))]);
  return group(['[', indent([softline, ...printed, ifBreak(',')]), softline, ']'], {
    shouldBreak,
    id: groupId,
  });
}

/** Whether the expression holds a group that breaks whatever the width. */
function willBreak(expression: Expression): boolean {
  switch (expression.kind) {
    case 'object':
      return (
        expression.expanded === true || expression.properties.some((property) => willBreak(property.value))
      );
    case 'array':
      return arrayAlwaysBreaks(expression.items) || expression.items.some(willBreak);
    case 'call':
      return willBreak(expression.callee) || expression.args.some(willBreak);
    case 'member':
      return willBreak(expression.object);
    case 'source':
      return expression.text.includes('\n');
    default:
      return false;
  }
}

const isNegative = (value: number): boolean => value < 0 || Object.is(value, -0);

/** Several objects (or arrays) of more than one entry each always go one per line. */
function arrayAlwaysBreaks(items: readonly Expression[]): boolean {
  return (
    items.length > 1 &&
    items.every((item, index) => {
      const next = items[index + 1];
      if (next !== undefined && next.kind !== item.kind) return false;
      return (
        (item.kind === 'object' && item.properties.length > 1) ||
        (item.kind === 'array' && item.items.length > 1)
      );
    })
  );
}

function isConciseArray(expression: Expression): boolean {
  return (
    expression.kind === 'array' &&
    expression.items.length > 0 &&
    expression.items.every((item) => item.kind === 'number')
  );
}

/** `key: value` with the layout prettier's printAssignment chooses for it. */
export function propertyDoc({ key, value, shorthand, method }: Property): Doc {
  if (method === true) return expressionDoc(value);
  const keyDoc = propertyKey(key);
  if (shorthand === true) return keyDoc;
  const valueDoc = expressionDoc(value);
  // Breaking after a key narrower than the indentation step plus three gains nothing.
  const hasShortKey = keyDoc.length < 2 + 3;
  if (!hasShortKey && (value.kind === 'string' || isPoorlyBreakableChain(value))) {
    return group([keyDoc, ':', group(indent([line, valueDoc]))]);
  }
  // true/false and unsigned numbers; `null` and `-1` take the fluid layout below, as in prettier.
  const isPlainLiteral =
    (value.kind === 'keyword' && value.text !== 'null') ||
    (value.kind === 'number' && !isNegative(value.value));
  if (hasShortKey || isPlainLiteral) return group([keyDoc, ': ', valueDoc]);
  const groupId = Symbol('assignment');
  return group([keyDoc, ':', group(indent(line), { id: groupId }), indentIfBreak(valueDoc, { groupId })]);
}

/** An identifier (Unicode letters too) is a bare key; prettier never quotes one. */
function propertyKey(key: string): string {
  // `__proto__: x` and `"__proto__": x` set the object's prototype; only a computed key makes it a key.
  if (key === '__proto__') return `[${stringLiteral(key)}]`;
  return isIdentifier(key) ? key : stringLiteral(key);
}

/**
 * Keys whose layout is modelled exactly: ASCII identifiers. prettier unquotes a quoted key by
 * its own Unicode table and measures a key in display columns (an East Asian letter is two),
 * so a file with another key is formatted by prettier itself.
 */
const hasExactKey = (key: string): boolean => /^[A-Za-z_$][\w$]*$/.test(key) && key !== '__proto__';

/** hasExactLayout for the properties of an object, keys included. */
export function hasExactProperties(properties: readonly Property[]): boolean {
  return properties.every((property) => hasExactKey(property.key) && hasExactLayout(property.value));
}

/**
 * Whether the documents here are exactly prettier's for this expression. Two shapes are not
 * modelled (keys other than ASCII identifiers, and a hugged argument that always breaks); a file
 * holding one is formatted by prettier itself.
 */
export function hasExactLayout(expression: Expression): boolean {
  switch (expression.kind) {
    case 'object':
      return hasExactProperties(expression.properties);
    case 'array':
      return expression.items.every(hasExactLayout);
    case 'member':
      return hasExactLayout(expression.object);
    case 'source':
      return false;
    case 'call': {
      // prettier lays out `new X(...)` by rules of its own (not a call chain): left to prettier.
      if (expression.construct === true) return false;
      const last = expression.args[expression.args.length - 1];
      const hugsBreakingArgument =
        last !== undefined && shouldHugLastArgument(expression.args) && willBreak(last);
      return (
        !hugsBreakingArgument && hasExactLayout(expression.callee) && expression.args.every(hasExactLayout)
      );
    }
    default:
      return true;
  }
}

/** `a.b`, `a.b(1)`, `f("short")`: chains whose calls take nothing or one short literal. */
function isPoorlyBreakableChain(expression: Expression, deep = false): boolean {
  switch (expression.kind) {
    case 'call':
      return (
        expression.construct !== true &&
        (expression.args.length === 0 ||
          (expression.args.length === 1 && isShortArgument(expression.args[0]!))) &&
        isPoorlyBreakableChain(expression.callee, true)
      );
    case 'member':
      return isPoorlyBreakableChain(expression.object, true);
    case 'identifier':
      return deep;
    default:
      return false;
  }
}

/** A quarter of the print width, as prettier measures it. */
const SHORT_ARGUMENT_WIDTH = 80 * 0.25;

function isShortArgument(expression: Expression): boolean {
  switch (expression.kind) {
    case 'identifier':
      return expression.name.length <= SHORT_ARGUMENT_WIDTH;
    case 'number':
    case 'keyword':
      return true;
    case 'string':
      return stringLiteral(expression.value).length <= SHORT_ARGUMENT_WIDTH;
    default:
      return false;
  }
}
