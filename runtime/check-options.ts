/**
 * Every options object a public method takes is checked before anything runs: a key the
 * method implements passes; a Sequelize option it does not implement is refused unless it is
 * switched off; any other key is a typo, refused with the closest known name. Ignoring either
 * would change what the caller's code does (`findAll({ wher })` would return every row).
 */
import { closestMatch } from './did-you-mean.js';

export interface OptionKeys {
  /** The options the method implements. */
  readonly supported: ReadonlySet<string>;
  /** Sequelize's options it does not implement, each with the feature it asks for. */
  readonly unsupported: Readonly<Record<string, string>>;
}

export function optionKeys(
  supported: readonly string[],
  unsupported: Readonly<Record<string, string>> = {},
): OptionKeys {
  return { supported: new Set(supported), unsupported };
}

/** `false`, `null`, `undefined` and empty lists or objects mean "off": such an option asks for nothing. */
export function isOff(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === false ||
    (typeof value === 'object' && Object.keys(value as object).length === 0)
  );
}

/**
 * Throws for the first key of `options` the method does not implement. `subject` names the call,
 * as the message starts with it: `User.findAll()`.
 */
export function checkOptions(options: unknown, keys: OptionKeys, subject: string): void {
  if (options === undefined || options === null) return;
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`${subject}: options must be an object, got ${describeValue(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (keys.supported.has(key)) continue;
    const feature = Object.prototype.hasOwnProperty.call(keys.unsupported, key)
      ? keys.unsupported[key]
      : undefined;
    if (feature !== undefined) {
      if (isOff((options as Record<string, unknown>)[key])) continue;
      throw new Error(unsupportedMessage(subject, key, feature));
    }
    throw new TypeError(unknownMessage(subject, key, keys));
  }
}

export function unsupportedMessage(subject: string, key: string, feature: string): string {
  return (
    `${subject}: option "${key}" (${feature}) is not supported by the gen-models runtime, and ignoring it ` +
    'would change what the code does: remove it, or see docs/runtime.md for what is supported'
  );
}

function unknownMessage(subject: string, key: string, keys: OptionKeys): string {
  const known = [...keys.supported];
  const match = closestMatch(key, [...known, ...Object.keys(keys.unsupported)]);
  const hint = match === undefined ? '' : `; did you mean "${match}"?`;
  return `${subject}: unknown option "${key}"${hint} The options it takes: ${known.join(', ')}`;
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string'
    ? `the string ${JSON.stringify(value)}`
    : `${typeof value} ${String(value)}`;
}
