/**
 * Sequelize v6's built-in attribute validators (its validator-extras.js over validator.js), by
 * name. Each receives the value as a string (Sequelize's `String(value)`) and the arguments
 * Sequelize passes (see attribute-validators.ts `validatorArgs`).
 */
import type { ValidatorModule } from './validator-module.js';

type Check = (v: ValidatorModule, text: string, args: readonly unknown[]) => boolean;

/** Sequelize's `regex(str, pattern, modifiers)`: a RegExp as it is, else `new RegExp(pattern, modifiers)`. */
function matches(text: string, args: readonly unknown[]): boolean {
  const [pattern, flags] = args;
  const regex =
    pattern instanceof RegExp ? pattern : new RegExp(String(pattern), flags as string | undefined);
  return text.match(regex) !== null;
}

/** Validator.js's own checks, called with Sequelize's arguments. */
function plain(name: keyof ValidatorModule): Check {
  return (v, text, args) => Boolean(v[name](text, ...args));
}

function contains(text: string, args: readonly unknown[]): boolean {
  const element = args[0];
  return !!element && text.includes(String(element));
}

export const BUILTIN_VALIDATORS: Readonly<Record<string, Check>> = {
  is: (_v, text, args) => matches(text, args),
  not: (_v, text, args) => !matches(text, args),
  isEmail: plain('isEmail'),
  isUrl: (v, text, args) => Boolean(v.isURL(text, ...args)),
  isURL: plain('isURL'),
  isIP: plain('isIP'),
  isIPv4: (v, text) => Boolean(v.isIP(text, 4)),
  isIPv6: (v, text) => Boolean(v.isIP(text, 6)),
  isAlpha: plain('isAlpha'),
  isAlphanumeric: plain('isAlphanumeric'),
  isNumeric: plain('isNumeric'),
  isInt: plain('isInt'),
  isFloat: plain('isFloat'),
  // Sequelize's own isDecimal (not validator.js's): digits, an optional fraction and exponent.
  isDecimal: (_v, text) =>
    text !== '' && /^(?:-?(?:[0-9]+))?(?:\.[0-9]*)?(?:[eE][+-]?(?:[0-9]+))?$/.test(text),
  isLowercase: plain('isLowercase'),
  isUppercase: plain('isUppercase'),
  // Built-ins never see null (they are skipped for it): notNull passes, isNull tests emptiness, as Sequelize.
  notNull: () => true,
  isNull: plain('isEmpty'),
  notEmpty: (_v, text) => !/^[\s\t\r\n]*$/.test(text),
  equals: plain('equals'),
  contains: (_v, text, args) => contains(text, args),
  notContains: (_v, text, args) => !contains(text, args),
  isIn: plain('isIn'),
  notIn: (v, text, args) => !v.isIn(text, ...args),
  len: (v, text, args) => Boolean(v.isLength(text, ...args)),
  isUUID: plain('isUUID'),
  // Sequelize's isDate: whatever Date.parse accepts.
  isDate: (_v, text) => !Number.isNaN(Date.parse(text)),
  isAfter: plain('isAfter'),
  isBefore: plain('isBefore'),
  // Sequelize's min/max: a value that is not a number passes (use isNumeric/isInt for that).
  max: (_v, text, args) => {
    const n = parseFloat(text);
    return Number.isNaN(n) || n <= Number(args[0]);
  },
  min: (_v, text, args) => {
    const n = parseFloat(text);
    return Number.isNaN(n) || n >= Number(args[0]);
  },
  isCreditCard: plain('isCreditCard'),
};

export const BUILTIN_VALIDATOR_NAMES = Object.keys(BUILTIN_VALIDATORS);
