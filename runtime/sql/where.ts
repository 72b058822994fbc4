/** WHERE clauses from `{ attr: value }`: equality, IN (arrays), IS NULL (null), AND-ed. */
import type { AttributeDefinition, ModelDefinition } from '../model-definition.js';
import { placeholder, toParam } from './params.js';

export function attributeOf(def: ModelDefinition, name: string, where: string): AttributeDefinition {
  const attr = def.attributes[name];
  if (!attr) throw new Error(`Unknown attribute "${name}" in ${where} of model ${def.name}`);
  return attr;
}

/** `' WHERE ...'`, or '' for an empty object. */
export function whereSql(
  def: ModelDefinition,
  where: Record<string, unknown> | undefined,
  params: unknown[],
): string {
  if (!where) return '';
  if (typeof where !== 'object' || Array.isArray(where))
    throw new TypeError(`where must be an object of attribute values for model ${def.name}`);
  // Sequelize's operators (Op.or, Op.and...) are symbol keys, which Object.keys skips: unrefused,
  // { [Op.or]: [...] } would be an empty where, that is every row.
  const proto: unknown = Object.getPrototypeOf(where);
  if (proto !== Object.prototype && proto !== null) {
    throw new TypeError(
      `where of model ${def.name} must be a plain object of attribute values (got ${describe(where)}); operators and where builders are not supported`,
    );
  }
  const symbols = Object.getOwnPropertySymbols(where);
  if (symbols.length) {
    throw new TypeError(
      `where of model ${def.name} has the operator key ${String(symbols[0])}: operators (Op.or, Op.and, ...) are not supported; use { attr: value }, { attr: [values] } (IN) or { attr: null }`,
    );
  }
  let sql = '';
  for (const name of Object.keys(where)) {
    const value = where[name];
    if (value === undefined)
      throw new TypeError(`where.${name} of model ${def.name} is undefined; use null to match NULL`);
    sql += (sql ? ' AND ' : ' WHERE ') + condition(def, attributeOf(def, name, 'where'), value, params);
  }
  return sql;
}

function describe(value: object): string {
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name ? `a ${name}` : 'an object with a custom prototype';
}

function condition(
  def: ModelDefinition,
  attr: AttributeDefinition,
  value: unknown,
  params: unknown[],
): string {
  if (value === null) return `${attr.quotedField} IS NULL`;
  if (Array.isArray(value) && !attr.isArray && !attr.isJson) return inList(attr, value, params);
  if (
    typeof value === 'object' &&
    !(value instanceof Date) &&
    !Buffer.isBuffer(value) &&
    !Array.isArray(value) &&
    !attr.isJson
  ) {
    throw new TypeError(
      `Unsupported where value for ${def.name}.${attr.name}: only values, arrays (IN) and null are supported`,
    );
  }
  return `${attr.quotedField} = ${placeholder(params, toParam(attr, value))}`;
}

function inList(attr: AttributeDefinition, values: readonly unknown[], params: unknown[]): string {
  const present = values.filter((v) => v !== null && v !== undefined);
  const hasNull = present.length !== values.length;
  const list = present.map((v) => placeholder(params, toParam(attr, v))).join(', ');
  const inSql = list ? `${attr.quotedField} IN (${list})` : 'FALSE';
  return hasNull ? `(${inSql} OR ${attr.quotedField} IS NULL)` : inSql;
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
