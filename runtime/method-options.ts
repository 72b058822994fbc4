/**
 * The options each public method takes, and Sequelize's options it does not (yet), with the
 * feature each asks for. check-options.ts refuses anything else by name. `useMaster` (one
 * server) and `databaseVersion` are correct no-ops here.
 */
import { optionKeys } from './check-options.js';

/** Every statement-running method takes these. */
const QUERY = ['transaction', 'logging', 'hooks'];
/** Sequelize options that no method here implements. */
const NEVER: Readonly<Record<string, string>> = {
  benchmark: 'timing in the log',
  searchPath: 'a per-query search_path',
  retry: 'retrying failed queries',
};

/** Methods that take nothing but the common options (authenticate). */
export const QUERY_OPTIONS = optionKeys(QUERY, NEVER);

const FIND_UNSUPPORTED = {
  ...NEVER,
  subQuery: 'subqueries for include with limit',
  nest: 'nested raw results',
  plain: 'a single result: use findOne',
  replacements: 'replacements in a where literal',
  bind: 'bind parameters in a where literal',
  mapToModel: 'raw query mapping',
  instance: 'filling an existing instance',
  fieldMap: 'renaming result fields',
  indexHints: 'MySQL index hints',
  tableHint: 'MSSQL table hints',
  groupedLimit: 'grouped limits',
  minifyAliases: 'minified include aliases',
  distinct: "DISTINCT rows (Sequelize's findAll ignores it; select [fn('DISTINCT', col('x')), 'x'])",
  type: 'a raw query type',
};

export const FIND_OPTIONS = optionKeys(
  [
    ...QUERY,
    'where',
    'attributes',
    'order',
    'limit',
    'offset',
    'raw',
    'paranoid',
    'useMaster',
    'group',
    'having',
    'lock',
    'skipLocked',
    'include',
  ],
  FIND_UNSUPPORTED,
);
/** findOne: findAll's, and rejectOnEmpty. */
export const FIND_ONE_OPTIONS = optionKeys([...FIND_OPTIONS.supported, 'rejectOnEmpty'], FIND_UNSUPPORTED);
/** findByPk: findOne's but where, which the primary key replaces (Sequelize overwrites it silently). */
export const FIND_BY_PK_OPTIONS = optionKeys(
  [...FIND_ONE_OPTIONS.supported].filter((key) => key !== 'where'),
  { ...FIND_UNSUPPORTED, where: 'a where (findByPk finds by the primary key; use findOne)' },
);

/** What a scope (defaultScope, scopes, Model.scope({ ... })) may hold. */
export const SCOPE_OPTIONS = optionKeys(
  ['where', 'attributes', 'order', 'limit', 'offset', 'group', 'having', 'paranoid'],
  { ...FIND_UNSUPPORTED, include: 'eager loading of associations in a scope' },
);

export const COUNT_OPTIONS = optionKeys(
  [...QUERY, 'where', 'col', 'distinct', 'group', 'attributes', 'paranoid', 'useMaster', 'include'],
  {
    ...NEVER,
    plain: 'a plain result (count is plain without group, one row per group with it)',
  },
);

export const AGGREGATE_OPTIONS = optionKeys(
  [...QUERY, 'where', 'distinct', 'group', 'attributes', 'plain', 'paranoid', 'useMaster'],
  {
    ...NEVER,
    include: 'aggregating with associations',
    dataType: 'a result data type (the column type decides)',
  },
);
/** findAndCountAll: findAll's, with count's col. */
export const FIND_AND_COUNT_OPTIONS = optionKeys(
  [...FIND_OPTIONS.supported, 'col', 'distinct'],
  Object.fromEntries(Object.entries(FIND_UNSUPPORTED).filter(([key]) => key !== 'distinct')),
);

const WRITE_UNSUPPORTED = { ...NEVER, include: 'writing associated rows', omitNull: 'omitNull' };

export const SAVE_OPTIONS = optionKeys(
  [...QUERY, 'fields', 'silent', 'validate', 'returning'],
  WRITE_UNSUPPORTED,
);
export const CREATE_OPTIONS = optionKeys([...SAVE_OPTIONS.supported, 'raw'], {
  ...WRITE_UNSUPPORTED,
  isNewRecord: 'isNewRecord (create always inserts)',
  ignoreDuplicates: 'ON CONFLICT DO NOTHING',
  onDuplicate: 'MySQL ON DUPLICATE KEY',
});
export const BULK_CREATE_OPTIONS = optionKeys(
  [
    ...QUERY,
    'fields',
    'validate',
    'returning',
    'individualHooks',
    'ignoreDuplicates',
    'updateOnDuplicate',
    'conflictAttributes',
  ],
  { ...WRITE_UNSUPPORTED, conflictWhere: 'a partial unique index target (ON CONFLICT ... WHERE)' },
);
export const INSTANCE_UPDATE_OPTIONS = SAVE_OPTIONS;

