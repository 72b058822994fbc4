/**
 * The reading half every model has: init, finders, get, toJSON, reload. Model (model.ts) adds
 * writing; ReadOnlyModel (read-only-model.ts) is this half alone, for views.
 *
 * Instance state (own properties, nothing else): dataValues (attribute → value),
 * _previousDataValues (only the attributes set since the last save, holding their value before
 * that set), _changed (names changed since the last save, or null), _options, isNewRecord.
 * Attribute accessors live on the prototype, so generated classes `declare` their fields.
 */
import { copyValue, DefaultKind } from './default-values.js';
import { InstanceError } from './errors.js';
import { checkRejectOnEmpty, rejectEmpty } from './reject-on-empty.js';
import { accessorAttribute, setVirtual, valuesThroughGetters } from './attribute-accessors.js';
import {
  defineModel,
  definitionOf,
  isReadOnlyClass,
  registerDefinition,
  type ModelDefinition,
} from './model-definition.js';
import { checkOptions } from './check-options.js';
import {
  AGGREGATE_OPTIONS,
  COUNT_OPTIONS,
  FIND_AND_COUNT_OPTIONS,
  DROP_OPTIONS,
  FIND_BY_PK_OPTIONS,
  FIND_ONE_OPTIONS,
  FIND_OPTIONS,
  GET_OPTIONS,
  RELOAD_OPTIONS,
  SYNC_OPTIONS,
} from './method-options.js';
import { MODEL_MEMBER_NAMES } from './model-members.js';
import { aggregateSql, NUMBER_SUM_TYPES } from './sql/aggregate.js';
import { selectList, selectSql } from './sql/select.js';
import { attributeOf } from './sql/where.js';
import { whereSql } from './sql/where.js';
import {
  addHook,
  addHooksOption,
  defineStaticHookForms,
  hasOwnHooks,
  hooksOn,
  removeHook,
} from './hooks/hook-registry.js';
import { addScope, defineScopes, scopedModel, scopesInUse, withScope, type ScopeArgument } from './scopes.js';
import type { Sequelize } from './sequelize.js';
import { ROW_OPTIONS as ROW } from './row-options.js';
import {
  associate,
  plainIncluded,
  type Association,
  type BelongsTo,
  type BelongsToMany,
  type BelongsToManyOptions,
  type BelongsToOptions,
  type HasMany,
  type HasManyOptions,
  type HasOne,
  type HasOneOptions,
  type CheckedIncludes,
  type NoInference,
  type IncludeOption,
  type Includeable,
  type WithIncluded,
} from './associations/index.js';
import type {
  AnyModel,
  Attributes,
  AggregateOptions,
  CountOptions,
  CountWithOptions,
  GroupedCountResultItem,
  GroupOption,
  FindAndCountOptions,
  DropOptions,
  FindOptions,
  InitOptions,
  MakeNullishOptional,
  ModelAttributes,
  ModelCtor,
  NormalizedAttribute,
  QueryOptions,
  SyncOptions,
  WhereOptions,
  ScopeOptions,
  HookName,
  ModelHooks,
  StaticHookAdder,
} from './types.js';

export interface BuildOptions {
  /** false: an existing row (nothing is default-filled; given values are marked changed). */
  isNewRecord?: boolean;
  /** Store values as given: no sanitizing, nothing marked changed. */
  raw?: boolean;
}

/** Options marking a row read from the database: the constructor's fast path. */
export const ROW_OPTIONS: BuildOptions = ROW;
const NEW_OPTIONS: BuildOptions = Object.freeze({ isNewRecord: true });

export interface GetOptions {
  plain?: boolean;
  clone?: boolean;
  raw?: boolean;
}

