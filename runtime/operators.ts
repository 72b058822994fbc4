/**
 * Sequelize's `Op`: the same `Symbol.for(...)` keys, so `{ [Op.gt]: 1 }` written against
 * `sequelize`'s own `Op` works here too. Each is declared `unique symbol` so that TypeScript
 * keeps it as a distinct computed key in where types.
 */
export const eq: unique symbol = Symbol.for('eq');
export const ne: unique symbol = Symbol.for('ne');
export const is: unique symbol = Symbol.for('is');
export const not: unique symbol = Symbol.for('not');
export const gt: unique symbol = Symbol.for('gt');
export const gte: unique symbol = Symbol.for('gte');
export const lt: unique symbol = Symbol.for('lt');
export const lte: unique symbol = Symbol.for('lte');
export const between: unique symbol = Symbol.for('between');
export const notBetween: unique symbol = Symbol.for('notBetween');
export const inOp: unique symbol = Symbol.for('in');
export const notIn: unique symbol = Symbol.for('notIn');
export const like: unique symbol = Symbol.for('like');
export const notLike: unique symbol = Symbol.for('notLike');
export const iLike: unique symbol = Symbol.for('iLike');
export const notILike: unique symbol = Symbol.for('notILike');
export const startsWith: unique symbol = Symbol.for('startsWith');
export const endsWith: unique symbol = Symbol.for('endsWith');
export const substring: unique symbol = Symbol.for('substring');
export const regexp: unique symbol = Symbol.for('regexp');
export const notRegexp: unique symbol = Symbol.for('notRegexp');
export const iRegexp: unique symbol = Symbol.for('iRegexp');
export const notIRegexp: unique symbol = Symbol.for('notIRegexp');
export const or: unique symbol = Symbol.for('or');
export const and: unique symbol = Symbol.for('and');
export const any: unique symbol = Symbol.for('any');
export const all: unique symbol = Symbol.for('all');
export const contains: unique symbol = Symbol.for('contains');
export const contained: unique symbol = Symbol.for('contained');
export const overlap: unique symbol = Symbol.for('overlap');
export const col: unique symbol = Symbol.for('col');
// Sequelize operators this runtime does not implement: present so that code using them is
// refused by name instead of writing an `undefined` key.
export const adjacent: unique symbol = Symbol.for('adjacent');
export const strictLeft: unique symbol = Symbol.for('strictLeft');
export const strictRight: unique symbol = Symbol.for('strictRight');
export const noExtendLeft: unique symbol = Symbol.for('noExtendLeft');
export const noExtendRight: unique symbol = Symbol.for('noExtendRight');
export const values: unique symbol = Symbol.for('values');
export const placeholder: unique symbol = Symbol.for('placeholder');
export const join: unique symbol = Symbol.for('join');
export const match: unique symbol = Symbol.for('match');
export const anyKeyExists: unique symbol = Symbol.for('anyKeyExists');
export const allKeysExist: unique symbol = Symbol.for('allKeysExist');

export const Op = {
  eq,
  ne,
  is,
  not,
  gt,
  gte,
  lt,
  lte,
  between,
  notBetween,
  in: inOp,
  notIn,
  like,
  notLike,
  iLike,
  notILike,
  startsWith,
  endsWith,
  substring,
  regexp,
  notRegexp,
  iRegexp,
  notIRegexp,
  or,
  and,
  any,
  all,
  contains,
  contained,
  overlap,
  col,
  adjacent,
  strictLeft,
  strictRight,
  noExtendLeft,
  noExtendRight,
  values,
  placeholder,
  join,
  match,
  anyKeyExists,
  allKeysExist,
} as const;

export type OpTypes = typeof Op;

/** Operators this runtime refuses by name (Sequelize has them; range, full-text and key-existence). */
export const UNSUPPORTED_OPERATORS: ReadonlySet<string> = new Set([
  'adjacent',
  'strictLeft',
  'strictRight',
  'noExtendLeft',
  'noExtendRight',
  'values',
  'placeholder',
  'join',
  'match',
  'anyKeyExists',
  'allKeysExist',
]);

/** `Op.gt` for Symbol.for('gt'); undefined for a symbol that is not one of Sequelize's operators. */
export function operatorName(key: symbol): string | undefined {
  const name = Symbol.keyFor(key);
  return name !== undefined && Object.prototype.hasOwnProperty.call(Op, name) ? name : undefined;
}

export const OPERATOR_NAMES: readonly string[] = Object.keys(Op);
