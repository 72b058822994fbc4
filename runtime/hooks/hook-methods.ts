/**
 * `User.beforeCreate(fn)` and the other static forms of addHook, one per hook name, put on the
 * model base class once (their types are declared on ReadableModel).
 */
import { MODEL_HOOK_NAMES } from './hook-names.js';
import { addHook } from './hook-registry.js';

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
