/** Type helpers: what makes a wrong attribute name or a missing required value a compile error. */
import type { Expression, Where } from './expressions.js';
import type { OpTypes } from './operators.js';
import type { AlterOptions } from './alter/alter-options.js';
import type { DataType, DataTypeLike, DefaultMarker } from './data-types.js';
import type { Literal } from './literal.js';
import type { Model } from './model.js';
import type { ReadableModel } from './readable-model.js';
import type { Sequelize } from './sequelize.js';
import type { Transaction } from './transaction.js';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

declare const numericText: unique symbol;
/**
 * The text of a number: what `pg` returns for BIGINT and DECIMAL, which a JS number would round.
 * Any string is assignable to it; the optional brand only tells `increment` that the attribute is numeric.
 */
export type NumericString = string & { readonly [numericText]?: true };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyModel = ReadableModel<any, any>;

/** A model class whose instances are M (what `this` is in static methods). */
export type ModelCtor<M extends AnyModel> = { new (): M };
/** Sequelize's name for the same thing, with every static of Model. */
export type ModelStatic<M extends AnyModel> = NonConstructor<typeof Model> & { new (): M };
type NonConstructor<T> = Pick<T, Exclude<keyof T, 'prototype'>>;

export type Attributes<M extends AnyModel> = M['_attributes'];
export type CreationAttributes<M extends AnyModel> = MakeNullishOptional<M['_creationAttributes']>;

type NullishKeys<T> = {
  [K in keyof T]-?: null extends T[K] ? K : undefined extends T[K] ? K : never;
}[keyof T];
/** As Sequelize: any property whose type includes null or undefined becomes optional. */
export type MakeNullishOptional<T> = T extends unknown
  ? Omit<T, NullishKeys<T>> & Partial<Pick<T, NullishKeys<T>>>
  : never;
export type Optional<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

/** `create()`/`build()` arguments: the values may be left out only when nothing is required. */
export type CreateArgs<M extends AnyModel, O> =
  {} extends CreationAttributes<M>
    ? [values?: CreationAttributes<M>, options?: O]
    : [values: CreationAttributes<M>, options?: O];

/**
 * Attribute names whose type is a number or a NumericString (possibly null): the only ones increment
 * accepts. A plain `string` is not numeric: the brand is told apart by its key, not by assignability.
 */
export type NumericKeys<T> = {
  [K in keyof T]-?: IsNumeric<NonNullable<T[K]>> extends true ? K : never;
}[keyof T] &
  string;
// `any` counts as numeric (an untyped model accepts any name); the tuple stops unions distributing.
type IsNumeric<V> = 0 extends 1 & V ? true : [V] extends [number] ? true : IsBranded<V, typeof numericText>;
/** An increment amount: a number, or for BIGINT/DECIMAL also the text of one ('0.05'). */
export type IncrementAmount<V> = NonNullable<V> extends number ? number : number | string;
export type IncrementFields<T> =
  NumericKeys<T> | readonly NumericKeys<T>[] | { readonly [K in NumericKeys<T>]?: IncrementAmount<T[K]> };

export type WhereValue<V> = [NonNullable<V>] extends [readonly unknown[]]
  ? V | null
  : V | readonly V[] | null;

type O = OpTypes;
/** `{ [Op.any]: [...] }` / `{ [Op.all]: [...] }` as the value of a comparison. */
type Quantified<V> = { [K in O['any'] | O['all']]?: readonly V[] };
type ColumnRef = { [K in O['col']]: string } | Expression;
/** Operators every column takes. */
type CommonOperators<V> = { [K in O['eq'] | O['ne']]?: V | null | ColumnRef | Quantified<V> } & {
  [K in O['not']]?: V | null | boolean | readonly V[] | OperatorObject<V>;
} & { [K in O['is']]?: null | ([NonNullable<V>] extends [boolean] ? boolean : never) } & {
  [K in O['in'] | O['notIn']]?: readonly (V | null)[];
} & { [K in O['or'] | O['and']]?: readonly WhereAttributeValue<V>[] | OperatorObject<V> } & {
  [K in O['col']]?: string;
};
type ComparisonOperators<V> = {
  [K in O['gt'] | O['gte'] | O['lt'] | O['lte']]?: V | ColumnRef | Quantified<V>;
} & { [K in O['between'] | O['notBetween']]?: readonly [V, V] } & {
  [K in O['any'] | O['all']]?: readonly V[];
};
type StringOperators = {
  [K in O['like'] | O['notLike'] | O['iLike'] | O['notILike']]?: string | Quantified<string>;
} & {
  [
    K in
      | O['startsWith']
      | O['endsWith']
      | O['substring']
      | O['regexp']
      | O['notRegexp']
      | O['iRegexp']
      | O['notIRegexp']
  ]?: string;
};
type ArrayOperators<V, E> = { [K in O['contains'] | O['contained'] | O['overlap']]?: V } & {
  [K in O['any']]?: E;
};
type JsonOperators = { [K in O['contains'] | O['contained']]?: unknown };

