/**
 * A column's type in one comparable form, for the model and for the live table: enums by
 * (schema, name), everything else as the text format_type() prints (`character varying(20)`,
 * `numeric(10,2)`, `integer[]`). The model's DDL type is normalised to that text here, so a
 * table that sync() created compares equal to its model and alter sends nothing.
 */
import { typeRefOf, type ColumnRow, type DomainRow } from '../catalog/catalog-rows.js';
import { resolveDomainChain } from '../catalog/domain-chain.js';
import { parseTypeText } from '../sql/type-text.js';
import type { AttributeDefinition } from '../model-definition.js';

export type ColumnType =
  | { readonly kind: 'enum'; readonly schema: string; readonly name: string; readonly array: boolean }
  | { readonly kind: 'plain'; readonly format: string };

/** The live column's type; a domain (`"Name"`, pagila's `year`) counts as its base type, chains followed. */
export function liveColumnType(row: ColumnRow, domains: ReadonlyMap<string, DomainRow>): ColumnType {
  const ref = resolveDomainChain(typeRefOf(row, 'type'), domains).base;
  if (ref.kind === 'e') return { kind: 'enum', schema: ref.schema, name: ref.name, array: false };
  if (ref.category === 'A' && ref.element?.kind === 'e')
    return { kind: 'enum', schema: ref.element.schema, name: ref.element.name, array: true };
  return { kind: 'plain', format: ref.format };
}

export function modelColumnType(attr: AttributeDefinition): ColumnType {
  if (attr.enumType)
    return { kind: 'enum', schema: attr.enumType.schema, name: attr.enumType.name, array: attr.isArray };
  return { kind: 'plain', format: formatTypeOf(attr.type.toSql()) };
}

export function sameColumnType(a: ColumnType, b: ColumnType): boolean {
  if (a.kind === 'enum' && b.kind === 'enum')
    return a.schema === b.schema && a.name === b.name && a.array === b.array;
  return (
    a.kind === 'plain' && b.kind === 'plain' && comparableFormat(a.format) === comparableFormat(b.format)
  );
}

/**
 * Two spellings of one type become one text: PostgreSQL folds unquoted words to lower case
 * (`geometry(POINT,4326)` is `geometry(Point,4326)`: the modifier reaches the type as `point`),
 * and an array is an array whatever its declared dimensions (format_type prints one `[]`).
 */
function comparableFormat(format: string): string {
  const parsed = parseTypeText(format);
  if (!parsed) return format;
  const modifiers = parsed.modifiers.length ? `(${parsed.modifiers.map(foldUnquoted).join(',')})` : '';
  return `${foldUnquoted(parsed.name)}${modifiers}${parsed.timeZone}${parsed.arrayDimensions ? '[]' : ''}`;
}

/** Lower-cases the words outside double quotes. */
function foldUnquoted(text: string): string {
  return text.replace(/"(?:[^"]|"")*"|[^"]+/g, (part) => (part.startsWith('"') ? part : part.toLowerCase()));
}

export function describeColumnType(type: ColumnType): string {
  if (type.kind === 'plain') return type.format;
  return `enum ${type.schema}.${type.name}${type.array ? '[]' : ''}`;
}

/** Spellings PostgreSQL accepts for a type → the one format_type() prints. */
const ALIASES: Readonly<Record<string, string>> = {
  int: 'integer',
  int4: 'integer',
  integer: 'integer',
  serial: 'integer',
  serial4: 'integer',
  int8: 'bigint',
  bigint: 'bigint',
  bigserial: 'bigint',
  serial8: 'bigint',
  int2: 'smallint',
  smallint: 'smallint',
  smallserial: 'smallint',
  serial2: 'smallint',
  bool: 'boolean',
  float: 'double precision',
  float8: 'double precision',
  double: 'double precision',
  float4: 'real',
  decimal: 'numeric',
  varchar: 'character varying',
  char: 'character(1)',
  character: 'character(1)',
  bpchar: 'character',
  timestamptz: 'timestamp with time zone',
  timestamp: 'timestamp without time zone',
  time: 'time without time zone',
  timetz: 'time with time zone',
  bit: 'bit(1)',
  varbit: 'bit varying',
};

const PARAMETERISED: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^(?:varchar|character varying)\((\d+)\)$/, (m) => `character varying(${m[1]})`],
  [/^(?:char|character|bpchar)\((\d+)\)$/, (m) => `character(${m[1]})`],
  [/^(?:decimal|numeric)\((\d+)\)$/, (m) => `numeric(${m[1]},0)`],
  [/^(?:decimal|numeric)\((\d+),(-?\d+)\)$/, (m) => `numeric(${m[1]},${m[2]})`],
  [/^varbit\((\d+)\)$/, (m) => `bit varying(${m[1]})`],
  [/^(?:timetz\((\d+)\)|time\((\d+)\) with time zone)$/, (m) => `time(${m[1] ?? m[2]}) with time zone`],
  [/^time\((\d+)\)(?: without time zone)?$/, (m) => `time(${m[1]}) without time zone`],
  [/^float\((\d+)\)$/, (m) => (Number(m[1]) <= 24 ? 'real' : 'double precision')],
  [
    /^(?:timestamptz\((\d+)\)|timestamp\((\d+)\) with time zone)$/,
    (m) => `timestamp(${m[1] ?? m[2]}) with time zone`,
  ],
  [/^timestamp\((\d+)\)(?: without time zone)?$/, (m) => `timestamp(${m[1]}) without time zone`],
];

/**
 * DDL type text (`VARCHAR(20)`, `DECIMAL(10,2)`, `TEXT[]`, a CUSTOM type) → format_type() text:
 * built-in spellings become the one PostgreSQL prints; other types keep their name (unquoted
 * words in lower case) and their modifiers as written (`geometry(Polygon,4326)`).
 */
export function formatTypeOf(sql: string): string {
  const parsed = parseTypeText(sql);
  if (!parsed) return sql.trim().replace(/\s+/g, ' ');
  const modifiers = parsed.modifiers.length ? `(${parsed.modifiers.join(',')})` : '';
  const scalar = `${foldUnquoted(parsed.name)}${modifiers}${parsed.timeZone}`;
  return `${builtinFormat(scalar)}${'[]'.repeat(parsed.arrayDimensions)}`;
}

function builtinFormat(scalar: string): string {
  const alias = ALIASES[scalar];
  if (alias) return alias;
  for (const [pattern, format] of PARAMETERISED) {
    const match = pattern.exec(scalar);
    if (match) return format(match);
  }
  return scalar;
}
