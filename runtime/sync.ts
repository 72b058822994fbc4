/**
 * sync() and drop(): CREATE TABLE IF NOT EXISTS (ENUM types first), in a transaction;
 * all models in foreign-key order, with the sync hooks around (beforeSync/afterSync per model,
 * the Sequelize's own beforeBulkSync/afterBulkSync around sequelize.sync()). Read-only models (views) are never created or dropped.
 * This module and sql/ddl.ts are loaded only when sync() or drop() is called; sync({ alter })
 * and planSync() (plan-sync.ts) live in ./alter/, loaded only when used.
 */
import { hooksOn, ownHooks } from './hooks/hook-registry.js';
import { runHooks } from './hooks/run-hooks.js';
import { definitionOf, type ModelDefinition } from './model-definition.js';
import { createEnumSql, createTableSql, dropEnumSql, dropTableSql } from './sql/ddl.js';
import { createIndexSql } from './sql/index-ddl.js';
import type { Sequelize } from './sequelize.js';
import type { Transaction } from './transaction.js';
import type { DropOptions, QueryOptions, SyncOptions } from './types.js';

/** sync({ alter }): one planned, checked transaction for all `defs` (force wins over alter). */
async function alterTables(
  sequelize: Sequelize,
  defs: readonly ModelDefinition[],
  options: SyncOptions,
): Promise<void> {
  const { alterModels } = await import('./alter/index.js');
  await alterModels(sequelize, defs, options);
}