/** True when V has a JSON object member (a JSON/JSONB attribute): nested keys and Op.contains apply. */
type IsJsonObject<V> = [
  Exclude<Extract<NonNullable<V>, object>, Date | readonly unknown[] | Buffer>,
] extends [never]
  ? false
  : true;

/** The operators one attribute of type V takes: `Op.like` only on strings, `Op.contains` only on ARRAY/JSON. */
export type OperatorObject<V> = [NonNullable<V>] extends [readonly (infer E)[]]
  ? CommonOperators<V> & ArrayOperators<NonNullable<V>, E>
  : IsJsonObject<V> extends true
    ? CommonOperators<V> &
        ComparisonOperators<unknown> &
        StringOperators &
        JsonOperators & { [key: string]: unknown }
    : [NonNullable<V>] extends [string]
      ? CommonOperators<V> & ComparisonOperators<NonNullable<V>> & StringOperators
      : [NonNullable<V>] extends [number | bigint | Date]
        ? CommonOperators<V> & ComparisonOperators<NonNullable<V>>
        : [NonNullable<V>] extends [boolean]
          ? CommonOperators<V>
          : CommonOperators<V> & ComparisonOperators<NonNullable<V>>;

/** What `where` takes for one attribute: a value, a list (IN), null, or operators. */
export type WhereAttributeValue<V> = WhereValue<V> | OperatorObject<V> | Expression;

type JsonKeys<T> = { [K in keyof T & string]: IsJsonObject<T[K]> extends true ? K : never }[keyof T & string];

/** Attribute conditions AND-ed, with `Op.and`/`Op.or`/`Op.not` over nested where objects and `'json.path'` keys. */
export type WhereAttributes<T> = { [K in keyof T]?: WhereAttributeValue<T[K]> } & {
  [K in O['or'] | O['and']]?: readonly WhereOptions<T>[] | WhereAttributes<T> | Where | Literal;
} & { [K in O['not']]?: WhereOptions<T> } & { [K in `${JsonKeys<T>}.${string}`]?: unknown };

/** A where: attribute conditions (operators from `Op`), or an array of them (AND). */
export type WhereOptions<T> =
  WhereAttributes<T> | readonly (WhereAttributes<T> | Literal | Where)[] | Literal | Where;

export type OrderDirection =
  | 'ASC'
  | 'DESC'
  | 'asc'
  | 'desc'
  | 'ASC NULLS FIRST'
  | 'ASC NULLS LAST'
  | 'DESC NULLS FIRST'
  | 'DESC NULLS LAST'
  | 'NULLS FIRST'
  | 'NULLS LAST';
/** An order item of the model's own: an attribute or expression, with a direction or not. */
export type OwnOrderItem<T> =
  | (keyof T & string)
  | Expression
  | readonly [(keyof T & string) | Expression]
  | readonly [(keyof T & string) | Expression, OrderDirection];
/** A step of an included column's path in `order`: the included model, `{ model, as }` or the association object. */
export type OrderIncludeStep =
  | ModelCtor<AnyModel>
  | { readonly model: ModelCtor<AnyModel>; readonly as?: string }
  | { readonly associationType: string; readonly as: string };
/**
 * An included column (`[Post, 'rank']`, `[{ model: Post, as: 'posts' }, 'rank', 'DESC']`,
 * `['posts', 'rank', 'DESC']`, nested paths). This is the shape only; a finder's include types
 * (IncludeOrder in associations/include-types.ts) check the alias and the column against the model.
 */
export type IncludedOrderItem =
  | readonly [OrderIncludeStep, ...(OrderIncludeStep | string)[], string]
  | readonly [OrderIncludeStep | string, ...(OrderIncludeStep | string)[], string, OrderDirection];
