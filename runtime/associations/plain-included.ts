/** get({ plain: true }) and toJSON() of an instance with included associations: nested plain objects. */
import type { Row } from './association.js';

type Plain = { get(options: { plain: true }): unknown };

/** `values` with every loaded association (an instance, a list of them, or a through row) made plain. */
export function plainIncluded(instance: object, values: Row): Row {
  let out: Row | undefined;
  for (const name of Object.keys(values)) {
    const value = values[name];
    if (!isInstance(value) && !(Array.isArray(value) && value.some(isInstance))) continue;
    out ??= { ...values };
    out[name] = Array.isArray(value) ? value.map(plainOf) : plainOf(value);
  }
  return out ?? values;
}

function isInstance(value: unknown): value is Plain {
  return (
    value !== null &&
    typeof value === 'object' &&
    'dataValues' in value &&
    typeof (value as unknown as Plain).get === 'function'
  );
}

function plainOf(value: unknown): unknown {
  return isInstance(value) ? value.get({ plain: true }) : value;
}
