/**
 * From a column type to what the generated code says about it: the TypeScript type of the
 * value `pg` hands back, and the `DataTypes` expression `init` is called with.
 *
 * The TypeScript side follows what the driver returns, not what would be convenient:
 * int8 and numeric come back as strings (they do not fit a JS number), typed NumericString so
 * that `increment` knows them as numeric, `date` as
 * 'YYYY-MM-DD' (the runtime keeps it a string, as Sequelize's DATEONLY does).
 */
import type { AttributeIR, DataTypeIR, DataTypeKind } from '../ir.js';
import { call, id, member, object, str, type Expression } from '../layout/expression.js';
import { flatType, typeName, union, type TypeExpression } from '../layout/type-expression.js';

type ScalarKind = Exclude<DataTypeKind, 'ENUM' | 'ARRAY'>;

/** TypeScript type per kind; binary strings are handled before the table is read. */
const TS_TYPE: Record<ScalarKind, string> = {
  STRING: 'string',
  CHAR: 'string',
  TEXT: 'string',
  CITEXT: 'string',
  SMALLINT: 'number',
  INTEGER: 'number',
  BIGINT: 'NumericString',
  FLOAT: 'number',
  REAL: 'number',
  DOUBLE: 'number',
  DECIMAL: 'NumericString',
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

/** The TypeScript type of the value `pg` hands back for a column of this type. */
export function tsTypeExpression(type: DataTypeIR, allowedValues?: readonly string[]): TypeExpression {
  switch (type.kind) {
    case 'ENUM':
      return literalUnion(type.values);
    case 'ARRAY':
      return { kind: 'array', element: tsTypeExpression(type.element) };
    case 'STRING':
    case 'CHAR':
      if (type.binary) return typeName('Buffer');
      break;
  }
  const base = TS_TYPE[type.kind];
  // A CHECK (col IN ('a','b')) narrows a string column to its literals.
  if (allowedValues && allowedValues.length > 0 && base === 'string') return literalUnion(allowedValues);
  return typeName(base);
}

/** An attribute's type: the configuration's override when it has one, else its column type's. */
export function attributeTypeExpression(attribute: AttributeIR): TypeExpression {
  return attribute.tsType
    ? typeName(attribute.tsType.type)
    : tsTypeExpression(attribute.type, attribute.checkValues);
}

/** The same type as one line of TypeScript. */
export function tsTypeOf(type: DataTypeIR, allowedValues?: readonly string[]): string {
  return flatType(tsTypeExpression(type, allowedValues));
}

function literalUnion(values: readonly string[]): TypeExpression {
  return union(values.map((value) => ({ kind: 'literal', value })));
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
        args: [
          {
            values: type.values,
            name: type.typeName,
            ...(type.typeSchema === undefined ? {} : { schema: type.typeSchema }),
          },
        ],
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
export function dataTypeExpression(type: DataTypeIR): Expression {
  return callExpression(dataTypeCall(type));
}

function callExpression(dataType: DataTypeCall): Expression {
  const callee = member(id('DataTypes'), dataType.name);
  const expression =
    dataType.args.length === 0 ? callee : call(callee, dataType.args.map(argumentExpression));
  return dataType.binary ? member(expression, 'BINARY') : expression;
}

function argumentExpression(arg: DataTypeArg): Expression {
  if (typeof arg === 'number') return { kind: 'number', value: arg };
  if (typeof arg === 'string') return str(arg);
  if ('args' in arg) return callExpression(arg);
  return object([
    { key: 'values', value: { kind: 'array', items: arg.values.map(str) } },
    { key: 'name', value: str(arg.name) },
    ...(arg.schema === undefined ? [] : [{ key: 'schema', value: str(arg.schema) }]),
  ]);
}

function numbers(...values: (number | undefined)[]): number[] {
  return values.filter((value): value is number => value !== undefined);
}
