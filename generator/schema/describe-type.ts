import type { DataTypeIR } from '../ir.js';

/** A type written back the way the schema writes it (`STRING(100).BINARY`, `ARRAY(ENUM)`), for messages. */
export function describeType(type: DataTypeIR): string {
  switch (type.kind) {
    case 'STRING':
    case 'CHAR':
      return `${type.kind}${type.length !== undefined ? `(${type.length})` : ''}${type.binary ? '.BINARY' : ''}`;
    case 'TEXT':
      return type.variant ? `TEXT('${type.variant}')` : 'TEXT';
    case 'BIGINT':
      return type.length !== undefined ? `BIGINT(${type.length})` : 'BIGINT';
    case 'FLOAT':
    case 'DOUBLE':
    case 'DECIMAL':
      return `${type.kind}${numbers(type.precision, type.scale)}`;
    case 'DATE':
      if (type.withoutTimeZone) return `CUSTOM('timestamp${numbers(type.precision)} without time zone')`;
      return `DATE${numbers(type.precision)}`;
    case 'ARRAY':
      return `ARRAY(${describeType(type.element)})`;
    case 'CUSTOM':
      return `CUSTOM('${type.sql}')`;
    default:
      return type.kind;
  }
}

function numbers(...values: (number | undefined)[]): string {
  const given = values.filter((v): v is number => v !== undefined);
  return given.length === 0 ? '' : `(${given.join(',')})`;
}