/** Runs statements in one transaction (DDL is transactional in PostgreSQL), or in the caller's. */
async function inTransaction(
  def: ModelDefinition,
  options: QueryOptions,
  body: (
    run: (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>,
  ) => Promise<void>,
): Promise<void> {
  const sequelize = def.sequelize;
  const go = (t: Transaction | null | undefined) =>
    body((sql, params = []) => sequelize.run(sql, params, { ...options, transaction: t }, def));
  if (options.transaction) return go(options.transaction);
  await sequelize.transaction((t) => go(t));
}

export async function syncModel(def: ModelDefinition, options: SyncOptions): Promise<void> {
  if (def.readOnly) return;
  refuseConcurrentInTransaction(def, options);
  if (options.alter && !options.force) return alterTables(def.sequelize, [def], options);
  await inTransaction(def, options, async (run) => {
    if (options.force) await dropStatements(def, true, run);
    for (const type of enumTypes(def)) {
      const exists = await run(
        'SELECT 1 FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = $1 AND t.typname = $2',
        [type.schema, type.name],
      );
      if (exists.rows.length === 0) await run(createEnumSql(type));
    }
    for (const sql of createTableSql(def)) await run(sql);
    // As Sequelize: every sync creates the declared indexes missing by name.
    for (const index of def.indexes) if (!index.concurrently) await run(createIndexSql(def, index));
  });
  await createConcurrentIndexes(def, options);
}

/** CREATE INDEX CONCURRENTLY cannot run in a transaction: after sync's own, never in the caller's. */
async function createConcurrentIndexes(def: ModelDefinition, options: SyncOptions): Promise<void> {
  for (const index of def.indexes) {
    if (index.concurrently) await def.sequelize.run(createIndexSql(def, index), [], options, def);
  }
}

function refuseConcurrentInTransaction(def: ModelDefinition, options: SyncOptions): void {
  const concurrent = def.indexes.find((index) => index.concurrently);
  if (concurrent && options.transaction)
    throw new Error(
      `${def.name}.sync(): the index "${concurrent.name}" is concurrently: true, and CREATE INDEX CONCURRENTLY cannot run inside a transaction; call sync() without transaction, or leave concurrently out`,
    );
}

export async function dropModel(def: ModelDefinition, options: DropOptions): Promise<void> {
  if (def.readOnly) return;
  await inTransaction(def, options, (run) => dropStatements(def, options.cascade === true, run));
}

/** DROP TABLE, then the ENUM types this model named itself (explicitly named types may be shared). */
async function dropStatements(
  def: ModelDefinition,
  cascade: boolean,
  run: (sql: string) => Promise<unknown>,
): Promise<void> {
  await run(dropTableSql(def, cascade));
  for (const type of enumTypes(def)) if (type.auto) await run(dropEnumSql(type));
}

function enumTypes(def: ModelDefinition) {
  const seen = new Map<string, NonNullable<ModelDefinition['attributeList'][number]['enumType']>>();
  for (const attr of def.attributeList)
    if (attr.enumType) seen.set(`${attr.enumType.schema}.${attr.enumType.name}`, attr.enumType);
  return [...seen.values()];
}

/** Models ordered so that a referenced table comes before the tables referencing it. */
export function modelsInForeignKeyOrder(sequelize: Sequelize): ModelDefinition[] {
  const defs = Object.values(sequelize.models)
    .map((model) => definitionOf(model))
    .filter((def) => !def.readOnly);
  const byTable = new Map(defs.map((def) => [`${def.schema ?? ''}.${def.tableName}`, def]));
  const ordered: ModelDefinition[] = [];
  const state = new Map<ModelDefinition, 'visiting' | 'done'>();
  const visit = (def: ModelDefinition, path: string[]) => {
    if (state.get(def) === 'done') return;
    if (state.get(def) === 'visiting')
      throw new Error(
        `Cyclic foreign keys between ${[...path, def.name].join(' -> ')} are not supported by sync() yet`,
      );
    state.set(def, 'visiting');
    for (const attr of def.attributeList) {
      const target =
        attr.references &&
        (byTable.get(`${attr.references.schema ?? ''}.${attr.references.table}`) ??
          byTable.get(`${def.schema ?? ''}.${attr.references.table}`));
      if (target && target !== def) visit(target, [...path, def.name]);
    }
    state.set(def, 'done');
    ordered.push(def);
  };
  for (const def of defs) visit(def, []);
  return ordered;
}

/** Model.sync(): the model's beforeSync and afterSync hooks around syncModel. */
export async function syncWithHooks(
  model: Function,
  def: ModelDefinition,
  options: SyncOptions,
): Promise<void> {
  const hooked = hooksOn(options);
  if (hooked) await runHooks(model, 'beforeSync', options);
  await syncModel(def, options);
  if (hooked) await runHooks(model, 'afterSync', options);
}

/** sequelize.sync(): its beforeBulkSync and afterBulkSync hooks (the instance's own) around syncAll. */
export async function syncAllWithHooks(sequelize: Sequelize, options: SyncOptions): Promise<void> {
  await runBulkSyncHooks(sequelize, 'beforeBulkSync', options);
  await syncAll(sequelize, options);
  await runBulkSyncHooks(sequelize, 'afterBulkSync', options);
}

async function runBulkSyncHooks(sequelize: Sequelize, type: string, options: SyncOptions): Promise<void> {
  if (!hooksOn(options)) return;
  for (const entry of ownHooks(sequelize, type)) await entry.fn.call(sequelize, options);
}

async function syncAll(sequelize: Sequelize, options: SyncOptions): Promise<void> {
  const ordered = modelsInForeignKeyOrder(sequelize);
  if (ordered.length === 0) return sequelize.authenticate(options);
  if (options.alter && !options.force) return alterTables(sequelize, ordered, options);
  // As Model.sync({ force }): the tables are being recreated, so what depends on them goes (CASCADE).
  if (options.force) await dropAll(sequelize, { ...options, cascade: true });
  for (const def of ordered) {
    await syncWithHooks(sequelize.models[def.name], def, { ...options, force: false });
  }
}

/**
 * Dependents first, each table once. No CASCADE unless asked: a view or an unmodelled table that
 * depends on a model's table stops the drop instead of vanishing with it.
 */
export async function dropAll(sequelize: Sequelize, options: DropOptions): Promise<void> {
  const ordered = modelsInForeignKeyOrder(sequelize).reverse();
  for (const def of ordered) await dropModel(def, options);
}
