/**
 * TEMPORARY copies of helpers that sql/ddl.ts keeps private (column DDL, DEFAULT, REFERENCES).
 * At hook-up they get `export` in sql/ddl.ts and this file is deleted, so the column SQL of
 * CREATE TABLE and ALTER TABLE ADD COLUMN never drift apart.
 */
import { DefaultKind } from '../default-values.js';
import type { AttributeDefinition } from '../model-definition.js';
import { Literal } from '../literal.js';
import { arrayLiteral, quoteEnumType } from '../sql/ddl.js';
import { quoteIdentifier, quoteLiteral, quoteTable } from '../sql/quote.js';

const SERIALS: Record<string, string> = { INTEGER: 'SERIAL', BIGINT: 'BIGSERIAL', SMALLINT: 'SMALLSERIAL' };
const ACTIONS = new Set(['CASCADE', 'SET NULL', 'SET DEFAULT', 'RESTRICT', 'NO ACTION']);

function columnType(attr: AttributeDefinition): string {
  if (attr.autoIncrement) {
    const serial = SERIALS[attr.type.key];
    if (!serial) throw new Error(`autoIncrement needs an INTEGER, BIGINT or SMALLINT attribute (${attr.name} is ${attr.type.toSql()})`);
    return serial;
  }
  if (attr.enumType) return attr.isArray ? `${quoteEnumType(attr.enumType)}[]` : quoteEnumType(attr.enumType);
  return attr.type.toSql();
}

export function columnSql(attr: AttributeDefinition): string {
  let sql = `${attr.quotedField} ${columnType(attr)}`;
  if (!attr.allowNull && !attr.primaryKey && !attr.autoIncrement) sql += ' NOT NULL';
  const dflt = defaultSql(attr);
  if (dflt) sql += ` DEFAULT ${dflt}`;
  if (attr.unique === true) sql += ' UNIQUE';
  if (attr.references) sql += referencesSql(attr);
  return sql;
}

export function referencesSql(attr: AttributeDefinition): string {
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

export function defaultSql(attr: AttributeDefinition): string | undefined {
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
