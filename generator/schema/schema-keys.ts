import { MODEL_HOOK_NAMES } from '../../runtime/hooks/hook-names.js';

/** The keys each level of `schema.yaml` accepts; schema.json lists the same (a test keeps them equal). */

export const TOP_LEVEL_KEYS = ['define', 'models'] as const;

export const DEFINE_KEYS = [
  'freezeTableName',
  'timestamps',
  'createdAt',
  'updatedAt',
  'underscored',
] as const;

export const MODEL_KEYS = [
  'attributes',
  'tableName',
  'freezeTableName',
  'schema',
  'timestamps',
  'createdAt',
  'updatedAt',
  'underscored',
  'comment',
  'readOnly',
  'methods',
  'getters',
  'indexes',
  'associations',
  'paranoid',
  'deletedAt',
  'hooks',
  'validate',
  'defaultScope',
  'scopes',
] as const;

/** One of these names the kind and the target: `hasMany: Post`. */
export const ASSOCIATION_KINDS = ['belongsTo', 'hasOne', 'hasMany', 'belongsToMany'] as const;

export const ASSOCIATION_KEYS = [
  ...ASSOCIATION_KINDS,
  'as',
  'foreignKey',
  'sourceKey',
  'targetKey',
  'through',
  'otherKey',
  'onDelete',
  'onUpdate',
] as const;

export const SCOPE_KEYS = ['where', 'order', 'attributes', 'limit'] as const;

/** The lifecycle hooks a schema may declare: the runtime's own list, so both refuse the same names. */
export const HOOK_NAMES = MODEL_HOOK_NAMES;

export const INDEX_KEYS = ['fields', 'name', 'unique', 'using', 'where'] as const;

export const INDEX_FIELD_KEYS = ['attribute', 'expression', 'order', 'operator'] as const;

export const INDEX_METHODS = ['BTREE', 'HASH', 'GIST', 'SPGIST', 'GIN', 'BRIN'] as const;

export const ATTRIBUTE_KEYS = [
  'type',
  'values',
  'allowNull',
  'defaultValue',
  'primaryKey',
  'autoIncrement',
  'unique',
  'comment',
  'field',
  'references',
  'onDelete',
  'onUpdate',
  'validate',
  'get',
  'set',
  'virtual',
] as const;

export const REFERENCES_KEYS = ['model', 'table', 'schema', 'key'] as const;

export const REFERENTIAL_ACTIONS = ['CASCADE', 'SET NULL', 'SET DEFAULT', 'RESTRICT', 'NO ACTION'] as const;
