/** UPDATE, atomic increment and DELETE statements. Where clauses come last, so they are built after SET. */
import type { AttributeDefinition, ModelDefinition } from '../model-definition.js';
import { placeholder, toParam } from './params.js';

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
  for (const attr of fields) set += `${set ? ',' : ''}${attr.quotedField}=${placeholder(params, toParam(attr, values[attr.name]))}`;
  return `UPDATE ${def.quotedTable} SET ${set}${where(params)}${returning}`;
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
  const set = increments.map(({ attr, by }) => `${attr.quotedField}=${attr.quotedField}${sign}${placeholder(params, by)}`);
  if (updatedAt) set.push(`${updatedAt.attr.quotedField}=${placeholder(params, updatedAt.value)}`);
  return `UPDATE ${def.quotedTable} SET ${set.join(',')}${where(params)}${returning}`;
}

export function deleteSql(def: ModelDefinition, where: WhereBuilder, params: unknown[]): string {
  return `DELETE FROM ${def.quotedTable}${where(params)}`;
}
