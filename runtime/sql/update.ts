/** UPDATE, atomic increment and DELETE statements. Where clauses come last, so they are built after SET. */
import type { AttributeDefinition, ModelDefinition } from '../model-definition.js';
import { placeholder, toParam } from './params.js';
import { primaryKeyWhere } from './where.js';

export type WhereBuilder = (params: unknown[]) => string;

export function updateSql(
  def: ModelDefinition,
  values: Record<string, unknown>,
  fields: readonly AttributeDefinition[],
  where: WhereBuilder,
  params: unknown[],
  returning: string,
): string {
  let set = '';
  for (const attr of fields)
    set += `${set ? ',' : ''}${attr.quotedField}=${placeholder(params, toParam(attr, values[attr.name]))}`;
  return `UPDATE ${def.quotedTable} SET ${set}${where(params)}${returning}`;
}

/** Field lists whose UPDATE text is kept per model (save() of the same attributes reuses it). */
const MAX_CACHED_UPDATES = 16;

/**
 * An instance's UPDATE: `SET <fields> WHERE <primary key>`, as updateSql builds it. `params` must
 * be empty. The text depends only on the list of fields, so the last few lists are remembered.
 */
export function updateByPrimaryKeySql(
  def: ModelDefinition,
  values: Record<string, unknown>,
  fields: readonly AttributeDefinition[],
  params: unknown[],
): string {
  for (let i = 0; i < fields.length; i++) params.push(toParam(fields[i], values[fields[i].name]));
  const keys = def.primaryKeys;
  for (let i = 0; i < keys.length; i++) params.push(toParam(keys[i], values[keys[i].name]));
  const cache = def.statements.update;
  for (let i = 0; i < cache.length; i++) if (sameList(cache[i].fields, fields)) return cache[i].sql;
  const sql = updateSql(def, values, fields, (p) => primaryKeyWhere(def, values, p), [], '');
  if (cache.length < MAX_CACHED_UPDATES) cache.push({ fields: fields.slice(), sql });
  return sql;
}

function sameList(a: readonly AttributeDefinition[], b: readonly AttributeDefinition[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export interface Increment {
  readonly attr: AttributeDefinition;
  readonly by: number | string;
}

/** `"age"="age"+$1` per field (the amount is a parameter, unlike Sequelize), plus updatedAt. */
export function incrementSql(
  def: ModelDefinition,
  increments: readonly Increment[],
  sign: '+' | '-',
  updatedAt: { attr: AttributeDefinition; value: Date } | undefined,
  where: WhereBuilder,
  params: unknown[],
  returning: string,
): string {
  const set = increments.map(
    ({ attr, by }) => `${attr.quotedField}=${attr.quotedField}${sign}${placeholder(params, by)}`,
  );
  if (updatedAt) set.push(`${updatedAt.attr.quotedField}=${placeholder(params, updatedAt.value)}`);
  return `UPDATE ${def.quotedTable} SET ${set.join(',')}${where(params)}${returning}`;
}

export function deleteSql(def: ModelDefinition, where: WhereBuilder, params: unknown[]): string {
  return `DELETE FROM ${def.quotedTable}${where(params)}`;
}
