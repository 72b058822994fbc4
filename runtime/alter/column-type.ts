/**
 * A column's type in one comparable form, for the model and for the live table: enums by
 * (schema, name), everything else as the text format_type() prints (`character varying(20)`,
 * `numeric(10,2)`, `integer[]`). The model's DDL type is normalised to that text here, so a
 * table that sync() created compares equal to its model and alter sends nothing.
 */
import { typeRefOf, type ColumnRow, type DomainRow } from '../catalog/catalog-rows.js';
import { resolveDomainChain } from '../catalog/domain-chain.js';
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
  return a.kind === 'plain' && b.kind === 'plain' && a.format === b.format;
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
};

const PARAMETERISED: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^(?:varchar|character varying)\((\d+)\)$/, (m) => `character varying(${m[1]})`],
  [/^(?:char|character|bpchar)\((\d+)\)$/, (m) => `character(${m[1]})`],
  [/^(?:decimal|numeric)\((\d+)\)$/, (m) => `numeric(${m[1]},0)`],
  [/^(?:decimal|numeric)\((\d+),\s*(\d+)\)$/, (m) => `numeric(${m[1]},${m[2]})`],
  [/^float\((\d+)\)$/, (m) => (Number(m[1]) <= 24 ? 'real' : 'double precision')],
  [
    /^(?:timestamptz\((\d+)\)|timestamp\((\d+)\) with time zone)$/,
    (m) => `timestamp(${m[1] ?? m[2]}) with time zone`,
  ],
  [/^timestamp\((\d+)\)(?: without time zone)?$/, (m) => `timestamp(${m[1]}) without time zone`],
];

/** DDL type text (`VARCHAR(20)`, `DECIMAL(10,2)`, `TEXT[]`, a CUSTOM type) → format_type() text. */
export function formatTypeOf(sql: string): string {
  const text = sql.trim().replace(/\s+/g, ' ');
  if (text.endsWith('[]')) return `${formatTypeOf(text.slice(0, -2))}[]`;
  // Quoted identifiers keep their case; everything else PostgreSQL folds to lower case.
  const lower = text.includes('"') ? text : text.toLowerCase();
  const alias = ALIASES[lower];
  if (alias) return alias;
  for (const [pattern, format] of PARAMETERISED) {
    const match = pattern.exec(lower);
    if (match) return format(match);
  }
  return lower;
}
