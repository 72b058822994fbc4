/** WHERE clauses: Sequelize's where objects with Op operators (the builders live in where/). */
import type { AttributeDefinition, ModelDefinition } from '../model-definition.js';
import { placeholder, toParam } from './params.js';
import { whereCondition, whereContext } from './where/logical.js';

export function attributeOf(def: ModelDefinition, name: string, where: string): AttributeDefinition {
  const attr = def.attributes[name];
  if (!attr) throw new Error(`Unknown attribute "${name}" in ${where} of model ${def.name}`);
  return attr;
}

/** `' WHERE ...'`, or '' for an empty where. Operators, nesting and JSON paths: see where/. */
export function whereSql(
  def: ModelDefinition,
  where: Record<string, unknown> | undefined,
  params: unknown[],
): string {
  if (where === undefined || where === null) return '';
  const condition = whereCondition(whereContext(def, params), where);
  return condition === undefined ? '' : ` WHERE ${condition}`;
}

/** The primary-key condition of one row. */
export function primaryKeyWhere(
  def: ModelDefinition,
  values: Record<string, unknown>,
  params: unknown[],
): string {
  let sql = '';
  for (const pk of def.primaryKeys) {
    sql += `${sql ? ' AND ' : ' WHERE '}${pk.quotedField} = ${placeholder(params, toParam(pk, values[pk.name]))}`;
  }
  return sql;
}
