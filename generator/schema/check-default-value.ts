import type { DataTypeIR, DefaultValueIR, JsonValue } from '../ir.js';
import { exceedsLength } from '../../runtime/validation.js';
import { describeType } from './describe-type.js';

const UUID_TYPES = new Set(['UUID', 'STRING', 'CHAR', 'TEXT', 'CITEXT']);
const NOW_TYPES = new Set(['DATE', 'DATEONLY']);
const STRING_TYPES = new Set([
  'STRING',
  'CHAR',
  'TEXT',
  'CITEXT',
  'TIME',
  'INET',
  'CIDR',
  'MACADDR',
  'TSVECTOR',
  'CUSTOM',
]);
const INTEGER_RANGES: Record<string, readonly [number, number]> = {
  SMALLINT: [-32768, 32767],
  INTEGER: [-2147483648, 2147483647],
};
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATEONLY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const NUMERIC_PATTERN = /^-?\d+(\.\d+)?$/;

/**
 * Why `defaultValue` cannot be a value of `type`, or undefined when it fits. Expressions
 * (`{ sql }`) are the database's business and are not checked.
 */
export function defaultValueProblem(defaultValue: DefaultValueIR, type: DataTypeIR): string | undefined {
  switch (defaultValue.kind) {
    case 'sql':
      return undefined;
    case 'UUIDV1':
    case 'UUIDV4':
      return UUID_TYPES.has(type.kind) && !isBinary(type)
        ? undefined
        : `${defaultValue.kind} fills in a UUID string, which does not fit ${describeType(type)}; use it on a UUID or STRING attribute`;
    case 'NOW':
      return NOW_TYPES.has(type.kind)
        ? undefined
        : `NOW fills in the current date, which does not fit ${describeType(type)}; use it on a DATE or DATEONLY attribute, or write { sql: "now()" }`;
    case 'literal':
      return literalProblem(defaultValue.value, type);
  }
}

function isBinary(type: DataTypeIR): boolean {
  return (type.kind === 'STRING' || type.kind === 'CHAR') && type.binary === true;
}

/** Checks a literal against the TypeScript value the column holds. */
function literalProblem(value: JsonValue, type: DataTypeIR): string | undefined {
  if (value === null) return undefined;
  const nonFinite = nonFiniteNumber(value);
  if (nonFinite !== undefined) {
    return `default ${nonFinite} (YAML's .inf or .nan) is not a finite number, which generated code cannot write as a literal; write it as an expression, e.g. { sql: "'${nonFinite}'" }`;
  }
  const shown = JSON.stringify(value);
  const doesNotFit = (expected: string) =>
    `default ${shown} does not fit ${describeType(type)}; expected ${expected}`;
  if (isBinary(type) || type.kind === 'BLOB') {
    return `${describeType(type)} cannot have a literal default; write an expression as { sql: "..." }`;
  }
  if (STRING_TYPES.has(type.kind)) return stringLiteralProblem(value, type, doesNotFit);
  switch (type.kind) {
    case 'SMALLINT':
    case 'INTEGER': {
      const [min, max] = INTEGER_RANGES[type.kind]!;
      return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
        ? undefined
        : doesNotFit(`a whole number from ${min} to ${max}`);
    }
    case 'BIGINT':
      return Number.isSafeInteger(value) || (typeof value === 'string' && /^-?\d+$/.test(value))
        ? undefined
        : doesNotFit('a whole number (or a string of digits)');
    case 'FLOAT':
    case 'REAL':
    case 'DOUBLE':
      return typeof value === 'number' ? undefined : doesNotFit('a number');
    case 'DECIMAL': {
      const text = typeof value === 'number' ? String(value) : value;
      if (typeof text !== 'string' || !NUMERIC_PATTERN.test(text))
        return doesNotFit("a number, or a decimal string such as '9.99'");
      const limit = type.precision === undefined ? undefined : type.precision - (type.scale ?? 0);
      return limit !== undefined && integerDigitsWhenRounded(text, type.scale ?? 0) > limit
        ? `default ${shown} does not fit ${describeType(type)}, which holds at most ${limit} digit(s) before the decimal point (PostgreSQL: numeric field overflow)`
        : undefined;
    }
    case 'BOOLEAN':
      return typeof value === 'boolean' ? undefined : doesNotFit('true or false');
    case 'DATE':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) && isCalendarDate(value)
        ? undefined
        : doesNotFit("a date string such as '2024-01-31T12:00:00Z', or NOW");
    case 'DATEONLY':
      return typeof value === 'string' && DATEONLY_PATTERN.test(value) && isCalendarDate(value)
        ? undefined
        : doesNotFit("a date string such as '2024-01-31', or NOW");
    case 'UUID':
      return typeof value === 'string' && UUID_PATTERN.test(value)
        ? undefined
        : doesNotFit('a UUID string, or UUIDV4');
    case 'ENUM':
      return typeof value === 'string' && type.values.includes(value)
        ? undefined
        : `default ${shown} is not one of the ENUM values (${type.values.join(', ')})`;
    case 'ARRAY':
      return arrayLiteralProblem(value, type.element, doesNotFit);
    default:
      return undefined; // JSON and JSONB take any value
  }
}

function stringLiteralProblem(
  value: JsonValue,
  type: DataTypeIR,
  doesNotFit: (expected: string) => string,
): string | undefined {
  if (typeof value !== 'string') return doesNotFit("a string; quote it ('...')");
  const length = type.kind === 'STRING' || type.kind === 'CHAR' ? (type.length ?? 255) : undefined;
  if (length !== undefined && exceedsLength(value, length)) {
    return `default ${JSON.stringify(value)} is longer than ${describeType(type)} allows (${length} characters)`;
  }
  return undefined;
}

function arrayLiteralProblem(
  value: JsonValue,
  element: DataTypeIR,
  doesNotFit: (expected: string) => string,
): string | undefined {
  if (!Array.isArray(value)) return doesNotFit('a list, e.g. []');
  for (const item of value) {
    const problem = item === null ? undefined : literalProblem(item, element);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/**
 * Whether a leading YYYY-MM-DD names a day of the calendar: JavaScript takes 2020-02-30 for
 * March 1st, PostgreSQL refuses it ("date/time field value out of range").
 */
function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!match) return true;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth;
}

/** Digits before the point once rounded to `scale` places, as PostgreSQL rounds (half away from zero): '999.996' at 2 is 4. */
function integerDigitsWhenRounded(text: string, scale: number): number {
  const [whole, fraction = ''] = text.replace(/^-/, '').split('.');
  let scaled = BigInt(whole + fraction.slice(0, scale).padEnd(scale, '0'));
  if ((fraction[scale] ?? '0') >= '5') scaled += 1n;
  return Math.max(scaled.toString().length - scale, 0);
}

/** The first Infinity, -Infinity or NaN in a literal (YAML can write them; JSON cannot), as text. */
function nonFiniteNumber(value: JsonValue): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : String(value);
  if (value === null || typeof value !== 'object') return undefined;
  for (const item of Array.isArray(value) ? value : Object.values(value)) {
    const found = nonFiniteNumber(item);
    if (found !== undefined) return found;
  }
  return undefined;
}
