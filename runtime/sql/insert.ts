/** INSERT ... RETURNING for one or many rows. Omitted columns take the table's DEFAULT. */
import type { AttributeDefinition, ModelDefinition } from '../model-definition.js';
import { placeholder, toParam } from './params.js';

/** Columns whose value is undefined (or null for an auto-increment key) are left to the database. */
function isOmitted(attr: AttributeDefinition, value: unknown): boolean {
  return value === undefined || (value === null && attr.autoIncrement);
}

export function insertSql(def: ModelDefinition, values: Record<string, unknown>, fields: readonly AttributeDefinition[], params: unknown[]): string {
  let columns = '';
  let placeholders = '';
  for (const attr of fields) {
    const value = values[attr.name];
    if (isOmitted(attr, value)) continue;
    columns += (columns ? ',' : '') + attr.quotedField;
    placeholders += (placeholders ? ',' : '') + placeholder(params, toParam(attr, value));
  }
  if (!columns) return `INSERT INTO ${def.quotedTable} DEFAULT VALUES${def.returning}`;
  return `INSERT INTO ${def.quotedTable} (${columns}) VALUES (${placeholders})${def.returning}`;
}

/** One multi-row INSERT; a value missing from a row becomes DEFAULT. */
export function bulkInsertSql(def: ModelDefinition, rows: readonly Record<string, unknown>[], params: unknown[]): string {
  const used = def.attributeList.filter((attr) => rows.some((row) => !isOmitted(attr, row[attr.name])));
  // Every column defaulted: name one column and give it DEFAULT in each row.
  if (used.length === 0) used.push(def.attributeList[0]);
  const tuples = rows.map((row) => {
    const cells = used.map((attr) => (isOmitted(attr, row[attr.name]) ? 'DEFAULT' : placeholder(params, toParam(attr, row[attr.name]))));
    return `(${cells.join(',')})`;
  });
  return `INSERT INTO ${def.quotedTable} (${used.map((a) => a.quotedField).join(',')}) VALUES ${tuples.join(',')}${def.returning}`;
}
