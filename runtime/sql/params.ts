/** How attribute values become $n parameters. */
import type { AttributeDefinition } from '../model-definition.js';

/** JSON columns get JSON text: pg would otherwise send a JS array as a PostgreSQL array literal. */
export function toParam(attr: AttributeDefinition, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return attr.isJson ? JSON.stringify(value) : value;
}

/** Appends a parameter and returns its placeholder. */
export function placeholder(params: unknown[], value: unknown): string {
  return `$${params.push(value)}`;
}