export type OrderItem<T> = OwnOrderItem<T> | IncludedOrderItem;
export type Order<T> = (keyof T & string) | Expression | readonly OrderItem<T>[];

/** One selected column: an attribute, `[attribute, alias]` or `[fn(...)/literal(...), alias]`. */
export type FindAttribute<T> = (keyof T & string) | readonly [(keyof T & string) | Expression, string];
export type FindAttributeOptions<T> =
  | readonly FindAttribute<T>[]
  | { exclude: readonly (keyof T & string)[]; include?: readonly FindAttribute<T>[] }
  | { exclude?: readonly (keyof T & string)[]; include: readonly FindAttribute<T>[] };
/** Sequelize's `Transaction.LOCK` values (or true for FOR UPDATE). */
export type LockOption = boolean | 'UPDATE' | 'SHARE' | 'KEY SHARE' | 'NO KEY UPDATE';

export type Logging = (sql: string, ...rest: unknown[]) => void;

export interface QueryOptions {
  transaction?: Transaction | null;
  /** A function receiving `Executing (default): <sql>`, or false for silence. */
  logging?: Logging | false;
  /** false: no hooks run for this call. */
  hooks?: boolean;
}

export interface FindOptions<T> extends QueryOptions {
  where?: WhereOptions<T>;
  /** The attributes to read, aliased expressions (`[fn('count', col('id')), 'n']`), or all but/plus some. */
  attributes?: FindAttributeOptions<T>;
  order?: Order<T>;
  /** GROUP BY: attribute or column names, col(), fn(), literal(). */
  group?: GroupOption<T>;
  /** HAVING, in where syntax (sequelize.where(fn(...), Op.gt, 1) for aggregates). */
  having?: WhereOptions<T> | Literal | Where;
  /** FOR UPDATE (true) / FOR SHARE / FOR KEY SHARE / FOR NO KEY UPDATE. */
  lock?: LockOption;
  /** With lock: SKIP LOCKED. */
  skipLocked?: boolean;
  limit?: number;
  offset?: number;
  /** Plain objects instead of model instances. */
  raw?: boolean;
  /** findOne/findByPk: reject with EmptyResultError (true) or with this Error instead of resolving null. */
  rejectOnEmpty?: boolean | Error;
  /** false: a paranoid model's soft-deleted rows are found too. */
  paranoid?: boolean;
  /** With `replication`: true sends this read to the primary instead of a replica. */
  useMaster?: boolean;
}
/** GROUP BY items: attribute or column names, col(), fn(), literal(). */
export type GroupOption<T> = (keyof T & string) | Expression | readonly ((keyof T & string) | Expression)[];

export interface CountOptions<T> extends Pick<
  FindOptions<T>,
  'where' | 'transaction' | 'logging' | 'hooks' | 'paranoid' | 'useMaster'
> {
  /** count has no order (the include types would add one). */
  order?: never;
  /** Count the rows where this attribute is not null. */
  col?: keyof T & string;
  /** Count distinct values of `col` (without `col`: of the primary key). */
  distinct?: boolean;
  /** Count per group: count() then resolves to one `{ ...group values, count }` per group. */
  group?: GroupOption<T>;
  /** With group: attributes selected beside the group's (names or [name, alias]). */
  attributes?: readonly FindAttribute<T>[];
}
/** count() with group: as Sequelize types it. */
export interface CountWithOptions<T> extends CountOptions<T> {
  group: GroupOption<T>;
}
/** One group of a grouped count: the group's values and its count (a number). */
export interface GroupedCountResultItem {
  [key: string]: unknown;
  count: number;
}

export interface AggregateOptions<T> extends Pick<
  FindOptions<T>,
  'where' | 'transaction' | 'logging' | 'hooks' | 'paranoid' | 'useMaster'
> {
  /** Aggregate the distinct values. */
  distinct?: boolean;
  /** GROUP BY: each item is selected beside the aggregate (use with plain: false for every group). */
  group?: GroupOption<T>;
  /** With group: attributes selected beside the group's (names or [name, alias]). */
  attributes?: readonly FindAttribute<T>[];
  /** false: every row, as objects (one per group); true (the default): the first row's value. */
  plain?: boolean;
}

