/**
 * SchemaIR: the one data model between the phases.
 *
 * The YAML loader (generator/schema) and the database introspector (generator/introspect)
 * both produce it; the renderer (generator/render) is the only thing that reads it, and the
 * YAML writer turns it back into YAML. It is plain, JSON-serialisable data: no classes, no
 * functions, nothing that depends on where it came from except `source`.
 *
 * Everything in it is resolved: table names are pluralised, column names are underscored when
 * the model asks for it, global `define` defaults are applied. A consumer never has to repeat
 * Sequelize's inference rules.
 */

export interface SchemaIR {
  /** Where the schema came from; named in the header of every generated file. */
  readonly source: SchemaSource;
  /** Models sorted by name, so that output order never depends on input order. */
  readonly models: readonly ModelIR[];
}

export type SchemaSource =
  { readonly kind: 'yaml'; readonly path: string } | { readonly kind: 'database'; readonly database: string };

export interface ModelIR {
  /** Class name: a valid TypeScript identifier, unique case-insensitively (it is also a file name). */
  readonly name: string;
  /** The table it reads and writes, resolved (explicit `tableName`, frozen or pluralised name). */
  readonly tableName: string;
  /** PostgreSQL schema; absent means the connection's default (`public`). */
  readonly schema?: string;
  /** Views and materialized views are read-only: no create/save/update/destroy in their types. */
  readonly kind: 'table' | 'view' | 'materializedView';
  readonly options: ModelOptionsIR;
  readonly comment?: string;
  /**
   * Every attribute the class has, in column order: the automatic `id` first when the schema
   * declares no primary key, declared attributes, then the timestamp attributes.
   */
  readonly attributes: readonly AttributeIR[];
  /** Hand-described members from the schema (`methods:` and `getters:` in YAML). */
  readonly members: readonly MemberIR[];
  /** The `indexes` model option: indexes other than the primary key and unique keys. Absent: none. */
  readonly indexes?: readonly IndexIR[];
  /**
   * The model's associations (generator/associations/ derives them from foreign keys and the
   * YAML's `associations:`), in the order initModels sets them up. Absent: none.
   */
  readonly associations?: readonly AssociationIR[];
  /** Foreign keys that are not associations, each with the reason (a JSDoc line on the class). */
  readonly associationNotes?: readonly string[];
  /** The `hooks` option: hook name → the function's TypeScript source (`beforeCreate(user: User) {...}`). */
  readonly hooks?: Readonly<Record<string, string>>;
  /** The `validate` option (model validators): name → the function's TypeScript source. Absent: none. */
  readonly validate?: Readonly<Record<string, string>>;
  /** The `defaultScope` and `scopes` options, as data. */
  readonly defaultScope?: ScopeIR;
  readonly scopes?: Readonly<Record<string, ScopeIR>>;
}

export type AssociationKind = 'belongsTo' | 'hasOne' | 'hasMany' | 'belongsToMany';

/**
 * One association as Sequelize's `Source.<kind>(Target, options)` takes it. Every key is an
 * ATTRIBUTE name (not a column): the foreign key attribute already exists on its model, so the
 * runtime reuses it.
 */
export interface AssociationIR {
  readonly kind: AssociationKind;
  /** `as`: the property on the source's instances; plural for hasMany and belongsToMany. */
  readonly as: string;
  /** Target model name. */
  readonly target: string;
  /**
   * belongsTo: the source's attribute; hasOne/hasMany: the target's attribute; belongsToMany:
   * the `through` model's attribute that points at the source.
   */
  readonly foreignKey: string;
  /** hasOne/hasMany/belongsToMany: the source attribute referenced, when not its primary key. */
  readonly sourceKey?: string;
  /** belongsTo/belongsToMany: the target attribute referenced, when not its primary key. */
  readonly targetKey?: string;
  /** belongsToMany: the junction model. */
  readonly through?: string;
  /** belongsToMany: the `through` model's attribute that points at the target. */
  readonly otherKey?: string;
  readonly onDelete?: ReferentialAction;
  readonly onUpdate?: ReferentialAction;
  /**
   * false for associations made from a foreign key: the key attribute's `references` already holds
   * the constraint (with its own ON DELETE/ON UPDATE), so the association must not add or change one.
   */
  readonly constraints?: false;
  /**
   * Where it comes from: a foreign key (`references` in YAML), a junction table, or an entry of the
   * YAML's `associations:` (only those are written back by --schema-out).
   */
  readonly origin: 'foreignKey' | 'junction' | 'declared';
}

