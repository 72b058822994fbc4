/**
 * An attribute's `validate` option, checked once at init: each built-in validator's name is
 * known (or refused with a did-you-mean), its arguments are resolved as Sequelize resolves them,
 * and custom validator functions are kept as they are.
 */
import { didYouMean } from '../did-you-mean.js';
import { BUILTIN_VALIDATOR_NAMES, BUILTIN_VALIDATORS } from './builtin-validators.js';

/** A custom validator: `this` is the instance; throw (or reject) to fail. */
export type CustomValidator = (this: unknown, value: unknown, next?: (error?: unknown) => void) => unknown;

export interface BuiltinSpec {
  readonly kind: 'builtin';
  readonly name: string;
  readonly args: readonly unknown[];
  readonly msg: string | undefined;
}

export interface CustomSpec {
  readonly kind: 'custom';
  readonly name: string;
  readonly fn: CustomValidator;
}

export type ValidatorSpec = BuiltinSpec | CustomSpec;

export interface AttributeValidators {
  readonly specs: readonly ValidatorSpec[];
  /** `validate.notNull.msg`: replaces the `<Model>.<attr> cannot be null` message. */
  readonly notNullMessage: string | undefined;
}

/** validator.js expects an options object here (Sequelize's backwards-compatibility step). */
const OPTIONS_OBJECT = new Set(['isUrl', 'isURL', 'isEmail']);
/** A single non-array, non-string argument is dropped for these, as Sequelize does. */
const LOCALIZED = new Set(['isAlpha', 'isAlphanumeric']);

export function compileAttributeValidators(
  where: string,
  validate: unknown,
  allowNull: boolean,
): AttributeValidators | undefined {
  if (validate === undefined) return undefined;
  if (validate === null || typeof validate !== 'object' || Array.isArray(validate))
    throw new Error(`${where}: validate must be an object of validators, got ${typeof validate}`);
  const specs: ValidatorSpec[] = [];
  let notNullMessage: string | undefined;
  for (const [name, test] of Object.entries(validate as Record<string, unknown>)) {
    if (typeof test === 'function') {
      specs.push({ kind: 'custom', name, fn: test as CustomValidator });
      continue;
    }
    if (!(name in BUILTIN_VALIDATORS)) {
      throw new Error(
        `${where}: unknown validator "${name}"${didYouMean(name, BUILTIN_VALIDATOR_NAMES)} (a custom validator is a function)`,
      );
    }
    if (test === false || test === undefined || test === null)
      throw new Error(
        `${where}: validator "${name}" is ${String(test)}; Sequelize would still run it, so remove the key to turn it off`,
      );
    if (name === 'notNull') {
      if (allowNull) throw new Error(`${where}: "notNull" validator is only allowed with "allowNull:false"`);
      notNullMessage = messageOf(test);
      continue;
    }
    specs.push({ kind: 'builtin', name, args: validatorArgs(name, test), msg: messageOf(test) });
  }
  return { specs, notNullMessage };
}

function isArgsObject(test: unknown): test is { args?: unknown; msg?: string } {
  return test !== null && typeof test === 'object' && !Array.isArray(test) && !(test instanceof RegExp);
}

function messageOf(test: unknown): string | undefined {
  return isArgsObject(test) && typeof test.msg === 'string' ? test.msg : undefined;
}

/** Sequelize's `_extractValidatorArgs`: `args` (or the value itself) as the argument list. */
function validatorArgs(name: string, test: unknown): readonly unknown[] {
  let spec = test;
  if (OPTIONS_OBJECT.has(name)) {
    if (isArgsObject(spec) && spec.msg) spec = { msg: spec.msg };
    else if (spec === true) spec = {};
  }
  const args = isArgsObject(spec) && 'args' in spec ? spec.args : spec;
  if (Array.isArray(args)) return args.slice();
  if ((LOCALIZED.has(name) && typeof args !== 'string') || name === 'isIP') return [];
  return [args];
}
