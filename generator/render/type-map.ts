/**
 * From a column type to what the generated code says about it: the TypeScript type of the
 * value `pg` hands back, and the `DataTypes` expression `init` is called with.
 *
 * The TypeScript side follows what the driver returns, not what would be convenient:
 * int8 and numeric come back as strings (they do not fit a JS number), `date` as
 * 'YYYY-MM-DD' (the runtime keeps it a string, as Sequelize's DATEONLY does).
 */
import type { DataTypeIR, DataTypeKind } from '../ir.js';

type ScalarKind = Exclude<DataTypeKind, 'ENUM' | 'ARRAY'>;

/** TypeScript type per kind; binary strings are handled before the table is read. */
const TS_TYPE: Record<ScalarKind, string> = {
  STRING: 'string',
  CHAR: 'string',
  TEXT: 'string',
  CITEXT: 'string',
  SMALLINT: 'number',
  INTEGER: 'number',
  BIGINT: 'string',
  FLOAT: 'number',
  REAL: 'number',
  DOUBLE: 'number',
  DECIMAL: 'string',
  BOOLEAN: 'boolean',
  DATE: 'Date',
  DATEONLY: 'string',
  TIME: 'string',
  UUID: 'string',
  JSON: 'JsonValue',
  JSONB: 'JsonValue',
  BLOB: 'Buffer',
  INET: 'string',
  CIDR: 'string',
  MACADDR: 'string',
  TSVECTOR: 'string',
  CUSTOM: 'string',
};

export function tsTypeOf(type: DataTypeIR, allowedValues?: readonly string[]): string {
  switch (type.kind) {
    case 'ENUM':
      return literalUnion(type.values);
    case 'ARRAY': {
      const element = tsTypeOf(type.element);
      return /[|&\s]/.test(element) ? `(${element})[]` : `${element}[]`;
    }
    case 'STRING':
    case 'CHAR':
      if (type.binary) return 'Buffer';
      break;
  }
  const base = TS_TYPE[type.kind];
  // A CHECK (col IN ('a','b')) narrows a string column to its literals.
  if (allowedValues && allowedValues.length > 0 && base === 'string') return literalUnion(allowedValues);
  return base;
}

/** Whether the value is a JS number, so `increment` may target it. */
export function isNumericTsType(type: DataTypeIR): boolean {
  return type.kind !== 'ENUM' && type.kind !== 'ARRAY' && TS_TYPE[type.kind] === 'number';
}

export function literalUnion(values: readonly string[]): string {
  return values.map((value) => quoteString(value)).join(' | ');
}

/** A TypeScript string literal in single quotes (prettier may requote it per the user's config). */
export function quoteString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}

/** The `DataTypes.X(...)` expression for `init`. */
export function dataTypeExpression(type: DataTypeIR): string {
  switch (type.kind) {
    case 'STRING':
    case 'CHAR':
      return `DataTypes.${type.kind}${args(type.length)}${type.binary ? '.BINARY' : ''}`;
    case 'TEXT':
      return `DataTypes.TEXT${type.variant ? `(${quoteString(type.variant)})` : ''}`;
    case 'BIGINT':
      return `DataTypes.BIGINT${args(type.length)}`;
    case 'FLOAT':
    case 'DOUBLE':
    case 'DECIMAL':
      return `DataTypes.${type.kind}${args(type.precision, type.scale)}`;
    case 'DATE':
      if (type.withoutTimeZone) {
        const precision = type.precision === undefined ? '' : `(${type.precision})`;
        return `DataTypes.CUSTOM(${quoteString(`timestamp${precision} without time zone`)})`;
      }
      return `DataTypes.DATE${args(type.precision)}`;
    case 'ENUM':
      return enumExpression(type);
    case 'ARRAY':
      return `DataTypes.ARRAY(${dataTypeExpression(type.element)})`;
    case 'CUSTOM':
      return `DataTypes.CUSTOM(${quoteString(type.sql)})`;
    default:
      return `DataTypes.${type.kind}`;
  }
}

function enumExpression(type: Extract<DataTypeIR, { kind: 'ENUM' }>): string {
  const values = type.values.map(quoteString).join(', ');
  if (type.typeName === undefined) return `DataTypes.ENUM(${values})`;
  const schema = type.typeSchema === undefined ? '' : `, schema: ${quoteString(type.typeSchema)}`;
  return `DataTypes.ENUM({ values: [${values}], name: ${quoteString(type.typeName)}${schema} })`;
}

function args(...values: (number | undefined)[]): string {
  const given = values.filter((value): value is number => value !== undefined);
  return given.length === 0 ? '' : `(${given.join(', ')})`;
}
