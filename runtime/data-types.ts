/**
 * DataTypes as Sequelize spells them, mapped to PostgreSQL column types (reference §5).
 * Each entry works bare (`DataTypes.STRING`), called (`DataTypes.STRING(100)`) and with `new`.
 * MySQL-only modifiers (UNSIGNED, ZEROFILL, lengths on INTEGER/BIGINT/DOUBLE, TEXT sizes) are
 * accepted and mapped to the plain PostgreSQL type, silently.
 */
import { isValidCustomTypeText } from './sql/type-text.js';

export { isValidCustomTypeText };

export type DataTypeKey =
  | 'STRING'
  | 'CHAR'
  | 'TEXT'
  | 'CITEXT'
  | 'SMALLINT'
  | 'INTEGER'
  | 'BIGINT'
  | 'FLOAT'
  | 'REAL'
  | 'DOUBLE'
  | 'DECIMAL'
  | 'BOOLEAN'
  | 'DATE'
  | 'DATEONLY'
  | 'TIME'
  | 'UUID'
  | 'JSON'
  | 'JSONB'
  | 'BLOB'
  | 'INET'
  | 'CIDR'
  | 'MACADDR'
  | 'TSVECTOR'
  | 'ENUM'
  | 'ARRAY'
  | 'CUSTOM'
  | 'VIRTUAL';

export interface EnumOptions {
  values: readonly string[];
  /** An existing PostgreSQL type name (introspected enums); default `enum_<table>_<column>`. */
  name?: string;
  schema?: string;
}

/** One column type. Instances are immutable. */
export class DataType {
  constructor(
    readonly key: DataTypeKey,
    private readonly sql: string,
    /** Maximum string length (STRING(n), CHAR(n)), checked before SQL runs. */
    readonly length?: number,
  ) {}
  /** The column type in DDL. ENUMs need their table and column to be named; see sql/ddl.ts. */
  toSql(): string {
    return this.sql;
  }
  toString(): string {
    return this.sql;
  }
}

export class EnumDataType extends DataType {
  readonly values: readonly string[];
  readonly name: string | undefined;
  readonly schema: string | undefined;
  constructor(options: EnumOptions) {
    super('ENUM', 'ENUM');
    if (!Array.isArray(options.values) || options.values.length === 0)
      throw new TypeError('ENUM needs at least one value');
    for (const v of options.values)
      if (typeof v !== 'string') throw new TypeError(`ENUM values must be strings, got ${JSON.stringify(v)}`);
    this.values = [...options.values];
    this.name = options.name;
    this.schema = options.schema;
  }
}

export class ArrayDataType extends DataType {
  constructor(readonly type: DataType) {
    super('ARRAY', `${type.toSql()}[]`);
  }
}

/**
 * An attribute with no column: never selected, inserted or created by sync. `returnType` and
 * `fields` are kept as Sequelize keeps them (fields: the attributes its getter reads).
 */
export class VirtualDataType extends DataType {
  constructor(
    readonly returnType: DataType | undefined,
    readonly fields: readonly string[],
  ) {
    super('VIRTUAL', 'VIRTUAL');
  }
}

export class StringDataType extends DataType {
  constructor(key: 'STRING' | 'CHAR', length: number) {
    super(key, `${key === 'STRING' ? 'VARCHAR' : 'CHAR'}(${checkLength(length)})`, length);
  }
  /** `STRING.BINARY`: PostgreSQL has no binary varchar; Sequelize maps it to BYTEA. */
  get BINARY(): DataType {
    return new DataType(this.key, 'BYTEA');
  }
}

export class NumberDataType extends DataType {
  /** MySQL modifiers; PostgreSQL has no unsigned integers, so these are the same type. */
  get UNSIGNED(): this {
    return this;
  }
  get ZEROFILL(): this {
    return this;
  }
}

function checkLength(length: number): number {
  if (!Number.isInteger(length) || length <= 0)
    throw new TypeError(`Invalid length ${JSON.stringify(length)} for a string type`);
  return length;
}

function checkPrecision(n: number | undefined): number | undefined {
  if (n !== undefined && (!Number.isInteger(n) || n < 0))
    throw new TypeError(`Invalid precision ${JSON.stringify(n)}`);
  return n;
}

/** A factory usable bare, called or with `new`, plus static modifiers. */
type Factory<Args extends unknown[], T extends DataType, Extra = unknown> = {
  (...args: Args): T;
  new (...args: Args): T;
} & Extra;

function factory<Args extends unknown[], T extends DataType, Extra extends object>(
  make: (...args: Args) => T,
  extra?: Extra,
): Factory<Args, T, Extra> {
  // A plain function returning an object also works with `new` (the object is the result).
  const fn = function (...args: Args): T {
    return make(...args);
  };
  return Object.assign(fn, extra) as unknown as Factory<Args, T, Extra>;
}

// Verbatim type text from a schema (`interval`, `"my-type"[]`, `numeric(5, 2)`): type syntax only
// (see isValidCustomTypeText), as it is spliced into CREATE TABLE.
function customType(sql: string): DataType {
  if (!isValidCustomTypeText(sql)) {
    throw new TypeError(
      `Invalid custom SQL type ${JSON.stringify(sql)}: expected a PostgreSQL type name with optional (n) or (n, m), with/without time zone and [] suffixes, e.g. 'numeric(10,2)[]' or 'timestamp(3) without time zone'`,
    );
  }
  return new DataType('CUSTOM', sql);
}

