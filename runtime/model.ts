/**
 * Model: the reading half (readable-model.ts) plus writing: build/create/bulkCreate, save,
 * set, update, increment/decrement, destroy. Values always travel as $n parameters.
 */
import { EmptyResultError, InstanceError } from './errors.js';
import { definitionOf, type AttributeDefinition, type ModelDefinition } from './model-definition.js';
import {
  checkClassFields,
  forgetChange,
  liveWhere,
  ReadableModel,
  ROW_OPTIONS,
  WHERE_ONLY,
  type BuildOptions,
} from './readable-model.js';
import { scopesInUse, withScope } from './scopes.js';
import { bulkColumnCount, bulkInsertSql, insertSql, MAX_PARAMETERS } from './sql/insert.js';
import { quoteIdentifier } from './sql/quote.js';
import { CREATED_COLUMN, insertOrNothingSql, uniqueKeys, upsertSql } from './sql/upsert.js';
import {
  incrementSql,
  updateByPrimaryKeySql,
  updateSql,
  deleteSql,
  type Increment,
  type WhereBuilder,
} from './sql/update.js';
import { attributeOf, primaryKeyWhere, whereSql } from './sql/where.js';
import type {
  Attributes,
  CreateArgs,
  BulkCreateOptions,
  CreateOptions,
  CreationAttributes,
  DestroyOptions,
  FindOrCreateOptions,
  UpsertOptions,
  IncrementFields,
  IncrementOptions,
  InstanceUpdateOptions,
  ModelCtor,
  InstanceDestroyOptions,
  QueryOptions,
  RestoreOptions,
  SaveOptions,
  StaticIncrementOptions,
  TruncateOptions,
  UpdateOptions,
} from './types.js';
import { copyValue, setOwnKey } from './default-values.js';
import { checkOptions } from './check-options.js';
import { refuseMembers } from './not-supported.js';
import {
  BUILD_OPTIONS,
  BULK_CREATE_OPTIONS,
  CREATE_OPTIONS,
  DESTROY_OPTIONS,
  FIND_OR_CREATE_OPTIONS,
  UPSERT_OPTIONS,
  INCREMENT_OPTIONS,
  INSTANCE_DESTROY_OPTIONS,
  TRUNCATE_OPTIONS,
  INSTANCE_UPDATE_OPTIONS,
  SAVE_OPTIONS,
  SET_OPTIONS,
  UPDATE_OPTIONS,
  VALIDATE_OPTIONS,
} from './method-options.js';
import { validateEach, validateInstance } from './validation.js';
import { setVirtual } from './attribute-accessors.js';
import { hooksOn } from './hooks/hook-registry.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyWritable = Model<any, any>;
type Constructor<M> = new (values?: Row, options?: BuildOptions) => M;

const NOTHING_WRITTEN: ReadonlySet<string> = new Set();
/** sequelize.run's `prepare`: a statement by primary key, whose text repeats, is a named prepared statement. */
const PREPARED = true;

/** create({ ... }, { raw: true }): the values stored as given, as Sequelize's create passes raw to build. */
const RAW_NEW: BuildOptions = Object.freeze({ isNewRecord: true, raw: true });

const NO_PRIMARY_KEY =
  'You attempted to save an instance with no primary key, this is not allowed since it would result in a global update';
const MISSING_WHERE = 'Missing where attribute in the options parameter';

export class Model<
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Sequelize's own default: an untyped model accepts any attributes
  TAttributes extends {} = any,
  TCreationAttributes extends {} = TAttributes,
