/**
 * The condition on one attribute (or JSON path): `{ age: 5 }`, `{ age: [1, 2] }`,
 * `{ age: { [Op.gt]: 1, [Op.lt]: 5 } }`, `{ meta: { a: { b: 1 } } }`. Every value is a `$n`
 * parameter; several operators on one attribute are AND-ed.
 */
import { isExpression } from '../../expressions.js';
import { Literal } from '../../literal.js';
import { placeholder } from '../params.js';
import { expressionSql } from './expression-sql.js';
import { operatorName, UNSUPPORTED_OPERATORS } from '../../operators.js';
import { escapeLike } from './like-pattern.js';
import { describeValue, isPlainObject, keysOf, refuse, refuseStringKey } from './refuse.js';
import {
  arraySql,
  columnOf,
  childTarget,
  jsonbSql,
  leftSql,
  valueSql,
  type Target,
  type WhereContext,
} from './target.js';
import { resolveColumn } from './column-reference.js';

const COMPARISONS: Readonly<Record<string, string>> = {
  eq: '=',
  ne: '!=',
  gt: '>',
  gte: '>=',
  lt: '<',
  lte: '<=',
};
const LIKES: Readonly<Record<string, string>> = {
  like: 'LIKE',
  notLike: 'NOT LIKE',
  iLike: 'ILIKE',
  notILike: 'NOT ILIKE',
};
const REGEXPS: Readonly<Record<string, string>> = {
  regexp: '~',
  notRegexp: '!~',
  iRegexp: '~*',
  notIRegexp: '!~*',
};
const AFFIXES: Readonly<Record<string, (s: string) => string>> = {
  startsWith: (s) => `${escapeLike(s)}%`,
  endsWith: (s) => `%${escapeLike(s)}`,
  substring: (s) => `%${escapeLike(s)}%`,
};

export function conditionOn(ctx: WhereContext, t: Target, value: unknown): string {
  if (value === undefined) {
    const name = [t.attr?.name ?? 'where()', ...t.path].join('.');
    const model = t.label.slice(0, Math.max(0, t.label.length - name.length - 1));
    throw new TypeError(`where.${name} of model ${model} is undefined; use null to match NULL`);
  }
  if (isExpression(value)) return `${leftSql(ctx, t, undefined)} = ${expressionSql(ctx, value)}`;
  if (value === null) return `${leftSql(ctx, t, null)} IS NULL`;
  if (Array.isArray(value)) {
    if (t.kind === 'array' || t.kind === 'json')
      return `${leftSql(ctx, t, value)} = ${valueSql(ctx, t, value)}`;
    return inList(ctx, t, value, false);
  }
  if (typeof value === 'object' && !(value instanceof Date) && !Buffer.isBuffer(value)) {
    if (!isPlainObject(value))
      refuse(
        t,
        undefined,
        `${describeClass(value)} is not a where value; use a value, an array or { [Op.x]: value }`,
      );
    return objectCondition(ctx, t, value, ' AND ');
  }
  return `${leftSql(ctx, t, value)} = ${valueSql(ctx, t, value)}`;
}

function describeClass(value: object): string {
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name ? `a ${name}` : 'an object with a custom prototype';
}

/** Operators (symbol keys) and, on JSON columns, nested keys (paths), joined by `joiner`. */
function objectCondition(
  ctx: WhereContext,
  t: Target,
  value: Record<string | symbol, unknown>,
  joiner: string,
): string {
  const keys = keysOf(value);
  if (keys.length === 0) refuse(t, undefined, 'an empty object is not a condition');
  const json = t.kind === 'json' || t.kind === 'jsonPath';
  const parts = keys.map((key) => {
    if (typeof key === 'string') {
      if (!json) refuseStringKey(t, key);
      return conditionOn(ctx, childTarget(t, key), value[key]);
    }
    return operatorCondition(ctx, t, key, value[key]);
  });
  return parts.length === 1 ? parts[0] : `(${parts.join(joiner)})`;
}

