/**
 * What a where condition compares: a column (scalar, ARRAY or JSON) or a path inside a JSON
 * column. Each target knows its left-hand SQL and how a value becomes a `$n` parameter.
 */
import type { AttributeDefinition, ModelDefinition } from '../../model-definition.js';
import { placeholder, toParam } from '../params.js';

export interface WhereContext {
  readonly def: ModelDefinition;
  readonly params: unknown[];
}

export type TargetKind = 'scalar' | 'array' | 'json' | 'jsonPath';

export interface Target {
  readonly kind: TargetKind;
  /** `Account.score`, `Account.meta.a.b`: how refusals name it. */
  readonly label: string;
  readonly attr: AttributeDefinition;
  /** For jsonPath targets: the keys below the column. */
  readonly path: readonly string[];
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
  if (t.kind === 'json') return jsonbColumn(t.attr);
  if (t.kind !== 'jsonPath') return t.attr.quotedField;
  const text = `(${t.attr.quotedField} #>> CAST(${placeholder(ctx.params, t.path)} AS TEXT[]))`;
  if (typeof sample === 'number' || typeof sample === 'bigint') return `CAST(${text} AS DOUBLE PRECISION)`;
  if (typeof sample === 'boolean') return `CAST(${text} AS BOOLEAN)`;
  if (sample instanceof Date) return `CAST(${text} AS TIMESTAMPTZ)`;
  return text;
}

/** The JSON value at a path (`#>`) or the whole column, as jsonb: for @>, <@ and JSON equality. */
export function jsonbSql(ctx: WhereContext, t: Target): string {
  if (t.kind === 'json') return jsonbColumn(t.attr);
  return `CAST((${t.attr.quotedField} #> CAST(${placeholder(ctx.params, t.path)} AS TEXT[])) AS JSONB)`;
}

/** One value as a parameter of the target's type. */
export function valueSql(ctx: WhereContext, t: Target, value: unknown): string {
  if (t.kind === 'json') return `CAST(${placeholder(ctx.params, JSON.stringify(value))} AS JSONB)`;
  if (t.kind === 'jsonPath') return placeholder(ctx.params, value);
  return placeholder(ctx.params, toParam(t.attr, value));
}

/** A list of values as one array parameter (`= ANY($1)`): one bound array, whatever the length. */
export function arraySql(ctx: WhereContext, t: Target, values: readonly unknown[]): string {
  if (t.kind === 'jsonPath') return placeholder(ctx.params, values);
  return placeholder(
    ctx.params,
    values.map((v) => toParam(t.attr, v)),
  );
}
