/** How attribute values become $n parameters. */
import type { AttributeDefinition } from '../model-definition.js';

/** JSON columns get JSON text: pg would otherwise send a JS array as a PostgreSQL array literal. */
export function toParam(attr: AttributeDefinition, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (attr.arrayDelimiter !== ',' && Array.isArray(value))
    return delimitedArrayText(value, attr.arrayDelimiter);
  return attr.isJson ? JSON.stringify(value) : value;
}

/**
 * `['a', 'b']` → `{"a";"b"}` for an array of a CUSTOM type whose elements PostgreSQL separates
 * by something else than pg's comma. The values of CUSTOM types are text, so this needs none of
 * sql/array-literal.ts (loaded only on first use) but its quoting.
 */
function delimitedArrayText(values: readonly unknown[], delimiter: string): string {
  const items = values.map((v): string => {
    if (v === null || v === undefined) return 'NULL';
    if (Array.isArray(v)) return delimitedArrayText(v, delimiter);
    return `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  });
  return `{${items.join(delimiter)}}`;
}

/** Appends a parameter and returns its placeholder. */
export function placeholder(params: unknown[], value: unknown): string {
  return `$${params.push(value)}`;
}
