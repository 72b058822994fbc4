/**
 * count/max/min/sum/aggregate: one `SELECT fn(column) AS "fn"` with the model's where; with
 * `group`, the group's columns (and any `attributes`) are selected beside it, one row per group,
 * as Sequelize's aggregate unions attributes, group and the aggregate. Only a plain SQL function
 * name is accepted (letters, digits, underscores): it is SQL text, not a value.
 */
import { Col, isExpression } from '../expressions.js';
import type { AttributeDefinition, ModelDefinition } from '../model-definition.js';
import { quoteIdentifier } from './quote.js';
import { groupSql, selectList } from './select.js';
import { whereSql } from './where.js';
import { resolveColumn } from './where/column-reference.js';

export interface AggregateQuery {
  /** The SQL function: count, sum, max, ... */
  fn: string;
  /** The aggregated attribute; none for `*`. */
  attr: AttributeDefinition | undefined;
  distinct: boolean;
  where: Record<string, unknown> | undefined;
  /** GROUP BY: attribute or column names, or col(); each is selected too. */
  group?: unknown;
  /** Selected beside the group's columns (names or [name, alias]). */
  attributes?: unknown;
  /** The method, for errors. */
  method: string;
}

export function aggregateSql(def: ModelDefinition, query: AggregateQuery, params: unknown[]): string {
  const { fn, attr, distinct } = query;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(fn))
    throw new TypeError(
      `aggregate(): ${JSON.stringify(fn)} is not a SQL function name (use count, sum, avg, max, min, ...)`,
    );
  const arg = attr ? `${distinct ? 'DISTINCT ' : ''}${attr.quotedField}` : '*';
  const columns = [...groupedColumns(def, query, params), `${fn}(${arg}) AS ${quoteIdentifier(fn)}`];
  let sql = `SELECT ${columns.join(', ')} FROM ${def.quotedFrom}${whereSql(def, query.where, params)}`;
  if (query.group !== undefined) sql += groupSql(def, query.group, params);
  return sql;
}

/** The attributes, then each group item not already among them, as `"field" AS "name"`. */
function groupedColumns(def: ModelDefinition, query: AggregateQuery, params: unknown[]): string[] {
  const { group, attributes, method } = query;
  if (attributes !== undefined && group === undefined)
    throw new TypeError(
      `${def.name}.${method}(): attributes are selected beside the aggregate only with group (one row per group); add group, or use findAll with [fn(...), alias] attributes`,
    );
  if (group === undefined) return [];
  const columns = attributes === undefined ? [] : [selectList(def, attributes as never, params)];
  const selected = new Set(
    Array.isArray(attributes) ? attributes.map((a) => (Array.isArray(a) ? a[1] : a)) : [],
  );
  for (const item of Array.isArray(group) ? group : [group]) {
    const name = typeof item === 'string' ? item : item instanceof Col ? item.col : undefined;
    if (name !== undefined) {
      if (!selected.has(name)) columns.push(groupColumn(def, name));
      selected.add(name);
    } else {
      throw new TypeError(
        `${def.name}.${method}(): group by ${isExpression(item) ? 'an expression' : JSON.stringify(item)} cannot be selected beside the aggregate; ` +
          "group by attribute names or col(), or use findAll({ attributes: [[fn(...), 'alias'], [fn('count', col('id')), 'count']], group: [...] })",
      );
    }
  }
  return columns;
}

/** An attribute as `"field" AS "name"`; another column name as itself. */
function groupColumn(def: ModelDefinition, name: string): string {
  const attr = def.attributes[name];
  return attr ? attr.selectSql : `${resolveColumn(def, name)} AS ${quoteIdentifier(name)}`;
}

/** Types whose sum fits a JS number exactly (as Sequelize returns numbers); BIGINT and DECIMAL stay strings. */
export const NUMBER_SUM_TYPES: ReadonlySet<string> = new Set([
  'INTEGER',
  'SMALLINT',
  'FLOAT',
  'REAL',
  'DOUBLE',
]);