export const FIND_OR_CREATE_OPTIONS = optionKeys([...QUERY, 'where', 'defaults', 'validate', 'silent'], {
  ...WRITE_UNSUPPORTED,
  fields: 'writing only some attributes in findOrCreate',
  lock: 'row locks (FOR UPDATE)',
  attributes: 'reading only some attributes in findOrCreate',
});
export const UPSERT_OPTIONS = optionKeys(
  [...QUERY, 'fields', 'conflictFields', 'validate', 'returning', 'silent'],
  { ...WRITE_UNSUPPORTED, conflictWhere: 'a partial unique index target (ON CONFLICT ... WHERE)' },
);

export const UPDATE_OPTIONS = optionKeys(
  [
    ...QUERY,
    'where',
    'fields',
    'silent',
    'validate',
    'returning',
    'individualHooks',
    'sideEffects',
    'paranoid',
  ],
  { ...NEVER, limit: 'UPDATE ... LIMIT' },
);
export const DESTROY_OPTIONS = optionKeys(
  [...QUERY, 'where', 'truncate', 'cascade', 'restartIdentity', 'individualHooks', 'force'],
  { ...NEVER, limit: 'DELETE ... LIMIT' },
);
/** Model.truncate: destroy({ truncate: true }) without a where. */
export const TRUNCATE_OPTIONS = optionKeys([...QUERY, 'cascade', 'restartIdentity', 'force'], {
  ...NEVER,
  individualHooks: 'per-row hooks of a TRUNCATE',
});
export const INSTANCE_DESTROY_OPTIONS = optionKeys([...QUERY, 'force'], NEVER);
/** Model.restore (static). */
export const RESTORE_OPTIONS = optionKeys([...QUERY, 'where', 'individualHooks'], {
  ...NEVER,
  limit: 'UPDATE ... LIMIT',
});
export const INSTANCE_RESTORE_OPTIONS = optionKeys(QUERY, NEVER);

export const INCREMENT_OPTIONS = optionKeys([...QUERY, 'where', 'by', 'silent', 'returning'], NEVER);

/** reload() reads by primary key: a `where` would be ignored, as Sequelize ignores it, so it is refused. */
export const RELOAD_OPTIONS = optionKeys([...QUERY, 'attributes', 'paranoid', 'useMaster'], {
  ...NEVER,
  include: 'reloading associations',
  where: 'a where (reload reads the row by its primary key)',
});

export const SYNC_OPTIONS = optionKeys([...QUERY, 'force', 'alter', 'match'], {
  ...NEVER,
  schema: 'syncing into another schema',
});
export const DROP_OPTIONS = optionKeys([...QUERY, 'cascade'], NEVER);

export const TRANSACTION_OPTIONS = optionKeys(['logging', 'isolationLevel', 'readOnly'], {
  ...NEVER,
  transaction: 'nested transactions (savepoints)',
  deferrable: 'SET CONSTRAINTS ... DEFERRED',
  type: 'SQLite transaction types',
  autocommit: 'autocommit',
});

export const RAW_QUERY_OPTIONS = optionKeys(
  [...QUERY, 'bind', 'replacements', 'type', 'plain', 'raw', 'model', 'mapToModel', 'useMaster'],
  {
    ...NEVER,
    instance: 'filling an existing instance',
    nest: 'nested raw results',
    fieldMap: 'renaming result fields',
  },
);

export const VALIDATE_OPTIONS = optionKeys(['fields', 'hooks'], { skip: 'skipping attributes' });

export const GET_OPTIONS = optionKeys(['plain', 'clone', 'raw']);
export const SET_OPTIONS = optionKeys(['raw'], {
  reset: 'clearing every value first',
  include: 'setting associations',
});

export const BUILD_OPTIONS = optionKeys(['isNewRecord', 'raw'], { include: 'building associated instances' });

export const CONNECTION_OPTIONS = optionKeys(
  [
    'dialect',
    'host',
    'port',
    'database',
    'username',
    'password',
    'storage',
    'logging',
    'logQueryParameters',
    'define',
    'pool',
    'replication',
    'dialectOptions',
    'ssl',
    'protocol',
    'isolationLevel',
    'databaseVersion',
    'quoteIdentifiers',
    'minifyAliases',
    'prepareStatements',
    'hooks',
  ],
  {
    ...NEVER,
    omitNull: 'omitNull',
    native: 'pg-native',
    typeValidation: 'type validation',
    sync: 'default sync options',
    query: 'default query options',
    set: 'default set options',
    timezone: 'a session time zone other than UTC',
    clientMinMessages: 'client_min_messages',
    standardConformingStrings: 'standard_conforming_strings',
    dialectModule: 'another pg module',
    dialectModulePath: 'another pg module',
    operatorsAliases: 'operator aliases',
    schema: 'a default schema',
    transactionType: 'SQLite transaction types',
    keepDefaultTimezone: 'the server time zone',
    attributeBehavior: 'attribute name escaping',
  },
);