> extends ReadableModel<TAttributes, TCreationAttributes> {
  /** A new, unsaved instance (same as `new Model(values)`); given a list, one per record (bulkBuild). */
  static build<M extends AnyWritable>(this: ModelCtor<M>, ...args: CreateArgs<M, BuildOptions>): M;
  static build<M extends AnyWritable>(
    this: ModelCtor<M>,
    records: readonly CreationAttributes<M>[],
    options?: BuildOptions,
  ): M[];
  static build<M extends AnyWritable>(
    this: ModelCtor<M>,
    values?: Row | readonly Row[],
    options?: BuildOptions,
  ): M | M[] {
    const Ctor = this as unknown as Constructor<M>;
    checkOptions(options, BUILD_OPTIONS, `${definitionOf(this).name}.build()`);
    return Array.isArray(values)
      ? buildEach(Ctor, values, options)
      : checkClassFields(new Ctor(values as Row | undefined, options));
  }

  /** New, unsaved instances, one per record. */
  static bulkBuild<M extends AnyWritable>(
    this: ModelCtor<M>,
    records: readonly CreationAttributes<M>[],
    options?: BuildOptions,
  ): M[] {
    checkOptions(options, BUILD_OPTIONS, `${definitionOf(this).name}.bulkBuild()`);
    return buildEach(this as unknown as Constructor<M>, records as readonly Row[], options);
  }

  /** build + save: one INSERT ... RETURNING, resolving the saved instance. */
  static async create<M extends AnyWritable>(
    this: ModelCtor<M>,
    ...args: CreateArgs<M, CreateOptions<Attributes<M>>>
  ): Promise<M> {
    const options = (args[1] ?? {}) as CreateOptions<Row>;
    checkOptions(options, CREATE_OPTIONS, `${definitionOf(this).name}.create()`);
    const Ctor = this as unknown as Constructor<M>;
    const instance = checkClassFields(
      new Ctor(args[0] as Row | undefined, options.raw ? RAW_NEW : undefined),
    );
    if (hooksOn(options)) return (await hookedOperations()).saveWithHooks(instance, options, saveCore);
    return insertInstance(instance, options);
  }

  /** One multi-row INSERT ... RETURNING; every record is validated first. */
  static async bulkCreate<M extends AnyWritable>(
    this: ModelCtor<M>,
    records: readonly CreationAttributes<M>[],
    options: BulkCreateOptions<Attributes<M>> = {},
  ): Promise<M[]> {
    const def = definitionOf(this);
    checkOptions(options, BULK_CREATE_OPTIONS, `${def.name}.bulkCreate()`);
    const Ctor = this as unknown as Constructor<M>;
    const instances = records.map((values) => new Ctor(values as Row));
    if (instances.length === 0) return instances;
    checkClassFields(instances[0]);
    if (hooksOn(options))
      return (await hookedOperations()).bulkCreateWithHooks(
        this,
        instances,
        options,
        (built, o) => insertBuilt(def, built, o),
        saveCore,
      );
    return insertBuilt(def, instances, options);
  }

  /**
   * The row matching `where`, or a new one of `{ ...where, ...defaults }`: SELECT, then
   * INSERT ... ON CONFLICT DO NOTHING RETURNING, then (only when a concurrent call inserted the
   * same key meanwhile) the SELECT again. Race-safe without a transaction or savepoint: of two
   * concurrent calls for one unique key, exactly one resolves `created: true`.
   */
  static async findOrCreate<M extends AnyWritable>(
    this: ModelCtor<M>,
    options: FindOrCreateOptions<Attributes<M>, CreationAttributes<M>>,
  ): Promise<[M, boolean]> {
    const def = definitionOf(this);
    checkOptions(options, FIND_OR_CREATE_OPTIONS, `${def.name}.findOrCreate()`);
    return findOrCreateRow(this as unknown as Constructor<M>, def, options, 'findOrCreate');
  }

  /** findOrCreate's steps (SELECT, INSERT ... ON CONFLICT DO NOTHING, SELECT), as Sequelize's findCreateFind. */
  static async findCreateFind<M extends AnyWritable>(
    this: ModelCtor<M>,
    options: FindOrCreateOptions<Attributes<M>, CreationAttributes<M>>,
  ): Promise<[M, boolean]> {
    const def = definitionOf(this);
    checkOptions(options, FIND_OR_CREATE_OPTIONS, `${def.name}.findCreateFind()`);
    return findOrCreateRow(this as unknown as Constructor<M>, def, options, 'findCreateFind');
  }

  /**
   * One INSERT ... ON CONFLICT (key) DO UPDATE ... RETURNING: resolves `[instance, created]`,
   * where `created` is a boolean (Sequelize 6 resolves null on PostgreSQL).
   */
  static async upsert<M extends AnyWritable>(
    this: ModelCtor<M>,
    values: CreationAttributes<M>,
    options: UpsertOptions<Attributes<M>> = {},
  ): Promise<[M, boolean]> {
    const def = definitionOf(this);
    checkOptions(options, UPSERT_OPTIONS, `${def.name}.upsert()`);
    if (options.returning === false)
      throw new TypeError(
        `${def.name}.upsert(): returning: false is not supported (the row is always returned, in the same statement)`,
      );
    const Ctor = this as unknown as Constructor<M>;
    if (hooksOn(options))
      return (await hookedOperations()).upsertWithHooks(this, values as Row, options, (v, o) =>
        upsertRow(Ctor, def, v, o),
      );
    return upsertRow(Ctor, def, values as Row, options);
  }

  /** UPDATE ... WHERE; resolves [affectedCount] (and the rows with `returning: true`). A missing where rejects. */
  static update<M extends AnyWritable>(
    this: ModelCtor<M>,
    values: Partial<Attributes<M>>,
    options: UpdateOptions<Attributes<M>> & { returning: true },
  ): Promise<[affectedCount: number, affectedRows: M[]]>;
  static update<M extends AnyWritable>(
    this: ModelCtor<M>,
    values: Partial<Attributes<M>>,
    options: UpdateOptions<Attributes<M>> & { individualHooks: true },
  ): Promise<[affectedCount: number, affectedRows: M[]]>;
  static update<M extends AnyWritable>(
    this: ModelCtor<M>,
    values: Partial<Attributes<M>>,
    options: UpdateOptions<Attributes<M>>,
  ): Promise<[affectedCount: number]>;
  static async update<M extends AnyWritable>(
    this: ModelCtor<M>,
    values: Partial<Attributes<M>>,
    options: UpdateOptions<Attributes<M>>,
  ): Promise<[number] | [number, M[]]> {
    const def = definitionOf(this);
    checkOptions(options, UPDATE_OPTIONS, `${def.name}.update()`);
    if (scopesInUse) options = await withScope(this, options, WHERE_ONLY);
    if (!options || options.where === undefined || options.where === null)
      throw new Error(`${MISSING_WHERE} passed to update.`);
    const Ctor = this as unknown as Constructor<M>;
    if (hooksOn(options))
      return (await hookedOperations()).updateWithHooks(
        this,
        values as Row,
        options,
        (v, o) => updateRows(Ctor, def, v, o as UpdateOptions<Row>),
        (instance, o) => saveCore(instance as AnyWritable, o),
      ) as Promise<[number] | [number, M[]]>;
    return updateRows(Ctor, def, values as Row, options as UpdateOptions<Row>);
  }

  /** DELETE ... WHERE (or TRUNCATE with `truncate: true`); resolves the number of deleted rows. A missing where rejects. */
  static async destroy<M extends AnyWritable>(
    this: ModelCtor<M>,
    options: DestroyOptions<Attributes<M>>,
  ): Promise<number> {
    const def = definitionOf(this);
    checkOptions(options, DESTROY_OPTIONS, `${def.name}.destroy()`);
    if (scopesInUse) options = await withScope(this, options, WHERE_ONLY);
    if (!options || ((options.where === undefined || options.where === null) && !options.truncate))
      throw new Error('Missing where or truncate attribute in the options parameter of model.destroy.');
    if (hooksOn(options))
      return (await hookedOperations()).bulkWithHooks(this, 'Destroy', options, (o) =>
        destroyRows(def, o as DestroyOptions<Row>),
      );
    return destroyRows(def, options as DestroyOptions<Row>);
  }

  /** Every row deleted (`TRUNCATE`), as Sequelize: `destroy({ ...options, truncate: true })`, hooks included. */
  static async truncate<M extends AnyWritable>(
    this: ModelCtor<M>,
    options: TruncateOptions = {},
  ): Promise<number> {
    checkOptions(options, TRUNCATE_OPTIONS, `${definitionOf(this).name}.truncate()`);
    return (this as unknown as typeof Model).destroy({ ...options, truncate: true } as DestroyOptions<Row>);
  }

  /** Whether the model has an association with this alias (Sequelize's `Model.hasAlias`). */
  static hasAlias(alias: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.associations, alias);
  }

  /** A paranoid model's soft-deleted rows matching `where` back (deletedAt set to null); others refuse. */
  static async restore<M extends AnyWritable>(
    this: ModelCtor<M>,
    options: RestoreOptions<Attributes<M>> = {},
  ): Promise<void> {
    await (await paranoid()).restoreModel(this, definitionOf(this), options);
  }

  /** Atomic `SET "age"="age"+$1` on the rows matching `where` (required); resolves [rows, affectedCount]. */
  static increment<M extends AnyWritable>(
    this: ModelCtor<M>,
    fields: IncrementFields<Attributes<M>>,
    options: StaticIncrementOptions<Attributes<M>>,
  ): Promise<[affectedRows: M[], affectedCount: number]> {
    return incrementRows(this as unknown as Constructor<M>, fields, options, '+');
  }

  static decrement<M extends AnyWritable>(
    this: ModelCtor<M>,
    fields: IncrementFields<Attributes<M>>,
    options: StaticIncrementOptions<Attributes<M>>,
  ): Promise<[affectedRows: M[], affectedCount: number]> {
    return incrementRows(this as unknown as Constructor<M>, fields, options, '-');
  }

  /** Sets one attribute or several; unknown names are ignored (and rejected by the types). */
  set<K extends keyof TAttributes>(key: K, value: TAttributes[K], options?: { raw?: boolean }): this;
  set(values: Partial<TAttributes>, options?: { raw?: boolean }): this;
  set(keyOrValues: string | Row, value?: unknown, options?: { raw?: boolean }): this {
    const def = definitionOf(this.constructor);
    if (typeof keyOrValues !== 'object' || keyOrValues === null) {
      if (options !== undefined) checkOptions(options, SET_OPTIONS, `${def.name}.set()`);
      setOne(this, def, keyOrValues, value, options?.raw === true);
      return this;
    }
    if (value !== undefined) checkOptions(value, SET_OPTIONS, `${def.name}.set()`);
    const raw = (value as { raw?: boolean } | undefined)?.raw === true;
    for (const key of Object.keys(keyOrValues)) setOne(this, def, key, keyOrValues[key], raw);
    return this;
  }

  setDataValue<K extends keyof TAttributes>(key: K, value: TAttributes[K]): void {
    const data = this.dataValues as Row;
    const name = key as string;
    if (!isSameValue(data[name], value)) markChanged(this, name, data[name]);
    data[name] = value;
  }

  /** INSERT for a new record; for an existing one an UPDATE of the changed attributes (none: no query). */
  save(options: SaveOptions<TAttributes> = {}): Promise<this> {
    // Not async itself (one promise fewer per call): both branches reject rather than throw.
    if (arguments.length > 1)
      return Promise.reject(new Error('The second argument was removed in favor of the options object.'));
    const opts = options as SaveOptions<Row>;
    try {
      checkOptions(opts, SAVE_OPTIONS, `${definitionOf(this.constructor).name}.save()`);
    } catch (error) {
      return Promise.reject(error);
    }
    if (!hooksOn(opts)) return saveCore(this, opts);
    return hookedOperations().then((m) => m.saveWithHooks(this, opts, saveCore));
  }

  /** Sets and saves only the given attributes; other pending changes stay pending. */
  async update(
    values: Partial<TAttributes>,
    options: InstanceUpdateOptions<TAttributes> = {},
  ): Promise<this> {
    const def = definitionOf(this.constructor);
    checkOptions(options, INSTANCE_UPDATE_OPTIONS, `${def.name}.update()`);
    const names: string[] = [];
    const changedBefore = new Set(this._changed ?? []);
    for (const name of Object.keys(values ?? {})) {
      const value = (values as Row)[name];
      if (value === undefined || (!def.attributes[name] && !def.virtuals[name])) continue;
      if (options.fields && !options.fields.includes(name as keyof TAttributes & string)) continue;
      setOne(this, def, name, value, false);
      names.push(name);
    }
    // As Sequelize, attributes a setter changed (a VIRTUAL's setter, say) are saved too.
    const sideEffects = [...(this._changed ?? [])].filter((n) => !changedBefore.has(n) && !names.includes(n));
    const fields = [...names.filter((name) => this._changed?.has(name)), ...sideEffects];
    const saveOptions = { ...(options as SaveOptions<Row>), fields };
    if (!hooksOn(options)) return saveCore(this, saveOptions);
    return (await hookedOperations()).saveWithHooks(this, saveOptions, saveCore);
  }

  /** Atomic increment in SQL; refreshes only the incremented attributes and updatedAt from RETURNING. */
  increment(
    fields: IncrementFields<TAttributes>,
    options: IncrementOptions<TAttributes> = {},
  ): Promise<this> {
    return incrementInstance(this, fields as IncrementFields<Row>, options, '+');
  }

  decrement(
    fields: IncrementFields<TAttributes>,
    options: IncrementOptions<TAttributes> = {},
  ): Promise<this> {
    return incrementInstance(this, fields as IncrementFields<Row>, options, '-');
  }

  /** DELETE by primary key (paranoid: sets deletedAt and saves, unless `force`). The instance keeps its values. */
  async destroy(options: InstanceDestroyOptions = {}): Promise<void> {
    const def = definitionOf(this.constructor);
    checkOptions(options, INSTANCE_DESTROY_OPTIONS, `${def.name}.destroy()`);
    requirePrimaryKey(def, this.dataValues as Row, 'destroy');
    if (hooksOn(options))
      return (await hookedOperations()).instanceWithHooks(this, 'Destroy', options, (o) =>
        destroyInstance(this, def, o),
      );
    return destroyInstance(this, def, options);
  }

  /** A paranoid model's soft-deleted instance back: deletedAt set to null and saved. */
  async restore(options: QueryOptions = {}): Promise<void> {
    const def = definitionOf(this.constructor);
    await (
      await paranoid()
    ).restoreInstance(this, def, options, {
      requireKey: () => requirePrimaryKey(def, this.dataValues as Row, 'restore'),
      update: (o) => updateInstance(this, o as SaveOptions<Row>),
    });
  }

  /** The checks save() makes before SQL (allowNull, ENUM, length), on every attribute. */
  async validate(
    options: { fields?: readonly (keyof TAttributes & string)[]; hooks?: boolean } = {},
  ): Promise<void> {
    const def = definitionOf(this.constructor);
    checkOptions(options, VALIDATE_OPTIONS, `${def.name}.validate()`);
    const fields = options.fields
      ? options.fields.map((n) => attributeOf(def, n, 'validate'))
      : def.attributeList;
    await validateMaybeHooked(def, this, this.dataValues as Row, fields, options);
  }
}

