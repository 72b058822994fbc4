import type { DataTypeIR } from '../ir.js';

/** The ENUM inside a type (`ENUM`, `ARRAY(ENUM)`, `ARRAY(ARRAY(ENUM))`), if any. */
export function findEnum(type: DataTypeIR): Extract<DataTypeIR, { kind: 'ENUM' }> | undefined {
  if (type.kind === 'ENUM') return type;
  if (type.kind === 'ARRAY') return findEnum(type.element);
  return undefined;
}

/** The same type with its ENUM's values replaced by `values`. */
export function withEnumValues(type: DataTypeIR, values: readonly string[]): DataTypeIR {
  if (type.kind === 'ENUM') return { ...type, values };
  if (type.kind === 'ARRAY') return { kind: 'ARRAY', element: withEnumValues(type.element, values) };
  return type;
}
