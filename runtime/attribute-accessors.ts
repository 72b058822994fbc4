/**
 * Attribute `get()`/`set(value)` options, as Sequelize v6 runs them: `this` is the instance,
 * and inside them getDataValue/setDataValue reach the stored value. `get({ raw: true })` and
 * `set(k, v, { raw: true })` bypass them; rows read from the database are stored as they are.
 */
import type { AttributeDefinition, ModelDefinition } from './model-definition.js';

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
  // As Sequelize: a row read with `attributes` runs only the getters of the attributes it selected.
  const selected = (instance as { _options?: { attributes?: readonly string[] } })._options?.attributes;
  // Sequelize walks dataValues' keys (so values set on instances only are kept) plus getter-only attributes.
  for (const name of Object.keys(data)) out[name] = data[name];
  for (const attr of def.attributeList)
    if (attr.getter && (!selected || selected.includes(attr.name)))
      out[attr.name] = attr.getter.call(instance);
  for (const name in def.virtuals) {
    const getter = def.virtuals[name]!.getter;
    if (getter && (!selected || selected.includes(name))) out[name] = getter.call(instance);
  }
  return out;
}

/** The attribute named `name`, a VIRTUAL one included. */
export function accessorAttribute(def: ModelDefinition, name: string): AttributeDefinition | undefined {
  return def.attributes[name] ?? def.virtuals[name];
}

/**
 * set() on a VIRTUAL attribute: its setter, or (without one, or raw) the value kept in
 * dataValues as Sequelize keeps it. It is not marked changed: there is no column to save.
 */
export function setVirtual(
  instance: { dataValues: unknown },
  attr: AttributeDefinition,
  value: unknown,
  raw: boolean,
): void {
  if (attr.setter && !raw) attr.setter.call(instance, value);
  else (instance.dataValues as Record<string, unknown>)[attr.name] = value;
}
