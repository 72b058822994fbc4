/**
 * Names of the classes and properties made from table and column names.
 *
 * Class names: singular PascalCase of the table name (`film_actor` → `FilmActor`, `categories`
 * → `Category`, `"zip code"` words are joined). A name that is a JS/TS global or runtime name the
 * generated code uses (`Date`, `Buffer`, `Model`, ...) or a file name the output reserves (`Index`,
 * `Runtime`) gets the suffix `Model` (`DateModel`). When relations of several schemas get the same name
 * (case-insensitively), each one outside `public` is prefixed with its schema in PascalCase
 * (`person.address` → `PersonAddress`, `public.address` stays `Address`); a clash left after
 * that (`user` and `users` in one schema) is numbered in (schema, table) order: `User`, `User2`.
 *
 * Property names: camelCase of the column name (`film_id` → `filmId`, `"zip code"` → `zipCode`,
 * `CustomerID` → `customerID`), or the column name as it is with `keepNames` when it is a valid
 * identifier. A name that is a reserved word (`class`) or a member every model instance has
 * (`save`, `update`, `dataValues`: runtime/model-members.ts) is prefixed with the model name in
 * camelCase (`production.product.class` → `productClass`); a name starting with a digit gets a
 * leading `_`; two columns that end up with the same name are numbered in column order
 * (`firstName`, `firstName2`). The column itself is always kept in `field`.
 *
 * The configuration's `naming` (NamingRules) changes the case of both (`pascal`, `camel`,
 * `snake`, or `keep`: the database name as it is when it is a valid identifier) and whether class
 * names are singular; the rules above (reserved names, clashes) hold in every case.
 */
import { singularize } from '../../runtime/inflection.js';
import { MODEL_MEMBER_NAMES } from '../../runtime/model-members.js';
import {
  isIdentifier as isSchemaIdentifier,
  RESERVED_WORDS,
  TAKEN_CLASS_NAMES,
  TAKEN_FILE_NAMES,
} from '../identifiers.js';

/** How names are cased: the configuration's `naming.models` and `naming.attributes`. */
export type NameCase = 'pascal' | 'camel' | 'snake' | 'keep';

/** How --from-db names models and attributes (defaults: pascal, camel, singular). */
export interface NamingRules {
  readonly models?: NameCase;
  readonly attributes?: NameCase;
  readonly singular?: boolean;
}