/** bulkCreate's INSERTs, for instances already built (and validated unless `validate`). */
async function insertBuilt<M extends AnyWritable>(
  def: ModelDefinition,
  instances: M[],
  options: BulkCreateOptions<Row>,
): Promise<M[]> {
  const fields = insertFields(def, options);
  for (const instance of instances) stampNew(def, instance.dataValues as Row, options);
  if (options.validate !== false)
    await validateEach(instances, (instance) =>
      validateInstance(def, instance, instance.dataValues as Row, fields),
    );
  const rows = instances.map((instance) => pick(instance.dataValues as Row, fields));
  const conflict = bulkConflictClause(def, rows, options);
  // One statement per chunk of rows under PostgreSQL's parameter limit; several in one transaction.
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / bulkColumnCount(def, rows)));
  const insertChunks = async (transaction: CreateOptions<Row>['transaction']): Promise<Row[]> => {
    const saved: Row[] = [];
    for (let start = 0; start < rows.length; start += size) {
      const params: unknown[] = [];
      const sql = bulkInsertSql(def, rows.slice(start, start + size), params, conflict);
      saved.push(...(await def.sequelize.run(sql, params, { ...options, transaction }, def)).rows);
    }
    return saved;
  };
  const saved =
    rows.length <= size || options.transaction
      ? await insertChunks(options.transaction)
      : await def.sequelize.transaction((t) => insertChunks(t));
  if (options.ignoreDuplicates) {
    assignByKey(def, instances, saved, options.fields);
    return instances;
  }
  instances.forEach((instance, i) => markInserted(instance, saved[i], options.fields));
  return instances;
}

