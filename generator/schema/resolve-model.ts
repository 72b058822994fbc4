import type {
  AttributeIR,
  DataTypeIR,
  IndexIR,
  ModelIR,
  ModelOptionsIR,
  ReferenceIR,
  ScopeIR,
} from '../ir.js';
import type { ScopeDraft } from './read-scopes.js';
import type { IndexDraft } from './read-indexes.js';
import type { AttributeDraft } from './attribute-draft.js';
import type { ModelDraft, SharedOptions, TimestampOption } from './model-draft.js';
import { modelValidatorSources } from './model-validators.js';
import { inferColumnName, inferTableName } from './table-name.js';

/** Stands in for a type that could not be read; the schema is refused anyway, checks go on. */
const UNREADABLE_TYPE: DataTypeIR = { kind: 'CUSTOM', sql: 'unknown' };

/**
 * Applies `define:` defaults and Sequelize's inference to one model: table name, column names,
 * the automatic `id`, the timestamp attributes. References are resolved later, across models.
 */
export function resolveModel(draft: ModelDraft, define: SharedOptions): ModelIR {
  const options = resolveOptions(draft, define);
  const declared = draft.attributes.map((attribute) => resolveAttribute(attribute, options));
  return {
    name: draft.name,
    tableName: draft.tableName ?? inferTableName(draft.name, options),
    ...(draft.schema !== undefined && { schema: draft.schema }),
    kind: draft.readOnly ? 'view' : 'table',
    options,
    ...(draft.comment !== undefined && { comment: draft.comment }),
    attributes: [...autoPrimaryKey(draft), ...declared, ...timestampAttributes(draft, options)],
    members: draft.members.map(({ name, kind, source }) => ({ name, kind, source })),
    ...(draft.indexes.length > 0 && { indexes: draft.indexes.map(resolveIndex) }),
    ...(Object.keys(draft.hooks).length > 0 && { hooks: draft.hooks }),
    ...(draft.validate.length > 0 && { validate: modelValidatorSources(draft.validate) }),
    ...(draft.defaultScope && { defaultScope: draft.defaultScope.scope }),
    ...(Object.keys(draft.scopes).length > 0 && { scopes: mapScopes(draft.scopes) }),
  };
}

function mapScopes(scopes: Readonly<Record<string, ScopeDraft>>): Record<string, ScopeIR> {
  return Object.fromEntries(Object.entries(scopes).map(([name, draft]) => [name, draft.scope]));
}

function resolveIndex(draft: IndexDraft): IndexIR {
  return {
    ...(draft.name !== undefined && { name: draft.name }),
    unique: draft.unique,
    using: draft.using.toLowerCase() as IndexIR['using'],
    fields: draft.fields.map((field) =>
      'expression' in field
        ? { expression: field.expression }
        : {
            attribute: field.attribute,
            ...(field.order && { order: field.order }),
            ...(field.operator !== undefined && { operator: field.operator }),
          },
    ),
    ...(draft.where !== undefined && { where: draft.where }),
  };
}

/** A model's own option wins over `define:`, which wins over Sequelize's default. */
export function resolveOptions(draft: ModelDraft, define: SharedOptions): ModelOptionsIR {
  const own = draft.options;
  const timestamps = own.timestamps ?? define.timestamps ?? true;
  return {
    explicitTableName: draft.tableName !== undefined,
    freezeTableName: own.freezeTableName ?? define.freezeTableName ?? false,
    underscored: own.underscored ?? define.underscored ?? false,
    timestamps,
    createdAt: timestamps && timestampName(own.createdAt ?? define.createdAt, 'createdAt'),
    updatedAt: timestamps && timestampName(own.updatedAt ?? define.updatedAt, 'updatedAt'),
    ...(timestamps && draft.paranoid && { paranoid: { deletedAt: draft.deletedAt?.value ?? 'deletedAt' } }),
  };
}

function timestampName(option: TimestampOption | undefined, defaultName: string): string | false {
  if (option === undefined || option.value === true) return defaultName;
  return option.value;
}

/** Names of the timestamp attributes the model has (or would have). */
export function timestampNames(options: ModelOptionsIR): string[] {
  return [options.createdAt, options.updatedAt, options.paranoid?.deletedAt ?? false].filter(
    (name): name is string => name !== false,
  );
}

function resolveAttribute(draft: AttributeDraft, options: ModelOptionsIR): AttributeIR {
  const isTimestamp = draft.name === options.createdAt || draft.name === options.updatedAt;
  // A primary key, a serial, or a timestamp the runtime fills is never null unless the user says so.
  const notNullByDefault = draft.primaryKey || draft.autoIncrement || isTimestamp;
  // Built key by key rather than with conditional spreads, which V8 makes slow (20,000 attributes
  // on a large schema); the keys keep their order, which the fingerprints hash.
  const attribute: { -readonly [K in keyof AttributeIR]: AttributeIR[K] } = {
    name: draft.name,
    field: draft.field ?? inferColumnName(draft.name, options.underscored),
    type: draft.type ?? UNREADABLE_TYPE,
    allowNull: draft.allowNull ?? !notNullByDefault,
  } as AttributeIR;
  if (draft.defaultValue !== undefined) attribute.defaultValue = draft.defaultValue;
  attribute.primaryKey = draft.primaryKey;
  attribute.autoIncrement = draft.autoIncrement;
  attribute.unique = draft.unique;
  if (draft.comment !== undefined) attribute.comment = draft.comment;
  if (draft.references !== undefined) attribute.references = resolvedReference(draft.references);
  if (draft.validate) attribute.validate = draft.validate;
  if (draft.get !== undefined) attribute.get = draft.get;
  if (draft.set !== undefined) attribute.set = draft.set;
  if (draft.virtual) attribute.virtual = { fields: draft.virtual.fields };
  attribute.origin = 'declared';
  return attribute;
}

function resolvedReference(draft: NonNullable<AttributeDraft['references']>): ReferenceIR {
  return {
    ...(draft.model !== undefined && { model: draft.model }),
    table: draft.table ?? '',
    ...(draft.schema !== undefined && { schema: draft.schema }),
    key: draft.key ?? '',
    ...(draft.onDelete !== undefined && { onDelete: draft.onDelete }),
    ...(draft.onUpdate !== undefined && { onUpdate: draft.onUpdate }),
  };
}

/**
 * Sequelize adds `id INTEGER autoIncrement primaryKey` first when no attribute is a primary key.
 * A declared `id` that is not a primary key is refused elsewhere, so none is added then. A view
 * (`readOnly`) has exactly the columns it selects, so it gets none, as in the runtime.
 */
function autoPrimaryKey(draft: ModelDraft): AttributeIR[] {
  if (draft.readOnly || draft.attributes.some((a) => a.primaryKey || a.name === 'id')) return [];
  return [
    {
      name: 'id',
      field: 'id',
      type: { kind: 'INTEGER' },
      allowNull: false,
      primaryKey: true,
      autoIncrement: true,
      unique: false,
      origin: 'auto-primary-key',
    },
  ];
}

/** The timestamp attributes, last, unless the user declared an attribute of that name (it wins). */
function timestampAttributes(draft: ModelDraft, options: ModelOptionsIR): AttributeIR[] {
  return timestampNames(options)
    .filter((name) => !draft.attributes.some((a) => a.name === name))
    .map((name) => ({
      name,
      field: inferColumnName(name, options.underscored),
      type: { kind: 'DATE' },
      // deletedAt is null until the row is soft-deleted.
      allowNull: name === options.paranoid?.deletedAt,
      primaryKey: false,
      autoIncrement: false,
      unique: false,
      origin: 'timestamp',
    }));
}