/** Words of a database name: runs of letters and digits; everything else separates. */
export function words(name: string): string[] {
  return name.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

const upperFirst = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

/** `CustomerID` → `customerID`, `ID` → `id`, `HTMLBody` → `htmlBody`. */
function lowerFirstWord(w: string): string {
  const capitals = /^\p{Lu}+(?=\p{Lu}\p{Ll})|^\p{Lu}+$/u.exec(w)?.[0];
  if (capitals && capitals.length > 1) return capitals.toLowerCase() + w.slice(capitals.length);
  return w.charAt(0).toLowerCase() + w.slice(1);
}

const MODEL_MEMBERS: ReadonlySet<string> = new Set(MODEL_MEMBER_NAMES);

/**
 * Class names a model must not take: the YAML loader's own list (the names the generated files
 * import or refer to, and the output's file names), so `--schema-out` output always loads.
 */
export const RESERVED_CLASS_NAMES: ReadonlySet<string> = new Set(
  [...TAKEN_CLASS_NAMES, ...TAKEN_FILE_NAMES].map((n) => n.toLowerCase()),
);

export const isIdentifier = (name: string): boolean => isSchemaIdentifier(name);

/** `UserAccount` → `user`, `account`; `CustomerID` → `customer`, `id` (for snake_case). */
function lowerWords(name: string): string[] {
  return words(name).flatMap((word) =>
    word.split(/(?<=[\p{Ll}\p{N}])(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/u).map((part) => part.toLowerCase()),
  );
}

/** A database name (or words joined) in a case; `keep` is the name itself when it is an identifier, else camel. */
export function caseName(name: string, nameCase: NameCase): string {
  switch (nameCase) {
    case 'keep':
      return isIdentifier(name) ? name : camelCase(name);
    case 'snake':
      return lowerWords(name).join('_');
    case 'pascal':
      return words(name).map(upperFirst).join('');
    case 'camel':
      return camelCase(name);
  }
}

/** The class name of a table before disambiguation. */
export function baseClassName(table: string, rules: NamingRules = {}): string {
  const nameCase = rules.models ?? 'pascal';
  const parts = words(table);
  if (parts.length === 0) return 'Table';
  if (nameCase !== 'keep' && rules.singular !== false) {
    const last = parts[parts.length - 1];
    // Singularizing turns a lone `s` into nothing: keep such a word as it is.
    parts[parts.length - 1] = singularize(last) || last;
  }
  let name = nameCase === 'keep' ? caseName(table, 'keep') : caseName(parts.join(' '), nameCase);
  if (/^\p{N}/u.test(name))
    name = `${nameCase === 'snake' ? 'table_' : nameCase === 'pascal' ? 'Table' : 'table'}${name}`;
  return RESERVED_CLASS_NAMES.has(name.toLowerCase())
    ? `${name}${nameCase === 'snake' ? '_model' : 'Model'}`
    : name;
}

export interface RelationName {
  readonly schema: string;
  readonly table: string;
}

/**
 * Class names for relations, in the order given: unique case-insensitively, never reserved.
 * Deterministic: depends only on the set of (schema, table) pairs.
 */
export function classNames(relations: readonly RelationName[], rules: NamingRules = {}): string[] {
  const nameCase = rules.models ?? 'pascal';
  const base = relations.map((r) => baseClassName(r.table, rules));
  const count = new Map<string, number>();
  for (const name of base) count.set(name.toLowerCase(), (count.get(name.toLowerCase()) ?? 0) + 1);
  const prefixed = relations.map((r, i) =>
    (count.get(base[i].toLowerCase()) ?? 0) > 1 && r.schema !== 'public'
      ? withSchemaPrefix(r.schema, base[i], nameCase)
      : base[i],
  );
  const order = relations
    .map((r, i) => i)
    .sort(
      (a, b) =>
        compare(relations[a].schema, relations[b].schema) || compare(relations[a].table, relations[b].table),
    );
  const taken = new Set<string>();
  const result: string[] = new Array<string>(relations.length);
  for (const i of order) {
    let name = prefixed[i];
    for (let n = 2; taken.has(name.toLowerCase()) || RESERVED_CLASS_NAMES.has(name.toLowerCase()); n++) {
      name = `${prefixed[i]}${n}`;
    }
    taken.add(name.toLowerCase());
    result[i] = name;
  }
  return avoidGeneratedTypeNames(result, taken);
}

/** Each model file also exports `<Name>Attributes` and `<Name>CreationAttributes`. */
const GENERATED_TYPE_SUFFIXES = ['CreationAttributes', 'Attributes'];

/** `UserAttributes` next to a model `User` would clash with User's own type: it becomes `UserAttributesModel`. */
export function avoidGeneratedTypeNames(
  names: string[],
  taken: Set<string> = new Set(names.map((n) => n.toLowerCase())),
): string[] {
  const all = new Set(names);
  return names.map((name) => {
    const clash = GENERATED_TYPE_SUFFIXES.some(
      (suffix) => name.endsWith(suffix) && all.has(name.slice(0, -suffix.length)),
    );
    if (!clash) return name;
    let renamed = `${name}Model`;
    for (let n = 2; taken.has(renamed.toLowerCase()); n++) renamed = `${name}Model${n}`;
    taken.add(renamed.toLowerCase());
    return renamed;
  });
}

/** `person` before `address`: `PersonAddress`, `person_address`, `personAddress`. */
function withSchemaPrefix(schema: string, name: string, nameCase: NameCase): string {
  if (nameCase === 'snake') return `${caseName(schema, 'snake')}_${name}`;
  const pascal = caseName(schema, 'pascal');
  return nameCase === 'camel' || (nameCase === 'keep' && !/^\p{Lu}/u.test(name))
    ? `${caseName(schema, 'camel')}${upperFirst(name)}`
    : `${pascal}${upperFirst(name)}`;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** camelCase of a column name; `_` when nothing is left. */
export function camelCase(column: string): string {
  const parts = words(column);
  if (parts.length === 0) return '_';
  return parts.map((w, i) => (i === 0 ? lowerFirstWord(w) : upperFirst(w))).join('');
}

function prefixed(modelName: string, name: string, nameCase: NameCase): string {
  if (nameCase === 'snake') return `${caseName(modelName, 'snake')}_${name}`;
  if (nameCase === 'pascal') return upperFirst(modelName) + upperFirst(name);
  return lowerFirstWord(modelName) + upperFirst(name);
}

/** True when a property of this name would be a reserved word or shadow a Model member. */
export const isUnsafePropertyName = (name: string): boolean =>
  RESERVED_WORDS.has(name) || MODEL_MEMBERS.has(name);

/**
 * Property names for a model's columns, in column order. `modelName` is the class name; it
 * prefixes unsafe names (`class` → `productClass`, `product_class` in snake case).
 */
export function attributeNames(
  columns: readonly string[],
  modelName: string,
  nameCase: NameCase = 'camel',
): string[] {
  const taken = new Set<string>();
  return columns.map((column) => {
    let name = caseName(column, nameCase);
    if (name === '') name = '_';
    if (/^\p{N}/u.test(name)) name = `_${name}`;
    if (isUnsafePropertyName(name)) name = prefixed(modelName, name, nameCase);
    let unique = name;
    for (let n = 2; taken.has(unique) || isUnsafePropertyName(unique); n++) unique = `${name}${n}`;
    taken.add(unique);
    return unique;
  });
}