function enumType(...args: Array<string | readonly string[] | EnumOptions>): EnumDataType {
  const first = args[0];
  if (Array.isArray(first)) return new EnumDataType({ values: first as readonly string[] });
  if (first !== null && typeof first === 'object') return new EnumDataType(first as EnumOptions);
  return new EnumDataType({ values: args as string[] });
}

function arrayType(type: DataType | (() => DataType)): ArrayDataType {
  const element = typeof type === 'function' ? type() : type;
  if (!(element instanceof DataType))
    throw new TypeError('ARRAY needs a DataType, e.g. DataTypes.ARRAY(DataTypes.TEXT)');
  return new ArrayDataType(element);
}

function floatSql(name: string, precision?: number, scale?: number): string {
  return precision !== undefined && scale === undefined ? `${name}(${checkPrecision(precision)})` : name;
}

function decimalSql(precision?: number, scale?: number): string {
  if (precision === undefined) return 'DECIMAL';
  return scale === undefined
    ? `DECIMAL(${checkPrecision(precision)})`
    : `DECIMAL(${checkPrecision(precision)},${checkPrecision(scale)})`;
}

/** Markers for JS-side default values (filled when an instance is built). */
export class DefaultMarker {
  constructor(readonly key: 'UUIDV1' | 'UUIDV4' | 'NOW') {}
}

const stringBinary = {
  get BINARY() {
    return new DataType('STRING', 'BYTEA');
  },
};
const plain = (key: DataTypeKey, sql: string) => factory(() => new DataType(key, sql));
const numeric = (key: DataTypeKey, sql: string) =>
  factory((_length?: number) => new NumberDataType(key, sql), {
    UNSIGNED: new NumberDataType(key, sql),
    ZEROFILL: new NumberDataType(key, sql),
  });

export const DataTypes = {
  STRING: factory((length: number = 255) => new StringDataType('STRING', length), stringBinary),
  CHAR: factory((length: number = 255) => new StringDataType('CHAR', length), {
    get BINARY() {
      return new DataType('CHAR', 'BYTEA');
    },
  }),
  TEXT: factory((_variant?: 'tiny' | 'medium' | 'long') => new DataType('TEXT', 'TEXT')),
  CITEXT: plain('CITEXT', 'CITEXT'),
  SMALLINT: numeric('SMALLINT', 'SMALLINT'),
  INTEGER: numeric('INTEGER', 'INTEGER'),
  BIGINT: numeric('BIGINT', 'BIGINT'),
  FLOAT: factory(
    (precision?: number, scale?: number) => new NumberDataType('FLOAT', floatSql('FLOAT', precision, scale)),
  ),
  REAL: factory((_precision?: number, _scale?: number) => new NumberDataType('REAL', 'REAL')),
  DOUBLE: factory((_precision?: number, _scale?: number) => new NumberDataType('DOUBLE', 'DOUBLE PRECISION')),
  DECIMAL: factory(
    (precision?: number, scale?: number) => new NumberDataType('DECIMAL', decimalSql(precision, scale)),
  ),
  NUMERIC: factory(
    (precision?: number, scale?: number) => new NumberDataType('DECIMAL', decimalSql(precision, scale)),
  ),
  BOOLEAN: plain('BOOLEAN', 'BOOLEAN'),
  DATE: factory((_precision?: number) => new DataType('DATE', 'TIMESTAMP WITH TIME ZONE')),
  DATEONLY: plain('DATEONLY', 'DATE'),
  TIME: plain('TIME', 'TIME'),
  UUID: plain('UUID', 'UUID'),
  JSON: plain('JSON', 'JSON'),
  JSONB: plain('JSONB', 'JSONB'),
  BLOB: factory((_length?: 'tiny' | 'medium' | 'long') => new DataType('BLOB', 'BYTEA')),
  INET: plain('INET', 'INET'),
  CIDR: plain('CIDR', 'CIDR'),
  MACADDR: plain('MACADDR', 'MACADDR'),
  TSVECTOR: plain('TSVECTOR', 'TSVECTOR'),
  ENUM: factory(enumType),
  ARRAY: factory(arrayType),
  /** Any other PostgreSQL type, verbatim: `DataTypes.CUSTOM('interval')`. Values travel as strings. */
  CUSTOM: factory(customType),
  /** No column: a value computed by `get()` or taken apart by `set()`. */
  VIRTUAL: factory(
    (returnType?: DataTypeLike, fields: readonly string[] = []) =>
      new VirtualDataType(returnType === undefined ? undefined : toDataType(returnType), fields),
  ),
  UUIDV1: new DefaultMarker('UUIDV1'),
  UUIDV4: new DefaultMarker('UUIDV4'),
  NOW: new DefaultMarker('NOW'),
};

/** What an attribute's `type` may be: an instance, or a factory used bare. */
export type DataTypeLike = DataType | ((...args: never[]) => DataType);

/** Turns `DataTypes.STRING` (bare) into an instance; undefined when it is not a data type. */
export function toDataType(type: unknown): DataType | undefined {
  if (type instanceof DataType) return type;
  if (typeof type === 'function') {
    const made: unknown = (type as () => unknown)();
    return made instanceof DataType ? made : undefined;
  }
  if (typeof type === 'string') return customType(type);
  return undefined;
}