/** A scope as data: `where` is attribute → value (a list is IN, null is IS NULL). */
export interface ScopeIR {
  readonly where?: Readonly<Record<string, JsonValue>>;
  readonly order?: readonly (readonly [attribute: string, direction: 'ASC' | 'DESC'])[];
  readonly attributes?: readonly string[];
  readonly limit?: number;
}

/**
 * One entry of an attribute's `validate`: a runtime built-in (runtime/validators/builtin-validators.ts)
 * with its Sequelize setting (`true`, args, or `{ args, msg }`), or a custom one as TypeScript source.
 */
export type ValidatorIR =
  | { readonly name: string; readonly args: JsonValue; readonly msg?: string }
  | { readonly name: string; readonly source: string };

/** One index, as the runtime's `indexes` option takes it (runtime/model-indexes.ts). */
export interface IndexIR {
  /** Absent: the runtime's default, the table and the fields underscored (as Sequelize). */
  readonly name?: string;
  readonly unique: boolean;
  /** Lower case, as PostgreSQL names it; btree is the default. */
  readonly using: 'btree' | 'hash' | 'gist' | 'spgist' | 'gin' | 'brin';
  readonly fields: readonly IndexFieldIR[];
  /** A partial index's predicate, as SQL. */
  readonly where?: string;
}

export type IndexFieldIR =
  | {
      /** Attribute name. */
      readonly attribute: string;
      readonly order?: 'DESC';
      /** An operator class other than the type's default. */
      readonly operator?: string;
    }
  /** An expression (`lower(email)`), as SQL: `literal()` in the generated code. */
  | { readonly expression: string };

export interface ModelOptionsIR {
  /** True when the schema named the table explicitly (`tableName:`); kept for the YAML writer. */
  readonly explicitTableName: boolean;
  readonly freezeTableName: boolean;
  readonly underscored: boolean;
  readonly timestamps: boolean;
  /** Attribute name of the creation timestamp, or false when disabled (or timestamps is false). */
  readonly createdAt: string | false;
  /** Attribute name of the update timestamp, or false when disabled (or timestamps is false). */
  readonly updatedAt: string | false;
  /** `paranoid: true`: destroy sets this attribute (`deletedAt` unless renamed) instead of deleting. */
  readonly paranoid?: { readonly deletedAt: string };
}

export interface AttributeIR {
  /** Property name on the class: a valid identifier that is not a Model member. */
  readonly name: string;
  /** Column name in the database. */
  readonly field: string;
  readonly type: DataTypeIR;
  readonly allowNull: boolean;
  readonly defaultValue?: DefaultValueIR;
  readonly primaryKey: boolean;
  readonly autoIncrement: boolean;
  /** `true` for a single-column UNIQUE, a string names a composite unique key. */
  readonly unique: boolean | string;
  readonly comment?: string;
  readonly references?: ReferenceIR;
  /**
   * How the database fills the column itself:
   * - 'identity-always': GENERATED ALWAYS AS IDENTITY: never written by the client;
   * - 'identity-by-default': GENERATED BY DEFAULT AS IDENTITY: optional on create;
   * - 'computed': GENERATED ALWAYS AS (expr) STORED: never written by the client.
   */
  readonly generated?: 'identity-always' | 'identity-by-default' | 'computed';
  /** A domain the column is declared with (introspection); the type above is its base type. */
  readonly domain?: DomainIR;
  /** Values a CHECK constraint allows (`col IN (...)`), typed as a union of literals. */
  readonly checkValues?: readonly string[];
  /**
   * A TypeScript type the configuration's `typeOverrides` gives instead of the column type's own,
   * with the import lines it needs (printed once per model file).
   */
  readonly tsType?: { readonly type: string; readonly imports: readonly string[] };
  /** Built-in and custom validators, in order; CHECK constraints --from-db maps give some. */
  readonly validate?: readonly ValidatorIR[];
  /** The CHECK constraints (as the database prints them) the validators above came from. */
  readonly checks?: readonly string[];
  /** `get()`/`set(value)` as TypeScript source: `get(): string { ... }`. */
  readonly get?: string;
  readonly set?: string;
  /** DataTypes.VIRTUAL: no column; `type` is what the getter returns, `fields` what it reads. */
  readonly virtual?: { readonly fields: readonly string[] };
  /** --from-db: a nullable timestamp named deleted_at/deletedAt, a candidate for `paranoid` (not enabled). */
  readonly paranoidCandidate?: true;
  /** Why the attribute exists: declared in the schema, the automatic `id`, or a timestamp. */
  readonly origin: 'declared' | 'auto-primary-key' | 'timestamp';
}

