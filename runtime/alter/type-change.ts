/**
 * How to change a column's type without losing rows: whether a cast (`USING`) is needed, whether
 * the change is safe (every old value has an equal new value) or destructive (narrowing,
 * rounding, casts PostgreSQL may reject), and which rows to count first so a change the data
 * forbids is refused with a number instead of failing halfway.
 */
import type { StepKind } from './sync-plan.js';
import type { ColumnType } from './column-type.js';
import { parseTypeText, typeModifiers } from '../sql/type-text.js';

/** A count query over the table: rows that would not survive the change. */
export interface RowCheck {
  /** SQL after `WHERE`, with `$n` parameters; `{c}` stands for the quoted column. */
  readonly condition: string;
  readonly params: readonly unknown[];
  /** What the failing rows hold: `values that are not numbers`. */
  readonly problem: string;
}

export interface TypeChange {
  readonly kind: StepKind;
  /** The USING expression; `{c}` stands for the quoted column. Undefined: PostgreSQL's assignment cast. */
  readonly using?: string;
  readonly check?: RowCheck;
  readonly how: string;
}

interface PlainType {
  readonly base: string;
  readonly modifiers: readonly number[];
  readonly array: boolean;
}

const STRINGS = new Set(['character varying', 'text', 'character', 'citext']);
const INTEGER_RANGES: Readonly<Record<string, readonly [string, string, number]>> = {
  smallint: ['-32768', '32767', 1],
  integer: ['-2147483648', '2147483647', 2],
  bigint: ['-9223372036854775808', '9223372036854775807', 3],
};
const INTEGER_TEXT = '^\\s*[-+]?[0-9]+\\s*$';
const NUMBER_TEXT = '^\\s*[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?\\s*$';

/** format_type() text → base name (time zone words included), whole-number modifiers, array or not. */
export function parsePlainType(format: string): PlainType {
  const parsed = parseTypeText(format);
  if (!parsed) return { base: format.replace(/(\[\])+$/, ''), modifiers: [], array: format.endsWith('[]') };
  return {
    base: `${parsed.name}${parsed.timeZone}`,
    modifiers: typeModifiers(format),
    array: parsed.arrayDimensions > 0,
  };
}

/**
 * `targetSql` is the new type as DDL (`INTEGER`, `"public"."enum_t_c"`); `labels` are the
 * target enum's labels when the target is an enum.
 */
export function planTypeChange(
  from: ColumnType,
  to: ColumnType,
  targetSql: string,
  labels: readonly string[] = [],
): TypeChange {
  if (to.kind === 'enum') return toEnum(from, to.array, targetSql, labels);
  const target = parsePlainType(to.format);
  if (from.kind === 'enum') return fromEnum(from.array, target, targetSql);
  const source = parsePlainType(from.format);
  if (source.array || target.array) return betweenArrays(source, target, targetSql);
  return betweenScalars(source, target, targetSql);
}

function toEnum(from: ColumnType, array: boolean, targetSql: string, labels: readonly string[]): TypeChange {
  const fromArray = from.kind === 'enum' ? from.array : parsePlainType(from.format).array;
  const fromText = from.kind === 'enum' || STRINGS.has(parsePlainType(from.format).base);
  if (fromArray !== array || !fromText) return generic(targetSql, `${array ? 'text[]' : 'text'}`);
  const problem = 'values that are not labels of the enum';
  if (array) {
    return {
      kind: 'safe',
      using: `{c}::text[]::${targetSql}`,
      how: 'cast the labels',
      check: { condition: 'NOT ({c}::text[] <@ $1::text[])', params: [labels], problem },
    };
  }
  return {
    kind: 'safe',
    using: `{c}::text::${targetSql}`,
    how: 'cast the labels',
    check: { condition: '{c}::text <> ALL ($1::text[])', params: [labels], problem },
  };
}

function fromEnum(array: boolean, target: PlainType, targetSql: string): TypeChange {
  if (array !== target.array || !STRINGS.has(target.base))
    return generic(targetSql, array ? 'text[]' : 'text');
  if (array) {
    return target.base === 'text'
      ? { kind: 'safe', using: '{c}::text[]', how: 'labels become text' }
      : generic(targetSql, 'text[]');
  }
  const change: TypeChange = { kind: 'safe', using: '{c}::text', how: 'labels become text' };
  return withLengthCheck(change, target);
}

function betweenArrays(source: PlainType, target: PlainType, targetSql: string): TypeChange {
  if (source.array && target.array) {
    const element = betweenScalars({ ...source, array: false }, { ...target, array: false }, targetSql);
    if (element.kind === 'safe' && !element.using && !element.check) return element;
  }
  return generic(targetSql);
}

