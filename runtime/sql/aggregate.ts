/**
 * max/min/sum/aggregate: one `SELECT fn(column) AS "fn"` with the model's where. Only a plain
 * SQL function name is accepted (letters, digits, underscores): it is SQL text, not a value.
 */
import type { AttributeDefinition, ModelDefinition } from '../model-definition.js';
import { whereSql } from './where.js';

export function aggregateSql(
  def: ModelDefinition,
  attr: AttributeDefinition | undefined,
  fn: string,
  distinct: boolean,
  where: Record<string, unknown> | undefined,
  params: unknown[],
): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(fn))
    throw new TypeError(
      `aggregate(): ${JSON.stringify(fn)} is not a SQL function name (use count, sum, avg, max, min, ...)`,
    );
  const arg = attr ? `${distinct ? 'DISTINCT ' : ''}${attr.quotedField}` : '*';
  return `SELECT ${fn}(${arg}) AS "${fn}" FROM ${def.quotedTable}${whereSql(def, where, params)}`;
}

/** Types whose sum fits a JS number exactly (as Sequelize returns numbers); BIGINT and DECIMAL stay strings. */
export const NUMBER_SUM_TYPES: ReadonlySet<string> = new Set([
  'INTEGER',
  'SMALLINT',
  'FLOAT',
  'REAL',
  'DOUBLE',
]);
