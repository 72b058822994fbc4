/**
 * The `indexes` model option, as Sequelize v6 takes it, checked at init and turned into what
 * sync() creates and sync({ alter }) compares: each index by its content (columns, order,
 * operator class, method, uniqueness, predicate), its name only a label.
 */
import { checkOptions, optionKeys } from './check-options.js';
import { closestMatch } from './did-you-mean.js';
import { Literal } from './literal.js';
import type { AttributeDefinition } from './model-definition.js';
import { underscore } from './inflection.js';
import { MAX_IDENTIFIER_BYTES, quoteIdentifier } from './sql/quote.js';

export interface IndexField {
  /** The column name, or undefined for an expression. */
  readonly column: string | undefined;
  /** What goes between the parentheses: a quoted column or an expression. */
  readonly sql: string;
  readonly order: 'ASC' | 'DESC' | undefined;
  readonly collate: string | undefined;
  /** An operator class (`operator: 'text_pattern_ops'`, `jsonb_path_ops`). */
  readonly operator: string | undefined;
}

export interface IndexDefinition {
  readonly name: string;
  readonly unique: boolean;
  /** Lower case, as pg_am names it: btree, hash, gist, gin, spgist, brin. */
  readonly method: string;
  readonly fields: readonly IndexField[];
  /**
   * The predicate of a partial index: a where object (built into SQL by sql/ddl.ts, values
   * inlined since DDL takes no parameters) or literal SQL.
   */
  readonly where: Readonly<Record<string, unknown>> | Literal | undefined;
  readonly concurrently: boolean;
}

const INDEX_OPTIONS = optionKeys(
  ['fields', 'name', 'unique', 'using', 'type', 'method', 'where', 'concurrently', 'operator'],
  { parser: 'MySQL FULLTEXT parsers', prefix: 'MSSQL index prefixes', include: 'INCLUDE columns' },
);
const FIELD_OPTIONS = optionKeys(['name', 'attribute', 'order', 'collate', 'operator', 'length'], {});
const METHODS = ['BTREE', 'HASH', 'GIST', 'SPGIST', 'GIN', 'BRIN'];

export interface IndexContext {
  readonly modelName: string;
  readonly tableName: string;
  readonly attributes: readonly AttributeDefinition[];
}

export function defineIndexes(raw: unknown, ctx: IndexContext): IndexDefinition[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw))
    throw new TypeError(`${ctx.modelName}.init(): indexes must be a list of index objects`);
  const indexes = raw.map((index, i) => defineIndex(index, i, ctx));
  const names = new Set<string>();
  for (const index of indexes) {
    if (names.has(index.name))
      throw new Error(
        `${ctx.modelName}.init(): two indexes are named "${index.name}"; give one another name`,
      );
    names.add(index.name);
  }
  return indexes;
}

function defineIndex(raw: unknown, position: number, ctx: IndexContext): IndexDefinition {
  const subject = `${ctx.modelName}.init() indexes[${position}]`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new TypeError(`${subject}: an index is an object like { fields: ['email'], unique: true }`);
  checkOptions(raw, INDEX_OPTIONS, subject);
  const index = raw as Record<string, unknown>;
  if (!Array.isArray(index.fields) || index.fields.length === 0)
    throw new TypeError(`${subject}: fields must be a non-empty list of attribute names`);
  const fields = index.fields.map((field) => defineField(field, subject, ctx));
  if (index.operator !== undefined && typeof index.operator !== 'string')
    throw new TypeError(`${subject}: operator must be an operator class name such as 'jsonb_path_ops'`);
  const withOperator = fields.map((f) => ({ ...f, operator: f.operator ?? (index.operator as string) }));
  return {
    name: indexName(index.name, ctx, index.fields as unknown[], subject),
    unique: uniqueOf(index, subject),
    method: methodOf(index, subject),
    fields: withOperator,
    where: whereOf(index.where, subject),
    concurrently: index.concurrently === true,
  };
}

function whereOf(where: unknown, subject: string): IndexDefinition['where'] {
  if (where === undefined || where === null) return undefined;
  if (where instanceof Literal) return where;
  if (typeof where !== 'object' || Array.isArray(where))
    throw new TypeError(`${subject}: where must be a where object or literal('SQL')`);
  return where as Record<string, unknown>;
}