/** What save() does without hooks: INSERT for a new record, else UPDATE of its changes. */
function saveCore<M extends AnyWritable>(instance: M, options: SaveOptions<Row>): Promise<M> {
  return instance.isNewRecord ? insertInstance(instance, options) : updateInstance(instance, options);
}

/** upsert's statement and result, after its options were checked. */
async function upsertRow<M extends AnyWritable>(
  Ctor: Constructor<M>,
  def: ModelDefinition,
  values: Row,
  options: UpsertOptions<Row>,
): Promise<[M, boolean]> {
  const instance = checkClassFields(new Ctor(values as Row));
  const data = instance.dataValues as Row;
  const given = new Set(Object.keys(values as Row).filter((k) => (values as Row)[k] !== undefined));
  stampNew(def, data, options);
  if (def.createdAt) given.add(def.createdAt);
  if (def.updatedAt) given.add(def.updatedAt);
  // Defaults of attributes not given are inserted too (a new row needs them) but never updated.
  const fields = def.attributeList;
  const target = conflictTarget(def, data, options.conflictFields);
  if (options.validate !== false) await validateMaybeHooked(def, instance, data, fields, options);
  const updated = def.attributeList.filter(
    (a) =>
      given.has(a.name) &&
      a.name !== def.createdAt &&
      (!options.fields || options.fields.includes(a.name as never) || a.name === def.updatedAt),
  );
  const params: unknown[] = [];
  const { rows } = await def.sequelize.run(
    upsertSql(def, data, fields, target, updated, params),
    params,
    options,
    def,
  );
  const row = rows[0];
  if (!row)
    // DO NOTHING (no attribute to update) on an existing row returns nothing: read it.
    return [(await readByKey(Ctor, def, data, target, options)) as M, false];
  const created = row[CREATED_COLUMN] === true;
  delete row[CREATED_COLUMN];
  markInserted(instance, row, undefined);
  return [instance, created];
}

/** Model.update's statement, after its options were checked. */
async function updateRows<M extends AnyWritable>(
  Ctor: Constructor<M>,
  def: ModelDefinition,
  values: Row,
  options: UpdateOptions<Row>,
): Promise<[number] | [number, M[]]> {
  const data: Row = {};
  const fields: AttributeDefinition[] = [];
  for (const name of Object.keys(values ?? {})) {
    const attr = def.attributes[name];
    const value = (values as Row)[name];
    if (!attr || value === undefined || (options.fields && !options.fields.includes(name))) continue;
    data[name] = attr.sanitize ? attr.sanitize(value) : value;
    fields.push(attr);
  }
  if (fields.length === 0) return [0];
  if (def.updatedAt && !options.silent && !(def.updatedAt in data)) {
    data[def.updatedAt] = new Date();
    fields.push(def.attributes[def.updatedAt]);
  }
  // Validators see an instance built from the new values (`this` in custom validators), as Sequelize.
  if (options.validate !== false) {
    const built = def.hasValidators ? new Ctor(data, RAW_NEW) : undefined;
    await validateInstance(def, built, data, fields);
  }
  const params: unknown[] = [];
  const rowsWhere = await liveWhere(def, options.where, options);
  const where: WhereBuilder = (p) => whereSql(def, rowsWhere, p);
  const result = await def.sequelize.run(
    updateSql(def, data, fields, where, params, options.returning ? def.returning : ''),
    params,
    options,
    def,
  );
  if (!options.returning) return [result.rowCount];
  return [result.rowCount, result.rows.map((row) => new Ctor(row, ROW_OPTIONS))];
}

/**
 * Model.destroy's statement: (paranoid, not force) the deletedAt UPDATE, also with `truncate` (as
 * Sequelize: a paranoid model's truncate soft-deletes every live row); else TRUNCATE or DELETE.
 */
