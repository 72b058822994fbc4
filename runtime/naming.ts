/**
 * Sequelize v6's naming rules, in one place for the runtime (Model.init) and the generator
 * (which writes the resolved names into the IR and the generated code).
 */
import { pluralize, underscore } from './inflection.js';

/** The table of a model without an explicit tableName: frozen, or pluralised (snake_cased when underscored). */
export function inferTableName(
  modelName: string,
  options: { freezeTableName?: boolean; underscored?: boolean },
): string {
  if (options.freezeTableName === true) return modelName;
  const plural = pluralize(modelName);
  return options.underscored === true ? underscore(plural) : plural;
}

/** The column of an attribute without `field`: snake_case when the model is underscored. */
export function inferColumnName(attributeName: string, underscored: boolean): string {
  return underscored ? underscore(attributeName) : attributeName;
}