function operatorCondition(ctx: WhereContext, t: Target, key: symbol, v: unknown): string {
  const op = operatorName(key);
  if (op === undefined) refuse(t, undefined, `${String(key)} is not one of Sequelize's operators (Op.*)`);
  if (UNSUPPORTED_OPERATORS.has(op))
    refuse(t, op, 'this operator is not supported by gen-models; use literal() for raw SQL');
  if (v === undefined) refuse(t, op, 'the value is undefined');
  const left = (sample: unknown) => leftSql(ctx, t, sample);
  switch (op) {
    case 'eq':
    case 'ne':
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return comparison(ctx, t, op, v);
    case 'is':
      if (v !== null && v !== true && v !== false)
        refuse(t, op, `needs null, true or false, got ${describeValue(v)}`);
      return `${left(v)} IS ${String(v).toUpperCase()}`;
    case 'not':
      if (v === null || v === true || v === false) return `${left(v)} IS NOT ${String(v).toUpperCase()}`;
      if (Array.isArray(v) && t.kind !== 'array' && t.kind !== 'json') return inList(ctx, t, v, true);
      if (isPlainObject(v)) return `NOT (${conditionOn(ctx, t, v)})`;
      return comparison(ctx, t, 'ne', v);
    case 'between':
    case 'notBetween':
      if (!Array.isArray(v) || v.length !== 2 || v.some((x) => x === null || x === undefined))
        refuse(t, op, `needs an array of two non-null values [from, to], got ${describeValue(v)}`);
      return `${left(v[0])} ${op === 'between' ? 'BETWEEN' : 'NOT BETWEEN'} ${valueSql(ctx, t, v[0])} AND ${valueSql(ctx, t, v[1])}`;
    case 'in':
    case 'notIn':
      if (v instanceof Literal) return `${left(undefined)} ${op === 'in' ? 'IN' : 'NOT IN'} (${v.val})`;
      if (!Array.isArray(v)) refuse(t, op, `needs an array or literal(), got ${describeValue(v)}`);
      return inList(ctx, t, v, op === 'notIn');
    case 'like':
    case 'notLike':
    case 'iLike':
    case 'notILike':
      return likeCondition(ctx, t, op, v);
    case 'startsWith':
    case 'endsWith':
    case 'substring':
      if (typeof v !== 'string') refuse(t, op, `needs a string, got ${describeValue(v)}`);
      return `${left(v)} LIKE ${valueSql(ctx, t, AFFIXES[op](v))}`;
    case 'regexp':
    case 'notRegexp':
    case 'iRegexp':
    case 'notIRegexp':
      if (typeof v !== 'string') refuse(t, op, `needs a string pattern, got ${describeValue(v)}`);
      return `${left(v)} ${REGEXPS[op]} ${valueSql(ctx, t, v)}`;
    case 'any':
    case 'all':
      return quantified(ctx, t, op, '=', v);
    case 'contains':
    case 'contained':
    case 'overlap':
      return containment(ctx, t, op, v);
    case 'or':
    case 'and':
      return logicalOn(ctx, t, op, v);
    case 'col':
      if (typeof v !== 'string') refuse(t, op, `needs a column name, got ${describeValue(v)}`);
      return `${left(undefined)} = ${resolveColumn(ctx.def, v)}`;
  }
  return refuse(t, op, 'this operator is not supported');
}

/** `=`, `!=`, `>` ...; the value may be `{ [Op.any]: [...] }`, `{ [Op.all]: [...] }` or `{ [Op.col]: 'x' }`. */
function comparison(ctx: WhereContext, t: Target, op: string, v: unknown): string {
  const sign = COMPARISONS[op];
  if (v === null) {
    if (op === 'eq') return `${leftSql(ctx, t, null)} IS NULL`;
    if (op === 'ne') return `${leftSql(ctx, t, null)} IS NOT NULL`;
    refuse(t, op, 'needs a value, not null');
  }
  if (isPlainObject(v)) {
    const [inner, ...rest] = keysOf(v);
    const innerOp = typeof inner === 'symbol' ? operatorName(inner) : undefined;
    if (rest.length === 0 && (innerOp === 'any' || innerOp === 'all'))
      return quantified(ctx, t, innerOp, sign, v[inner]);
    if (rest.length === 0 && innerOp === 'col' && typeof v[inner] === 'string')
      return `${leftSql(ctx, t, undefined)} ${sign} ${resolveColumn(ctx.def, v[inner])}`;
    if (t.kind !== 'json')
      refuse(
        t,
        op,
        `needs a value, { [Op.any]: [...] }, { [Op.all]: [...] } or { [Op.col]: name }, got ${describeValue(v)}`,
      );
  }
  if (Array.isArray(v) && t.kind !== 'array' && t.kind !== 'json')
    refuse(t, op, `needs one value, got ${describeValue(v)}; use Op.in for a list`);
  return `${leftSql(ctx, t, v)} ${sign} ${valueSql(ctx, t, v)}`;
}

