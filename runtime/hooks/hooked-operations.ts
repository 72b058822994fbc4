/**
 * The model operations with their hooks around them, as Sequelize orders them. model.ts and
 * readable-model.ts load this module (`await import()`) and call in here only when
 * hooksOn(options) (some hook is registered and `hooks: false` was not passed), handing over the
 * operation itself as `core`; a program without hooks never loads it. The options object the hooks receive is a copy: a hook may change it
 * (beforeFind adding to `where`, beforeBulkUpdate changing `attributes`) and the operation
 * then uses the changed options.
 */
import { definitionOf, type AttributeDefinition, type ModelDefinition } from '../model-definition.js';
import { validateEach, validateInstance } from '../validation.js';
import { runHooks, validateWithHooks } from './run-hooks.js';
import { rejectEmpty } from '../reject-on-empty.js';

export { runHooks, validateWithHooks };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;

/** The instance state the hooks touch (a Model instance). */
export interface HookedInstance {
  constructor: Function;
  dataValues: unknown;
  isNewRecord: boolean;
  _changed: Set<string> | null;
  set(values: Row): unknown;
}

type Finder = { findAll(options: object): Promise<HookedInstance[]> };

/** What a save writes, to validate before the before-hooks: every attribute of a new row, else the changed ones. */
function savedAttributes(
  def: ModelDefinition,
  instance: HookedInstance,
  fields: readonly string[] | undefined,
) {
  const names = instance.isNewRecord
    ? (fields ?? def.attributeList.map((a) => a.name))
    : [...(instance._changed ?? [])];
  return attributesNamed(
    def,
    fields && !instance.isNewRecord ? names.filter((n) => fields.includes(n)) : names,
  );
}

function attributesNamed(def: ModelDefinition, names: Iterable<string>): AttributeDefinition[] {
  const out: AttributeDefinition[] = [];
  for (const name of names) if (def.attributes[name]) out.push(def.attributes[name]);
  return out;
}

/**
 * save/create/instance.update: validation (beforeValidate, afterValidate / validationFailed),
 * beforeCreate or beforeUpdate, beforeSave, the write, afterCreate or afterUpdate, afterSave.
 * Attributes the before-hooks change are validated and written too.
 */
export async function saveWithHooks<M extends HookedInstance>(
  instance: M,
  options: Row,
  core: (instance: M, options: Row) => Promise<M>,
): Promise<M> {
  const model = instance.constructor;
  const def = definitionOf(model);
  const opts: Row = { ...options };
  const kind = instance.isNewRecord ? 'Create' : 'Update';
  const fields = opts.fields as readonly string[] | undefined;
  if (opts.validate !== false)
    await validateWithHooks(def, instance, opts, savedAttributes(def, instance, fields));
  const before = new Set(instance._changed ?? []);
  await runHooks(model, `before${kind}`, instance, opts);
  await runHooks(model, 'beforeSave', instance, opts);
  const added = [...(instance._changed ?? [])].filter((name) => !before.has(name));
  if (added.length && opts.validate !== false)
    await validateInstance(def, instance, instance.dataValues as Row, attributesNamed(def, added));
  const written = opts.fields && added.length ? [...opts.fields, ...added] : opts.fields;
  await core(instance, { ...opts, fields: written, validate: false });
  await runHooks(model, `after${kind}`, instance, opts);
  await runHooks(model, 'afterSave', instance, opts);
  return instance;
}

/**
 * bulkCreate: beforeBulkCreate(instances), each validated with the validation hooks, the
 * insert (with individualHooks one save per record, with its create and save hooks), afterBulkCreate.
 */
export async function bulkCreateWithHooks<M extends HookedInstance>(
  model: Function,
  instances: M[],
  options: Row,
  core: (instances: M[], options: Row) => Promise<M[]>,
  save: (instance: M, options: Row) => Promise<M>,
): Promise<M[]> {
  const def = definitionOf(model);
  const opts: Row = { ...options };
  if (opts.individualHooks && (opts.ignoreDuplicates || opts.updateOnDuplicate))
    throw new TypeError(
      `${def.name}.bulkCreate(): individualHooks saves each record on its own, so ignoreDuplicates and updateOnDuplicate cannot apply; drop one`,
    );
  await runHooks(model, 'beforeBulkCreate', instances, opts);
  if (opts.validate !== false) {
    const fields = attributesNamed(
      def,
      (opts.fields as string[] | undefined) ?? def.attributeList.map((a) => a.name),
    );
    await validateEach(instances, (instance) => validateWithHooks(def, instance, opts, fields));
  }
  const { individualHooks: individual, ...rest } = opts;
  if (individual) {
    for (const instance of instances) await saveWithHooks(instance, { ...rest, validate: false }, save);
  } else await core(instances, { ...opts, validate: false });
  await runHooks(model, 'afterBulkCreate', instances, opts);
  return instances;
}

/** The rows individualHooks runs the per-row hooks for, read as Sequelize reads them. */
function rowsOf(model: Function, opts: Row, paranoid?: boolean): Promise<HookedInstance[]> {
  const find: Row = { where: opts.where, transaction: opts.transaction, logging: opts.logging };
  if (paranoid !== undefined) find.paranoid = paranoid;
  return (model as unknown as Finder).findAll(find);
}

