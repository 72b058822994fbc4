/**
 * The naming rules of generated associations (docs/from-db.md, "Associations"), before
 * collisions are settled (name-registry.ts):
 *
 * - belongsTo is named from the foreign key attribute without its `Id` (or `code`) suffix
 *   (`authorId` → `author`, `author_id` → `author`, `personid` → `person`); an attribute without
 *   the suffix gets the target's name after it (`invitedBy` → `invitedByPerson`), or stays itself
 *   when it already ends with it.
 * - The inverse (hasMany plural, hasOne singular) is the source model's name (`posts`); when the
 *   source has several keys to the target, each inverse is prefixed with its belongsTo name
 *   (`authorPosts`, `editorPosts`), except the one named like the target (`userId` → `posts`).
 * - Self-references: a key named manager/supervisor/boss/reportsTo/reportTo is `manager` with the
 *   inverse `reports`; `parent` has `children`; any other is `<name><Plural>` (`replyToComments`).
 * - A plural whose singular is itself (uncountable: `Staff`, `Equipment`) gets `Records`
 *   (`staffRecords`), so the singular and plural accessors differ (`addStaffRecord`/`addStaffRecords`).
 */
import { pluralize, singularize } from '../../runtime/inflection.js';

const upperFirst = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
const lowerFirst = (word: string): string => word.charAt(0).toLowerCase() + word.slice(1);

/** `author_id` → `authorId`, `Author_ID` → `authorID`: an attribute name as camelCase. */
function camel(name: string): string {
  const parts = name.split('_').filter((part) => part !== '');
  return lowerFirst(parts.map((part, i) => (i === 0 ? part : upperFirst(part))).join(''));
}

/**
 * The attribute without its key suffix (`authorId`, `author_id`, `authorID`, `authorid` → `author`;
 * `country_code`, `currencycode` → `country`, `currency`), if it has one. It is a foreign key's
 * attribute, so a trailing `id` is its suffix whatever the case (AdventureWorks' `personid`).
 */
export function stemOf(attribute: string): string | undefined {
  const match = /^(.*[^_])_?(?:id|Id|ID|code|Code|CODE)$/.exec(attribute);
  if (match === null || match[1]!.length < 2) return undefined;
  return camel(match[1]!);
}

const MANAGER_WORDS = new Set(['manager', 'supervisor', 'boss', 'reportsTo', 'reportTo']);

/** The belongsTo name of a foreign key `attribute` to `target` (`self`: the key's own model). */
export function belongsToName(attribute: string, target: string, self: boolean): string {
  const stem = stemOf(attribute);
  const base = stem ?? camel(attribute);
  if (self && MANAGER_WORDS.has(base)) return 'manager';
  if (stem !== undefined) return stem;
  return base.toLowerCase().endsWith(target.toLowerCase()) ? base : `${base}${target}`;
}

/** The plural of a model's name as an alias: `Post` → `posts`; `Staff` → `staffRecords`. */
export function pluralAlias(prefix: string, model: string): string {
  const plural = pluralize(model);
  const alias = prefix === '' ? lowerFirst(plural) : `${prefix}${upperFirst(plural)}`;
  return singularize(alias) === alias ? `${alias}Records` : alias;
}

export function singularAlias(prefix: string, model: string): string {
  return prefix === '' ? lowerFirst(model) : `${prefix}${upperFirst(model)}`;
}

export interface InverseInput {
  /** The model holding the key, and its target. */
  readonly source: string;
  readonly target: string;
  /** The belongsTo name the rules gave the key (before collisions). */
  readonly belongsTo: string;
  /** How many keys the source has to the target. */
  readonly keysToTarget: number;
  readonly unique: boolean;
}

/** The inverse's name: hasOne (`unique`) singular, hasMany plural. */
export function inverseName(input: InverseInput): string {
  const { source, target, belongsTo, keysToTarget, unique } = input;
  const name = (prefix: string) => (unique ? singularAlias(prefix, source) : pluralAlias(prefix, source));
  if (source === target) {
    if (belongsTo === 'manager') return unique ? 'report' : 'reports';
    if (belongsTo === 'parent') return unique ? 'child' : 'children';
    return name(belongsTo);
  }
  if (keysToTarget === 1 || belongsTo === lowerFirst(target)) return name('');
  return name(belongsTo);
}

/**
 * A belongsToMany's name: the plural of the other model; for a junction between a model and
 * itself, the plural of the other key's name (`followerId`/`followeeId` → `followers`/`followees`).
 */
export function belongsToManyName(target: string, otherKey: string, self: boolean): string {
  if (!self) return pluralAlias('', target);
  const stem = stemOf(otherKey) ?? camel(otherKey);
  const plural = pluralize(stem);
  return singularize(plural) === plural ? `${plural}Records` : plural;
}

/**
 * The next candidate when a name is taken: `related` before it (`relatedAuthor`, `relatedPosts`,
 * so that a plural still ends with its noun), then numbered (`related2Posts`).
 */
export function alternativeName(name: string, attempt: number): string {
  return `related${attempt === 1 ? '' : attempt}${upperFirst(name)}`;
}