/** `= ANY($1)` with one bound array; on an ARRAY column `{ [Op.any]: x }` is "x is an element". */
function quantified(ctx: WhereContext, t: Target, op: 'any' | 'all', sign: string, v: unknown): string {
  const word = op.toUpperCase();
  if (t.kind === 'array') {
    if (Array.isArray(v) || v === null || typeof v === 'object')
      refuse(
        t,
        op,
        `on an ARRAY column needs one element value ({ [Op.any]: 'x' } matches rows whose array holds 'x'), got ${describeValue(v)}`,
      );
    return `${placeholder1(ctx, t, v)} ${sign} ${word}(${columnOf(t).quotedField})`;
  }
  if (!Array.isArray(v)) refuse(t, op, `needs an array, got ${describeValue(v)}`);
  if (t.kind === 'json') refuse(t, op, 'is not supported on a whole JSON column; use a path');
  return `${leftSql(
    ctx,
    t,
    v.find((x) => x !== null),
  )} ${sign} ${word}(${arraySql(ctx, t, v)})`;
}

function placeholder1(ctx: WhereContext, _t: Target, v: unknown): string {
  return placeholder(ctx.params, v);
}

function likeCondition(ctx: WhereContext, t: Target, op: string, v: unknown): string {
  const word = LIKES[op];
  if (isPlainObject(v)) {
    const [inner, ...rest] = keysOf(v);
    const innerOp = typeof inner === 'symbol' ? operatorName(inner) : undefined;
    const list = innerOp ? v[inner] : undefined;
    if (
      rest.length === 0 &&
      (innerOp === 'any' || innerOp === 'all') &&
      Array.isArray(list) &&
      list.every((s) => typeof s === 'string')
    )
      return `${leftSql(ctx, t, '')} ${word} ${innerOp.toUpperCase()}(${arraySql(ctx, t, list)})`;
  }
  if (typeof v !== 'string')
    refuse(t, op, `needs a string pattern or { [Op.any]: [patterns] }, got ${describeValue(v)}`);
  return `${leftSql(ctx, t, v)} ${word} ${valueSql(ctx, t, v)}`;
}

/** `@>`, `<@`, `&&` on ARRAY columns (an array value) and JSON (an object or array value). */
function containment(ctx: WhereContext, t: Target, op: string, v: unknown): string {
  const sign = op === 'contains' ? '@>' : op === 'contained' ? '<@' : '&&';
  if (t.kind === 'array') {
    if (!Array.isArray(v)) refuse(t, op, `on an ARRAY column needs an array, got ${describeValue(v)}`);
    return `${columnOf(t).quotedField} ${sign} ${valueSql(ctx, t, v)}`;
  }
  if (t.kind === 'json' || t.kind === 'jsonPath') {
    if (op === 'overlap') refuse(t, op, 'is for ARRAY columns; use Op.contains on JSON');
    if (v === null || v === undefined) refuse(t, op, 'needs a JSON value, not null');
    return `${jsonbSql(ctx, t)} ${sign} CAST(${placeholder1(ctx, t, JSON.stringify(v))} AS JSONB)`;
  }
  return refuse(
    t,
    op,
    `needs an ARRAY or JSON/JSONB column; ${t.label} is ${t.attr?.type.key ?? 'an expression'}`,
  );
}

/** `{ age: { [Op.or]: [1, 5] } }`, `{ age: { [Op.or]: { [Op.lt]: 2, [Op.gt]: 4 } } }`. */
function logicalOn(ctx: WhereContext, t: Target, op: 'or' | 'and', v: unknown): string {
  const joiner = op === 'or' ? ' OR ' : ' AND ';
  const items = Array.isArray(v)
    ? v
    : isPlainObject(v)
      ? keysOf(v).map((k) => ({ [k]: v[k] }))
      : refuse(t, op, `needs an array or an object, got ${describeValue(v)}`);
  if (items.length === 0) return op === 'or' ? 'FALSE' : 'TRUE';
  const parts = items.map((item) => conditionOn(ctx, t, item));
  return parts.length === 1 ? parts[0] : `(${parts.join(joiner)})`;
}

/** IN/NOT IN with one parameter per value; null in the list also matches (IN) / excludes (NOT IN) NULL. */
function inList(ctx: WhereContext, t: Target, values: readonly unknown[], negate: boolean): string {
  const present = values.filter((v) => v !== null && v !== undefined);
  const hasNull = present.length !== values.length;
  const left = leftSql(ctx, t, present[0]);
  const list = present.map((v) => valueSql(ctx, t, v)).join(', ');
  if (!negate) {
    const inSql = list ? `${left} IN (${list})` : 'FALSE';
    return hasNull ? `(${inSql} OR ${left} IS NULL)` : inSql;
  }
  const notIn = list ? `${left} NOT IN (${list})` : 'TRUE';
  return hasNull ? `(${notIn} AND ${left} IS NOT NULL)` : notIn;
}
