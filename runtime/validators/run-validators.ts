/**
 * Runs custom and built-in attribute validators and the model's `validate` functions, as
 * Sequelize's InstanceValidator does: all of them, concurrently, every failure collected.
 */
import { ValidationErrorItem } from '../errors.js';
import type { AttributeValidators, CustomValidator } from './attribute-validators.js';
import { BUILTIN_VALIDATORS } from './builtin-validators.js';
import { loadValidator } from './validator-module.js';

export interface AttributeToCheck {
  readonly name: string;
  readonly allowNull: boolean;
  readonly validators: AttributeValidators;
}

/** A model-level validator: `this` is the instance. */
export type ModelValidator = (this: unknown, next?: (error?: unknown) => void) => unknown;

export async function runValidators(
  instance: unknown,
  values: Record<string, unknown>,
  attributes: readonly AttributeToCheck[],
  modelValidators: readonly (readonly [string, ModelValidator])[],
): Promise<ValidationErrorItem[]> {
  // One slot per validator, in declaration order: async validators settle in any order, the list does not.
  const slots: (ValidationErrorItem | undefined | Promise<ValidationErrorItem | undefined>)[] = [];
  const needsLibrary = attributes.some((a) => a.validators.specs.some((s) => s.kind === 'builtin'));
  const library = needsLibrary ? await loadValidator() : undefined;
  for (const attr of attributes) {
    const value = values[attr.name];
    const isNull = value === null || value === undefined;
    // A missing value of a not-null attribute already failed the notNull check: nothing more to say.
    if (isNull && !attr.allowNull) continue;
    for (const spec of attr.validators.specs) {
      if (spec.kind === 'custom') {
        slots.push(
          invoke(instance, spec.fn, value, 2).then(
            () => undefined,
            (error: unknown) => failure(instance, attr.name, value, error, spec.name),
          ),
        );
        continue;
      }
      // Built-in validators skip null (allowNull said it is fine); custom ones still run.
      if (isNull) continue;
      // validator.js fills an options object with its defaults: each call gets its own copy.
      const args = spec.args.map(copyOptions);
      if (!BUILTIN_VALIDATORS[spec.name]!(library!, String(value), args)) {
        slots.push(
          new ValidationErrorItem({
            message: spec.msg ?? `Validation ${spec.name} on ${attr.name} failed`,
            type: 'Validation error',
            origin: 'FUNCTION',
            path: attr.name,
            value,
            instance,
            validatorKey: spec.name,
            validatorName: spec.name,
            validatorArgs: args,
          }),
        );
      }
    }
  }
  for (const [name, fn] of modelValidators) {
    slots.push(
      invoke(instance, fn as CustomValidator, undefined, 1).then(
        () => undefined,
        (error: unknown) => failure(instance, name, undefined, error, name),
      ),
    );
  }
  const settled = await Promise.all(slots);
  return settled.filter((item): item is ValidationErrorItem => item !== undefined);
}

function copyOptions(arg: unknown): unknown {
  return arg !== null && typeof arg === 'object' && Object.getPrototypeOf(arg) === Object.prototype
    ? { ...arg }
    : arg;
}

/** Calls a validator; one that declares a callback parameter (`next`) is waited for through it, as Sequelize. */
function invoke(
  instance: unknown,
  fn: CustomValidator,
  value: unknown,
  callbackArity: number,
): Promise<void> {
  if (fn.length === callbackArity) {
    return new Promise((resolve, reject) => {
      const next = (error?: unknown) => (error ? reject(error) : resolve());
      if (callbackArity === 2) fn.call(instance, value, next);
      else (fn as (this: unknown, next: (error?: unknown) => void) => unknown).call(instance, next);
    });
  }
  return (async () => {
    await (callbackArity === 2
      ? fn.call(instance, value)
      : (fn as (this: unknown) => unknown).call(instance));
  })();
}

function failure(
  instance: unknown,
  path: string,
  value: unknown,
  error: unknown,
  key: string,
): ValidationErrorItem {
  const message =
    (error instanceof Error ? error.message : typeof error === 'string' ? error : '') || 'Validation error';
  return new ValidationErrorItem({
    message,
    type: 'Validation error',
    origin: 'FUNCTION',
    path,
    value,
    instance,
    validatorKey: key,
  });
}
