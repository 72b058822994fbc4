/** Where refusals: a TypeError naming the model, the attribute (or path) and the operator. */
import { didYouMean } from '../../did-you-mean.js';
import { OPERATOR_NAMES } from '../../operators.js';
import type { Target } from './target.js';

export function refuse(t: Target | string, operator: string | undefined, message: string): never {
  const where = typeof t === 'string' ? t : t.label;
  throw new TypeError(`where on ${where}${operator ? ` with Op.${operator}` : ''}: ${message}`);
}

/** A string key where an operator symbol belongs: `{ age: { gt: 1 } }` or `{ $gt: 1 }`. */
export function refuseStringKey(t: Target, key: string): never {
  const hint = didYouMean(key.replace(/^\$/, ''), OPERATOR_NAMES);
  refuse(
    t,
    undefined,
    `"${key}" is not an operator: operators are symbol keys ({ [Op.gt]: 1 }), and only JSON columns take nested keys${hint.replace(/did you mean (\w+)\?/, 'did you mean [Op.$1]?')}`,
  );
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value instanceof Date) return 'a Date';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}

export function isPlainObject(value: unknown): value is Record<string | symbol, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Own string and symbol keys, in that order. */
export function keysOf(value: object): (string | symbol)[] {
  return [...Object.keys(value), ...Object.getOwnPropertySymbols(value)];
}
