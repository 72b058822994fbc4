/**
 * Soft deletes (`paranoid: true`): the deletedAt condition finders add, the statements
 * destroy and restore send instead of DELETE, and restore() itself (static and instance). A
 * model without deletedAt never calls in here beyond the one `def.deletedAt` test (restore()
 * loads this module to refuse it).
 */
import { checkOptions } from './check-options.js';
import { hooksOn } from './hooks/hook-registry.js';
import type { HookedInstance } from './hooks/hooked-operations.js';
import { INSTANCE_RESTORE_OPTIONS, RESTORE_OPTIONS } from './method-options.js';
import { Op } from './operators.js';
import type { ModelDefinition } from './model-definition.js';
import { updateSql } from './sql/update.js';
import { whereSql } from './sql/where.js';
import type { QueryOptions, RestoreOptions } from './types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;

const NOT_PARANOID = 'Model is not paranoid';

/** Sequelize's _paranoidClause: `deletedAt IS NULL` AND-ed with the where, unless `paranoid: false`. */
export function liveRowsWhere(
  def: ModelDefinition,
  where: unknown,
  options: { paranoid?: boolean } | undefined,
): Row | undefined {
  if (!def.deletedAt || options?.paranoid === false) return where as Row | undefined;
  const live = { [def.deletedAt]: null };
  if (isEmptyWhere(where)) return live;
  return { [Op.and]: [live, where] };
}

function isEmptyWhere(where: unknown): boolean {
  if (where === undefined || where === null) return true;
  if (typeof where !== 'object' || Object.getPrototypeOf(where) !== Object.prototype) return false;
  return Object.keys(where).length === 0 && Object.getOwnPropertySymbols(where).length === 0;
}

/**
 * The refusal of restore() on a model without deletedAt: Sequelize's words, then the model, the
 * method and the fix (the types cannot tell a paranoid model, so this is where the mistake shows).
 */
export function requireParanoid(def: ModelDefinition, method = 'restore()'): string {
  if (!def.deletedAt)
    throw new Error(
      `${NOT_PARANOID}: ${def.name}.${method} needs a paranoid model (init options { paranoid: true } with timestamps, which adds deletedAt); ${def.name} deletes its rows for good`,
    );
  return def.deletedAt;
}

/**
 * Model.destroy on a paranoid model: `UPDATE SET deletedAt = now WHERE <where> AND deletedAt IS NULL`
 * (rows already soft-deleted keep their time, as Sequelize). Resolves the number of rows.
 */
export async function softDeleteRows(
  def: ModelDefinition,
  where: unknown,
  options: QueryOptions,
): Promise<number> {
  requireParanoid(def);
  return setDeletedAt(def, new Date(), liveRowsWhere(def, where, undefined), options);
}

/** Model.restore: `UPDATE SET deletedAt = NULL WHERE <where>` (updatedAt untouched, as Sequelize). */
export async function restoreRows(
  def: ModelDefinition,
  where: unknown,
  options: QueryOptions,
): Promise<number> {
  requireParanoid(def);
  return setDeletedAt(def, null, where as Row | undefined, options);
}

async function setDeletedAt(
  def: ModelDefinition,
  value: Date | null,
  where: Row | undefined,
  options: QueryOptions,
): Promise<number> {
  const attr = def.attributes[def.deletedAt!];
  const params: unknown[] = [];
  const sql = updateSql(def, { [attr.name]: value }, [attr], (p) => whereSql(def, where, p), params, '');
  return (await def.sequelize.run(sql, params, options, def)).rowCount;
}

/** Hooks run only in programs that register some: their module is loaded on first use. */
const hookedOperations = () => import('./hooks/hooked-operations.js');

/** Model.restore(): the options checked, the model required paranoid, restoreRows (hooked when hooks are on). */
export async function restoreModel(
  model: Function,
  def: ModelDefinition,
  options: RestoreOptions<Row>,
): Promise<void> {
  checkOptions(options, RESTORE_OPTIONS, `${def.name}.restore()`);
  requireParanoid(def);
  if (hooksOn(options))
    await (
      await hookedOperations()
    ).bulkWithHooks(model, 'Restore', options, (o) => restoreRows(def, o.where, o));
  else await restoreRows(def, options.where, options);
}

/**
 * instance.restore(): deletedAt set to null and saved. model.ts hands in its own steps: the
 * primary-key check (made after the options and the model are checked, as before) and its UPDATE.
 */
export async function restoreInstance(
  instance: HookedInstance & { setDataValue(key: never, value: never): void },
  def: ModelDefinition,
  options: QueryOptions,
  steps: { requireKey(): void; update(options: QueryOptions): Promise<unknown> },
): Promise<void> {
  checkOptions(options, INSTANCE_RESTORE_OPTIONS, `${def.name}.restore()`);
  const deletedAt = requireParanoid(def);
  steps.requireKey();
  const restore = async (o: QueryOptions): Promise<void> => {
    instance.setDataValue(deletedAt as never, null as never);
    await steps.update(o);
  };
  if (hooksOn(options))
    await (await hookedOperations()).instanceWithHooks(instance, 'Restore', options, restore);
  else await restore(options);
}
