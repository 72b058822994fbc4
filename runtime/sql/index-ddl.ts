/**
 * CREATE INDEX and DROP INDEX for the `indexes` model option (sync() and sync({ alter })). A
 * partial index's predicate is built by the where builder, like a finder's, and its values are
 * then written in as literals: DDL takes no $n parameters.
 */
import { Literal } from '../literal.js';
import type { ModelDefinition } from '../model-definition.js';
import type { IndexDefinition, IndexField } from '../model-indexes.js';
import { quoteIdentifier, quoteLiteral, quoteTable } from './quote.js';
import { whereSql } from './where.js';

export function createIndexSql(def: ModelDefinition, index: IndexDefinition): string {
  const unique = index.unique ? 'UNIQUE ' : '';
  const concurrently = index.concurrently ? 'CONCURRENTLY ' : '';
  const using = index.method === 'btree' ? '' : ` USING ${index.method.toUpperCase()}`;
  const fields = index.fields.map(fieldSql).join(', ');
  const predicate = indexPredicate(def, index);
  return `CREATE ${unique}INDEX ${concurrently}IF NOT EXISTS ${quoteIdentifier(index.name)} ON ${def.quotedTable}${using} (${fields})${predicate ? ` WHERE ${predicate}` : ''}`;
}

export function dropIndexSql(schema: string, name: string): string {
  return `DROP INDEX ${quoteTable(name, schema)}`;
}

function fieldSql(field: IndexField): string {
  let sql = field.sql;
  if (field.collate) sql += ` COLLATE ${quoteIdentifier(field.collate)}`;
  if (field.operator) sql += ` ${quoteIdentifier(field.operator)}`;
  if (field.order) sql += ` ${field.order}`;
  return sql;
}

/** The predicate's SQL, or undefined for a full index. */
export function indexPredicate(def: ModelDefinition, index: IndexDefinition): string | undefined {
  if (index.where === undefined) return undefined;
  if (index.where instanceof Literal) return index.where.val;
  const params: unknown[] = [];
  const sql = whereSql(def, index.where as Record<string, unknown>, params).replace(/^ WHERE /, '');
  return inlineParameters(sql, params);
}

/** Replaces each $n by its value as a literal; quoted identifiers (a column "a$1") are skipped. */
function inlineParameters(sql: string, params: readonly unknown[]): string {
  return sql.replace(/"(?:[^"]|"")*"|\$(\d+)/g, (match, n: string | undefined) =>
    n === undefined ? match : inlineValue(params[Number(n) - 1]),
  );
}

function inlineValue(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint') return String(value);
  if (value instanceof Date) return quoteLiteral(value.toISOString());
  if (Buffer.isBuffer(value)) return `${quoteLiteral(`\\x${value.toString('hex')}`)}::bytea`;
  if (typeof value === 'string') return quoteLiteral(value);
  throw new TypeError(
    `An index predicate value ${JSON.stringify(value)} cannot be written into DDL; use literal('...') for the where`,
  );
}