/**
 * Model.update: beforeBulkUpdate(options, with `attributes` the values), then either the one
 * UPDATE, or (individualHooks) the matching rows read, set, beforeUpdate each, each saved by its
 * primary key, afterUpdate each; afterBulkUpdate. With individualHooks it resolves
 * `[count, instances]`, as Sequelize.
 */
export async function updateWithHooks(
  model: Function,
  values: Row,
  options: Row,
  core: (values: Row, options: Row) => Promise<[number] | [number, unknown[]]>,
  save: (instance: HookedInstance, options: Row) => Promise<unknown>,
): Promise<[number] | [number, unknown[]]> {
  const opts: Row = { ...options, attributes: { ...values } };
  await runHooks(model, 'beforeBulkUpdate', opts);
  const { attributes, individualHooks, ...rest } = opts;
  let result: [number] | [number, unknown[]];
  if (individualHooks) {
    const instances = await rowsOf(model, opts, opts.paranoid);
    const given = opts.fields
      ? Object.fromEntries(Object.entries(attributes as Row).filter(([k]) => opts.fields.includes(k)))
      : (attributes as Row);
    for (const instance of instances) {
      instance.set(given);
      await runHooks(model, 'beforeUpdate', instance, opts);
    }
    const { where, fields, paranoid, sideEffects, returning, ...saveOptions } = rest;
    void [where, fields, paranoid, sideEffects, returning];
    for (const instance of instances) await save(instance, saveOptions);
    for (const instance of instances) await runHooks(model, 'afterUpdate', instance, opts);
    result = [instances.length, instances];
  } else result = await core(attributes as Row, rest);
  await runHooks(model, 'afterBulkUpdate', opts);
  return result;
}

/**
 * Model.destroy / Model.restore: before-bulk hook, then (individualHooks) the matching rows
 * read and each one's before-hook, the one statement, each one's after-hook, after-bulk hook.
 */
export async function bulkWithHooks<R>(
  model: Function,
  kind: 'Destroy' | 'Restore',
  options: Row,
  core: (options: Row) => Promise<R>,
): Promise<R> {
  const opts: Row = { ...options };
  await runHooks(model, `beforeBulk${kind}`, opts);
  const instances = opts.individualHooks
    ? await rowsOf(model, opts, kind === 'Restore' ? false : undefined)
    : [];
  for (const instance of instances) await runHooks(model, `before${kind}`, instance, opts);
  const { individualHooks, ...rest } = opts;
  void individualHooks;
  const result = await core(rest);
  for (const instance of instances) await runHooks(model, `after${kind}`, instance, opts);
  await runHooks(model, `afterBulk${kind}`, opts);
  return result;
}

/** instance.destroy / instance.restore: before-hook, the write, after-hook. */
export async function instanceWithHooks(
  instance: HookedInstance,
  kind: 'Destroy' | 'Restore',
  options: Row,
  core: (options: Row) => Promise<void>,
): Promise<void> {
  const model = instance.constructor;
  const opts: Row = { ...options };
  await runHooks(model, `before${kind}`, instance, opts);
  await core(opts);
  await runHooks(model, `after${kind}`, instance, opts);
}

/**
 * findOrCreate's INSERT (when the find found nothing), as the create() Sequelize calls: beforeCreate
 * and beforeSave, the INSERT, then afterCreate and afterSave when it created the row.
 */
export async function findOrCreateWithHooks<M>(
  instance: HookedInstance,
  options: Row,
  core: () => Promise<[M, boolean]>,
): Promise<[M, boolean]> {
  const model = instance.constructor;
  const opts: Row = { ...options };
  await runHooks(model, 'beforeCreate', instance, opts);
  await runHooks(model, 'beforeSave', instance, opts);
  const result = await core();
  if (result[1]) {
    await runHooks(model, 'afterCreate', instance, opts);
    await runHooks(model, 'afterSave', instance, opts);
  }
  return result;
}

/** upsert: beforeUpsert(values, options), the statement, afterUpsert([instance, created], options). */
export async function upsertWithHooks<R>(
  model: Function,
  values: Row,
  options: Row,
  core: (values: Row, options: Row) => Promise<R>,
): Promise<R> {
  const opts: Row = { ...options };
  await runHooks(model, 'beforeUpsert', values, opts);
  const result = await core(values, opts);
  await runHooks(model, 'afterUpsert', result, opts);
  return result;
}

/**
 * Finders: beforeFind, beforeFindAfterExpandIncludeAll, beforeFindAfterOptions (all three with
 * the options; there is no include to expand), the SELECT, afterFind with the instances (one
 * instance or null for findOne/findByPk), then rejectOnEmpty for findOne/findByPk.
 */
export async function findWithHooks<R>(
  model: Function,
  options: Row,
  core: (options: Row) => Promise<R[]>,
  single: boolean,
): Promise<R[] | R | null> {
  const opts: Row = { ...options };
  await runHooks(model, 'beforeFind', opts);
  await runHooks(model, 'beforeFindAfterExpandIncludeAll', opts);
  await runHooks(model, 'beforeFindAfterOptions', opts);
  const rows = await core(opts);
  const result = single ? (rows[0] ?? null) : rows;
  await runHooks(model, 'afterFind', result, opts);
  if (result === null) rejectEmpty(opts.rejectOnEmpty);
  return result;
}
