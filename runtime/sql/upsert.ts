/**
 * INSERT ... ON CONFLICT: `DO NOTHING` for findOrCreate (race-safe without savepoints: a
 * concurrent insert of the same key makes this one return no row instead of failing), and
 * `DO UPDATE` for upsert, which also returns whether the row is new (`xmax = 0`).
 */
import type { AttributeDefinition, ModelDefinition } from '../model-definition.js';
import { placeholder, toParam } from './params.js';

/** The alias of upsert's "was inserted" column; not an attribute name a model can have (two underscores and a prefix). */
export const CREATED_COLUMN = '__gm_created';

function columnsAndValues(
  def: ModelDefinition,
  values: Record<string, unknown>,
  fields: readonly AttributeDefinition[],
  params: unknown[],
): { used: AttributeDefinition[]; sql: string } {
  const used = fields.filter(
    (attr) => values[attr.name] !== undefined && !(values[attr.name] === null && attr.autoIncrement),
  );
  if (used.length === 0) return { used, sql: `INSERT INTO ${def.quotedTable} DEFAULT VALUES` };
  const cells = used.map((attr) => placeholder(params, toParam(attr, values[attr.name])));
  return {
    used,
    sql: `INSERT INTO ${def.quotedTable} (${used.map((a) => a.quotedField).join(',')}) VALUES (${cells.join(',')})`,
  };
}

/** INSERT ... ON CONFLICT DO NOTHING RETURNING: no row when a unique key already holds the values. */
export function insertOrNothingSql(
  def: ModelDefinition,
  values: Record<string, unknown>,
  fields: readonly AttributeDefinition[],
  params: unknown[],
): string {
  return `${columnsAndValues(def, values, fields, params).sql} ON CONFLICT DO NOTHING${def.returning}`;
}

/**
 * INSERT ... ON CONFLICT (target) DO UPDATE SET each of `updated` = EXCLUDED ... RETURNING the
 * row and whether it was inserted.
 */
export function upsertSql(
  def: ModelDefinition,
  values: Record<string, unknown>,
  fields: readonly AttributeDefinition[],
  target: readonly AttributeDefinition[],
  updated: readonly AttributeDefinition[],
  params: unknown[],
): string {
  const { used, sql } = columnsAndValues(def, values, fields, params);
  const set = updated
    .filter((a) => used.includes(a))
    .map((a) => `${a.quotedField}=EXCLUDED.${a.quotedField}`);
  const action = set.length ? `DO UPDATE SET ${set.join(',')}` : 'DO NOTHING';
  return `${sql} ON CONFLICT (${target.map((a) => a.quotedField).join(',')}) ${action}${def.returning}, (xmax = 0) AS "${CREATED_COLUMN}"`;
}

/** The unique keys of a model: the primary key, then each `unique` (a string names a composite key). */
export function uniqueKeys(def: ModelDefinition): AttributeDefinition[][] {
  const keys: AttributeDefinition[][] = [];
  if (def.primaryKeys.length) keys.push([...def.primaryKeys]);
  const named = new Map<string, AttributeDefinition[]>();
  for (const attr of def.attributeList) {
    if (attr.unique === true) keys.push([attr]);
    else if (typeof attr.unique === 'string') {
      const list = named.get(attr.unique) ?? [];
      list.push(attr);
      named.set(attr.unique, list);
    }
  }
  return [...keys, ...named.values()];
}