export const REPLICATION_OPTIONS = optionKeys(['read', 'write']);
/** One server of replication.read / replication.write. */
export const REPLICATION_SERVER_OPTIONS = optionKeys(['host', 'port', 'database', 'username', 'password'], {
  pool: 'a pool per replica (the top-level pool applies to each)',
  ssl: 'TLS per replica (the top-level ssl applies to each)',
  dialectOptions: 'dialectOptions per replica (the top-level dialectOptions apply to each)',
});

export const POOL_OPTIONS = optionKeys(['max', 'min', 'idle', 'acquire', 'evict', 'maxUses'], {
  validate: 'validating pooled connections (pg-pool drops a connection whose socket fails instead)',
});

/**
 * dialectOptions: what pg's Client takes that the runtime lets through. `types` and `binary`
 * would break the runtime's type parsing; the pool keys belong in `pool`.
 */
export const DIALECT_OPTIONS = optionKeys(
  [
    'ssl',
    'statement_timeout',
    'query_timeout',
    'lock_timeout',
    'idle_in_transaction_session_timeout',
    'application_name',
    'keepAlive',
    'keepAliveInitialDelayMillis',
    'options',
    'client_encoding',
  ],
  {
    prepareStatements:
      'prepared statements set here: it is a top-level option, new Sequelize(url, { prepareStatements: false })',
    types: 'custom pg type parsers (the runtime sets its own, per pool)',
    binary: 'binary results (the runtime parses text results)',
    stream: 'a custom socket',
    native: 'pg-native',
    max: 'a pool size here: use pool.max',
    idleTimeoutMillis: 'a pool idle time here: use pool.idle',
    connectionTimeoutMillis: 'a connect timeout here: use pool.acquire (pg uses one timeout for both)',
    useUTC: 'a time zone other than UTC',
  },
);

/** Model.init / sequelize.define options. */
export const MODEL_OPTIONS = optionKeys(
  [
    'sequelize',
    'modelName',
    'tableName',
    'freezeTableName',
    'timestamps',
    'createdAt',
    'updatedAt',
    'underscored',
    'schema',
    'comment',
    'indexes',
    'validate',
    'paranoid',
    'deletedAt',
    'hooks',
    'scopes',
    'defaultScope',
    'whereMergeStrategy',
  ],
  {
    getterMethods: 'custom getters',
    setterMethods: 'custom setters',
    version: 'optimistic locking',
    omitNull: 'omitNull',
    name: 'association names',
    schemaDelimiter: 'a schema delimiter',
    engine: 'MySQL table engines',
    charset: 'MySQL character sets',
    collate: 'MySQL collations',
    initialAutoIncrement: 'MySQL AUTO_INCREMENT start',
    rejectOnEmpty: 'a model-wide rejectOnEmpty',
  },
);

/** An attribute's options in init/define. */
export const ATTRIBUTE_OPTIONS = optionKeys([
  'type',
  'allowNull',
  'defaultValue',
  'primaryKey',
  'autoIncrement',
  'autoIncrementIdentity',
  'unique',
  'comment',
  'field',
  'references',
  'onDelete',
  'onUpdate',
  'values',
  // What rawAttributes holds after init, so one model's attributes can define another.
  'fieldName',
  'validate',
  'get',
  'set',
]);

/** Options every association method takes (runtime/associations/). */
const ASSOCIATION = ['as', 'foreignKey', 'onDelete', 'onUpdate', 'constraints', 'hooks'];
const ASSOCIATION_UNSUPPORTED = {
  scope: 'association scopes',
  foreignKeyConstraint: 'the foreignKeyConstraint alias of constraints (use constraints)',
};
export const BELONGS_TO_OPTIONS = optionKeys([...ASSOCIATION, 'targetKey'], ASSOCIATION_UNSUPPORTED);
export const HAS_ONE_OPTIONS = optionKeys([...ASSOCIATION, 'sourceKey'], ASSOCIATION_UNSUPPORTED);
export const HAS_MANY_OPTIONS = optionKeys([...ASSOCIATION, 'sourceKey'], ASSOCIATION_UNSUPPORTED);
export const BELONGS_TO_MANY_OPTIONS = optionKeys(
  [...ASSOCIATION, 'through', 'otherKey', 'sourceKey', 'targetKey', 'uniqueKey', 'timestamps'],
  ASSOCIATION_UNSUPPORTED,
);

/** One element of `include: [...]` given as an object. */
export const INCLUDE_OPTIONS = optionKeys(
  [
    'model',
    'as',
    'association',
    'where',
    'required',
    'attributes',
    'include',
    'through',
    'separate',
    'order',
    'paranoid',
  ],
  {
    all: 'including every association',
    nested: 'including every association recursively',
    on: 'a custom join condition',
    right: 'RIGHT OUTER JOIN',
    duplicating: 'duplicating joins',
    limit: 'a per-parent limit of included rows',
    subQuery: 'subqueries for include with limit',
  },
);
/** `through: { ... }` of a belongsToMany include. */
export const INCLUDE_THROUGH_OPTIONS = optionKeys(['attributes', 'where', 'paranoid'], {
  as: 'renaming the through value',
});
