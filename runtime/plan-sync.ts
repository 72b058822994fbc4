/** planSync(), the dry run of sync({ alter }): a small entry point; the planner in ./alter/ loads on the first call. */
import type { SyncPlan } from './alter/sync-plan.js';
import type { Model } from './model.js';
import type { Sequelize } from './sequelize.js';
import type { ModelStatic, QueryOptions } from './types.js';

/** The dry run of sync({ alter }): its steps with their SQL, for every model or one; sends only SELECTs. */
export async function planSync(
  target: Sequelize | ModelStatic<Model>,
  options: QueryOptions = {},
): Promise<SyncPlan> {
  const alter = await import('./alter/index.js');
  return alter.planSync(target, options);
}
