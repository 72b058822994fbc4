/**
 * sync({ alter }): plan and apply in ONE transaction. The catalog is read inside it, refused
 * steps throw before any DDL, and a failing step rolls every earlier one back.
 */
import type { ModelDefinition } from '../model-definition.js';
import type { Sequelize } from '../sequelize.js';
import type { Transaction } from '../transaction.js';
import type { QueryOptions } from '../types.js';
import { allowsDestructive, type AlterSyncOptions } from './alter-options.js';
import type { ReadQuery } from './live-schema.js';
import { planModels } from './plan-models.js';
import { SyncAlterRefusedError } from './sync-alter-refused-error.js';
import { refusedSteps, type SyncPlan } from './sync-plan.js';

/** Runs `body` in the caller's transaction, or in a new one committed at the end. */
function inTransaction<T>(
  sequelize: Sequelize,
  options: QueryOptions,
  body: (t: Transaction) => Promise<T>,
): Promise<T> {
  return options.transaction ? body(options.transaction) : sequelize.transaction(body);
}

function runner(sequelize: Sequelize, options: QueryOptions, t: Transaction | null | undefined) {
  return async (sql: string, params: readonly unknown[] = []) =>
    (await sequelize.run(sql, params, { ...options, transaction: t })).rows;
}

/** Applies the plan for `defs` (in foreign-key order); resolves the plan it ran. */
export async function alterModels(
  sequelize: Sequelize,
  defs: readonly ModelDefinition[],
  options: AlterSyncOptions,
): Promise<SyncPlan> {
  const allowDestructive = allowsDestructive(options.alter);
  return inTransaction(sequelize, options, async (t) => {
    const run = runner(sequelize, options, t);
    const plan = await planModels(defs, run);
    const refused = refusedSteps(plan, allowDestructive);
    if (refused.length) throw new SyncAlterRefusedError(plan, refused);
    for (const step of plan.steps) await run(step.sql);
    return plan;
  });
}

/** The plan alone: catalog reads and row counts (SELECTs), no change to the database. */
export function planForModels(
  sequelize: Sequelize,
  defs: readonly ModelDefinition[],
  options: QueryOptions = {},
): Promise<SyncPlan> {
  const query: ReadQuery = runner(sequelize, options, options.transaction);
  return planModels(defs, query);
}
