/**
 * CREATE TABLE / TYPE and DROP statements for sync() and drop(). DDL cannot take $n
 * parameters, so the few values it carries (DEFAULT, COMMENT, ENUM labels) go through
 * quoteLiteral, and identifiers through quoteIdentifier.
 */
import { DefaultKind } from '../default-values.js';
import type { EnumTypeName, AttributeDefinition, ModelDefinition } from '../model-definition.js';
import { Literal } from '../literal.js';
import { quoteIdentifier, quoteLiteral, quoteTable } from './quote.js';

const SERIALS: Record<string, string> = { INTEGER: 'SERIAL', BIGINT: 'BIGSERIAL', SMALLINT: 'SMALLSERIAL' };
const ACTIONS = new Set(['CASCADE', 'SET NULL', 'SET DEFAULT', 'RESTRICT', 'NO ACTION']);

export function quoteEnumType(type: EnumTypeName): string {
  return `${quoteIdentifier(type.schema)}.${quoteIdentifier(type.name)}`;
}

export function createEnumSql(type: EnumTypeName): string {
  return `CREATE TYPE ${quoteEnumType(type)} AS ENUM (${type.values.map(quoteLiteral).join(', ')})`;
}

export function dropEnumSql(type: EnumTypeName): string {
  return `DROP TYPE IF EXISTS ${quoteEnumType(type)}`;
}

export function dropTableSql(def: ModelDefinition, cascade: boolean): string {
  return `DROP TABLE IF EXISTS ${def.quotedTable}${cascade ? ' CASCADE' : ''}`;
}

/** CREATE TABLE IF NOT EXISTS plus its COMMENT statements, as separate statements. */
export function createTableSql(def: ModelDefinition): string[] {
  const parts = def.attributeList.map(columnSql);
  for (const group of compositeUniqueKeys(def)) parts.push(`UNIQUE (${group.map((a) => a.quotedField).join(', ')})`);
  if (def.primaryKeys.length) parts.push(`PRIMARY KEY (${def.primaryKeys.map((a) => a.quotedField).join(', ')})`);
  const statements = [`CREATE TABLE IF NOT EXISTS ${def.quotedTable} (${parts.join(', ')})`];
  if (def.comment) statements.push(`COMMENT ON TABLE ${def.quotedTable} IS ${quoteLiteral(def.comment)}`);
  for (const attr of def.attributeList) {
    if (attr.comment) statements.push(`COMMENT ON COLUMN ${def.quotedTable}.${attr.quotedField} IS ${quoteLiteral(attr.comment)}`);
  }
  return statements;
}

function columnType(attr: AttributeDefinition): string {
  if (attr.autoIncrement) {
    const serial = SERIALS[attr.type.key];
    if (!serial) throw new Error(`autoIncrement needs an INTEGER, BIGINT or SMALLINT attribute (${attr.name} is ${attr.type.toSql()})`);
    return serial;
  }
  if (attr.enumType) return attr.isArray ? `${quoteEnumType(attr.enumType)}[]` : quoteEnumType(attr.enumType);
  return attr.type.toSql();
}

function columnSql(attr: AttributeDefinition): string {
  let sql = `${attr.quotedField} ${columnType(attr)}`;
  if (!attr.allowNull && !attr.primaryKey && !attr.autoIncrement) sql += ' NOT NULL';
  const dflt = defaultSql(attr);
  if (dflt) sql += ` DEFAULT ${dflt}`;
  if (attr.unique === true) sql += ' UNIQUE';
  if (attr.references) sql += referencesSql(attr);
  return sql;
}

function referencesSql(attr: AttributeDefinition): string {
  const ref = attr.references!;
  let sql = ` REFERENCES ${quoteTable(ref.table, ref.schema)} (${quoteIdentifier(ref.key)})`;
  if (attr.onDelete) sql += ` ON DELETE ${action(attr.onDelete)}`;
  if (attr.onUpdate) sql += ` ON UPDATE ${action(attr.onUpdate)}`;
  return sql;
}

function action(value: string): string {
  const upper = String(value).toUpperCase();
  if (!ACTIONS.has(upper)) throw new Error(`Invalid referential action ${JSON.stringify(value)}; use one of ${[...ACTIONS].join(', ')}`);
  return upper;
}

/** The DDL DEFAULT: JS-side defaults (functions, UUIDV4, NOW) are not in the schema, as in Sequelize. */
function defaultSql(attr: AttributeDefinition): string | undefined {
  const spec = attr.defaultValue;
  if (!spec || spec.kind === DefaultKind.Call) return undefined;
  if (spec.kind === DefaultKind.Database) return (spec.value as Literal).val;
  return literalValue(attr, spec.value);
}

function literalValue(attr: AttributeDefinition, value: unknown): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Invalid default ${value} for ${attr.name}`);
    return String(value);
  }
  if (value instanceof Date) return quoteLiteral(value.toISOString());
  if (attr.isJson) return quoteLiteral(JSON.stringify(value));
  if (Array.isArray(value)) return quoteLiteral(arrayLiteral(value));
  if (typeof value === 'string') return quoteLiteral(value);
  return quoteLiteral(JSON.stringify(value));
}

/** A PostgreSQL array literal (`{"a","b"}`); also used by the PGlite driver for parameters. */
export function arrayLiteral(values: readonly unknown[]): string {
  const items = values.map((v) => {
    if (v === null || v === undefined) return 'NULL';
    if (Array.isArray(v)) return arrayLiteral(v);
    const text = v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v);
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  });
  return `{${items.join(',')}}`;
}

function compositeUniqueKeys(def: ModelDefinition): AttributeDefinition[][] {
  const groups = new Map<string, AttributeDefinition[]>();
  for (const attr of def.attributeList) {
    if (typeof attr.unique !== 'string') continue;
    const group = groups.get(attr.unique) ?? [];
    group.push(attr);
    groups.set(attr.unique, group);
  }
  return [...groups.values()];
}
