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
  ScopeIR,
  ValidatorIR,
} from '../ir.js';
import { inferColumnName } from '../../runtime/naming.js';
import { keylessWithId } from './sequelize-target.js';

export type InitValue =
  | { readonly kind: 'dataType'; readonly type: DataTypeIR }
  /** A literal default is typed for its attribute: see typedLiteral. */
  | { readonly kind: 'default'; readonly value: DefaultValueIR; readonly type: DataTypeIR }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'object'; readonly entries: readonly InitEntry[] }
  | { readonly kind: 'array'; readonly items: readonly InitValue[] }
  /** SQL text the database evaluates: `literal('...')`. */
  | { readonly kind: 'literal'; readonly sql: string }
  /** Plain data (validator settings, scopes). */
  | { readonly kind: 'json'; readonly value: JsonValue }
  /** A function from the schema, declared like a method (`isEven(value) { ... }`): printed as a method. */
  | { readonly kind: 'function'; readonly source: string }
  /** `DataTypes.VIRTUAL(returnType, fields)`. */
  | { readonly kind: 'virtual'; readonly type: DataTypeIR; readonly fields: readonly string[] };

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

/**
 * `target` 'sequelize': every attribute, the automatic id and timestamps too, as Sequelize's
 * `init` types want them all (the declarations it would add itself, written out).
 */
export function initSpec(model: ModelIR, target?: 'sequelize'): InitSpec {
  return {
    attributes: model.attributes
      .filter((attribute) => target === 'sequelize' || attribute.origin === 'declared')
      .map((attribute) => ({
        key: attribute.name,
        entries: attributeEntries(sequelizeKey(attribute, model, target), model),
      })),
    options: optionEntries(model),
  };
}

/** --runtime sequelize: the `id` of a model without a key is its key to Sequelize (sequelize-target.ts). */
function sequelizeKey(attribute: AttributeIR, model: ModelIR, target: 'sequelize' | undefined): AttributeIR {
  if (target !== 'sequelize' || attribute.name !== 'id' || !keylessWithId(model)) return attribute;
  return { ...attribute, primaryKey: true };
}

function attributeEntries(attribute: AttributeIR, model: ModelIR): InitEntry[] {
  if (attribute.virtual) return virtualEntries(attribute);
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
  return [...entries, ...behaviourEntries(attribute)];
}

/** No column: only the type (with what the getter reads), allowNull for the validators, the functions. */
function virtualEntries(attribute: AttributeIR): InitEntry[] {
  const type: InitValue = { kind: 'virtual', type: attribute.type, fields: attribute.virtual!.fields };
  return [
    ['type', type],
    ...(attribute.allowNull ? [] : [['allowNull', FALSE] as const]),
    ...behaviourEntries(attribute),
  ];
}

/** validate, get, set: what the runtime does with the value, as real functions. */
function behaviourEntries(attribute: AttributeIR): InitEntry[] {
  const entries: InitEntry[] = [];
  if (attribute.validate?.length)
    entries.push(['validate', { kind: 'object', entries: attribute.validate.map(validatorEntry) }]);
  if (attribute.get !== undefined) entries.push(['get', { kind: 'function', source: attribute.get }]);
  if (attribute.set !== undefined) entries.push(['set', { kind: 'function', source: attribute.set }]);
  return entries;
}

function validatorEntry(validator: ValidatorIR): InitEntry {
  if ('source' in validator) return [validator.name, { kind: 'function', source: validator.source }];
  // `{ msg }` alone means args true, as Sequelize reads it.
  const value: JsonValue =
    validator.msg === undefined
      ? validator.args
      : validator.args === true
        ? { msg: validator.msg }
        : { args: validator.args, msg: validator.msg };
  return [validator.name, { kind: 'json', value }];
}

/** Sequelize's scope options as data: `order` as [attribute, direction] pairs. */
function scopeValue(scope: ScopeIR): InitValue {
  const value: Record<string, JsonValue> = {};
  if (scope.where) value.where = { ...scope.where };
  if (scope.order) value.order = scope.order.map(([name, direction]) => [name, direction]);
  if (scope.attributes) value.attributes = [...scope.attributes];
  if (scope.limit !== undefined) value.limit = scope.limit;
  return { kind: 'json', value };
}

/** paranoid, hooks, model validators, scopes: the model's behaviour options. */
function behaviourOptions(model: ModelIR): InitEntry[] {
  const entries: InitEntry[] = [];
  const { paranoid } = model.options;
  if (paranoid) {
    entries.push(['paranoid', TRUE]);
    if (paranoid.deletedAt !== 'deletedAt') entries.push(['deletedAt', str(paranoid.deletedAt)]);
  }
  if (model.hooks) {
    const hooks = Object.entries(model.hooks).map(([name, source]): InitEntry => [
      name,
      { kind: 'function', source },
    ]);
    entries.push(['hooks', { kind: 'object', entries: hooks }]);
  }
  if (model.validate) {
    const validators = Object.entries(model.validate).map(([name, source]): InitEntry => [
      name,
      { kind: 'function', source },
    ]);
    entries.push(['validate', { kind: 'object', entries: validators }]);
  }
  if (model.defaultScope) entries.push(['defaultScope', scopeValue(model.defaultScope)]);
  if (model.scopes) {
    const scopes = Object.entries(model.scopes).map(([name, scope]): InitEntry => [name, scopeValue(scope)]);
    entries.push(['scopes', { kind: 'object', entries: scopes }]);
  }
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
  return [...entries, ...behaviourOptions(model)];
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