/**
 * Sequelize's default name: the table and the fields as written (attribute names), underscored
 * as inflection's `underscore` does it (`Users` + firstName → users_first_name).
 */
function indexName(name: unknown, ctx: IndexContext, fields: readonly unknown[], subject: string): string {
  if (name !== undefined) {
    if (typeof name !== 'string' || name === '')
      throw new TypeError(`${subject}: name must be a non-empty string`);
    return name;
  }
  const written = fields.map((field) =>
    typeof field === 'string'
      ? field
      : ((field as { attribute?: string; name?: string }).attribute ?? (field as { name?: string }).name),
  );
  if (fields.some((field) => field instanceof Literal))
    throw new TypeError(`${subject}: an index on an expression needs a name`);
  const made = underscore(`${ctx.tableName}_${written.join('_')}`);
  if (Buffer.byteLength(made) > MAX_IDENTIFIER_BYTES)
    throw new TypeError(
      `${subject}: the default name "${made}" is longer than PostgreSQL's ${MAX_IDENTIFIER_BYTES} bytes; give the index a name`,
    );
  return made;
}

function uniqueOf(index: Record<string, unknown>, subject: string): boolean {
  if (index.type !== undefined) {
    if (String(index.type).toUpperCase() !== 'UNIQUE')
      throw new TypeError(
        `${subject}: type ${JSON.stringify(index.type)} is MySQL's; on PostgreSQL use unique: true or using: 'GIN'`,
      );
    return true;
  }
  if (index.unique !== undefined && typeof index.unique !== 'boolean')
    throw new TypeError(`${subject}: unique must be true or false`);
  return index.unique === true;
}

function methodOf(index: Record<string, unknown>, subject: string): string {
  const given = index.using ?? index.method;
  if (given === undefined) return 'btree';
  const upper = String(given).toUpperCase();
  if (!METHODS.includes(upper)) {
    const guess = closestMatch(upper, METHODS);
    throw new TypeError(
      `${subject}: using ${JSON.stringify(given)} is not an index method${guess ? `; did you mean ${guess}?` : ''} (${METHODS.join(', ')})`,
    );
  }
  return upper.toLowerCase();
}

function defineField(raw: unknown, subject: string, ctx: IndexContext): IndexField {
  if (typeof raw === 'string') return columnField(raw, subject, ctx, {});
  if (raw instanceof Literal)
    return {
      column: undefined,
      sql: `(${raw.val})`,
      order: undefined,
      collate: undefined,
      operator: undefined,
    };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new TypeError(
      `${subject}: a field is an attribute name, { name, order, collate, operator } or literal('expression')`,
    );
  checkOptions(raw, FIELD_OPTIONS, `${subject} field`);
  const spec = raw as Record<string, unknown>;
  if (spec.length !== undefined)
    throw new Error(`${subject}: length is MySQL's prefix length; PostgreSQL indexes whole values`);
  const name = spec.attribute ?? spec.name;
  if (typeof name !== 'string') throw new TypeError(`${subject}: a field object needs name: '<attribute>'`);
  return columnField(name, subject, ctx, spec);
}

function columnField(
  name: string,
  subject: string,
  ctx: IndexContext,
  spec: Record<string, unknown>,
): IndexField {
  const attr = ctx.attributes.find((a) => a.name === name) ?? ctx.attributes.find((a) => a.field === name);
  if (!attr) {
    const guess = closestMatch(
      name,
      ctx.attributes.map((a) => a.name),
    );
    throw new Error(
      `${subject}: "${name}" is not an attribute of ${ctx.modelName}${guess ? `; did you mean "${guess}"?` : ''}`,
    );
  }
  return {
    column: attr.field,
    sql: quoteIdentifier(attr.field),
    order: orderOf(spec.order, subject),
    collate: optionalName(spec.collate, 'collate', subject),
    operator: optionalName(spec.operator, 'operator', subject),
  };
}

function orderOf(order: unknown, subject: string): IndexField['order'] {
  if (order === undefined) return undefined;
  const upper = String(order).toUpperCase();
  if (upper !== 'ASC' && upper !== 'DESC') throw new TypeError(`${subject}: order must be 'ASC' or 'DESC'`);
  return upper;
}

/** Collations and operator classes are names: quoted as identifiers, never raw SQL. */
function optionalName(value: unknown, option: string, subject: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') throw new TypeError(`${subject}: ${option} must be a name`);
  return value;
}