export interface FindAndCountOptions<T> extends FindOptions<T> {
  /** Passed to the count: count the distinct values of `col` (default: the primary key). */
  distinct?: boolean;
  col?: keyof T & string;
}

export interface SaveOptions<T> extends QueryOptions {
  /** Only these attributes are written. */
  fields?: readonly (keyof T & string)[];
  /** Do not touch updatedAt. */
  silent?: boolean;
  /** Skip the checks made before SQL (allowNull, ENUM, length). The database still checks. */
  validate?: boolean;
  /**
   * An INSERT always returns every column. For an UPDATE, `true` reads every column back
   * (RETURNING) into the instance; attributes with unsaved edits keep them.
   */
  returning?: boolean;
}
export interface CreateOptions<T> extends SaveOptions<T> {
  /** Store the values as given: no sanitizing (as Sequelize passes raw to build). */
  raw?: boolean;
}
export type InstanceUpdateOptions<T> = SaveOptions<T>;

export interface BulkCreateOptions<T> extends CreateOptions<T> {
  /** ON CONFLICT DO NOTHING: duplicates are skipped; their instances stay unsaved (isNewRecord). */
  ignoreDuplicates?: boolean;
  /** ON CONFLICT (key) DO UPDATE SET these attributes. */
  updateOnDuplicate?: readonly (keyof T & string)[];
  /** With updateOnDuplicate: the unique key of ON CONFLICT (default: a unique key every record gives). */
  conflictAttributes?: readonly (keyof T & string)[];
  /** Each record saved on its own, with its beforeCreate/afterCreate/beforeSave/afterSave hooks. */
  individualHooks?: boolean;
}

export interface FindOrCreateOptions<T, TCreation = T> extends QueryOptions {
  /** Plain values only: they are also the inserted values (an operator cannot be inserted). */
  where: WhereOptions<T>;
  /** Inserted besides the where values; on a name in both, defaults win (as Sequelize). */
  defaults?: Partial<TCreation>;
  /** Skip the checks made before SQL (allowNull, ENUM, length). */
  validate?: boolean;
  /** Do not touch updatedAt. */
  silent?: boolean;
}

export interface UpsertOptions<T> extends QueryOptions {
  /** Attributes updated on conflict (default: every inserted one but createdAt). */
  fields?: readonly (keyof T & string)[];
  /** The unique key of ON CONFLICT (default: the primary key when given, else a unique key whose values are given). */
  conflictFields?: readonly (keyof T & string)[];
  /** Skip the checks made before SQL. */
  validate?: boolean;
  /** Accepted: the row is always returned (RETURNING). `false` is refused. */
  returning?: boolean;
  /** Do not touch updatedAt. */
  silent?: boolean;
}

export interface UpdateOptions<T> extends QueryOptions {
  where: WhereOptions<T>;
  /** Only these of the given values are written (updatedAt still is, unless silent). */
  fields?: readonly (keyof T & string)[];
  silent?: boolean;
  validate?: boolean;
  returning?: boolean;
  /** The rows are read, and each is saved with its beforeUpdate/afterUpdate hooks; resolves [count, instances]. */
  individualHooks?: boolean;
  /** Accepted for compatibility: there are no custom setters whose side effects to skip. */
  sideEffects?: boolean;
  /** false: a paranoid model's soft-deleted rows are updated too. */
  paranoid?: boolean;
}
/**
 * Model.destroy: a `where` (`{}` for every row) or `truncate: true`; `destroy({})` does not compile
 * (the runtime refuses it, as Sequelize's runtime does).
 */
export type DestroyOptions<T> = DestroyOptionsBase &
  ({ where: WhereOptions<T>; truncate?: boolean } | { where?: WhereOptions<T>; truncate: true });
