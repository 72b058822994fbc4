/**
 * The hook names the runtime runs, and Sequelize's others, which are refused by name: a hook
 * registered under a name nothing runs would be silently dead code.
 */
import { closestMatch } from '../did-you-mean.js';

/** Hooks of a model (also registrable globally, on the Sequelize instance). */
export const MODEL_HOOK_NAMES = [
  'beforeValidate',
  'afterValidate',
  'validationFailed',
  'beforeCreate',
  'afterCreate',
  'beforeSave',
  'afterSave',
  'beforeUpdate',
  'afterUpdate',
  'beforeDestroy',
  'afterDestroy',
  'beforeRestore',
  'afterRestore',
  'beforeUpsert',
  'afterUpsert',
  'beforeBulkCreate',
  'afterBulkCreate',
  'beforeBulkUpdate',
  'afterBulkUpdate',
  'beforeBulkDestroy',
  'afterBulkDestroy',
  'beforeBulkRestore',
  'afterBulkRestore',
  'beforeFind',
  'beforeFindAfterExpandIncludeAll',
  'beforeFindAfterOptions',
  'afterFind',
  'beforeCount',
  'beforeSync',
  'afterSync',
] as const;

/** Hooks only the Sequelize instance has (sequelize.sync). */
export const SEQUELIZE_HOOK_NAMES = ['beforeBulkSync', 'afterBulkSync'] as const;

/** Sequelize's hooks the runtime does not run (before/after + key), with what they are about. */
const UNSUPPORTED: Readonly<Record<string, string>> = {
  Connect: 'connection hooks',
  Disconnect: 'connection hooks',
  PoolAcquire: 'connection hooks',
  Define: 'model definition hooks',
  Init: 'model definition hooks',
  Associate: 'association hooks',
  Query: 'query hooks',
  BulkSync: 'sequelize.sync() hooks (register them on the Sequelize instance)',
};

const MODEL_NAMES: ReadonlySet<string> = new Set(MODEL_HOOK_NAMES);
const GLOBAL_NAMES: ReadonlySet<string> = new Set([...MODEL_HOOK_NAMES, ...SEQUELIZE_HOOK_NAMES]);

/** Throws for a hook name nothing here would run: Sequelize's unsupported ones by feature, typos with a did-you-mean. */
export function checkHookName(name: unknown, subject: string, global: boolean): string {
  const known = global ? GLOBAL_NAMES : MODEL_NAMES;
  if (typeof name === 'string' && known.has(name)) return name;
  const text = String(name);
  const key = typeof name === 'string' ? /^(?:before|after)(\w+)$/.exec(name)?.[1] : undefined;
  if (key !== undefined && Object.hasOwn(UNSUPPORTED, key))
    throw new Error(
      `${subject}: hook "${text}" (${UNSUPPORTED[key]}) is not supported by the gen-models runtime; see docs/runtime.md for the hooks it runs`,
    );
  const match = typeof name === 'string' ? closestMatch(name, [...known]) : undefined;
  throw new TypeError(
    `${subject}: unknown hook "${text}"${match === undefined ? '' : `; did you mean "${match}"?`}`,
  );
}
