/**
 * sync({ alter }) and its dry run. Loaded with `await import()` only when alter or planSync is
 * used, so plain sync() and queries never pay for it.
 */
import type { Model } from '../model.js';
import { definitionOf } from '../model-definition.js';
import { Sequelize } from '../sequelize.js';
import { modelsInForeignKeyOrder } from '../sync.js';
import type { ModelStatic, QueryOptions } from '../types.js';
import { planForModels } from './run-alter.js';
import type { SyncPlan } from './sync-plan.js';

export { alterModels } from './run-alter.js';
export { formatSyncPlan } from './format-plan.js';
export { SyncAlterRefusedError } from './sync-alter-refused-error.js';
export { refusedSteps, type SyncPlan, type SyncStep, type StepKind } from './sync-plan.js';
export type { AlterOptions, AlterSyncOptions } from './alter-options.js';

/**
 * What sync({ alter }) would run, without running it: for every model of a Sequelize instance
 * (in foreign-key order), or for one model class. Only SELECTs are sent.
 */
export function planSync(
  target: Sequelize | ModelStatic<Model>,
  options: QueryOptions = {},
): Promise<SyncPlan> {
  if (target instanceof Sequelize) return planForModels(target, modelsInForeignKeyOrder(target), options);
  const def = definitionOf(target);
  return planForModels(def.sequelize, def.readOnly ? [] : [def], options);
}
