/**
 * What a model's `init` is called with, decided once, as data: the view model prints it as code
 * for the generated file, and `gen-models plan` turns it into runtime values to plan
 * `sync({ alter })` with exactly what the generated models would declare.
 */
import type {
  AttributeIR,
  DataTypeIR,
  DefaultValueIR,
  IndexFieldIR,
  IndexIR,
  JsonValue,
  ModelIR,
} from '../ir.js';
import { inferColumnName } from '../../runtime/naming.js';

export type InitValue =
  | { readonly kind: 'dataType'; readonly type: DataTypeIR }
  /** A literal default is typed for its attribute: see typedLiteral. */
  | { readonly kind: 'default'; readonly value: DefaultValueIR; readonly type: DataTypeIR }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'object'; readonly entries: readonly InitEntry[] }
  | { readonly kind: 'array'; readonly items: readonly InitValue[] }
  /** SQL text the database evaluates: `literal('...')`. */
  | { readonly kind: 'literal'; readonly sql: string };

export type InitEntry = readonly [key: string, value: InitValue];

export interface InitSpec {
  /** Declared attributes only: the runtime adds the automatic id and the timestamps itself. */
  readonly attributes: readonly { readonly key: string; readonly entries: readonly InitEntry[] }[];
  /** Model options after `sequelize`. */
  readonly options: readonly InitEntry[];
}

const str = (value: string): InitValue => ({ kind: 'string', value });
const TRUE: InitValue = { kind: 'boolean', value: true };
const FALSE: InitValue = { kind: 'boolean', value: false };

export function initSpec(model: ModelIR): InitSpec {
  return {
    attributes: model.attributes
      .filter((attribute) => attribute.origin === 'declared')
      .map((attribute) => ({ key: attribute.name, entries: attributeEntries(attribute, model) })),
    options: optionEntries(model),
  };
}

function attributeEntries(attribute: AttributeIR, model: ModelIR): InitEntry[] {
  const entries: InitEntry[] = [['type', { kind: 'dataType', type: attribute.type }]];
  const identity = attribute.generated?.startsWith('identity') === true;
  if (!attribute.allowNull && !attribute.primaryKey) entries.push(['allowNull', FALSE]);
  if (attribute.primaryKey) entries.push(['primaryKey', TRUE]);
  if (attribute.autoIncrement || identity) entries.push(['autoIncrement', TRUE]);
  if (identity) entries.push(['autoIncrementIdentity', TRUE]);
  if (attribute.defaultValue)
    entries.push(['defaultValue', { kind: 'default', value: attribute.defaultValue, type: attribute.type }]);
  if (attribute.unique !== false)
    entries.push(['unique', attribute.unique === true ? TRUE : str(attribute.unique)]);
  if (attribute.comment !== undefined) entries.push(['comment', str(attribute.comment)]);
  if (attribute.field !== inferColumnName(attribute.name, model.options.underscored))
    entries.push(['field', str(attribute.field)]);
  if (attribute.references) entries.push(...referenceEntries(attribute.references));
  return entries;
}

function referenceEntries(reference: NonNullable<AttributeIR['references']>): InitEntry[] {
  const target: InitValue =
    reference.schema === undefined
      ? str(reference.table)
      : {
          kind: 'object',
          entries: [
            ['tableName', str(reference.table)],
            ['schema', str(reference.schema)],
          ],
        };
  const entries: InitEntry[] = [
    [
      'references',
      {
        kind: 'object',
        entries: [
          ['model', target],
          ['key', str(reference.key)],
        ],
      },
    ],
  ];
  if (reference.onDelete) entries.push(['onDelete', str(reference.onDelete)]);
  if (reference.onUpdate) entries.push(['onUpdate', str(reference.onUpdate)]);
  return entries;
}

/** Always names the model and the table, so runtime defaults never change the mapping. */
function optionEntries(model: ModelIR): InitEntry[] {
  const { options } = model;
  const entries: InitEntry[] = [
    ['modelName', str(model.name)],
    ['tableName', str(model.tableName)],
  ];
  if (model.schema !== undefined) entries.push(['schema', str(model.schema)]);
  if (!options.timestamps) {
    entries.push(['timestamps', FALSE]);
  } else {
    if (options.createdAt !== 'createdAt') entries.push(['createdAt', timestampOption(options.createdAt)]);
    if (options.updatedAt !== 'updatedAt') entries.push(['updatedAt', timestampOption(options.updatedAt)]);
  }
  if (options.underscored) entries.push(['underscored', TRUE]);
  if (model.comment !== undefined) entries.push(['comment', str(model.comment)]);
  if (model.indexes?.length)
    entries.push(['indexes', { kind: 'array', items: model.indexes.map(indexValue) }]);
  return entries;
}

/** As the runtime's `indexes` option takes it; defaults (btree, not unique) left out. */
function indexValue(index: IndexIR): InitValue {
  const entries: InitEntry[] = [];
  if (index.name !== undefined) entries.push(['name', str(index.name)]);
  entries.push(['fields', { kind: 'array', items: index.fields.map(indexFieldValue) }]);
  if (index.unique) entries.push(['unique', TRUE]);
  if (index.using !== 'btree') entries.push(['using', str(index.using.toUpperCase())]);
  if (index.where !== undefined) entries.push(['where', { kind: 'literal', sql: index.where }]);
  return { kind: 'object', entries };
}

function indexFieldValue(field: IndexFieldIR): InitValue {
  if ('expression' in field) return { kind: 'literal', sql: field.expression };
  if (field.order === undefined && field.operator === undefined) return str(field.attribute);
  const entries: InitEntry[] = [['name', str(field.attribute)]];
  if (field.order !== undefined) entries.push(['order', str(field.order)]);
  if (field.operator !== undefined) entries.push(['operator', str(field.operator)]);
  return { kind: 'object', entries };
}

function timestampOption(name: string | false): InitValue {
  return name === false ? FALSE : str(name);
}

/** A DATE default written in the schema as text: a `Date` in code, as the attribute is typed. */
export class DateText {
  constructor(readonly text: string) {}
}

export type TypedLiteral = JsonValue | DateText | readonly TypedLiteral[];

/**
 * A literal default as the attribute's type holds it, so the generated code compiles and build()
 * fills what the types say: a BIGINT/DECIMAL number as its text (the attribute is a
 * NumericString, what pg returns), a DATE string as a date; element by element in arrays.
 */
export function typedLiteral(value: JsonValue, type: DataTypeIR): TypedLiteral {
  if (type.kind === 'ARRAY' && Array.isArray(value))
    return value.map((item) => typedLiteral(item, type.element));
  if ((type.kind === 'BIGINT' || type.kind === 'DECIMAL') && typeof value === 'number') return String(value);
  if (type.kind === 'DATE' && typeof value === 'string') return new DateText(value);
  return value;
}
