/** Sequelize's accessor names: `getPosts`, `addPost`, ... from the plural and singular of `as`. */
import { singularize } from '../inflection.js';
import type { AssociationAlias } from './association-options.js';

export interface AliasNames {
  singular: string;
  plural: string;
}

/** A string `as` is the plural, singularised by inflection (as Sequelize); an object gives both. */
export function aliasNames(as: AssociationAlias): AliasNames {
  if (typeof as === 'string') return { singular: singularize(as), plural: as };
  return { singular: as.singular, plural: as.plural };
}

const upperFirst = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** belongsTo/hasOne: get/set/create + the name as given (no singularising, as Sequelize). */
export function singleAccessors(name: string): Record<'get' | 'set' | 'create', string> {
  const x = upperFirst(name);
  return { get: `get${x}`, set: `set${x}`, create: `create${x}` };
}

export type MultipleAccessor =
  | 'get'
  | 'set'
  | 'addMultiple'
  | 'add'
  | 'create'
  | 'remove'
  | 'removeMultiple'
  | 'hasSingle'
  | 'hasAll'
  | 'count';

/** hasMany/belongsToMany: the keys are Sequelize's own (`association.accessors.addMultiple`). */
export function multipleAccessors(names: AliasNames): Record<MultipleAccessor, string> {
  const plural = upperFirst(names.plural);
  const singular = upperFirst(names.singular);
  return {
    get: `get${plural}`,
    set: `set${plural}`,
    addMultiple: `add${plural}`,
    add: `add${singular}`,
    create: `create${singular}`,
    remove: `remove${singular}`,
    removeMultiple: `remove${plural}`,
    hasSingle: `has${singular}`,
    hasAll: `has${plural}`,
    count: `count${plural}`,
  };
}

/** Sequelize's Utils.camelize: `author_id` → `authorId`, `User_id` → `UserId`. */
export function camelize(text: string): string {
  return text.trim().replace(/[-_\s]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''));
}
