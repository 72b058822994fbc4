/**
 * A column's DEFAULT (pg_get_expr text), identity and generation → the IR's defaultValue,
 * autoIncrement and generated. Only constants the runtime can put into a new instance become
 * literals; everything the database must evaluate (now(), gen_random_uuid(), casts of 'now',
 * arithmetic) stays an SQL expression, verbatim.
 */
import type { AttributeIR, DataTypeIR, DefaultValueIR, JsonValue } from '../ir.js';

export interface ColumnDefaultInput {
  readonly defaultSql: string | null;
  /** pg_attribute.attidentity: '' | 'a' | 'd'. */
  readonly identity: string;
  /** pg_attribute.attgenerated: '' | 's'. */
  readonly generated: string;
  readonly type: DataTypeIR;
}

export interface ColumnDefault {
  readonly defaultValue?: DefaultValueIR;
  readonly autoIncrement: boolean;
  readonly generated?: AttributeIR['generated'];
}

export function mapDefault(input: ColumnDefaultInput): ColumnDefault {
  if (input.identity === 'a') return { autoIncrement: false, generated: 'identity-always' };
  if (input.identity === 'd') return { autoIncrement: false, generated: 'identity-by-default' };
  // The expression of a generated column is not a default: the client never writes it.
  if (input.generated === 's') return { autoIncrement: false, generated: 'computed' };
  const sql = input.defaultSql?.trim();
  if (!sql) return { autoIncrement: false };
  // A serial: an integer column whose default is its sequence (build-schema-ir keeps one per model).
  if (INTEGER_KINDS.has(input.type.kind) && /^nextval\('(?:[^']|'')+'::regclass\)$/i.test(sql))
    return { autoIncrement: true };
  const defaultValue = parseDefault(sql, input.type);
  return defaultValue ? { autoIncrement: false, defaultValue } : { autoIncrement: false };
}

/** A type name as pg_get_expr writes it after `::` (`character varying`, `public.mpaa_rating`, `"Name"`, `text[]`). */
const IDENT = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*)`;
const CAST = String.raw`::${IDENT}(?:\.${IDENT})?(?: [A-Za-z]+)*(?:\(\d+(?:,\d+)?\))?(?:\[\])*`;
const QUOTED_LITERAL = new RegExp(String.raw`^'((?:[^']|'')*)'(?:${CAST})?$`);
const NUMBER_LITERAL = /^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i;

/** Parses a DEFAULT expression; undefined for `NULL` (no default). */
export function parseDefault(sql: string, type: DataTypeIR): DefaultValueIR | undefined {
  if (/^NULL(?:::.*)?$/i.test(sql)) return undefined;
  // Bare constants are literals only for a column of their own kind (a money column's `0` stays SQL).
  if (/^(true|false)$/i.test(sql))
    return type.kind === 'BOOLEAN' ? literal(sql.toLowerCase() === 'true') : { kind: 'sql', sql };
  if (NUMBER_LITERAL.test(sql))
    return NUMBER_KINDS.has(type.kind) ? literal(numberValue(sql, type)) : { kind: 'sql', sql };
  const quoted = QUOTED_LITERAL.exec(sql);
  if (quoted) {
    const value = literalValue(quoted[1].replace(/''/g, "'"), type);
    if (value !== undefined) return literal(value);
  }
  return { kind: 'sql', sql };
}

function literal(value: JsonValue): DefaultValueIR {
  return { kind: 'literal', value };
}

const INTEGER_KINDS = new Set<DataTypeIR['kind']>(['SMALLINT', 'INTEGER', 'BIGINT']);
const NUMBER_KINDS = new Set<DataTypeIR['kind']>([
  'SMALLINT',
  'INTEGER',
  'BIGINT',
  'DECIMAL',
  'REAL',
  'DOUBLE',
  'FLOAT',
]);

/**
 * The value of a numeric constant as the column's TypeScript type holds it: DECIMAL and BIGINT
 * are strings (pg returns them so: exact), the other kinds are JavaScript numbers.
 */
function numberValue(text: string, type: DataTypeIR): JsonValue {
  return type.kind === 'DECIMAL' || type.kind === 'BIGINT' ? text : Number(text);
}

/** The JS value of a quoted constant for a column of `type`; undefined when it must stay SQL. */
function literalValue(text: string, type: DataTypeIR): JsonValue | undefined {
  switch (type.kind) {
    case 'BOOLEAN':
      return /^(t|true|y|yes|on|1)$/i.test(text)
        ? true
        : /^(f|false|n|no|off|0)$/i.test(text)
          ? false
          : undefined;
    case 'JSON':
    case 'JSONB':
      try {
        return JSON.parse(text) as JsonValue;
      } catch {
        return undefined;
      }
    case 'ARRAY':
      return parseArrayLiteral(text, type.element);
    case 'DATE':
    case 'BLOB':
    case 'TSVECTOR':
      // The runtime types these as Date/Buffer/...: leave the conversion to the database.
      return undefined;
    default:
      if (NUMBER_KINDS.has(type.kind)) return NUMBER_LITERAL.test(text) ? numberValue(text, type) : undefined;
      return text;
  }
}

/** A one-dimensional array literal (`{}`, `{a,"b c"}`) with scalar elements; undefined otherwise. */
export function parseArrayLiteral(text: string, element: DataTypeIR): JsonValue[] | undefined {
  const body = /^\{(.*)\}$/s.exec(text)?.[1];
  if (body === undefined) return undefined;
  if (body === '') return [];
  const items: string[] = [];
  const itemPattern = /\s*(?:"((?:[^"\\]|\\.)*)"|([^,{}"]*))\s*(,|$)/gy;
  let match: RegExpExecArray | null;
  while (itemPattern.lastIndex < body.length && (match = itemPattern.exec(body))) {
    const raw = match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : match[2];
    if (match[1] === undefined && /^NULL$/i.test(raw)) return undefined;
    items.push(raw);
    if (match[3] === '') break;
  }
  if (itemPattern.lastIndex !== body.length) return undefined;
  const values = items.map((item) => literalValue(item, element));
  return values.every((v) => v !== undefined) ? (values as JsonValue[]) : undefined;
}
