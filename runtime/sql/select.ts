/** SELECT statements (aggregates: aggregate.ts). Columns are aliased to attribute names (see model-definition). */
import { rowCount } from './row-count.js';
import { isExpression, type Expression } from '../expressions.js';
import type { ModelDefinition } from '../model-definition.js';
import type { FindOptions } from '../types.js';
import { placeholder } from './params.js';
import { quoteIdentifier } from './quote.js';
import { attributeOf, whereSql } from './where.js';
import { resolveColumn } from './where/column-reference.js';
import { expressionSql } from './where/expression-sql.js';
import { whereCondition, whereContext } from './where/logical.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFind = FindOptions<any>;

const DIRECTIONS: Record<string, string> = {
  ASC: 'ASC',
  DESC: 'DESC',
  'ASC NULLS FIRST': 'ASC NULLS FIRST',
  'ASC NULLS LAST': 'ASC NULLS LAST',
  'DESC NULLS FIRST': 'DESC NULLS FIRST',
  'DESC NULLS LAST': 'DESC NULLS LAST',
  'NULLS FIRST': 'NULLS FIRST',
  'NULLS LAST': 'NULLS LAST',
};

/** Sequelize's lock values and what PostgreSQL calls them. */
const LOCKS: Record<string, string> = {
  UPDATE: 'FOR UPDATE',
  SHARE: 'FOR SHARE',
  'KEY SHARE': 'FOR KEY SHARE',
  'NO KEY UPDATE': 'FOR NO KEY UPDATE',
};

/**
 * The column list: every attribute (precomputed), the chosen ones (names, `[name, alias]`,
 * `[fn(...), alias]`), all but `exclude`, or all plus `include`.
 */
export function selectList(
  def: ModelDefinition,
  attributes: AnyFind['attributes'],
  params: unknown[] = [],
): string {
  if (attributes === undefined) return def.selectList;
  if (Array.isArray(attributes))
    return withoutVirtuals(def, attributes)
      .map((a) => selectItem(def, a, params))
      .join(', ');
  const { exclude, include, ...rest } = attributes as {
    exclude?: readonly string[];
    include?: readonly unknown[];
  };
  if (
    (exclude !== undefined && !Array.isArray(exclude)) ||
    (include !== undefined && !Array.isArray(include)) ||
    Object.keys(rest).length > 0
  ) {
    throw new TypeError(
      `attributes must be a list (names, [name, alias], [fn(...), alias]) or { exclude: [...], include: [...] } for model ${def.name}`,
    );
  }
  for (const name of exclude ?? []) if (!def.virtuals[name]) attributeOf(def, name, 'attributes');
  const base = def.attributeList.filter((a) => !exclude?.includes(a.name)).map((a) => a.selectSql);
  return [...base, ...withoutVirtuals(def, include ?? []).map((a) => selectItem(def, a, params))].join(', ');
}

/**
 * A VIRTUAL attribute named in `attributes` has no column: as Sequelize, it is replaced by the
 * attributes it depends on (`DataTypes.VIRTUAL(type, ['firstName', 'lastName'])`), each read once.
 */
function withoutVirtuals(def: ModelDefinition, items: readonly unknown[]): unknown[] {
  if (!items.some((item) => typeof item === 'string' && def.virtuals[item])) return [...items];
  const out: unknown[] = [];
  for (const item of items) {
    const virtual = typeof item === 'string' ? def.virtuals[item] : undefined;
    const names = virtual ? ((virtual.type as { fields?: readonly string[] }).fields ?? []) : [item];
    for (const name of names) if (typeof name !== 'string' || !out.includes(name)) out.push(name);
  }
  return out;
}

function selectItem(def: ModelDefinition, item: unknown, params: unknown[]): string {
  if (typeof item === 'string') return attributeOf(def, item, 'attributes').selectSql;
  if (Array.isArray(item) && item.length === 2 && typeof item[1] === 'string') {
    const [source, alias] = item as [unknown, string];
    if (typeof source === 'string')
      return `${attributeOf(def, source, 'attributes').quotedField} AS ${quoteIdentifier(alias)}`;
    if (isExpression(source))
      return `${expressionSql(whereContext(def, params), source)} AS ${quoteIdentifier(alias)}`;
  }
  if (isExpression(item)) {
    throw new TypeError(
      `attributes of model ${def.name}: an expression needs an alias, as [fn(...), 'name'], to be read back`,
    );
  }
  throw new TypeError(
    `attributes of model ${def.name}: ${JSON.stringify(item)} is not an attribute name, [name, alias] or [fn(...), alias]`,
  );
}

