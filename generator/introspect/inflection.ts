/**
 * The one `inflection` (1.13.4, the version Sequelize v6 uses) function the introspector needs.
 * The package ships no types and @types/inflection is not a dependency, so it is required
 * through this small typed facade instead of an ambient `declare module`.
 */
interface Inflection {
  singularize(word: string): string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const inflection = require('inflection') as Inflection;

export const singularize = (word: string): string => inflection.singularize(word);
