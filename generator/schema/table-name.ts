import * as inflection from 'inflection';

/**
 * The table Sequelize v6 gives a model (Model.init): an explicit tableName wins; otherwise the
 * model name when frozen, else its plural (inflection 1.13.4), snake_cased when underscored.
 */
export function inferTableName(modelName: string, options: { freezeTableName: boolean; underscored: boolean }): string {
  if (options.freezeTableName) return modelName;
  const plural = inflection.pluralize(modelName);
  return options.underscored ? inflection.underscore(plural) : plural;
}

/** The column of an attribute without `field`: snake_case when the model is underscored. */
export function inferColumnName(attributeName: string, underscored: boolean): string {
  return underscored ? inflection.underscore(attributeName) : attributeName;
}