async function destroyRows(def: ModelDefinition, options: DestroyOptions<Row>): Promise<number> {
  if (def.deletedAt && !options.force) return (await paranoid()).softDeleteRows(def, options.where, options);
  if (options?.truncate) {
    const restart = options.restartIdentity ? ' RESTART IDENTITY' : '';
    await def.sequelize.run(
      `TRUNCATE ${def.quotedTable}${restart}${options.cascade ? ' CASCADE' : ''}`,
      [],
      options,
      def,
    );
    return 0;
  }
  const params: unknown[] = [];
  const sql = deleteSql(def, (p) => whereSql(def, options.where as Row, p), params);
  return (await def.sequelize.run(sql, params, options, def)).rowCount;
}

/** instance.destroy's statement: DELETE by primary key, or (paranoid, not force) deletedAt set and saved. */
async function destroyInstance(
  instance: AnyWritable,
  def: ModelDefinition,
  options: InstanceDestroyOptions,
): Promise<void> {
  if (def.deletedAt && !options.force) {
    // As Sequelize: deletedAt set (kept when already set) and the instance saved, pending changes too.
    if ((instance.dataValues as Row)[def.deletedAt] == null)
      instance.setDataValue(def.deletedAt as never, new Date() as never);
    await updateInstance(instance, options as SaveOptions<Row>);
    return;
  }
  const params: unknown[] = [];
  await def.sequelize.run(
    deleteSql(def, (p) => primaryKeyWhere(def, instance.dataValues as Row, p), params),
    params,
    options,
    def,
    PREPARED,
  );
}

/** Hooks run only in programs that register some: their module is loaded on first use. */
const hookedOperations = () => import('./hooks/hooked-operations.js');

/** Soft deletes and restore: loaded by the first restore or destroy of a paranoid model. */
const paranoid = () => import('./paranoid.js');

/** validateInstance, through the validation hooks when hooks are on: upsert, findOrCreate, instance.validate(). */
async function validateMaybeHooked(
  def: ModelDefinition,
  instance: AnyWritable,
  data: Row,
  fields: readonly AttributeDefinition[],
  options: { hooks?: boolean },
): Promise<void> {
  if (!hooksOn(options)) return validateInstance(def, instance, data, fields);
  await (await hookedOperations()).validateWithHooks(def, instance, options, fields);
}

function buildEach<M extends AnyWritable>(
  Ctor: Constructor<M>,
  records: readonly Row[],
  options: BuildOptions | undefined,
): M[] {
  return records.map((record) => checkClassFields(new Ctor(record, options)));
}

function isSameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Buffer.isBuffer(a) && Buffer.isBuffer(b)) return a.equals(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a as Row);
  if (keys.length !== Object.keys(b as Row).length) return false;
  return keys.every((key) => isSameValue((a as Row)[key], (b as Row)[key]));
}

function markChanged(instance: AnyWritable, name: string, old: unknown): void {
  (instance._previousDataValues as Row)[name] = old;
  (instance._changed ??= new Set()).add(name);
}

/** Sequelize's set() rules: unknown names ignored, a set primary key kept, timestamps read-only once saved. */
function setOne(
  instance: AnyWritable,
  def: ModelDefinition,
  name: string,
  value: unknown,
  raw: boolean,
): void {
  const attr = def.attributes[name];
  if (attr === undefined) {
    if (def.virtuals[name]) return setVirtual(instance, def.virtuals[name], value, raw);
    return setJsonPath(instance, def, name, value, raw);
  }
  const data = instance.dataValues as Row;
  if (raw) {
    data[name] = value;
    return;
  }
  if (attr.setter) return void attr.setter.call(instance, value);
  const old = data[name];
  if (attr.primaryKey && old) return;
  if (!instance.isNewRecord && (name === def.createdAt || name === def.updatedAt || name === def.deletedAt))
    return;
  const stored = attr.sanitize ? attr.sanitize(value) : value;
  if (!isSameValue(old, stored)) markChanged(instance, name, old);
  data[name] = stored;
}

/**
 * `set('meta.theme.dark', true)` on a JSON attribute `meta`: sets the nested value on a copy and
 * stores the copy, so the change is seen and previous('meta') keeps the old object. Other
 * unknown names are ignored, as Sequelize ignores them.
 */
function setJsonPath(
  instance: AnyWritable,
  def: ModelDefinition,
  path: string,
  value: unknown,
  raw: boolean,
): void {
  const [head, ...keys] = path.split('.');
  const attr = def.attributes[head];
  if (!attr?.isJson || keys.length === 0) return;
  const root = copyValue((instance.dataValues as Row)[head]);
  const top: Row = root !== null && typeof root === 'object' ? (root as Row) : {};
  let node = top;
  for (const key of keys.slice(0, -1)) {
    // Own keys only: an inherited `__proto__` or `constructor` must never be walked into.
    const child = Object.hasOwn(node, key) ? node[key] : undefined;
    if (child === null || typeof child !== 'object') setOwnKey(node, key, {});
    node = node[key] as Row;
  }
  setOwnKey(node, keys[keys.length - 1], value);
  setOne(instance, def, head, top, raw);
}

function requirePrimaryKey(def: ModelDefinition, data: Row, action: string): void {
  const keys = def.primaryKeys;
  let missing = keys.length === 0;
  for (let i = 0; i < keys.length && !missing; i++)
    missing = data[keys[i].name] === undefined || data[keys[i].name] === null;
  if (!missing) return;
  throw new InstanceError(
    action === 'save'
      ? NO_PRIMARY_KEY
      : `You attempted to ${action} an instance with no primary key, this is not allowed since it would affect every row`,
  );
}

/** With `fields`: those, the timestamps and a primary key with a default (as Sequelize; its value is already built). */
function insertFields(def: ModelDefinition, options: SaveOptions<Row>): readonly AttributeDefinition[] {
  if (!options.fields) return def.attributeList;
  const names = new Set<string>(options.fields);
  if (def.createdAt) names.add(def.createdAt);
  if (def.updatedAt) names.add(def.updatedAt);
  return def.attributeList.filter((a) => names.has(a.name) || (a.primaryKey && a.defaultValue !== undefined));
}

