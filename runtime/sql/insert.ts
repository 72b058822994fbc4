/** INSERT ... RETURNING for one or many rows. Omitted columns take the table's DEFAULT. */
import type { AttributeDefinition, ModelDefinition } from '../model-definition.js';
import { placeholder, toParam } from './params.js';

/** Columns whose value is undefined (or null for an auto-increment key) are left to the database. */
function isOmitted(attr: AttributeDefinition, value: unknown): boolean {
  return value === undefined || (value === null && attr.autoIncrement);
}

/** Models with more attributes than this build their INSERT text on every call (the cache key is a bit mask). */
const MAX_CACHED_ATTRIBUTES = 30;
/** Distinct column sets kept per model: a model's inserts name only a few. */
const MAX_CACHED_INSERTS = 64;

/** `params` must be empty: the values are pushed as $1, $2, ... */
export function insertSql(
  def: ModelDefinition,
  values: Record<string, unknown>,
  fields: readonly AttributeDefinition[],
  params: unknown[],
): string {
  // The text depends only on which columns are named, so it is cached by that set.
  let columnSet = 0;
  for (let i = 0; i < fields.length; i++) {
    const attr = fields[i];
    const value = values[attr.name];
    if (isOmitted(attr, value)) continue;
    params.push(toParam(attr, value));
    columnSet |= 1 << attr.index;
  }
  const cacheable = def.attributeList.length <= MAX_CACHED_ATTRIBUTES;
  const cached = cacheable ? def.statements.insert.get(columnSet) : undefined;
  if (cached !== undefined) return cached;
  const sql = insertText(def, values, fields);
  if (cacheable && def.statements.insert.size < MAX_CACHED_INSERTS) def.statements.insert.set(columnSet, sql);
  return sql;
}

function insertText(
  def: ModelDefinition,
  values: Record<string, unknown>,
  fields: readonly AttributeDefinition[],
): string {
  let columns = '';
  let placeholders = '';
  let n = 0;
  for (const attr of fields) {
    if (isOmitted(attr, values[attr.name])) continue;
    columns += (columns ? ',' : '') + attr.quotedField;
    placeholders += `${placeholders ? ',' : ''}$${++n}`;
  }
  if (!columns) return `INSERT INTO ${def.quotedTable} DEFAULT VALUES${def.returning}`;
  return `INSERT INTO ${def.quotedTable} (${columns}) VALUES (${placeholders})${def.returning}`;
}

/** One multi-row INSERT; a value missing from a row becomes DEFAULT. */
export function bulkInsertSql(
  def: ModelDefinition,
  rows: readonly Record<string, unknown>[],
  params: unknown[],
  conflict = '',
): string {
  const used = def.attributeList.filter((attr) => rows.some((row) => !isOmitted(attr, row[attr.name])));
  // Every column defaulted: name one column and give it DEFAULT in each row.
  if (used.length === 0) used.push(def.attributeList[0]);
  const tuples = rows.map((row) => {
    const cells = used.map((attr) =>
      isOmitted(attr, row[attr.name]) ? 'DEFAULT' : placeholder(params, toParam(attr, row[attr.name])),
    );
    return `(${cells.join(',')})`;
  });
  return `INSERT INTO ${def.quotedTable} (${used.map((a) => a.quotedField).join(',')}) VALUES ${tuples.join(',')}${conflict}${def.returning}`;
}

/** PostgreSQL's limit of parameters in one statement. */
export const MAX_PARAMETERS = 65535;

/** The columns a multi-row INSERT of these rows names: how many parameters one row takes, at most. */
export function bulkColumnCount(def: ModelDefinition, rows: readonly Record<string, unknown>[]): number {
  return Math.max(
    1,
    def.attributeList.filter((attr) => rows.some((row) => !isOmitted(attr, row[attr.name]))).length,
  );
}
