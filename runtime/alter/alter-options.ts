/** The options of sync({ alter }) and planSync(). */
import type { QueryOptions } from '../types.js';

export interface AlterOptions {
  /**
   * Allow destructive steps (drop columns, narrow types, remove enum values, change the primary
   * key). Without it alter changes nothing when the plan holds one, and throws
   * SyncAlterRefusedError listing them. Unlike Sequelize's `alter: { drop: false }`, leaving it
   * out never disables the safe changes.
   */
  drop?: boolean;
}

export interface AlterSyncOptions extends QueryOptions {
  alter?: boolean | AlterOptions;
}

export function allowsDestructive(alter: boolean | AlterOptions | undefined): boolean {
  return typeof alter === 'object' && alter !== null && alter.drop === true;
}