/** Timestamps of a new record: createdAt unless given; updatedAt always (also when silent, or the NOT NULL insert fails). */
function stampNew(def: ModelDefinition, data: Row, options: SaveOptions<Row>): void {
  const now = new Date();
  if (def.createdAt && (data[def.createdAt] === undefined || data[def.createdAt] === null))
    data[def.createdAt] = now;
  if (def.updatedAt && (!options.silent || data[def.updatedAt] === undefined || data[def.updatedAt] === null))
    data[def.updatedAt] = now;
}

function pick(data: Row, fields: readonly AttributeDefinition[]): Row {
  if (fields.length === 0) return data;
  const out: Row = {};
  for (const attr of fields) out[attr.name] = data[attr.name];
  return out;
}

function markInserted(
  instance: AnyWritable,
  row: Row | undefined,
  fields: readonly string[] | undefined,
): void {
  if (!row) throw new EmptyResultError('INSERT returned no row');
  Object.assign(instance.dataValues as Row, row);
  if (fields) for (const name of Object.keys(row)) forgetChange(instance, name);
  else {
    instance._previousDataValues = {};
    instance._changed = null;
  }
  instance.isNewRecord = false;
}

async function insertInstance<M extends AnyWritable>(instance: M, options: SaveOptions<Row>): Promise<M> {
  const def = definitionOf(instance.constructor);
  const data = instance.dataValues as Row;
  stampNew(def, data, options);
  const fields = insertFields(def, options);
  if (options.validate !== false) await validateInstance(def, instance, data, fields);
  const params: unknown[] = [];
  const sql = insertSql(def, data, fields, params);
  const { rows } = await def.sequelize.run(sql, params, options, def, PREPARED);
  markInserted(instance, rows[0], options.fields as string[] | undefined);
  return instance;
}

/** The changed attributes (of `options.fields` when given, in that order), then updatedAt: one UPDATE by primary key. */
async function updateInstance<M extends AnyWritable>(instance: M, options: SaveOptions<Row>): Promise<M> {
  const def = definitionOf(instance.constructor);
  const changed = instance._changed;
  if (!changed || changed.size === 0) return instance;
  const fields: AttributeDefinition[] = [];
  let updatedAtChanged = false;
  for (const name of options.fields ?? changed) {
    if (!changed.has(name)) continue;
    if (name === def.updatedAt) updatedAtChanged = true;
    const attr = def.attributes[name];
    if (attr !== undefined) fields.push(attr);
  }
  if (fields.length === 0) return instance;
  // Every pending change is being saved (the usual case): _changed can simply be dropped afterwards.
  const savesAllChanges = !options.fields && fields.length === changed.size;
  const data = instance.dataValues as Row;
  requirePrimaryKey(def, data, 'save');
  if (def.updatedAt && !options.silent && !updatedAtChanged) {
    data[def.updatedAt] = new Date();
    fields.push(def.attributes[def.updatedAt]);
  }
  if (options.validate !== false) await validateInstance(def, instance, data, fields);
  const params: unknown[] = [];
  let sql = updateByPrimaryKeySql(def, data, fields, params);
  if (options.returning) sql += def.returning;
  const { rows } = await def.sequelize.run(sql, params, options, def, PREPARED);
  forgetSaved(instance, fields, savesAllChanges);
  if (options.returning && rows[0]) refreshFromRow(instance, rows[0], NOTHING_WRITTEN);
  return instance;
}

/** forgetChange for each saved field, without deleting properties and Set entries one by one (V8's slow paths). */
function forgetSaved(
  instance: AnyWritable,
  fields: readonly AttributeDefinition[],
  savesAllChanges: boolean,
): void {
  if (savesAllChanges) instance._changed = null;
  else for (const attr of fields) instance._changed?.delete(attr.name);
  const previous = instance._previousDataValues as Row;
  let kept: Row | undefined;
  for (const name in previous) if (!includesName(fields, name)) (kept ??= {})[name] = previous[name];
  instance._previousDataValues = kept ?? {};
}

function includesName(fields: readonly AttributeDefinition[], name: string): boolean {
  for (let i = 0; i < fields.length; i++) if (fields[i].name === name) return true;
  return false;
}

const NUMERIC_TEXT = /^-?\d+(\.\d+)?$/;

function amount(def: ModelDefinition, name: string, by: unknown): number | string {
  if ((typeof by === 'number' && Number.isFinite(by)) || (typeof by === 'string' && NUMERIC_TEXT.test(by)))
    return by;
  throw new TypeError(
    `Invalid increment amount ${JSON.stringify(by)} for ${def.name}.${name}: expected a finite number`,
  );
}

/** 'age' / ['age', 'cash'] (each by `by`, default 1) / { age: 2, cash: 100 } */
function increments(def: ModelDefinition, fields: unknown, by: unknown = 1): Increment[] {
  if (typeof fields === 'string')
    return [{ attr: attributeOf(def, fields, 'increment'), by: amount(def, fields, by) }];
  if (Array.isArray(fields))
    return fields.map((name: string) => ({
      attr: attributeOf(def, name, 'increment'),
      by: amount(def, name, by),
    }));
  if (fields && typeof fields === 'object') {
    return Object.keys(fields).map((name) => ({
      attr: attributeOf(def, name, 'increment'),
      by: amount(def, name, (fields as Row)[name]),
    }));
  }
  throw new TypeError(
    `increment/decrement fields must be an attribute name, a list of names or { name: amount } (model ${def.name})`,
  );
}

function updatedAtStamp(def: ModelDefinition, list: readonly Increment[], silent: boolean | undefined) {
  if (!def.updatedAt || silent || list.some((i) => i.attr.name === def.updatedAt)) return undefined;
  return { attr: def.attributes[def.updatedAt], value: new Date() };
}

