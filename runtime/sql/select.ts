/** SELECT and count statements. Columns are aliased to attribute names (see model-definition). */
import type { ModelDefinition } from '../model-definition.js';
import type { CountOptions, FindOptions, OrderItem } from '../types.js';
import { placeholder } from './params.js';
import { attributeOf, whereSql } from './where.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFind = FindOptions<any>;

const DIRECTIONS: Record<string, string> = {
  ASC: 'ASC',
  DESC: 'DESC',
  'ASC NULLS FIRST': 'ASC NULLS FIRST',
  'ASC NULLS LAST': 'ASC NULLS LAST',
  'DESC NULLS FIRST': 'DESC NULLS FIRST',
  'DESC NULLS LAST': 'DESC NULLS LAST',
};

/** The column list: every attribute (precomputed), the chosen ones, or all but `exclude`. */
export function selectList(def: ModelDefinition, attributes: AnyFind['attributes']): string {
  if (attributes === undefined) return def.selectList;
  if (Array.isArray(attributes))
    return attributes.map((n) => attributeOf(def, n, 'attributes').selectSql).join(', ');
  const { exclude, ...rest } = attributes as { exclude?: readonly string[] };
  if (!Array.isArray(exclude) || Object.keys(rest).length > 0) {
    throw new TypeError(
      `attributes must be a list of attribute names or { exclude: [...] } for model ${def.name} (include, fn and literal are not supported)`,
    );
  }
  for (const name of exclude) attributeOf(def, name, 'attributes');
  return def.attributeList
    .filter((a) => !exclude.includes(a.name))
    .map((a) => a.selectSql)
    .join(', ');
}

export function selectSql(def: ModelDefinition, options: AnyFind, params: unknown[]): string {
  let sql = `SELECT ${selectList(def, options.attributes)} FROM ${def.quotedTable}${whereSql(def, options.where as Record<string, unknown>, params)}`;
  if (options.order) sql += orderSql(def, options.order);
  if (options.limit !== undefined && options.limit !== null)
    sql += ` LIMIT ${placeholder(params, count(options.limit, 'limit'))}`;
  if (options.offset !== undefined && options.offset !== null)
    sql += ` OFFSET ${placeholder(params, count(options.offset, 'offset'))}`;
  return sql;
}

/** count(*); with `col` the rows where it is not null, with `distinct` too its distinct values. */
export function countSql(
  def: ModelDefinition,
  options: CountOptions<Record<string, unknown>>,
  params: unknown[],
): string {
  const counted =
    options.col === undefined
      ? '*'
      : `${options.distinct ? 'DISTINCT ' : ''}${attributeOf(def, options.col, 'count').quotedField}`;
  return `SELECT count(${counted}) AS "count" FROM ${def.quotedTable}${whereSql(def, options.where as Record<string, unknown>, params)}`;
}

function count(value: unknown, name: string): number {
  if (!Number.isInteger(value) || (value as number) < 0)
    throw new TypeError(`${name} must be a non-negative integer, got ${JSON.stringify(value)}`);
  return value as number;
}

function orderSql(def: ModelDefinition, order: NonNullable<AnyFind['order']>): string {
  const items: readonly OrderItem<Record<string, unknown>>[] = typeof order === 'string' ? [order] : order;
  if (!Array.isArray(items))
    throw new TypeError(`order must be an array like [['name', 'DESC']] for model ${def.name}`);
  const parts = items.map((item) => {
    const [name, direction = 'ASC'] = typeof item === 'string' ? [item] : item;
    const dir = DIRECTIONS[String(direction).toUpperCase()];
    if (!dir)
      throw new TypeError(`Invalid order direction ${JSON.stringify(direction)} for ${def.name}.${name}`);
    return `${attributeOf(def, name, 'order').quotedField} ${dir}`;
  });
  return parts.length ? ` ORDER BY ${parts.join(', ')}` : '';
}
