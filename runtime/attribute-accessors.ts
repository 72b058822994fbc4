/**
 * Attribute `get()`/`set(value)` options, as Sequelize v6 runs them: `this` is the instance,
 * and inside them getDataValue/setDataValue reach the stored value. `get({ raw: true })` and
 * `set(k, v, { raw: true })` bypass them; rows read from the database are stored as they are.
 */
import type { ModelDefinition } from './model-definition.js';

export type AttributeGetter = (this: unknown) => unknown;
export type AttributeSetter = (this: unknown, value: unknown) => void;

export function checkAccessor(where: string, option: 'get' | 'set', fn: unknown): void {
  if (fn !== undefined && typeof fn !== 'function')
    throw new Error(`${where}: option "${option}" must be a function, got ${typeof fn}`);
}

/** Every attribute's value through its getter: what get() and toJSON() give when a getter exists. */
export function valuesThroughGetters(
  instance: { dataValues: unknown },
  def: ModelDefinition,
): Record<string, unknown> {
  const data = instance.dataValues as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  // Sequelize walks dataValues' keys (so values set on instances only are kept) plus getter-only attributes.
  for (const name of Object.keys(data)) out[name] = data[name];
  for (const attr of def.attributeList) if (attr.getter) out[attr.name] = attr.getter.call(instance);
  return out;
}