export interface ReferenceIR {
  /** Model name when the referenced table is a model of this schema. */
  readonly model?: string;
  readonly table: string;
  readonly schema?: string;
  /** Referenced column name. */
  readonly key: string;
  readonly onDelete?: ReferentialAction;
  readonly onUpdate?: ReferentialAction;
}

export type ReferentialAction = 'CASCADE' | 'SET NULL' | 'SET DEFAULT' | 'RESTRICT' | 'NO ACTION';

export interface DomainIR {
  readonly name: string;
  readonly schema?: string;
  readonly check?: string;
}

/**
 * A column type, named as Sequelize's DataTypes name it. `CUSTOM` carries any other
 * PostgreSQL type verbatim (interval, inet, tsvector, ...); its values travel as strings.
 */
export type DataTypeIR =
  | { readonly kind: 'STRING'; readonly length?: number; readonly binary?: boolean }
  | { readonly kind: 'CHAR'; readonly length?: number; readonly binary?: boolean }
  | { readonly kind: 'TEXT'; readonly variant?: 'tiny' | 'medium' | 'long' }
  | { readonly kind: 'CITEXT' }
  | { readonly kind: 'SMALLINT' }
  | { readonly kind: 'INTEGER' }
  | { readonly kind: 'BIGINT'; readonly length?: number }
  | { readonly kind: 'FLOAT'; readonly precision?: number; readonly scale?: number }
  | { readonly kind: 'REAL' }
  | { readonly kind: 'DOUBLE'; readonly precision?: number; readonly scale?: number }
  | { readonly kind: 'DECIMAL'; readonly precision?: number; readonly scale?: number }
  | { readonly kind: 'BOOLEAN' }
  | { readonly kind: 'DATE'; readonly precision?: number; readonly withoutTimeZone?: boolean }
  | { readonly kind: 'DATEONLY' }
  | { readonly kind: 'TIME' }
  | { readonly kind: 'UUID' }
  | { readonly kind: 'JSON' }
  | { readonly kind: 'JSONB' }
  | { readonly kind: 'BLOB' }
  | { readonly kind: 'INET' }
  | { readonly kind: 'CIDR' }
  | { readonly kind: 'MACADDR' }
  | { readonly kind: 'TSVECTOR' }
  | {
      readonly kind: 'ENUM';
      readonly values: readonly string[];
      /** The PostgreSQL type name when it is not Sequelize's `enum_<table>_<column>`. */
      readonly typeName?: string;
      readonly typeSchema?: string;
    }
  | { readonly kind: 'ARRAY'; readonly element: DataTypeIR }
  | { readonly kind: 'CUSTOM'; readonly sql: string };

export type DataTypeKind = DataTypeIR['kind'];

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type DefaultValueIR =
  /** A constant the runtime puts into new instances and the DDL writes as DEFAULT. */
  | { readonly kind: 'literal'; readonly value: JsonValue }
  /** Filled by the runtime at build time (as Sequelize's DataTypes.UUIDV1/UUIDV4/NOW). */
  | { readonly kind: 'UUIDV1' }
  | { readonly kind: 'UUIDV4' }
  | { readonly kind: 'NOW' }
  /** An SQL expression the database evaluates (`now()`, `gen_random_uuid()`, `nextval(...)`). */
  | { readonly kind: 'sql'; readonly sql: string };

export interface MemberIR {
  readonly name: string;
  readonly kind: 'method' | 'getter';
  /** The member's full TypeScript source, e.g. `getFullName(): string { ... }`. */
  readonly source: string;
}

/**
 * Views are read-only, and so is a table without a primary key (read by --from-db): the runtime
 * could not save, update or destroy one of its rows without matching others.
 */
export function isReadOnly(model: ModelIR): boolean {
  return model.kind !== 'table' || !model.attributes.some((attribute) => attribute.primaryKey);
}

/**
 * The creation or update timestamp the runtime fills: the automatic one, or an attribute
 * declared with its name (a YAML `createdAt: DATE`, a `created_at timestamp` column).
 */
export function isTimestamp(model: ModelIR, attribute: AttributeIR): boolean {
  const { timestamps, createdAt, updatedAt } = model.options;
  return (
    attribute.origin === 'timestamp' ||
    (timestamps && (attribute.name === createdAt || attribute.name === updatedAt))
  );
}