interface DestroyOptionsBase extends QueryOptions {
  cascade?: boolean;
  /** With truncate: reset the table's sequences (TRUNCATE ... RESTART IDENTITY). */
  restartIdentity?: boolean;
  /** Paranoid models: a real DELETE instead of setting deletedAt. */
  force?: boolean;
  individualHooks?: boolean;
}
/** Model.truncate: `TRUNCATE [RESTART IDENTITY] [CASCADE]`. */
export interface TruncateOptions extends QueryOptions {
  cascade?: boolean;
  restartIdentity?: boolean;
  /** Paranoid models: a real TRUNCATE (without it, as Sequelize, every live row is soft-deleted). */
  force?: boolean;
}
export interface InstanceDestroyOptions extends QueryOptions {
  /** Paranoid models: a real DELETE instead of setting deletedAt. */
  force?: boolean;
}
export interface RestoreOptions<T> extends QueryOptions {
  /** The rows to restore (every soft-deleted row without one). */
  where?: WhereOptions<T>;
  /** beforeRestore/afterRestore per row (the rows are read first). */
  individualHooks?: boolean;
}
export interface IncrementOptions<T> extends QueryOptions {
  /** For the instance method: extra conditions AND-ed with the primary key. */
  where?: WhereOptions<T>;
  /** Amount when fields is a name or a list of names (default 1); numeric text such as '0.05' for DECIMAL. */
  by?: number | `${number}`;
  silent?: boolean;
  /** Default true: the changed row is read back (RETURNING); false sends no RETURNING. */
  returning?: boolean;
}
export interface StaticIncrementOptions<T> extends IncrementOptions<T> {
  where: WhereOptions<T>;
}
export interface SyncOptions extends QueryOptions {
  force?: boolean;
  /**
   * Change existing tables to match the models: one planned, checked transaction (runtime/alter).
   * Destructive steps need `{ drop: true }`; planSync() is the dry run.
   */
  alter?: boolean | AlterOptions;
  /** `sequelize.sync({ force: true, match: /_test$/ })` refuses other databases. */
  match?: RegExp;
}
export interface DropOptions extends QueryOptions {
  cascade?: boolean;
}

export type ReferentialAction =
  | 'CASCADE'
  | 'SET NULL'
  | 'SET DEFAULT'
  | 'RESTRICT'
  | 'NO ACTION'
  | 'cascade'
  | 'set null'
  | 'set default'
  | 'restrict'
  | 'no action';

/** A referenced model: a class, or a table name. */
export type ReferencedModel =
  string | (abstract new (...args: never[]) => unknown) | { tableName: string; schema?: string };

export interface ModelAttributeColumnOptions<V = unknown> {
  type: DataTypeLike;
  allowNull?: boolean;
  /** A literal, DataTypes.UUIDV1/UUIDV4/NOW, a function, or literal('sql') for a database default. */
  defaultValue?: V | Literal | DefaultMarker | (() => V);
  primaryKey?: boolean;
  autoIncrement?: boolean;
  /** With autoIncrement: `GENERATED BY DEFAULT AS IDENTITY` instead of SERIAL in DDL. */
  autoIncrementIdentity?: boolean;
  /** `true` for a single-column UNIQUE; a shared name makes a composite unique key. */
  unique?: boolean | string;
  comment?: string;
  /** The column name, when it differs from the attribute name. */
  field?: string;
  references?: string | { model: ReferencedModel; key?: string };
  onDelete?: ReferentialAction;
  onUpdate?: ReferentialAction;
  /** ENUM values, with `type: DataTypes.ENUM`. */
  values?: readonly string[];
  /** Sequelize's attribute validators (built-in names with `args`/`msg`, or custom functions): docs/runtime.md. */
  validate?: AttributeValidateOptions;
  /** A getter: `this` is the instance (use this.getDataValue(name)); get({ raw: true }) bypasses it. */
  get?: (this: any) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any -- the instance of any model
  /** A setter: `this` is the instance (store with this.setDataValue(name, v)); set(k, v, { raw: true }) bypasses it. */
  set?: (this: any, value: V) => void; // eslint-disable-line @typescript-eslint/no-explicit-any -- the instance of any model
}

/** A built-in validator's setting: `true`, its arguments, or `{ args, msg }`. */
export type BuiltinValidatorSetting<A> = A | { args: A | readonly [A]; msg?: string } | { msg: string };
/** A custom validator: `this` is the instance; throw or reject to fail. */
export type CustomValidatorFunction = (this: any, value: any, next?: (error?: unknown) => void) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any -- the instance and value of any model
type RegexArgs = RegExp | string | readonly [pattern: string, flags?: string];

