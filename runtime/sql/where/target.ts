/**
 * What a where condition compares: a column (scalar, ARRAY or JSON) or a path inside a JSON
 * column. Each target knows its left-hand SQL and how a value becomes a `$n` parameter.
 */
import type { AttributeDefinition, ModelDefinition } from '../../model-definition.js';
import type { Target, TargetKind, WhereContext } from './where-context.js';
import { isExpression } from '../../expressions.js';
import { placeholder, toParam } from '../params.js';
import { expressionSql } from './expression-sql.js';

export type { Target, TargetKind, WhereContext } from './where-context.js';

export function expressionTarget(def: ModelDefinition, sql: string): Target {
  return { kind: 'expression', label: `model ${def.name}`, attr: undefined, path: [], sql };
}

/** The column of a target that has one. */
export function columnOf(t: Target): AttributeDefinition {
  if (!t.attr)
    throw new TypeError(`where on ${t.label}: this operator needs an attribute, not an expression`);
  return t.attr;
}

export function columnTarget(def: ModelDefinition, attr: AttributeDefinition): Target {
  const kind: TargetKind = attr.isArray ? 'array' : attr.isJson ? 'json' : 'scalar';
  return { kind, label: `${def.name}.${attr.name}`, attr, path: [] };
}

export function childTarget(parent: Target, key: string): Target {
  return {
    kind: 'jsonPath',
    label: `${parent.label}.${key}`,
    attr: parent.attr,
    path: [...parent.path, key],
  };
}

const isJsonb = (attr: AttributeDefinition): boolean => attr.type.key === 'JSONB';

/** The column as jsonb (a JSON column has no `=` or `@>`: PostgreSQL compares jsonb). */
function jsonbColumn(attr: AttributeDefinition): string {
  return isJsonb(attr) ? attr.quotedField : `CAST(${attr.quotedField} AS JSONB)`;
}

/**
 * The left-hand SQL. A JSON path is read as text (`#>>`) and cast by the compared value's type,
 * as Sequelize does: number → DOUBLE PRECISION, boolean → BOOLEAN, Date → TIMESTAMPTZ.
 */
export function leftSql(ctx: WhereContext, t: Target, sample: unknown): string {
  if (t.kind === 'expression') return t.sql ?? '';
  const attr = columnOf(t);
  if (t.kind === 'json') return jsonbColumn(attr);
  if (t.kind !== 'jsonPath') return attr.quotedField;
  const text = `(${attr.quotedField} #>> CAST(${placeholder(ctx.params, t.path)} AS TEXT[]))`;
  if (typeof sample === 'number' || typeof sample === 'bigint') return `CAST(${text} AS DOUBLE PRECISION)`;
  if (typeof sample === 'boolean') return `CAST(${text} AS BOOLEAN)`;
  if (sample instanceof Date) return `CAST(${text} AS TIMESTAMPTZ)`;
  return text;
}

/** The JSON value at a path (`#>`) or the whole column, as jsonb: for @>, <@ and JSON equality. */
export function jsonbSql(ctx: WhereContext, t: Target): string {
  const attr = columnOf(t);
  if (t.kind === 'json') return jsonbColumn(attr);
  return `CAST((${attr.quotedField} #> CAST(${placeholder(ctx.params, t.path)} AS TEXT[])) AS JSONB)`;
}

/** One value as a parameter of the target's type. */
export function valueSql(ctx: WhereContext, t: Target, value: unknown): string {
  if (t.kind === 'json') return `CAST(${placeholder(ctx.params, JSON.stringify(value))} AS JSONB)`;
  if (isExpression(value)) return expressionSql(ctx, value);
  if (t.kind === 'jsonPath' || !t.attr) return placeholder(ctx.params, value);
  return placeholder(ctx.params, toParam(t.attr, value));
}

/** A list of values as one array parameter (`= ANY($1)`): one bound array, whatever the length. */
export function arraySql(ctx: WhereContext, t: Target, values: readonly unknown[]): string {
  const attr = t.attr;
  if (t.kind === 'jsonPath' || !attr) return placeholder(ctx.params, values);
  return placeholder(
    ctx.params,
    values.map((v) => toParam(attr, v)),
  );
}