async function incrementRows<M extends AnyWritable>(
  Model: Constructor<M>,
  fields: unknown,
  options: StaticIncrementOptions<Row>,
  sign: '+' | '-',
): Promise<[M[], number]> {
  const def = definitionOf(Model);
  checkOptions(options, INCREMENT_OPTIONS, `${def.name}.${sign === '+' ? 'increment' : 'decrement'}()`);
  if (scopesInUse) options = await withScope(Model, options, WHERE_ONLY);
  if (!options || options.where === undefined || options.where === null) throw new Error(MISSING_WHERE);
  const list = increments(def, fields, options.by);
  const params: unknown[] = [];
  const sql = incrementSql(
    def,
    list,
    sign,
    updatedAtStamp(def, list, options.silent),
    (p) => whereSql(def, options.where as Row, p),
    params,
    options.returning === false ? '' : def.returning,
  );
  const result = await def.sequelize.run(sql, params, options, def);
  return [result.rows.map((row) => new Model(row, ROW_OPTIONS)), result.rowCount];
}

async function incrementInstance<M extends AnyWritable>(
  instance: M,
  fields: unknown,
  options: IncrementOptions<Row>,
  sign: '+' | '-',
): Promise<M> {
  const def = definitionOf(instance.constructor);
  checkOptions(options, INCREMENT_OPTIONS, `${def.name}.${sign === '+' ? 'increment' : 'decrement'}()`);
  const data = instance.dataValues as Row;
  requirePrimaryKey(def, data, 'increment');
  const list = increments(def, fields, options.by);
  const stamp = updatedAtStamp(def, list, options.silent);
  // Extra conditions are AND-ed with the primary key (which wins over a where on the same key).
  const where: WhereBuilder = options.where
    ? (p) => whereSql(def, { ...options.where, ...(instance.where() as Row) }, p)
    : (p) => primaryKeyWhere(def, data, p);
  const params: unknown[] = [];
  const returning = options.returning === false ? '' : def.returning;
  const sql = incrementSql(def, list, sign, stamp, where, params, returning);
  // By primary key alone, the text repeats: prepared. An extra where makes texts of every shape.
  const row = (await def.sequelize.run(sql, params, options, def, !options.where)).rows[0];
  if (row)
    refreshFromRow(
      instance,
      row,
      new Set([...list.map((i) => i.attr.name), ...(stamp ? [stamp.attr.name] : [])]),
    );
  return instance;
}

/**
 * Takes a row the database returned (RETURNING every column), as Sequelize does on PostgreSQL,
 * so columns another client changed meanwhile are fresh. Unlike Sequelize, an attribute with an
 * unsaved edit keeps it (still marked changed), unless the statement itself wrote it (`written`).
 */
function refreshFromRow(instance: AnyWritable, row: Row, written: ReadonlySet<string>): void {
  const data = instance.dataValues as Row;
  for (const name of Object.keys(row)) {
    if (written.has(name)) {
      data[name] = row[name];
      forgetChange(instance, name);
    } else if (!instance._changed?.has(name)) {
      data[name] = row[name];
    }
  }
}

/** What Sequelize says when findOrCreate has no where. */
const FIND_OR_CREATE_WHERE =
  'Missing where attribute in the options parameter passed to findOrCreate. Please note that the API has changed, and is now options only (an object with where, defaults keys, transaction etc.)';

async function findOrCreateRow<M extends AnyWritable>(
  Ctor: Constructor<M>,
  def: ModelDefinition,
  options: FindOrCreateOptions<Row, Row>,
  method: string,
): Promise<[M, boolean]> {
  if (!options || options.where === undefined || options.where === null || typeof options.where !== 'object')
    throw new Error(FIND_OR_CREATE_WHERE);
  if (Object.getOwnPropertySymbols(options.where).length)
    throw new TypeError(
      `${def.name}.${method}(): the where has an operator at its top (Op.or, Op.and, ...), whose values cannot be inserted; use plain attribute values`,
    );
  const values: Row = {};
  for (const key of Object.keys(options.where)) {
    const value = (options.where as Row)[key];
    if (isOperatorObject(value))
      throw new TypeError(
        `${def.name}.${method}(): where.${key} is not a plain value, so it cannot be inserted; put the value to insert in defaults.${key}`,
      );
    values[key] = value;
  }
  const model = Ctor as unknown as { findOne(o: object): Promise<M | null> };
  const find = { where: options.where, transaction: options.transaction, logging: options.logging };
  const found = await model.findOne(find);
  if (found) return [found, false];
  Object.assign(values, options.defaults ?? {});
  const instance = checkClassFields(new Ctor(values));
  const data = instance.dataValues as Row;
  stampNew(def, data, options);
  if (options.validate !== false) await validateMaybeHooked(def, instance, data, def.attributeList, options);
  // As Sequelize's findOrCreate (which calls create): the create and save hooks around the INSERT.
  const insert = () => insertOrFind(Ctor, def, instance, options, find);
  if (hooksOn(options)) return (await hookedOperations()).findOrCreateWithHooks(instance, options, insert);
  return insert();
}

/** findOrCreate's INSERT of the built instance; [instance, true], or [the row found, false] after a race. */
async function insertOrFind<M extends AnyWritable>(
  Ctor: Constructor<M>,
  def: ModelDefinition,
  instance: M,
  options: FindOrCreateOptions<Row, Row>,
  find: object,
): Promise<[M, boolean]> {
  const data = instance.dataValues as Row;
  const params: unknown[] = [];
  const { rows } = await def.sequelize.run(
    insertOrNothingSql(def, data, def.attributeList, params),
    params,
    options,
    def,
  );
  if (rows[0]) {
    markInserted(instance, rows[0], undefined);
    return [instance, true];
  }
  // A unique key already holds these values: a concurrent call inserted it meanwhile.
  const model = Ctor as unknown as { findOne(o: object): Promise<M | null> };
  const again = await model.findOne(find);
  if (again) return [again, false];
  // The where still sees no row: the one holding the key is soft-deleted, or differs outside the
  // where. Sequelize rethrows the INSERT's UniqueConstraintError; the plain INSERT raises it.
  const retry: unknown[] = [];
  const inserted = await insertInSavepoint(
    def,
    insertSql(def, data, def.attributeList, retry),
    retry,
    options,
  );
  markInserted(instance, inserted.rows[0], undefined);
  return [instance, true];
}