export function selectSql(def: ModelDefinition, options: AnyFind, params: unknown[]): string {
  const list = selectList(def, options.attributes, params);
  let sql = `SELECT ${list} FROM ${def.quotedFrom}${whereSql(def, options.where as Record<string, unknown>, params)}`;
  const opts = options as AnyFind & ExtraFind;
  if (opts.group !== undefined) sql += groupSql(def, opts.group, params);
  if (opts.having !== undefined) {
    const having = whereCondition(whereContext(def, params), opts.having);
    if (having !== undefined) sql += ` HAVING ${having}`;
  }
  if (options.order) sql += orderSql(def, options.order, params);
  if (options.limit !== undefined && options.limit !== null)
    sql += ` LIMIT ${placeholder(params, rowCount(options.limit, 'limit'))}`;
  if (options.offset !== undefined && options.offset !== null)
    sql += ` OFFSET ${placeholder(params, rowCount(options.offset, 'offset'))}`;
  sql += lockSql(def, opts.lock, opts.skipLocked);
  return sql;
}

interface ExtraFind {
  group?: unknown;
  having?: unknown;
  lock?: unknown;
  skipLocked?: unknown;
}

/** A column named by attribute name (its field) or any column name: `group: 'team'`, `col('team')`. */
function columnOrExpression(def: ModelDefinition, item: unknown, params: unknown[], option: string): string {
  if (typeof item === 'string') return resolveColumn(def, item);
  if (isExpression(item)) return expressionSql(whereContext(def, params), item as Expression);
  throw new TypeError(
    `${option} of model ${def.name}: ${JSON.stringify(item)} is not a column name, col(), fn() or literal()`,
  );
}

export function groupSql(def: ModelDefinition, group: unknown, params: unknown[]): string {
  const items = Array.isArray(group) ? group : [group];
  if (items.length === 0) return '';
  return ` GROUP BY ${items.map((g) => columnOrExpression(def, g, params, 'group')).join(', ')}`;
}

function orderSql(def: ModelDefinition, order: unknown, params: unknown[]): string {
  if (isExpression(order)) return ` ORDER BY ${expressionSql(whereContext(def, params), order)}`;
  if (typeof order === 'string') order = [order];
  if (!Array.isArray(order))
    throw new TypeError(`order must be an array like [['name', 'DESC']] for model ${def.name}`);
  const parts = (order as unknown[]).map((item) => orderItem(def, item, params));
  return parts.length ? ` ORDER BY ${parts.join(', ')}` : '';
}

/** 'name', ['name', 'DESC NULLS LAST'], fn/col/literal, [fn(...), 'DESC']; a select alias also orders. */
function orderItem(def: ModelDefinition, item: unknown, params: unknown[]): string {
  const [source, direction] = Array.isArray(item) ? (item as unknown[]) : [item, undefined];
  if (Array.isArray(item) && (item.length === 0 || item.length > 2))
    throw new TypeError(
      `order item of model ${def.name} must be name, [name, direction] or [fn(...), direction]`,
    );
  let sql: string;
  if (typeof source === 'string') {
    const attr = def.attributes[source];
    sql = attr ? attr.quotedField : attributeOf(def, source, 'order').quotedField;
  } else if (isExpression(source)) {
    sql = expressionSql(whereContext(def, params), source);
  } else {
    throw new TypeError(
      `order item of model ${def.name}: ${JSON.stringify(source)} is not an attribute name or expression`,
    );
  }
  if (direction === undefined) return sql;
  const dir = DIRECTIONS[String(direction).toUpperCase().replace(/\s+/g, ' ').trim()];
  if (!dir)
    throw new TypeError(
      `Invalid order direction ${JSON.stringify(direction)} for ${def.name}.${typeof source === 'string' ? source : 'expression'}: use ASC or DESC, optionally with NULLS FIRST/LAST`,
    );
  return `${sql} ${dir}`;
}

/** `lock: true | 'UPDATE' | 'SHARE' | 'KEY SHARE' | 'NO KEY UPDATE'` (Transaction.LOCK.*), `skipLocked`. */
function lockSql(def: ModelDefinition, lock: unknown, skipLocked: unknown): string {
  if (lock === undefined || lock === false) {
    if (skipLocked)
      throw new TypeError(`skipLocked of ${def.name}.findAll() needs lock: it only applies to locked reads`);
    return '';
  }
  const sql = lock === true ? LOCKS.UPDATE : typeof lock === 'string' ? LOCKS[lock.toUpperCase()] : undefined;
  if (!sql)
    throw new TypeError(
      `lock of ${def.name}.findAll() must be true, 'UPDATE', 'SHARE', 'KEY SHARE' or 'NO KEY UPDATE' (Transaction.LOCK), got ${JSON.stringify(lock)}`,
    );
  return skipLocked ? `${sql} SKIP LOCKED`.replace(/^/, ' ') : ` ${sql}`;
}