export interface BuiltinValidators {
  is?: BuiltinValidatorSetting<RegexArgs>;
  not?: BuiltinValidatorSetting<RegexArgs>;
  isEmail?: BuiltinValidatorSetting<true | Record<string, unknown>>;
  isUrl?: BuiltinValidatorSetting<true | Record<string, unknown>>;
  isIP?: BuiltinValidatorSetting<true | readonly [4 | 6]>;
  isIPv4?: BuiltinValidatorSetting<true>;
  isIPv6?: BuiltinValidatorSetting<true>;
  isAlpha?: BuiltinValidatorSetting<true | string>;
  isAlphanumeric?: BuiltinValidatorSetting<true | string>;
  isNumeric?: BuiltinValidatorSetting<true>;
  isInt?: BuiltinValidatorSetting<true | Record<string, unknown>>;
  isFloat?: BuiltinValidatorSetting<true | Record<string, unknown>>;
  isDecimal?: BuiltinValidatorSetting<true>;
  isLowercase?: BuiltinValidatorSetting<true>;
  isUppercase?: BuiltinValidatorSetting<true>;
  notNull?: BuiltinValidatorSetting<true>;
  isNull?: BuiltinValidatorSetting<true>;
  notEmpty?: BuiltinValidatorSetting<true>;
  equals?: BuiltinValidatorSetting<string>;
  contains?: BuiltinValidatorSetting<string>;
  notContains?: BuiltinValidatorSetting<string>;
  isIn?: BuiltinValidatorSetting<readonly [readonly unknown[]]>;
  notIn?: BuiltinValidatorSetting<readonly [readonly unknown[]]>;
  len?: BuiltinValidatorSetting<readonly [min: number, max?: number]>;
  isUUID?: BuiltinValidatorSetting<3 | 4 | 5 | 'all' | number>;
  isDate?: BuiltinValidatorSetting<true>;
  isAfter?: BuiltinValidatorSetting<string>;
  isBefore?: BuiltinValidatorSetting<string>;
  max?: BuiltinValidatorSetting<number>;
  min?: BuiltinValidatorSetting<number>;
  isCreditCard?: BuiltinValidatorSetting<true>;
}

/**
 * Built-in validators by name, or custom functions under any other name. (A misspelt built-in
 * set to a non-function is refused at init with a did-you-mean.)
 */
export type AttributeValidateOptions = BuiltinValidators & {
  [custom: string]: CustomValidatorFunction | BuiltinValidators[keyof BuiltinValidators];
};

/** `init`'s first argument: only declared attribute names; the automatic id and timestamps may be left out. */
export type ModelAttributes<T> = {
  [K in keyof T]?: DataTypeLike | ModelAttributeColumnOptions<T[K]>;
};

/** An attribute after init: what `rawAttributes` holds. */
export interface NormalizedAttribute extends Omit<ModelAttributeColumnOptions, 'type'> {
  type: DataType;
  field: string;
  fieldName: string;
  allowNull: boolean;
  primaryKey: boolean;
  autoIncrement: boolean;
}

/** One column of an index: the attribute, or the attribute with an order, collation or operator class. */
export type IndexField<T> =
  | (keyof T & string)
  | {
      name: keyof T & string;
      order?: 'ASC' | 'DESC';
      collate?: string;
      /** An operator class, e.g. `text_pattern_ops`, `jsonb_path_ops`. */
      operator?: string;
    }
  | Literal;

