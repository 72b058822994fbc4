/**
 * The configuration's `typeOverrides`, applied to the IR before rendering: each attribute gets
 * the TypeScript type of the most specific key that matches it, so the attribute, creation and
 * where types (all derived from the attribute type) say the same.
 *
 * Keys, most specific first (the precedence):
 * 1. a column: `schema.table.column` or `table.column`;
 * 2. a model attribute: `Model.attribute`;
 * 3. a pattern with `*` wildcards, matched against `table.column`, `schema.table.column` and
 *    `Model.attribute` (`*.id`, `*.*_at`);
 * 4. a PostgreSQL type: `jsonb`, `citext`, a domain or an enum type's name.
 * A key that matches nothing is an error naming it, with the closest name there is: an override
 * that silently does nothing would leave the type the user meant to replace.
 */
import { didYouMean } from '../../runtime/did-you-mean.js';
import { GenModelsError } from '../errors.js';
import type { AttributeIR, DataTypeIR, ModelIR, SchemaIR } from '../ir.js';
import type { TypeOverride } from './config-types.js';

type Overrides = Readonly<Record<string, TypeOverride>>;
type Resolved = NonNullable<AttributeIR['tsType']>;

/** An override key that matches no column, attribute or type of the schema. */
export class TypeOverrideError extends GenModelsError {
  override readonly name = 'TypeOverrideError';
}

/** PostgreSQL's names for each kind (as `format_type` and people write them). */
const PG_TYPE_NAMES: Readonly<Record<string, readonly string[]>> = {
  STRING: ['varchar', 'character varying'],
  CHAR: ['char', 'character', 'bpchar'],
  TEXT: ['text'],
  CITEXT: ['citext'],
  SMALLINT: ['smallint', 'int2'],
  INTEGER: ['integer', 'int', 'int4'],
  BIGINT: ['bigint', 'int8'],
  FLOAT: ['double precision', 'float8'],
  REAL: ['real', 'float4'],
  DOUBLE: ['double precision', 'float8'],
  DECIMAL: ['numeric', 'decimal'],
  BOOLEAN: ['boolean', 'bool'],
  DATE: ['timestamptz', 'timestamp with time zone', 'timestamp'],
  DATEONLY: ['date'],
  TIME: ['time'],
  UUID: ['uuid'],
  JSON: ['json'],
  JSONB: ['jsonb'],
  BLOB: ['bytea'],
  INET: ['inet'],
  CIDR: ['cidr'],
  MACADDR: ['macaddr'],
  TSVECTOR: ['tsvector'],
};

/** The names an attribute's type is known by: its domain, its enum type, its base type. */
function typeNamesOf(attribute: AttributeIR, model: ModelIR): string[] {
  const names: string[] = [];
  if (attribute.domain)
    names.push(attribute.domain.name, qualified(attribute.domain.schema, attribute.domain.name));
  names.push(...dataTypeNames(attribute.type, model, attribute));
  return names;
}

function dataTypeNames(type: DataTypeIR, model: ModelIR, attribute: AttributeIR): string[] {
  if (type.kind === 'ENUM') {
    const name = type.typeName ?? `enum_${model.tableName}_${attribute.field}`;
    return [name, qualified(type.typeSchema, name)];
  }
  if (type.kind === 'ARRAY') return dataTypeNames(type.element, model, attribute).map((name) => `${name}[]`);
  if (type.kind === 'CUSTOM') return [type.sql.toLowerCase()];
  return [...(PG_TYPE_NAMES[type.kind] ?? [])];
}

const qualified = (schema: string | undefined, name: string): string => `${schema ?? 'public'}.${name}`;

function resolve(override: TypeOverride): Resolved {
  if (typeof override === 'string') return { type: override, imports: [] };
  const imports =
    override.import === undefined
      ? []
      : typeof override.import === 'string'
        ? [override.import]
        : [...override.import];
  return { type: override.type, imports };
}

function patternRegExp(pattern: string): RegExp {
  const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`);
}

/** The schema with each overridden attribute's `tsType` set; throws naming every key that matches nothing. */
export function applyTypeOverrides(schema: SchemaIR, overrides: Overrides | undefined): SchemaIR {
  if (overrides === undefined || Object.keys(overrides).length === 0) return schema;
  const keys = Object.keys(overrides);
  const used = new Set<string>();
  const models = schema.models.map((model) => ({
    ...model,
    attributes: model.attributes.map((attribute) => {
      const key = matchingKey(keys, model, attribute);
      if (key === undefined) return attribute;
      used.add(key);
      return { ...attribute, tsType: resolve(overrides[key]!) };
    }),
  }));
  const unused = keys.filter((key) => !used.has(key) && !matchesAny(key, schema));
  if (unused.length > 0) throw new TypeOverrideError(unused.map((key) => unmatched(key, schema)).join('\n'));
  return { ...schema, models };
}

/** The most specific key for an attribute: column > attribute > pattern > type. */
function matchingKey(keys: readonly string[], model: ModelIR, attribute: AttributeIR): string | undefined {
  const columns = [
    `${model.tableName}.${attribute.field}`,
    `${model.schema ?? 'public'}.${model.tableName}.${attribute.field}`,
  ];
  const attributeKey = `${model.name}.${attribute.name}`;
  const literal = keys.filter((key) => !key.includes('*'));
  return (
    literal.find((key) => columns.includes(key)) ??
    literal.find((key) => key === attributeKey) ??
    keys.find(
      (key) => key.includes('*') && [...columns, attributeKey].some((name) => patternRegExp(key).test(name)),
    ) ??
    literal.find((key) =>
      !key.includes('.') || isQualifiedTypeName(key) ? typeNamesOf(attribute, model).includes(key) : false,
    )
  );
}

/** `public.mood` is a column-looking key with one dot; it is a type name when a type is called that. */
const isQualifiedTypeName = (key: string): boolean => key.split('.').length === 2;

/** A key used only by attributes a more specific key took still names something: not an error. */
function matchesAny(key: string, schema: SchemaIR): boolean {
  return schema.models.some((model) =>
    model.attributes.some((attribute) => matchingKey([key], model, attribute) === key),
  );
}

function unmatched(key: string, schema: SchemaIR): string {
  const columns = schema.models.flatMap((model) =>
    model.attributes.flatMap((attribute) => [
      `${model.tableName}.${attribute.field}`,
      `${model.schema ?? 'public'}.${model.tableName}.${attribute.field}`,
      `${model.name}.${attribute.name}`,
    ]),
  );
  const types = [
    ...new Set(schema.models.flatMap((model) => model.attributes.flatMap((a) => typeNamesOf(a, model)))),
  ];
  const what = key.includes('*')
    ? 'the pattern matches no column or attribute'
    : key.includes('.') && !types.some((type) => type.includes('.') && type === key)
      ? 'no column (schema.table.column, table.column) or model attribute (Model.attribute) has that name'
      : 'no column has that PostgreSQL type';
  const hint = key.includes('*') ? '' : didYouMean(key, key.includes('.') ? [...columns, ...types] : types);
  return `typeOverrides: "${key}": ${what}${hint}`;
}
