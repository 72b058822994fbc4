/**
 * Where hooks are kept: per model class and per Sequelize instance (global hooks), in the order
 * added. `hookCount` counts every hook registered anywhere, so a program without hooks pays one
 * number comparison per operation and never walks a registry. Registering is synchronous (as in
 * Sequelize), so this store is loaded with the models; running hooks (run-hooks.ts,
 * hooked-operations.ts) is loaded on first use.
 */
import { checkHookName, MODEL_HOOK_NAMES } from './hook-names.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- hooks of every signature
export type HookFunction = (...args: any[]) => unknown;

interface Entry {
  readonly name: string | undefined;
  readonly fn: HookFunction;
}

const registries = new WeakMap<object, Map<string, Entry[]>>();

/** Hooks registered anywhere (models and Sequelize instances); 0: no operation looks further. */
export let hookCount = 0;

/** addHook(type, fn) or addHook(type, name, fn), as Sequelize; `owner` is a model class or a Sequelize. */
export function addHook(
  owner: object,
  subject: string,
  global: boolean,
  type: unknown,
  nameOrFn: unknown,
  maybeFn?: unknown,
): void {
  const hookType = checkHookName(type, subject, global);
  const fn = typeof nameOrFn === 'function' ? nameOrFn : maybeFn;
  const name = typeof nameOrFn === 'string' ? nameOrFn : undefined;
  if (typeof fn !== 'function')
    throw new TypeError(`${subject}: the ${hookType} hook must be a function, got ${typeof fn}`);
  let registry = registries.get(owner);
  if (!registry) registries.set(owner, (registry = new Map()));
  const list = registry.get(hookType) ?? [];
  registry.set(hookType, [...list, { name, fn: fn as HookFunction }]);
  hookCount++;
}

/** removeHook(type, name or function): drops the matching hooks; resolves whether any was. */
export function removeHook(
  owner: object,
  subject: string,
  global: boolean,
  type: unknown,
  nameOrFn: unknown,
): boolean {
  const hookType = checkHookName(type, subject, global);
  const registry = registries.get(owner);
  const list = registry?.get(hookType);
  if (!registry || !list) return false;
  const kept = list.filter((e) => (typeof nameOrFn === 'function' ? e.fn !== nameOrFn : e.name !== nameOrFn));
  hookCount -= list.length - kept.length;
  registry.set(hookType, kept);
  return kept.length !== list.length;
}

/** The `hooks` option of init/define or new Sequelize: `{ beforeCreate: fn | fn[] }`. */
export function addHooksOption(owner: object, subject: string, global: boolean, hooks: unknown): void {
  if (hooks === undefined || hooks === null) return;
  if (typeof hooks !== 'object' || Array.isArray(hooks))
    throw new TypeError(`${subject}: hooks must be an object of hook functions by hook name`);
  for (const [type, value] of Object.entries(hooks as Record<string, unknown>))
    for (const fn of Array.isArray(value) ? value : [value]) addHook(owner, subject, global, type, fn);
}

export function ownHooks(owner: object, type: string): readonly Entry[] {
  return registries.get(owner)?.get(type) ?? [];
}

/** Whether `owner` itself has hooks of `type` (Model.hasHook, sequelize.hasHook). */
export function hasOwnHooks(owner: object, type: string): boolean {
  return ownHooks(owner, type).length > 0;
}

/** Whether hooks may run for this call: false at once when none is registered or `hooks: false`. */
export function hooksOn(options: { hooks?: boolean } | undefined): boolean {
  return hookCount > 0 && options?.hooks !== false;
}

/** `User.beforeCreate(fn)` and the other static forms of addHook, put on the model base class once. */
export function defineStaticHookForms(base: Function): void {
  for (const type of MODEL_HOOK_NAMES) {
    Object.defineProperty(base, type, {
      configurable: true,
      writable: true,
      value(this: Function, nameOrFn: unknown, fn?: unknown) {
        addHook(this, `${this.name}.${type}()`, false, type, nameOrFn, fn);
        return this;
      },
    });
  }
}
