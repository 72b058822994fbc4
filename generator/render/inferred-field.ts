import { underscore } from '../../runtime/inflection.js';

/**
 * The column name the runtime infers for an attribute when `init` is given no `field`
 * (Sequelize's rule: `underscored ? underscore(name) : name`). The generator writes `field`
 * only when the real column differs, so the output reads like hand-written models.
 */
export function inferredField(attributeName: string, underscored: boolean): string {
  return underscored ? underscore(attributeName) : attributeName;
}
