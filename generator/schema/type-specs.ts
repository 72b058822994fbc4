import { isValidCustomTypeText } from '../../runtime/sql/type-text.js';
import type { DataTypeIR } from '../ir.js';
import { TypeSyntaxError } from './type-tokens.js';

/** One argument inside a type's parentheses. */
export type TypeArg =
  | { readonly kind: 'number'; readonly value: number; readonly text: string; readonly offset: number }
  | { readonly kind: 'string'; readonly value: string; readonly text: string; readonly offset: number }
  | { readonly kind: 'type'; readonly type: DataTypeIR; readonly text: string; readonly offset: number }
  /** A bare word given to a type that takes no type argument (`DECIMAL(x)`, `ENUM(a)`). */
  | { readonly kind: 'word'; readonly text: string; readonly offset: number };

/** A written type: its name, its arguments (absent without parentheses) and its `.MODIFIER`s. */
export interface TypeCall {
  readonly name: string;
  readonly args: readonly TypeArg[] | undefined;
  readonly modifiers: readonly string[];
  /** Offset of the closing parenthesis (or the name's end), for messages about missing arguments. */
  readonly endOffset: number;
}

/** How one type name is written and what it becomes. */
export interface TypeSpec {
  /** The accepted forms, quoted in messages: `DECIMAL, DECIMAL(precision) or DECIMAL(precision, scale)`. */
  readonly usage: string;
  readonly modifiers?: readonly string[];
  /** True when an argument is itself a type (ARRAY); other types read bare words as mistakes. */
  readonly takesType?: boolean;
  build(call: TypeCall): DataTypeIR;
}

const TEXT_VARIANTS = ['tiny', 'medium', 'long'] as const;

function simple(kind: DataTypeIR['kind']): TypeSpec {
  return {
    usage: kind,
    build: (call) => {
      expectArgCount(call, 0, `${kind} takes no arguments`);
      return { kind } as DataTypeIR;
    },
  };
}

function expectArgCount(call: TypeCall, max: number, message: string): readonly TypeArg[] {
  const args = call.args ?? [];
  if (args.length > max) throw new TypeSyntaxError(message, args[max]!.offset);
  return args;
}

/** Whole-number arguments, e.g. a length or a precision; `min` is the smallest allowed value. */
function wholeNumbers(call: TypeCall, max: number, min = 1): number[] {
  const args = expectArgCount(call, max, `${call.name} takes at most ${max} argument${max > 1 ? 's' : ''}`);
  if (call.args !== undefined && args.length === 0) {
    throw new TypeSyntaxError(`${call.name}() needs an argument or no parentheses`, call.endOffset);
  }
  return args.map((arg, index) => {
    const lowest = index === 0 ? min : 0;
    if (arg.kind !== 'number' || !Number.isInteger(arg.value) || arg.value < lowest) {
      throw new TypeSyntaxError(
        `${call.name} takes whole numbers${lowest > 0 ? ' from 1' : ''}, got ${arg.text}`,
        arg.offset,
      );
    }
    return arg.value;
  });
}

function withLength(kind: 'STRING' | 'CHAR'): TypeSpec {
  return {
    usage: `${kind}, ${kind}(length), ${kind}.BINARY or ${kind}(length).BINARY`,
    modifiers: ['BINARY'],
    build: (call) => {
      const [length] = wholeNumbers(call, 1);
      const binary = call.modifiers.includes('BINARY');
      return { kind, ...(length !== undefined && { length }), ...(binary && { binary }) };
    },
  };
}

function withPrecision(kind: 'FLOAT' | 'DOUBLE' | 'DECIMAL', usage: string): TypeSpec {
  return {
    usage,
    build: (call) => {
      const [precision, scale] = wholeNumbers(call, 2);
      if (precision !== undefined && scale !== undefined && scale > precision && kind === 'DECIMAL') {
        throw new TypeSyntaxError(
          `DECIMAL scale ${scale} is larger than its precision ${precision}`,
          call.args![1]!.offset,
        );
      }
      return { kind, ...(precision !== undefined && { precision }), ...(scale !== undefined && { scale }) };
    },
  };
}

const textSpec: TypeSpec = {
  usage: `TEXT or TEXT('tiny' | 'medium' | 'long')`,
  build: (call) => {
    const [variant] = expectArgCount(call, 1, 'TEXT takes at most one argument');
    if (variant === undefined) return { kind: 'TEXT' };
    if (variant.kind !== 'string' || !(TEXT_VARIANTS as readonly string[]).includes(variant.value)) {
      throw new TypeSyntaxError(`TEXT takes 'tiny', 'medium' or 'long', got ${variant.text}`, variant.offset);
    }
    return { kind: 'TEXT', variant: variant.value as (typeof TEXT_VARIANTS)[number] };
  },
};

const enumSpec: TypeSpec = {
  usage: `ENUM('a', 'b') or ENUM with values: [a, b]`,
  build: (call) => {
    if (call.args === undefined) return { kind: 'ENUM', values: [] };
    if (call.args.length === 0) {
      throw new TypeSyntaxError(`ENUM() needs at least one value`, call.endOffset);
    }
    const values: string[] = [];
    for (const arg of call.args) {
      if (arg.kind !== 'string')
        throw new TypeSyntaxError(`ENUM values are quoted strings, got ${arg.text}`, arg.offset);
      if (values.includes(arg.value))
        throw new TypeSyntaxError(`ENUM value '${arg.value}' is listed twice; remove one`, arg.offset, true);
      values.push(arg.value);
    }
    return { kind: 'ENUM', values };
  },
};

