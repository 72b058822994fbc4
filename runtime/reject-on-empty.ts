/**
 * findOne/findByPk's `rejectOnEmpty` (Sequelize v6 findAll): true throws EmptyResultError, an
 * Error instance is thrown as given, an Error class is instantiated. Shared by the plain and the
 * hooked finder so both reject alike.
 */
import { EmptyResultError } from './errors.js';

/** Refuses, before any query, a value rejectEmpty would not know how to throw. */
export function checkRejectOnEmpty(rejectOnEmpty: unknown): void {
  if (rejectOnEmpty === undefined || typeof rejectOnEmpty === 'boolean') return;
  if (rejectOnEmpty instanceof Error || isErrorClass(rejectOnEmpty)) return;
  throw new TypeError(
    `rejectOnEmpty must be true, false or an Error (thrown when nothing is found), got ${describe(rejectOnEmpty)}`,
  );
}

/** Throws what `rejectOnEmpty` asks for (nothing for false/undefined). */
export function rejectEmpty(rejectOnEmpty: unknown): void {
  checkRejectOnEmpty(rejectOnEmpty);
  if (rejectOnEmpty === undefined || rejectOnEmpty === false) return;
  if (rejectOnEmpty === true) throw new EmptyResultError();
  if (rejectOnEmpty instanceof Error) throw rejectOnEmpty;
  throw new (rejectOnEmpty as new () => Error)();
}

function isErrorClass(value: unknown): boolean {
  return typeof value === 'function' && value.prototype instanceof Error;
}

function describe(value: unknown): string {
  return typeof value === 'string'
    ? JSON.stringify(value)
    : typeof value === 'function'
      ? 'a function'
      : String(value);
}
