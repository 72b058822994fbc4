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

/**
 * A column type as a call on the runtime's DataTypes: `STRING(100).BINARY` is
 * `{ name: 'STRING', args: [100], binary: true }`. Printed into generated code here, and
 * instantiated against the runtime by `gen-models plan`: one mapping for both.
 */
export interface DataTypeCall {
  readonly name: string;
  readonly args: readonly DataTypeArg[];
  readonly binary?: boolean;
}

export type DataTypeArg = number | string | DataTypeCall | EnumOptions;

export interface EnumOptions {
  readonly values: readonly string[];
  readonly name: string;
  readonly schema?: string;
}

export function dataTypeCall(type: DataTypeIR): DataTypeCall {
  switch (type.kind) {
    case 'STRING':
    case 'CHAR':
      return { name: type.kind, args: numbers(type.length), ...(type.binary ? { binary: true } : {}) };
    case 'TEXT':
      return { name: 'TEXT', args: type.variant ? [type.variant] : [] };
    case 'BIGINT':
      return { name: 'BIGINT', args: numbers(type.length) };
    case 'FLOAT':
    case 'DOUBLE':
    case 'DECIMAL':
      return { name: type.kind, args: numbers(type.precision, type.scale) };
    case 'DATE':
      if (type.withoutTimeZone) {
        const precision = type.precision === undefined ? '' : `(${type.precision})`;
        return { name: 'CUSTOM', args: [`timestamp${precision} without time zone`] };
      }
      return { name: 'DATE', args: numbers(type.precision) };
    case 'ENUM':
      if (type.typeName === undefined) return { name: 'ENUM', args: [...type.values] };
      return {
        name: 'ENUM',
        args: [{ values: type.values, name: type.typeName, ...(type.typeSchema === undefined ? {} : { schema: type.typeSchema }) }],
      };
    case 'ARRAY':
      return { name: 'ARRAY', args: [dataTypeCall(type.element)] };
    case 'CUSTOM':
      return { name: 'CUSTOM', args: [type.sql] };
    default:
      return { name: type.kind, args: [] };
  }
}

/** The `DataTypes.X(...)` expression for `init`. */
export function dataTypeExpression(type: DataTypeIR): string {
  return printCall(dataTypeCall(type));
}

function printCall(call: DataTypeCall): string {
  const args = call.args.length === 0 ? '' : `(${call.args.map(printArg).join(', ')})`;
  return `DataTypes.${call.name}${args}${call.binary ? '.BINARY' : ''}`;
}

function printArg(arg: DataTypeArg): string {
  if (typeof arg === 'number') return String(arg);
  if (typeof arg === 'string') return quoteString(arg);
  if ('args' in arg) return printCall(arg);
  const schema = arg.schema === undefined ? '' : `, schema: ${quoteString(arg.schema)}`;
  return `{ values: [${arg.values.map(quoteString).join(', ')}], name: ${quoteString(arg.name)}${schema} }`;
}

function numbers(...values: (number | undefined)[]): number[] {
  return values.filter((value): value is number => value !== undefined);
}