const arraySpec: TypeSpec = {
  usage: 'ARRAY(type), e.g. ARRAY(TEXT)',
  takesType: true,
  build: (call) => {
    const args = expectArgCount(call, 1, 'ARRAY takes one element type');
    const [element] = args;
    if (element === undefined) throw new TypeSyntaxError('ARRAY needs an element type', call.endOffset);
    if (element.kind !== 'type')
      throw new TypeSyntaxError(`ARRAY takes a type, got ${element.text}`, element.offset);
    return { kind: 'ARRAY', element: element.type };
  },
};

const customSpec: TypeSpec = {
  usage: `CUSTOM('sql type'), e.g. CUSTOM('interval')`,
  build: (call) => {
    const [sql] = expectArgCount(call, 1, 'CUSTOM takes one argument');
    if (sql === undefined) throw new TypeSyntaxError('CUSTOM needs the PostgreSQL type', call.endOffset);
    if (sql.kind !== 'string' || sql.value.trim() === '') {
      throw new TypeSyntaxError(
        `CUSTOM takes the PostgreSQL type as a quoted string, got ${sql.text}`,
        sql.offset,
      );
    }
    // The runtime's own grammar: the text goes into CREATE TABLE, so it must be a type and nothing more.
    if (!isValidCustomTypeText(sql.value)) {
      throw new TypeSyntaxError(
        `CUSTOM('${sql.value}') is not a PostgreSQL type name; write a type such as 'interval', 'numeric(10,2)' or 'timestamp(3) without time zone'`,
        sql.offset,
      );
    }
    return timestampType(sql.value) ?? { kind: 'CUSTOM', sql: sql.value };
  },
};

const TIMESTAMP_TEXT = /^timestamp\s*(?:\(\s*(\d+)\s*\))?(?:\s+(with|without)\s+time\s+zone)?$/i;
const TIMESTAMPTZ_TEXT = /^timestamptz\s*(?:\(\s*(\d+)\s*\))?$/i;

/**
 * `CUSTOM('timestamp without time zone')` (or `timestamp(3)`, `timestamptz`) is a DATE: its
 * values are Dates, as pg returns them, and it may be a timestamp the runtime fills. It is also
 * how the format says "without time zone", which --schema-out writes for such columns.
 */
function timestampType(sql: string): DataTypeIR | undefined {
  const text = sql.trim();
  const plain = TIMESTAMP_TEXT.exec(text);
  const zoned = plain ? undefined : TIMESTAMPTZ_TEXT.exec(text);
  const match = plain ?? zoned;
  if (!match) return undefined;
  const precision = match[1] === undefined ? undefined : Number(match[1]);
  const withoutTimeZone = plain !== null && plain[2]?.toLowerCase() !== 'with';
  return {
    kind: 'DATE',
    ...(precision !== undefined && { precision }),
    ...(withoutTimeZone && { withoutTimeZone }),
  };
}

/** Every type name of the format, as Sequelize's DataTypes name them. */
export const TYPE_SPECS: Readonly<Record<string, TypeSpec>> = {
  STRING: withLength('STRING'),
  CHAR: withLength('CHAR'),
  TEXT: textSpec,
  CITEXT: simple('CITEXT'),
  SMALLINT: simple('SMALLINT'),
  INTEGER: simple('INTEGER'),
  BIGINT: {
    usage: 'BIGINT or BIGINT(length)',
    build: (call) => {
      const [length] = wholeNumbers(call, 1);
      return { kind: 'BIGINT', ...(length !== undefined && { length }) };
    },
  },
  FLOAT: withPrecision('FLOAT', 'FLOAT, FLOAT(precision) or FLOAT(precision, scale)'),
  REAL: simple('REAL'),
  DOUBLE: withPrecision('DOUBLE', 'DOUBLE, DOUBLE(precision) or DOUBLE(precision, scale)'),
  DECIMAL: withPrecision('DECIMAL', 'DECIMAL, DECIMAL(precision) or DECIMAL(precision, scale)'),
  BOOLEAN: simple('BOOLEAN'),
  DATE: {
    usage: 'DATE or DATE(precision)',
    build: (call) => {
      const [precision] = wholeNumbers(call, 1, 0);
      return { kind: 'DATE', ...(precision !== undefined && { precision }) };
    },
  },
  DATEONLY: simple('DATEONLY'),
  TIME: simple('TIME'),
  UUID: simple('UUID'),
  JSON: simple('JSON'),
  JSONB: simple('JSONB'),
  BLOB: simple('BLOB'),
  INET: simple('INET'),
  CIDR: simple('CIDR'),
  MACADDR: simple('MACADDR'),
  TSVECTOR: simple('TSVECTOR'),
  ENUM: enumSpec,
  ARRAY: arraySpec,
  CUSTOM: customSpec,
};

export const TYPE_NAMES: readonly string[] = Object.keys(TYPE_SPECS);

/** SQL and other-ORM spellings people write by habit, and what to write instead. */
export const TYPE_ALIASES: Readonly<Record<string, string>> = {
  VARCHAR: 'STRING',
  INT: 'INTEGER',
  INT4: 'INTEGER',
  INT8: 'BIGINT',
  INT2: 'SMALLINT',
  TINYINT: 'SMALLINT',
  MEDIUMINT: 'INTEGER',
  SERIAL: 'INTEGER with autoIncrement: true',
  BIGSERIAL: 'BIGINT with autoIncrement: true',
  BOOL: 'BOOLEAN',
  NUMERIC: 'DECIMAL',
  NUMBER: 'DECIMAL',
  TIMESTAMP: 'DATE',
  TIMESTAMPTZ: 'DATE',
  DATETIME: 'DATE',
  BYTEA: 'BLOB',
  VIRTUAL: 'a getter under getters: (VIRTUAL attributes have no column)',
  INTERVAL: "CUSTOM('interval')",
};
