/**
 * A column named in `col('x')` or `{ [Op.col]: 'x' }`: an attribute name becomes its field;
 * `'table.column'` is quoted part by part. Always through quoteIdentifier.
 */
import type { ModelDefinition } from '../../model-definition.js';
import { quoteIdentifier } from '../quote.js';

export function resolveColumn(def: ModelDefinition | undefined, name: string): string {
  if (name === '*') return '*';
  const attr = def?.attributes[name];
  if (attr) return attr.quotedField;
  const parts = name.split('.');
  if (parts.length === 2 && def && (parts[0] === def.name || parts[0] === def.tableName)) {
    const owned = def.attributes[parts[1]];
    if (owned) return owned.quotedField;
  }
  return parts.map((p) => (p === '*' ? '*' : quoteIdentifier(p))).join('.');
}