export interface ReloadOptions<T> extends QueryOptions {
  attributes?: readonly (keyof T & string)[];
  /** false: a paranoid model's soft-deleted row is reloaded too. */
  paranoid?: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;

export class ReadableModel<
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Sequelize's own default: an untyped model accepts any attributes
  TAttributes extends {} = any,
  TCreationAttributes extends {} = TAttributes,
> {
  /** Phantom members carrying the attribute types to static methods; never set. */
  declare _attributes: TAttributes;
  declare _creationAttributes: TCreationAttributes;

  dataValues!: TAttributes;
  _previousDataValues!: Partial<TAttributes>;
  _changed!: Set<string> | null;
  _options!: BuildOptions;
  isNewRecord!: boolean;

  constructor(values?: MakeNullishOptional<TCreationAttributes>, options?: BuildOptions) {
    if (options === ROW_OPTIONS) {
      this.dataValues = values as unknown as TAttributes;
      this._previousDataValues = {};
      this._changed = null;
      this._options = ROW_OPTIONS;
      this.isNewRecord = false;
      return;
    }
    const def = definitionOf(new.target);
    const isNewRecord = options?.isNewRecord !== false;
    this.dataValues = (isNewRecord ? initialValues(def, values as Row | undefined) : {}) as TAttributes;
    this._previousDataValues = {};
    this._changed = null;
    this._options = options ?? NEW_OPTIONS;
    this.isNewRecord = isNewRecord;
    if (values) assignValues(this as unknown as ReadableModel, def, values as Row, options?.raw === true);
  }

  /**
   * Initialises the model: attributes (a DataType alone or options), table name as Sequelize
   * infers it, the automatic `id`, timestamps. Returns the class.
   */
  static init<MS extends ModelCtor<AnyModel>>(
    this: MS,
    attributes: ModelAttributes<Attributes<InstanceType<MS>>>,
    options: InitOptions<Attributes<InstanceType<MS>>>,
  ): MS {
    const def = defineModel({
      className: this.name,
      attributes: attributes as Record<string, unknown>,
      initOptions: options,
      readOnly: isReadOnlyClass(this),
      removed: [],
    });
    registerDefinition(this, def);
    if (def.name !== this.name) Object.defineProperty(this, 'name', { value: def.name });
    defineAccessors(this.prototype as object, def);
    def.sequelize.models[def.name] = this as never;
    // Hooks of the Sequelize's `define` option, then the model's own (Sequelize merges the two).
    const shared = def.sequelize.options.define.hooks;
    if (shared && shared !== def.options.hooks) addHooksOption(this, `${def.name}.init()`, false, shared);
    addHooksOption(this, `${def.name}.init()`, false, def.options.hooks);
    const { defaultScope, scopes, whereMergeStrategy } = def.options;
    if (defaultScope || scopes || whereMergeStrategy) defineScopes(this, def.name, def.options);
    return this;
  }

  /**
   * The model with these scopes merged in order (names, `{ method: ['name', ...args] }`, scope
   * objects), as Sequelize's Model.scope: the default scope only when named.
   */
  static scope<MS extends ModelCtor<AnyModel>>(
    this: MS,
    ...scopes: (ScopeArgument | readonly ScopeArgument[])[]
  ): MS {
    return scopedModel(this, scopes);
  }

  /** The model without any scope, the default one included. */
  static unscoped<MS extends ModelCtor<AnyModel>>(this: MS): MS {
    return scopedModel(this, []);
  }

  /** Adds a scope (`defaultScope` sets the default); an existing name needs `{ override: true }`. */
  static addScope<MS extends ModelCtor<AnyModel>>(
    this: MS,
    name: string,
    scope:
      | ScopeOptions<Attributes<InstanceType<MS>>>
      | ((...args: any[]) => ScopeOptions<Attributes<InstanceType<MS>>>), // eslint-disable-line @typescript-eslint/no-explicit-any -- a scope function takes what its callers pass
    options?: { override?: boolean },
  ): void {
    addScope(this, this.name, name, scope, options);
  }

  /** Registers a hook (docs/runtime.md, Hooks): `addHook('beforeCreate', fn)` or with a name to remove it by. */
  static addHook<MS extends ModelCtor<AnyModel>, K extends HookName>(
    this: MS,
    hookType: K,
    fn: ModelHooks<InstanceType<MS>>[K],
  ): MS;
  static addHook<MS extends ModelCtor<AnyModel>, K extends HookName>(
    this: MS,
    hookType: K,
    name: string,
    fn: ModelHooks<InstanceType<MS>>[K],
  ): MS;
  static addHook(this: Function, hookType: string, nameOrFn: unknown, fn?: unknown): unknown {
    addHook(this, `${this.name}.addHook()`, false, hookType, nameOrFn, fn);
    return this;
  }

  /** Removes the hooks of that type added under that name (or that function); true when one was. */
  static removeHook(hookType: HookName, nameOrFn: string | ((...args: never[]) => unknown)): boolean {
    return removeHook(this, `${this.name}.removeHook()`, false, hookType, nameOrFn);
  }

  /** Whether the model has hooks of that type (its own; global ones are sequelize.hasHook's). */
  static hasHook(hookType: HookName): boolean {
    return hasOwnHooks(this, hookType);
  }
  static hasHooks(hookType: HookName): boolean {
    return hasOwnHooks(this, hookType);
  }

  // The static forms of addHook, put on the class by defineStaticHookForms (hooks/hook-registry.ts).
  declare static beforeValidate: StaticHookAdder<'beforeValidate'>;
  declare static afterValidate: StaticHookAdder<'afterValidate'>;
  declare static validationFailed: StaticHookAdder<'validationFailed'>;
  declare static beforeCreate: StaticHookAdder<'beforeCreate'>;
  declare static afterCreate: StaticHookAdder<'afterCreate'>;
  declare static beforeSave: StaticHookAdder<'beforeSave'>;
  declare static afterSave: StaticHookAdder<'afterSave'>;
  declare static beforeUpdate: StaticHookAdder<'beforeUpdate'>;
  declare static afterUpdate: StaticHookAdder<'afterUpdate'>;
  declare static beforeDestroy: StaticHookAdder<'beforeDestroy'>;
  declare static afterDestroy: StaticHookAdder<'afterDestroy'>;
  declare static beforeRestore: StaticHookAdder<'beforeRestore'>;
  declare static afterRestore: StaticHookAdder<'afterRestore'>;
  declare static beforeUpsert: StaticHookAdder<'beforeUpsert'>;
  declare static afterUpsert: StaticHookAdder<'afterUpsert'>;
  declare static beforeBulkCreate: StaticHookAdder<'beforeBulkCreate'>;
  declare static afterBulkCreate: StaticHookAdder<'afterBulkCreate'>;
  declare static beforeBulkUpdate: StaticHookAdder<'beforeBulkUpdate'>;
  declare static afterBulkUpdate: StaticHookAdder<'afterBulkUpdate'>;
  declare static beforeBulkDestroy: StaticHookAdder<'beforeBulkDestroy'>;
  declare static afterBulkDestroy: StaticHookAdder<'afterBulkDestroy'>;
  declare static beforeBulkRestore: StaticHookAdder<'beforeBulkRestore'>;
  declare static afterBulkRestore: StaticHookAdder<'afterBulkRestore'>;
  declare static beforeFind: StaticHookAdder<'beforeFind'>;
  declare static beforeFindAfterExpandIncludeAll: StaticHookAdder<'beforeFindAfterExpandIncludeAll'>;
  declare static beforeFindAfterOptions: StaticHookAdder<'beforeFindAfterOptions'>;
  declare static afterFind: StaticHookAdder<'afterFind'>;
  declare static beforeCount: StaticHookAdder<'beforeCount'>;
  declare static beforeSync: StaticHookAdder<'beforeSync'>;
  declare static afterSync: StaticHookAdder<'afterSync'>;

  /**
   * Takes an attribute out of the model, the automatic `id` too: `Log.removeAttribute('id')` for a
   * table without a primary key. Its rows can be created and read; saving or destroying one is
   * refused (it has no key to find it by), where Sequelize would reuse the last finder's where.
   */
  static removeAttribute(name: string): void {
    const { init } = definitionOf(this);
    registerDefinition(this, defineModel({ ...init, removed: [...init.removed, name] }));
  }

  /** The model's associations by alias (Sequelize's `Model.associations`). */
  static associations: Readonly<Record<string, Association>> = Object.freeze({});

  /** `Post.belongsTo(User, { as: 'author', foreignKey: 'authorId' })`: the foreign key on this model. */
  static belongsTo<S extends AnyModel, T extends AnyModel>(
    this: ModelCtor<S>,
    target: ModelCtor<T>,
    options?: BelongsToOptions,
  ): BelongsTo<S, T> {
    return associate('belongsTo', this, target, options) as BelongsTo<S, T>;
  }
  /** `User.hasOne(Profile)`: the foreign key on the target. */
  static hasOne<S extends AnyModel, T extends AnyModel>(
    this: ModelCtor<S>,
    target: ModelCtor<T>,
    options?: HasOneOptions,
  ): HasOne<S, T> {
    return associate('hasOne', this, target, options) as HasOne<S, T>;
  }
  /** `User.hasMany(Post, { as: 'posts', foreignKey: 'authorId' })`: the foreign key on the target. */
  static hasMany<S extends AnyModel, T extends AnyModel>(
    this: ModelCtor<S>,
    target: ModelCtor<T>,
    options?: HasManyOptions,
  ): HasMany<S, T> {
    return associate('hasMany', this, target, options) as HasMany<S, T>;
  }
  /** `Post.belongsToMany(Tag, { through: PostTag })`: both foreign keys on the through model or table. */
  static belongsToMany<S extends AnyModel, T extends AnyModel>(
    this: ModelCtor<S>,
    target: ModelCtor<T>,
    options: BelongsToManyOptions,
  ): BelongsToMany<S, T> {
    return associate('belongsToMany', this, target, options) as BelongsToMany<S, T>;
  }

  static get sequelize(): Sequelize {
    return definitionOf(this).sequelize;
  }
  static get tableName(): string {
    return definitionOf(this).tableName;
  }
  static get rawAttributes(): Readonly<Record<string, NormalizedAttribute>> {
    return definitionOf(this).rawAttributes;
  }
  static getAttributes(): Readonly<Record<string, NormalizedAttribute>> {
    return definitionOf(this).rawAttributes;
  }
  static get primaryKeyAttributes(): string[] {
    return definitionOf(this).primaryKeys.map((a) => a.name);
  }
  static get primaryKeyAttribute(): string | undefined {
    return definitionOf(this).primaryKeys[0]?.name;
  }
  static get options(): Readonly<Record<string, unknown>> {
    return definitionOf(this).options;
  }

  /** The table name, or `{ tableName, schema, delimiter, toString() }` when the model has a schema. */
  static getTableName():
    string | { tableName: string; table: string; schema: string; delimiter: string; toString(): string } {
    const def = definitionOf(this);
    if (!def.schema) return def.tableName;
    return {
      tableName: def.tableName,
      table: def.tableName,
      schema: def.schema,
      delimiter: '.',
      toString: () => def.quotedTable,
    };
  }

  static findAll<M extends AnyModel>(
    this: ModelCtor<M>,
    options: FindOptions<Attributes<M>> & { raw: true },
  ): Promise<Attributes<M>[]>;
  static findAll<M extends AnyModel, const I extends IncludeList<M> = []>(
    this: ModelCtor<M>,
    options?: NoInference<FindOptions<Attributes<M>> & IncludeOption<M>> & {
      include?: I & CheckedIncludes<M, I>;
    },
  ): Promise<WithIncluded<M, I>[]>;
  static async findAll<M extends AnyModel>(
    this: ModelCtor<M>,
    options: FindOptions<Attributes<M>> = {},
  ): Promise<M[] | Attributes<M>[]> {
    const def = definitionOf(this);
    checkOptions(options, FIND_OPTIONS, `${def.name}.findAll()`);
    if (scopesInUse) options = await withScope(this, options);
    if (hooksOn(options))
      return (await hookedOperations()).findWithHooks(
        this,
        options,
        (o) => findRows(this, def, o),
        false,
      ) as Promise<M[]>;
    return findRows(this, def, options);
  }

  static findOne<M extends AnyModel>(
    this: ModelCtor<M>,
    options: FindOptions<Attributes<M>> & { raw: true } & NonNullFind,
  ): Promise<Attributes<M>>;
  static findOne<M extends AnyModel, const I extends IncludeList<M> = []>(
    this: ModelCtor<M>,
    options: NoInference<FindOptions<Attributes<M>> & IncludeOption<M>> & {
      include?: I & CheckedIncludes<M, I>;
    } & NonNullFind,
  ): Promise<WithIncluded<M, I>>;
  static findOne<M extends AnyModel>(
    this: ModelCtor<M>,
    options: FindOptions<Attributes<M>> & { raw: true },
  ): Promise<Attributes<M> | null>;
  static findOne<M extends AnyModel, const I extends IncludeList<M> = []>(
    this: ModelCtor<M>,
    options?: NoInference<FindOptions<Attributes<M>> & IncludeOption<M>> & {
      include?: I & CheckedIncludes<M, I>;
    },
  ): Promise<WithIncluded<M, I> | null>;
  static async findOne<M extends AnyModel>(
    this: ModelCtor<M>,
    options: FindOptions<Attributes<M>> = {},
  ): Promise<M | Attributes<M> | null> {
    const def = definitionOf(this);
    if (typeof options !== 'object' || options === null || Array.isArray(options))
      throw new TypeError(
        `${def.name}.findOne(): the argument passed to findOne must be an options object, use findByPk if you wish to pass a single primary key value`,
      );
    checkOptions(options, FIND_ONE_OPTIONS, `${def.name}.findOne()`);
    return findFirst(this, def, options);
  }

  static findByPk<M extends AnyModel>(
    this: ModelCtor<M>,
    pk: unknown,
    options: FindOptions<Attributes<M>> & { raw: true } & NonNullFind,
  ): Promise<Attributes<M>>;
  static findByPk<M extends AnyModel, const I extends IncludeList<M> = []>(
    this: ModelCtor<M>,
    pk: unknown,
    options: NoInference<Omit<FindOptions<Attributes<M>>, 'where'> & IncludeOption<M>> & {
      include?: I & CheckedIncludes<M, I>;
    } & NonNullFind,
  ): Promise<WithIncluded<M, I>>;
  static findByPk<M extends AnyModel>(
    this: ModelCtor<M>,
    pk: unknown,
    options: FindOptions<Attributes<M>> & { raw: true },
  ): Promise<Attributes<M> | null>;
  static findByPk<M extends AnyModel, const I extends IncludeList<M> = []>(
    this: ModelCtor<M>,
    pk: unknown,
    options?: NoInference<Omit<FindOptions<Attributes<M>>, 'where'> & IncludeOption<M>> & {
      include?: I & CheckedIncludes<M, I>;
    },
  ): Promise<WithIncluded<M, I> | null>;
  static async findByPk<M extends AnyModel>(
    this: ModelCtor<M>,
    pk: unknown,
    options: FindOptions<Attributes<M>> = {},
  ): Promise<M | Attributes<M> | null> {
    const def = definitionOf(this);
    checkOptions(options, FIND_BY_PK_OPTIONS, `${def.name}.findByPk()`);
    if (def.primaryKeys.length !== 1)
      throw new Error(
        `findByPk needs a model with one primary key; ${def.name} has ${def.primaryKeys.length}`,
      );
    if (pk === null || pk === undefined) {
      rejectEmpty(options.rejectOnEmpty);
      return null;
    }
    const where = { [def.primaryKeys[0].name]: pk } as WhereOptions<Attributes<M>>;
    return findFirst(this, def, { ...options, where }, true);
  }

  /** The number of rows matching where; with group, one `{ ...group values, count }` per group. */
  static count<M extends AnyModel>(
    this: ModelCtor<M>,
    options: CountWithOptions<Attributes<M>>,
  ): Promise<GroupedCountResultItem[]>;
  static count<M extends AnyModel>(
    this: ModelCtor<M>,
    options?: Omit<CountOptions<Attributes<M>>, 'group'> & IncludeOption<M>,
  ): Promise<number>;
  static async count<M extends AnyModel>(
    this: ModelCtor<M>,
    options: CountOptions<Attributes<M>> & IncludeOption<M> = {},
  ): Promise<number | GroupedCountResultItem[]> {
    const def = definitionOf(this);
    checkOptions(options, COUNT_OPTIONS, `${def.name}.count()`);
    if (scopesInUse) options = await withScope(this, options, WHERE_ONLY);
    if (hooksOn(options))
      await (await hookedOperations()).runHooks(this, 'beforeCount', (options = { ...options }));
    if (hasIncludes(options.include)) {
      refuseGroupWithInclude(def, options.group, 'count');
      return (await includes()).countWithIncludes(this, {
        ...options,
        where: await liveWhere(def, options.where, options),
      });
    }
    return countRows(def, options as CountOptions<Row>, 'count');
  }

  /**
   * findAll's rows and count's total for the same where: `{ rows, count }` (two statements, as
   * Sequelize); with group, count is the grouped count (one `{ ...group values, count }` per group).
   */
  static findAndCountAll<M extends AnyModel, const I extends IncludeList<M> = []>(
    this: ModelCtor<M>,
    options: NoInference<FindAndCountOptions<Attributes<M>> & IncludeOption<M>> & {
      include?: I & CheckedIncludes<M, I>;
      group: GroupOption<Attributes<M>>;
    },
  ): Promise<{ rows: WithIncluded<M, I>[]; count: GroupedCountResultItem[] }>;
  static findAndCountAll<M extends AnyModel, const I extends IncludeList<M> = []>(
    this: ModelCtor<M>,
    options?: NoInference<Omit<FindAndCountOptions<Attributes<M>>, 'group'> & IncludeOption<M>> & {
      include?: I & CheckedIncludes<M, I>;
    },
  ): Promise<{ rows: WithIncluded<M, I>[]; count: number }>;
  static async findAndCountAll<M extends AnyModel, const I extends IncludeList<M> = []>(
    this: ModelCtor<M>,
    options: FindAndCountOptions<Attributes<M>> & IncludeOption<M> = {},
  ): Promise<{ rows: WithIncluded<M, I>[]; count: number | GroupedCountResultItem[] }> {
    const def = definitionOf(this);
    checkOptions(options, FIND_AND_COUNT_OPTIONS, `${def.name}.findAndCountAll()`);
    if (scopesInUse) options = await withScope(this, options);
    const { col, distinct, ...find } = options;
    const found = async () =>
      (hooksOn(find)
        ? (await hookedOperations()).findWithHooks(this, find, (o) => findRows(this, def, o), false)
        : findRows(this, def, find)) as Promise<WithIncluded<M, I>[]>;
    if (hasIncludes(find.include)) {
      refuseGroupWithInclude(def, find.group, 'findAndCountAll');
      // The parents matching the include's conditions, each once (Sequelize counts joined rows: #4042).
      const where = await liveWhere(def, find.where, find);
      const count = await (
        await includes()
      ).countWithIncludes(this, { ...find, where, col, distinct } as never);
      return { rows: await found(), count };
    }
    const count = await countRows(
      def,
      {
        where: find.where,
        group: find.group,
        col,
        distinct,
        paranoid: find.paranoid,
        transaction: options.transaction,
        logging: options.logging,
      } as CountOptions<Row>,
      'findAndCountAll',
    );
    return { rows: await found(), count };
  }

  /** The largest value of an attribute (null without rows), read as findAll reads it. */
  static max<M extends AnyModel, K extends keyof Attributes<M> & string>(
    this: ModelCtor<M>,
    field: K,
    options?: AggregateOptions<Attributes<M>>,
  ): Promise<Attributes<M>[K] | null> {
    return aggregateValue(this, field, 'max', options, 'max') as Promise<Attributes<M>[K] | null>;
  }

  /** The smallest value of an attribute (null without rows). */
  static min<M extends AnyModel, K extends keyof Attributes<M> & string>(
    this: ModelCtor<M>,
    field: K,
    options?: AggregateOptions<Attributes<M>>,
  ): Promise<Attributes<M>[K] | null> {
    return aggregateValue(this, field, 'min', options, 'min') as Promise<Attributes<M>[K] | null>;
  }

  /**
   * The sum (null without rows): a number for INTEGER/SMALLINT/FLOAT/REAL/DOUBLE; a string for
   * BIGINT and DECIMAL, which a JS number would round (Sequelize returns a number there).
   */
  static async sum<M extends AnyModel>(
    this: ModelCtor<M>,
    field: keyof Attributes<M> & string,
    options?: AggregateOptions<Attributes<M>>,
  ): Promise<number | string | null> {
    const def = definitionOf(this);
    const value = await aggregateValue(this, field, 'sum', options, 'sum');
    if (value === null) return null;
    return NUMBER_SUM_TYPES.has(attributeOf(def, field, 'sum').type.key) ? Number(value) : (value as string);
  }

  /** `fn(field)` over the rows matching where, as PostgreSQL returns it (count/bigint/numeric as strings, as Sequelize). */
  static aggregate<M extends AnyModel>(
    this: ModelCtor<M>,
    field: (keyof Attributes<M> & string) | '*',
    fn: string,
    options?: AggregateOptions<Attributes<M>>,
  ): Promise<unknown> {
    return aggregateValue(this, field, fn, options, 'aggregate');
  }

  /** Creates the table when missing (`force`: drops it first). Views (ReadOnlyModel) are left alone. */
  static async sync<MS extends ModelCtor<AnyModel>>(this: MS, options: SyncOptions = {}): Promise<MS> {
    const def = definitionOf(this);
    checkOptions(options, SYNC_OPTIONS, `${def.name}.sync()`);
    await (await import('./sync.js')).syncWithHooks(this, def, options);
    return this;
  }

  static async drop(options: DropOptions = {}): Promise<void> {
    const def = definitionOf(this);
    checkOptions(options, DROP_OPTIONS, `${def.name}.drop()`);
    await (await import('./sync.js')).dropModel(def, options);
  }

  /** Sequelize's model accessor for `sequelize`. */
  get sequelize(): Sequelize {
    return definitionOf(this.constructor).sequelize;
  }

  get(options?: GetOptions): TAttributes;
  get<K extends keyof TAttributes>(key: K, options?: GetOptions): TAttributes[K];
  get(keyOrOptions?: string | GetOptions, options?: GetOptions): unknown {
    if (typeof keyOrOptions === 'string') {
      if (options !== undefined) checkOptions(options, GET_OPTIONS, `${this.constructor.name}.get()`);
      const getter = options?.raw
        ? undefined
        : accessorAttribute(definitionOf(this.constructor), keyOrOptions)?.getter;
      return getter ? getter.call(this) : (this.dataValues as Row)[keyOrOptions];
    }
    if (keyOrOptions !== undefined) checkOptions(keyOrOptions, GET_OPTIONS, `${this.constructor.name}.get()`);
    const def = definitionOf(this.constructor);
    if (keyOrOptions?.plain)
      return plainIncluded(
        this,
        def.hasGetters && !keyOrOptions.raw ? valuesThroughGetters(this, def) : this.dataValues,
      );
    if (def.hasGetters && !keyOrOptions?.raw) return valuesThroughGetters(this, def);
    // As Sequelize (no custom getters): the live dataValues object, unless a copy is asked for.
    return keyOrOptions?.clone ? { ...this.dataValues } : this.dataValues;
  }

  getDataValue<K extends keyof TAttributes>(key: K): TAttributes[K] {
    return this.dataValues[key];
  }

  /** false when nothing changed since the last save, else the changed attribute names. */
  changed(): false | (keyof TAttributes & string)[];
  changed<K extends keyof TAttributes>(key: K): boolean;
  changed<K extends keyof TAttributes>(key: K, value: boolean): this;
  changed(key?: string, value?: boolean): unknown {
    if (key === undefined) return this._changed && this._changed.size ? [...this._changed] : false;
    if (value === undefined) return this._changed?.has(key) ?? false;
    if (value) (this._changed ??= new Set()).add(key);
    else this._changed?.delete(key);
    return this;
  }

  /** The value before the most recent change (`previous(k)`), or those of every changed attribute. */
  previous(): Partial<TAttributes>;
  previous<K extends keyof TAttributes>(key: K): TAttributes[K] | undefined;
  previous(key?: string): unknown {
    const previous = this._previousDataValues as Row;
    if (key !== undefined) return key in previous ? previous[key] : (this.dataValues as Row)[key];
    const out: Row = {};
    if (this._changed) for (const name of this._changed) out[name] = previous[name];
    return out;
  }

  /** A deep copy of the values (what JSON.stringify(instance) writes). */
  toJSON(): TAttributes {
    const def = definitionOf(this.constructor);
    // As Sequelize: a copy of get({ plain: true }), so through the getters (and included instances' too).
    const values = def.hasGetters ? valuesThroughGetters(this, def) : this.dataValues;
    return copyValue(plainIncluded(this, values)) as TAttributes;
  }

  /** The primary key as a where object: `{ id: 1 }`. */
  where(): WhereOptions<TAttributes> {
    const def = definitionOf(this.constructor);
    const where: Row = {};
    for (const pk of def.primaryKeys) where[pk.name] = (this.dataValues as Row)[pk.name];
    return where as WhereOptions<TAttributes>;
  }

  /** Same model and same primary key. */
  equals(other: unknown): boolean {
    if (!(other instanceof ReadableModel) || other.constructor !== this.constructor) return false;
    const def = definitionOf(this.constructor);
    return def.primaryKeys.every(
      (pk) => (other.dataValues as Row)[pk.name] === (this.dataValues as Row)[pk.name],
    );
  }

  /** Whether a paranoid model's row is soft-deleted (deletedAt set); throws for other models, as Sequelize. */
  isSoftDeleted(): boolean {
    const { deletedAt } = definitionOf(this.constructor);
    if (!deletedAt) throw new Error('Model is not paranoid');
    return ((this.dataValues as Row)[deletedAt] ?? null) !== null;
  }

  /** Reads the row again; pending changes are discarded (with `attributes`, only those are refreshed). */
  async reload(options: ReloadOptions<TAttributes> = {}): Promise<this> {
    const def = definitionOf(this.constructor);
    checkOptions(options, RELOAD_OPTIONS, `${def.name}.reload()`);
    const params: unknown[] = [];
    const data = this.dataValues as Row;
    const list = selectList(def, options.attributes);
    const missingKey =
      def.primaryKeys.length === 0 ||
      def.primaryKeys.some((pk) => data[pk.name] === null || data[pk.name] === undefined);
    const where = missingKey ? undefined : await liveWhere(def, this.where(), options);
    const row = missingKey
      ? undefined
      : (
          await def.sequelize.run(
            `SELECT ${list} FROM ${def.quotedFrom}${whereSql(def, where, params)}`,
            params,
            options,
            def,
            true, // by primary key: the text repeats, a named prepared statement
          )
        ).rows[0];
    if (!row)
      throw new InstanceError(
        'Instance could not be reloaded because it does not exist anymore (find call returned null)',
      );
    if (options.attributes) {
      Object.assign(data, row);
      for (const name of Object.keys(row)) forgetChange(this as unknown as ReadableModel, name);
    } else {
      this.dataValues = row as TAttributes;
      this._previousDataValues = {};
      this._changed = null;
    }
    this.isNewRecord = false;
    return this;
  }
}

type IncludeList<M> = Includeable<M> | readonly Includeable<M>[];
/** rejectOnEmpty set: findOne/findByPk resolve to an instance, never null (Sequelize's NonNullFindOptions). */
type NonNullFind = { rejectOnEmpty: true | Error };

/** findAll's work, after its options were checked. */
async function findRows<M extends AnyModel>(
  model: ModelCtor<M>,
  def: ModelDefinition,
  options: FindOptions<Row> & { include?: unknown },
  prepare?: boolean,
): Promise<M[] | Attributes<M>[]> {
  if (def.deletedAt) options = { ...options, where: await liveWhere(def, options.where, options) };
  if (hasIncludes(options.include))
    return (await includes()).findWithIncludes(model, options) as Promise<M[]>;
  const params: unknown[] = [];
  const { rows } = await def.sequelize.run(selectSql(def, options, params), params, options, def, prepare);
  if (options.raw) return rows as Attributes<M>[];
  const Model = model as unknown as new (values: Row, options: BuildOptions) => M;
  const instances = rows.map((row) => new Model(row, ROW_OPTIONS));
  if (instances.length) checkClassFields(instances[0]);
  markSelected(instances, def, options.attributes);
  return instances;
}

/**
 * Rows read with an `attributes` option remember the names asked for, as Sequelize's
 * `_options.attributes`: get() and toJSON() then leave out the getters of the others (a VIRTUAL
 * attribute whose columns were not read would come out undefined).
 */
function markSelected(instances: AnyModel[], def: ModelDefinition, attributes: unknown): void {
  if (!attributes || instances.length === 0) return;
  const named = (list: readonly unknown[]) =>
    list.flatMap((item) =>
      typeof item === 'string' ? [item] : Array.isArray(item) ? [String(item[1])] : [],
    );
  let names: string[];
  if (Array.isArray(attributes)) names = named(attributes);
  else {
    const { exclude = [], include = [] } = attributes as { exclude?: string[]; include?: unknown[] };
    const all = [...def.attributeList.map((a) => a.name), ...Object.keys(def.virtuals)];
    names = [...all.filter((name) => !exclude.includes(name)), ...named(include)];
  }
  const marked = Object.freeze({ ...ROW_OPTIONS, attributes: Object.freeze(names) });
  for (const instance of instances) (instance as unknown as { _options: BuildOptions })._options = marked;
}

/**
 * findOne and findByPk: the first row, null, or what rejectOnEmpty asks for (reject-on-empty.ts). `prepare`
 * (findByPk): a named prepared statement, as its text repeats.
 */
async function findFirst<M extends AnyModel>(
  model: ModelCtor<M>,
  def: ModelDefinition,
  options: FindOptions<Row> & { include?: unknown },
  prepare?: boolean,
): Promise<M | Attributes<M> | null> {
  checkRejectOnEmpty(options.rejectOnEmpty);
  const one = { ...(scopesInUse ? await withScope(model, options) : options), limit: 1 };
  // The hooked path rejects itself, after afterFind, with the options the hooks saw (as Sequelize).
  if (hooksOn(options))
    return (await (
      await hookedOperations()
    ).findWithHooks(model, one, (o) => findRows(model, def, o, prepare), true)) as M | null;
  const found = (await findRows(model, def, one, prepare))[0];
  if (found === undefined) rejectEmpty(options.rejectOnEmpty);
  return found ?? null;
}

/** Defaults for a new instance (copied per instance), and null for primary keys without one. */
function initialValues(def: ModelDefinition, values: Row | undefined): Row {
  const data: Row = {};
  const defaults = def.defaults;
  for (let i = 0; i < defaults.length; i++) {
    const [name, spec] = defaults[i];
    if (values && values[name] !== undefined) continue;
    data[name] =
      spec.kind === DefaultKind.Value
        ? spec.value
        : spec.kind === DefaultKind.Copy
          ? copyValue(spec.value)
          : (spec.value as () => unknown)();
  }
  for (const name of def.nullPrimaryKeys) if (data[name] === undefined) data[name] = null;
  return data;
}

/** build()'s values: sanitized and marked changed (raw: stored as given). Unknown names are ignored. */
function assignValues(instance: ReadableModel, def: ModelDefinition, values: Row, raw: boolean): void {
  const data = instance.dataValues as Row;
  for (const name in values) {
    const attr = def.attributes[name];
    if (attr === undefined) {
      if (def.virtuals[name]) setVirtual(instance, def.virtuals[name], values[name], raw);
      // A row's extra columns (`attributes: [[fn('count', col('id')), 'n']]`) stay readable with get('n').
      else if (raw) data[name] = values[name];
      continue;
    }
    const value = values[name];
    if (raw) {
      data[name] = value;
      continue;
    }
    if (attr.setter) {
      attr.setter.call(instance, value);
      continue;
    }
    data[name] = attr.sanitize ? attr.sanitize(value) : value;
    (instance._previousDataValues as Row)[name] = undefined;
    (instance._changed ??= new Set()).add(name);
  }
}

defineStaticHookForms(ReadableModel);

/** Hooks run only in programs that register some: their module is loaded on first use. */
const hookedOperations = () => import('./hooks/hooked-operations.js');

/** Finders with include load their module on first use. */
const includes = () => import('./associations/find-with-include.js');

/** `where` with a paranoid model's deletedAt condition (paranoid.ts, loaded on first use). */
export async function liveWhere(
  def: ModelDefinition,
  where: unknown,
  options: { paranoid?: boolean } | undefined,
): Promise<Row | undefined> {
  if (!def.deletedAt) return where as Row | undefined;
  return (await import('./paranoid.js')).liveRowsWhere(def, where, options);
}

/** `include: []`, null and undefined ask for nothing: the finder's own path. */
function hasIncludes(include: unknown): boolean {
  return !(include === undefined || include === null || (Array.isArray(include) && include.length === 0));
}

/** The scope keys count, aggregates, update and destroy use. */
export const WHERE_ONLY = ['where'] as const;

const checkedModels = new WeakSet<Function>();

/**
 * A class field named like an attribute (`name!: string` instead of `declare name: string` under
 * ES2022 class fields) is an own property that hides the prototype accessor, so `user.name` would
 * silently read undefined. Sequelize only warns; refusing is clearer. Checked once per model.
 */
export function checkClassFields<T extends object>(instance: T): T {
  const model = instance.constructor;
  if (checkedModels.has(model)) return instance;
  const def = definitionOf(model);
  const shadowing = def.attributeList
    .filter((attr) => Object.prototype.hasOwnProperty.call(instance, attr.name))
    .map((a) => `"${a.name}"`);
  if (shadowing.length) {
    throw new Error(
      `Model "${def.name}" declares public class fields for attribute(s) ${shadowing.join(', ')}; they hide the attribute accessors. Write them as \`declare ${shadowing[0].slice(1, -1)}: ...;\``,
    );
  }
  checkedModels.add(model);
  return instance;
}

export function forgetChange(instance: ReadableModel, name: string): void {
  delete (instance._previousDataValues as Row)[name];
  instance._changed?.delete(name);
}

const MEMBERS = new Set(MODEL_MEMBER_NAMES);

/**
 * `instance.firstName` reads and writes through dataValues/set, defined on the prototype (never
 * own properties). Members the class itself defines (a hand-written getter) are kept.
 */
function defineAccessors(prototype: object, def: ModelDefinition): void {
  for (const attr of [...def.attributeList, ...Object.values(def.virtuals)]) {
    const name = attr.name;
    if (MEMBERS.has(name)) {
      // As Sequelize: the method stays, the attribute is reached through get()/set(), and it says so.
      def.sequelize.log(`Not overriding built-in method from model attribute: ${name}`);
      continue;
    }
    if (Object.prototype.hasOwnProperty.call(prototype, name)) continue;
    Object.defineProperty(prototype, name, {
      configurable: true,
      get(this: ReadableModel) {
        return attr.getter ? attr.getter.call(this) : (this.dataValues as Row)[name];
      },
      set(this: { set(key: string, value: unknown): unknown }, value: unknown) {
        this.set(name, value);
      },
    });
  }
}

async function aggregateValue(
  model: Function,
  field: string,
  fn: string,
  options: AggregateOptions<Row> = {},
  method: string,
): Promise<unknown> {
  const def = definitionOf(model);
  checkOptions(options, AGGREGATE_OPTIONS, `${def.name}.${method}()`);
  if (scopesInUse) options = await withScope(model, options, WHERE_ONLY);
  const attr = field === '*' ? undefined : attributeOf(def, field, method);
  const rows = await aggregateRows(def, fn, attr, options, method);
  if (options.plain === false) return rows;
  // As the connection's type parsers read it: the same values a finder gives.
  return rows[0]?.[fn] ?? null;
}

/** group with include: the groups would count joined rows, which Sequelize gets wrong too (#4042). */
function refuseGroupWithInclude(def: ModelDefinition, group: unknown, method: string): void {
  if (group !== undefined)
    throw new TypeError(
      `${def.name}.${method}(): group together with include is not supported; count per group without include, or use findAll with include, group and [fn('count', col(...)), 'count'] attributes`,
    );
}

/** count(*), count(col), count(DISTINCT col or primary key); grouped: one row per group, counts as numbers. */
async function countRows(
  def: ModelDefinition,
  options: CountOptions<Row>,
  method: string,
): Promise<number | GroupedCountResultItem[]> {
  const column = options.col ?? (options.distinct ? def.primaryKeys[0]?.name : undefined);
  const attr = column === undefined ? undefined : attributeOf(def, column, method);
  const rows = await aggregateRows(def, 'count', attr, options, method);
  if (options.group === undefined) return Number(rows[0].count);
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}

/** One aggregate statement (count and the other functions alike) over the live rows. */
async function aggregateRows(
  def: ModelDefinition,
  fn: string,
  attr: ReturnType<typeof attributeOf> | undefined,
  options: AggregateOptions<Row> | CountOptions<Row>,
  method: string,
): Promise<Row[]> {
  const params: unknown[] = [];
  const { group, attributes } = options;
  const where = await liveWhere(def, options.where, options);
  const query = { fn, attr, distinct: !!options.distinct, where, group, attributes, method };
  const { rows } = await def.sequelize.run(aggregateSql(def, query, params), params, options, def);
  return rows;
}