function betweenScalars(source: PlainType, target: PlainType, targetSql: string): TypeChange {
  if (STRINGS.has(target.base)) return toString(source, target);
  const targetRange = INTEGER_RANGES[target.base];
  if (targetRange) return toInteger(source, target, targetRange);
  if (target.base === 'numeric') return toNumeric(source, target);
  if (
    target.base === 'double precision' &&
    (source.base === 'real' || source.base === 'smallint' || source.base === 'integer')
  )
    return widen();
  return generic(targetSql);
}

function widen(using?: string): TypeChange {
  return { kind: 'safe', how: 'widen', ...(using ? { using } : {}) };
}

function toString(source: PlainType, target: PlainType): TypeChange {
  const fromString = STRINGS.has(source.base);
  const using = fromString ? undefined : '{c}::text';
  const [limit] = target.modifiers;
  if (limit === undefined) return widen(using);
  if (target.base === 'character varying' && TEXT_EXACT.has(source.base)) return becomeText(source, limit);
  const [sourceLimit] = source.modifiers;
  const fits =
    fromString &&
    source.base !== 'text' &&
    source.base !== 'citext' &&
    sourceLimit !== undefined &&
    sourceLimit <= limit;
  if (fits) return widen();
  // No explicit cast here: `::varchar(n)` would cut long values silently; the assignment cast refuses them.
  return withLengthCheck({ kind: 'destructive', how: 'narrow', ...(using ? { using } : {}) }, target);
}

/**
 * A value of these types has one text, and the text reads back as the same value: converting to
 * varchar(n) loses nothing when each text fits n. (Not char(n): it pads the text with spaces.)
 */
const TEXT_EXACT = new Set(['smallint', 'integer', 'bigint', 'numeric', 'boolean', 'date', 'uuid']);
/** The longest text a value of the type has, when it is bounded (`-2147483648`, `false`). */
const LONGEST_TEXT: Readonly<Record<string, number>> = {
  smallint: 6,
  integer: 11,
  bigint: 20,
  boolean: 5,
  uuid: 36,
};

function becomeText(source: PlainType, limit: number): TypeChange {
  const change: TypeChange = { kind: 'safe', how: 'values become text', using: '{c}::text' };
  // No row can be too long: nothing to count.
  if ((LONGEST_TEXT[source.base] ?? Infinity) <= limit) return change;
  return withLengthCheck(change, { base: 'character varying', modifiers: [limit], array: false });
}

function withLengthCheck(change: TypeChange, target: PlainType): TypeChange {
  const [limit] = target.modifiers;
  if (limit === undefined) return change;
  return {
    ...change,
    check: {
      condition: 'length({c}::text) > $1',
      params: [limit],
      problem: `values longer than ${limit} characters`,
    },
  };
}

function toInteger(
  source: PlainType,
  target: PlainType,
  [low, high, rank]: readonly [string, string, number],
): TypeChange {
  const problem = `values outside ${target.base} (${low} to ${high})`;
  const sourceRange = INTEGER_RANGES[source.base];
  if (sourceRange) {
    if (sourceRange[2] <= rank) return widen();
    return {
      kind: 'destructive',
      how: 'narrow',
      check: { condition: '{c} NOT BETWEEN $1 AND $2', params: [low, high], problem },
    };
  }
  if (STRINGS.has(source.base)) {
    return {
      kind: 'safe',
      how: 'cast numeric strings',
      using: `trim({c})::${target.base}`,
      check: {
        condition:
          'NOT (CASE WHEN {c}::text ~ $1 THEN trim({c}::text)::numeric BETWEEN $2 AND $3 ELSE false END)',
        params: [INTEGER_TEXT, low, high],
        problem: `values that are not whole numbers within ${target.base}`,
      },
    };
  }
  return { kind: 'destructive', how: 'round to whole numbers', using: `{c}::${target.base}` };
}

function toNumeric(source: PlainType, target: PlainType): TypeChange {
  const [precision, scale = 0] = target.modifiers;
  if (STRINGS.has(source.base)) {
    const check = {
      condition: 'NOT ({c}::text ~ $1)',
      params: [NUMBER_TEXT],
      problem: 'values that are not numbers',
    };
    return {
      kind: precision === undefined ? 'safe' : 'destructive',
      how: 'cast numeric strings',
      using: `trim({c})::numeric`,
      check,
    };
  }
  if (precision === undefined && (INTEGER_RANGES[source.base] || source.base === 'numeric')) return widen();
  if (source.base === 'numeric' && source.modifiers.length) {
    const [p, s = 0] = source.modifiers;
    if (scale >= s && precision - scale >= p - s) return widen();
  }
  return {
    kind: 'destructive',
    how: 'round or overflow',
    using: `{c}::numeric${precision === undefined ? '' : `(${precision},${scale})`}`,
  };
}

/** Any other change: an explicit cast PostgreSQL may reject (the transaction then undoes everything). */
function generic(targetSql: string, via?: string): TypeChange {
  return {
    kind: 'destructive',
    how: 'explicit cast',
    using: via ? `{c}::${via}::${targetSql}` : `{c}::${targetSql}`,
  };
}