/** An entry of the `indexes` model option, as Sequelize's `ModelIndexesOptions` on PostgreSQL. */
export interface IndexOptions<T> {
  /** The attributes (or `literal('lower(email)')` expressions) indexed, in order. */
  fields: readonly IndexField<T>[];
  /** Default: the table and field names, underscored (`Users` + `email` → `users_email`). */
  name?: string;
  unique?: boolean;
  /** The index method; default BTREE. */
  using?:
    | 'BTREE'
    | 'HASH'
    | 'GIST'
    | 'SPGIST'
    | 'GIN'
    | 'BRIN'
    | Lowercase<'BTREE' | 'HASH' | 'GIST' | 'SPGIST' | 'GIN' | 'BRIN'>;
  /** A partial index: a where object (equality, IN, IS NULL) or `literal('SQL')`. */
  where?: { [K in keyof T]?: WhereValue<T[K]> } | Literal;
  /** CREATE INDEX CONCURRENTLY: sync() runs it after its transaction, never inside one. */
  concurrently?: boolean;
  /** An operator class for every field. */
  operator?: string;
  /** `'UNIQUE'`, as Sequelize also accepts. */
  type?: 'UNIQUE';
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped by default, as Sequelize's ModelOptions
export interface ModelOptions<T = any> {
  tableName?: string;
  freezeTableName?: boolean;
  timestamps?: boolean;
  createdAt?: string | boolean;
  updatedAt?: string | boolean;
  /** Soft deletes: destroy() sets deletedAt, finders skip such rows unless `paranoid: false`. Needs timestamps. */
  paranoid?: boolean;
  /** The soft-delete attribute's name (default deletedAt; deleted_at with underscored). */
  deletedAt?: string | boolean;
  underscored?: boolean;
  schema?: string;
  comment?: string;
  indexes?: readonly IndexOptions<T>[];
  /** The scope every finder, count, aggregate, update and destroy applies unless Model.scope()/unscoped(). */
  defaultScope?: ScopeOptions<T>;
  /** Named scopes for Model.scope(): find options, or functions taking arguments and returning them. */
  scopes?: Record<string, ScopeOptions<T> | ((...args: any[]) => ScopeOptions<T>)>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a scope function takes what its callers pass
  /** How scope wheres merge: 'overwrite' (Sequelize's default: by key, the later wins) or 'and'. */
  whereMergeStrategy?: 'overwrite' | 'and';
  /** Lifecycle hooks by name, each a function or a list (docs/runtime.md, Hooks). */
  hooks?: ModelHooksOption<Model<any, any> & T>; // eslint-disable-line @typescript-eslint/no-explicit-any -- the instance: a model with these attributes
  /** Model-level validators: `this` is the instance; throw or reject to fail (the error's path is the function's name). */
  validate?: Record<string, (this: any, next?: (error?: unknown) => void) => unknown>; // eslint-disable-line @typescript-eslint/no-explicit-any -- the instance of any model
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped by default, as Sequelize's InitOptions
export interface InitOptions<T = any> extends ModelOptions<T> {
  sequelize: Sequelize;
  modelName?: string;
}

// Sequelize's inference helpers, for hand-written models.
declare const CreationOptionalBrand: unique symbol;
declare const NonAttributeBrand: unique symbol;
declare const ForeignKeyBrand: unique symbol;
export type CreationOptional<T> = T extends null | undefined ? T : T & { [CreationOptionalBrand]?: true };
/** A member that is not an attribute (an association's loaded value): left out by InferAttributes. */
export type NonAttribute<T> = T extends null | undefined ? T : T & { [NonAttributeBrand]?: true };
/** A foreign key an association sets: an attribute, optional in init() and create() (as Sequelize). */
export type ForeignKey<T> = T extends null | undefined ? T : T & { [ForeignKeyBrand]?: true };
/** The key that marks a NonAttribute member (how `include` types find a model's associations). */
export type NonAttributeKey = typeof NonAttributeBrand;
type IsBranded<T, B extends symbol> = B extends keyof NonNullable<T> ? true : false;
/* eslint-disable @typescript-eslint/no-explicit-any -- members of any model, functions of any signature */
type AttributeKey<M, K extends keyof M, O> = K extends keyof Model<any, any>
  ? never
  : M[K] extends (...args: any[]) => unknown
    ? never
    : IsBranded<M[K], typeof NonAttributeBrand> extends true
      ? never
      : K extends O
        ? never
        : K;
/* eslint-enable @typescript-eslint/no-explicit-any */
export type InferAttributes<M extends AnyModel, Options extends { omit?: keyof M } = { omit: never }> = {
  [K in keyof M as AttributeKey<M, K, Options['omit']>]: M[K];
};
export type InferCreationAttributes<
  M extends AnyModel,
  Options extends { omit?: keyof M } = { omit: never },
> = {
  // `true extends`: either brand makes the value optional (IsBranded distributes over the union).
  [K in keyof M as AttributeKey<M, K, Options['omit']>]: true extends IsBranded<
    M[K],
    typeof CreationOptionalBrand | typeof ForeignKeyBrand
  >
    ? M[K] | undefined
    : M[K];
};

/** What a scope holds (defaultScope, scopes, Model.scope({ ... }), addScope). */
export type ScopeOptions<T> = Pick<
  FindOptions<T>,
  'where' | 'attributes' | 'order' | 'limit' | 'offset' | 'group' | 'having' | 'paranoid'
>;

/** What a hook may return: nothing, or a promise the operation awaits before going on. */
export type HookReturn = void | Promise<void>;

/** The model hooks and what each receives (Sequelize v6's signatures). M: the model's instances. */
/* eslint-disable @typescript-eslint/no-explicit-any -- hooks of an untyped model see untyped attributes */
export interface ModelHooks<M extends AnyModel = Model<any, any>, TAttributes = Attributes<M>> {
  beforeValidate(instance: M, options: ValidateHookOptions<TAttributes>): HookReturn;
  afterValidate(instance: M, options: ValidateHookOptions<TAttributes>): HookReturn;
  /** `error` is the ValidationError; throwing another error replaces it. */
  validationFailed(instance: M, options: ValidateHookOptions<TAttributes>, error: unknown): HookReturn;
  beforeCreate(instance: M, options: CreateOptions<TAttributes>): HookReturn;
  afterCreate(instance: M, options: CreateOptions<TAttributes>): HookReturn;
  beforeSave(instance: M, options: SaveOptions<TAttributes>): HookReturn;
  afterSave(instance: M, options: SaveOptions<TAttributes>): HookReturn;
  beforeUpdate(instance: M, options: SaveOptions<TAttributes>): HookReturn;
  afterUpdate(instance: M, options: SaveOptions<TAttributes>): HookReturn;
  beforeDestroy(instance: M, options: InstanceDestroyOptions): HookReturn;
  afterDestroy(instance: M, options: InstanceDestroyOptions): HookReturn;
  beforeRestore(instance: M, options: QueryOptions): HookReturn;
  afterRestore(instance: M, options: QueryOptions): HookReturn;
  beforeUpsert(values: CreationAttributes<M>, options: UpsertOptions<TAttributes>): HookReturn;
  afterUpsert(result: [M, boolean], options: UpsertOptions<TAttributes>): HookReturn;
  beforeBulkCreate(instances: M[], options: BulkCreateOptions<TAttributes>): HookReturn;
  afterBulkCreate(instances: M[], options: BulkCreateOptions<TAttributes>): HookReturn;
  /** `options.attributes` holds the values to write; a hook may change them. */
  beforeBulkUpdate(options: UpdateOptions<TAttributes> & { attributes: Partial<TAttributes> }): HookReturn;
  afterBulkUpdate(options: UpdateOptions<TAttributes> & { attributes: Partial<TAttributes> }): HookReturn;
  beforeBulkDestroy(options: DestroyOptions<TAttributes>): HookReturn;
  afterBulkDestroy(options: DestroyOptions<TAttributes>): HookReturn;
  beforeBulkRestore(options: RestoreOptions<TAttributes>): HookReturn;
  afterBulkRestore(options: RestoreOptions<TAttributes>): HookReturn;
  beforeFind(options: FindOptions<TAttributes>): HookReturn;
  beforeFindAfterExpandIncludeAll(options: FindOptions<TAttributes>): HookReturn;
  beforeFindAfterOptions(options: FindOptions<TAttributes>): HookReturn;
  /** The instances of findAll; one instance or null for findOne and findByPk. */
  afterFind(result: M[] | M | null, options: FindOptions<TAttributes>): HookReturn;
  beforeCount(options: CountOptions<TAttributes>): HookReturn;
  beforeSync(options: SyncOptions): HookReturn;
  afterSync(options: SyncOptions): HookReturn;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

export interface ValidateHookOptions<T> extends QueryOptions {
  fields?: readonly (keyof T & string)[];
}

/** Global hooks (sequelize.addHook): every model hook, for every model, plus sequelize.sync()'s. */
export interface SequelizeHooks extends ModelHooks {
  beforeBulkSync(options: SyncOptions): HookReturn;
  afterBulkSync(options: SyncOptions): HookReturn;
}

export type HookName = keyof ModelHooks;

/** The `hooks` option of init/define: each hook a function or a list of them. */
export type ModelHooksOption<M extends AnyModel> = {
  [K in HookName]?: ModelHooks<M>[K] | readonly ModelHooks<M>[K][];
};

/** `User.beforeCreate(fn)` / `User.beforeCreate('name', fn)`: the static form of addHook. */
export interface StaticHookAdder<K extends HookName> {
  <MS extends ModelCtor<AnyModel>>(this: MS, fn: ModelHooks<InstanceType<MS>>[K]): MS;
  <MS extends ModelCtor<AnyModel>>(this: MS, name: string, fn: ModelHooks<InstanceType<MS>>[K]): MS;
}
