/**
 * A table's indexes (those no constraint owns) → the `indexes` model option. Left out: unique
 * indexes on plain columns without a predicate (they are unique keys, written as `unique` on the
 * attributes), and indexes the option cannot say exactly (INCLUDE columns, a NULLS order or a
 * collation other than the default, an expression key with an order or operator class): a model
 * that declared them differently would have `sync()` build another index than the live one.
 */
import type { IndexRow } from '../../runtime/catalog/catalog-rows.js';
import { indexKeyColumn } from '../../runtime/catalog/index-key.js';
import type { AttributeIR, IndexFieldIR, IndexIR } from '../ir.js';

const METHODS = new Set<IndexIR['using']>(['btree', 'hash', 'gist', 'spgist', 'gin', 'brin']);

export function mapIndexes(rows: readonly IndexRow[], attributes: readonly AttributeIR[]): IndexIR[] {
  const byField = new Map(attributes.map((a) => [a.field, a.name]));
  const indexes: IndexIR[] = [];
  for (const row of rows) {
    const index = mapIndex(row, byField);
    if (index) indexes.push(index);
  }
  return indexes.sort((a, b) => (a.name! < b.name! ? -1 : a.name! > b.name! ? 1 : 0));
}

function mapIndex(row: IndexRow, byField: ReadonlyMap<string, string>): IndexIR | undefined {
  if (row.inexpressible || !METHODS.has(row.method as IndexIR['using'])) return undefined;
  const fields: IndexFieldIR[] = [];
  for (const [i, key] of row.keys.entries()) {
    const field = mapField(key, row.descending[i] === true, row.operators[i] ?? undefined, byField);
    if (!field) return undefined;
    fields.push(field);
  }
  const uniqueKey = row.unique && row.predicate === null && fields.every((f) => 'attribute' in f);
  if (uniqueKey) return undefined;
  return {
    name: row.name,
    unique: row.unique,
    using: row.method as IndexIR['using'],
    fields,
    ...(row.predicate !== null ? { where: row.predicate } : {}),
  };
}

function mapField(
  key: string,
  descending: boolean,
  operator: string | undefined,
  byField: ReadonlyMap<string, string>,
): IndexFieldIR | undefined {
  const column = indexKeyColumn(key);
  if (column === undefined) return descending || operator ? undefined : { expression: key };
  const attribute = byField.get(column);
  if (attribute === undefined) return undefined;
  return {
    attribute,
    ...(descending ? { order: 'DESC' as const } : {}),
    ...(operator ? { operator } : {}),
  };
}