/**
 * An INSERT that may fail, inside the caller's transaction: wrapped in a savepoint (as Sequelize's
 * findOrCreate runs its create in one), so that its error leaves the transaction usable.
 */
async function insertInSavepoint(
  def: ModelDefinition,
  sql: string,
  params: unknown[],
  options: FindOrCreateOptions<Row, Row>,
): Promise<{ rows: Row[] }> {
  if (!options.transaction) return def.sequelize.run(sql, params, options, def);
  const savepoint = quoteIdentifier('gen_models_find_or_create');
  await def.sequelize.run(`SAVEPOINT ${savepoint}`, [], options);
  try {
    const result = await def.sequelize.run(sql, params, options, def);
    await def.sequelize.run(`RELEASE SAVEPOINT ${savepoint}`, [], options);
    return result;
  } catch (error) {
    await def.sequelize.run(`ROLLBACK TO SAVEPOINT ${savepoint}`, [], options);
    throw error;
  }
}

/** An object in a where that is an operator or a nested condition, not a value to insert. */
function isOperatorObject(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (value instanceof Date || Array.isArray(value) || value instanceof Uint8Array) return false;
  return Object.getOwnPropertySymbols(value).length > 0 || Object.getPrototypeOf(value) !== Object.prototype;
}

/** upsert's ON CONFLICT target: conflictFields, else the primary key when given, else a unique key whose values are all given. */
function conflictTarget(
  def: ModelDefinition,
  data: Row,
  conflictFields: readonly string[] | undefined,
): AttributeDefinition[] {
  if (conflictFields) {
    if (!Array.isArray(conflictFields) || conflictFields.length === 0)
      throw new TypeError(`${def.name}.upsert(): conflictFields must be a non-empty list of attribute names`);
    return conflictFields.map((name) => attributeOf(def, name, 'conflictFields'));
  }
  const key = uniqueKeys(def).find((attrs) =>
    attrs.every((a) => data[a.name] !== undefined && data[a.name] !== null),
  );
  if (!key)
    throw new TypeError(
      `${def.name}.upsert(): the values name no unique key (the primary key or a unique attribute) to detect the conflict on; give one, or pass conflictFields`,
    );
  return key;
}

async function readByKey<M extends AnyWritable>(
  Ctor: Constructor<M>,
  def: ModelDefinition,
  data: Row,
  key: readonly AttributeDefinition[],
  options: UpsertOptions<Row>,
): Promise<M | null> {
  const where: Row = {};
  for (const attr of key) where[attr.name] = data[attr.name];
  const model = Ctor as unknown as { findOne(o: object): Promise<M | null> };
  return model.findOne({ where, transaction: options.transaction, logging: options.logging });
}

/** ON CONFLICT for bulkCreate's ignoreDuplicates / updateOnDuplicate (+ conflictAttributes). */
function bulkConflictClause(
  def: ModelDefinition,
  rows: readonly Row[],
  options: BulkCreateOptions<Row>,
): string {
  const { ignoreDuplicates, updateOnDuplicate, conflictAttributes } = options;
  if (ignoreDuplicates && updateOnDuplicate)
    throw new TypeError(
      `${def.name}.bulkCreate(): ignoreDuplicates and updateOnDuplicate exclude each other`,
    );
  if (conflictAttributes && !updateOnDuplicate)
    throw new TypeError(`${def.name}.bulkCreate(): conflictAttributes needs updateOnDuplicate`);
  if (ignoreDuplicates) return ' ON CONFLICT DO NOTHING';
  if (!updateOnDuplicate) return '';
  if (!Array.isArray(updateOnDuplicate) || updateOnDuplicate.length === 0)
    throw new TypeError(
      `${def.name}.bulkCreate(): updateOnDuplicate must be a non-empty list of attribute names`,
    );
  const set = updateOnDuplicate.map((name) => attributeOf(def, name, 'updateOnDuplicate').quotedField);
  let target: AttributeDefinition[];
  if (conflictAttributes)
    target = conflictAttributes.map((name) => attributeOf(def, name, 'conflictAttributes'));
  else {
    const key = uniqueKeys(def).find((attrs) =>
      rows.every((row) => attrs.every((a) => row[a.name] !== undefined && row[a.name] !== null)),
    );
    if (!key)
      throw new TypeError(
        `${def.name}.bulkCreate(): updateOnDuplicate needs a unique key every record gives; pass conflictAttributes`,
      );
    target = key;
  }
  return ` ON CONFLICT (${target.map((a) => a.quotedField).join(',')}) DO UPDATE SET ${set.map((f) => `${f}=EXCLUDED.${f}`).join(',')}`;
}

/**
 * ignoreDuplicates: the returned rows are those inserted, fewer than the records. Each is given
 * to the record with the same unique key values (Sequelize assigns them by position: wrong ids).
 * Records that were duplicates stay as built (`isNewRecord: true`).
 */
function assignByKey(
  def: ModelDefinition,
  instances: readonly AnyWritable[],
  saved: readonly Row[],
  fields: readonly string[] | undefined,
): void {
  const left = new Set(saved);
  for (const key of uniqueKeys(def)) {
    const byKey = new Map<string, Row>();
    for (const row of left) byKey.set(JSON.stringify(key.map((a) => row[a.name])), row);
    for (const instance of instances) {
      if (!instance.isNewRecord) continue;
      const data = instance.dataValues as Row;
      if (key.some((a) => data[a.name] === undefined || data[a.name] === null)) continue;
      const row = byKey.get(JSON.stringify(key.map((a) => data[a.name])));
      if (row && left.has(row)) {
        markInserted(instance, row, fields);
        left.delete(row);
      }
    }
  }
}

// Sequelize statics without a counterpart here: refused by name (docs/runtime.md, "Not supported").
refuseMembers(Model, 'Model', {
  describe: 'read information_schema.columns with sequelize.query(), or compare with planSync()',
  schema: 'give the schema in init options ({ schema }) or define the model again',
  findOrBuild: 'call findOne, then build when it resolves null',
});
