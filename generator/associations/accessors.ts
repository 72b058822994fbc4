/**
 * The instance methods Sequelize v6 adds for an association, named from its alias as Sequelize
 * names them (`as` is the singular of a single association and the plural of a multiple one; the
 * singular of a plural alias is its inflection-singular), each with its mixin type's name.
 */
import { singularize } from '../../runtime/inflection.js';
import type { AssociationKind } from '../ir.js';

export interface Accessor {
  readonly name: string;
  /** The runtime's mixin type, e.g. `HasManyAddAssociationMixin`. */
  readonly mixin: string;
  /** What the mixin's type parameters are: the target, its primary key type, the foreign key name. */
  readonly parameters: 'target' | 'target-pk' | 'target-fk' | 'none';
  /** True when the accessor writes rows: left out for read-only models. */
  readonly writes: boolean;
}

const upperFirst = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

type Form = 'singular' | 'plural';
type Spec = readonly [
  verb: string,
  form: Form,
  mixin: string,
  parameters: Accessor['parameters'],
  writes: boolean,
];

const SINGLE: readonly Spec[] = [
  ['get', 'singular', 'GetAssociationMixin', 'target', false],
  ['set', 'singular', 'SetAssociationMixin', 'target-pk', true],
  ['create', 'singular', 'CreateAssociationMixin', 'target', true],
];

const MULTIPLE: readonly Spec[] = [
  ['get', 'plural', 'GetAssociationsMixin', 'target', false],
  ['set', 'plural', 'SetAssociationsMixin', 'target-pk', true],
  ['add', 'plural', 'AddAssociationsMixin', 'target-pk', true],
  ['add', 'singular', 'AddAssociationMixin', 'target-pk', true],
  ['create', 'singular', 'CreateAssociationMixin', 'target-fk', true],
  ['remove', 'singular', 'RemoveAssociationMixin', 'target-pk', true],
  ['remove', 'plural', 'RemoveAssociationsMixin', 'target-pk', true],
  ['has', 'singular', 'HasAssociationMixin', 'target-pk', false],
  ['has', 'plural', 'HasAssociationsMixin', 'target-pk', false],
  ['count', 'plural', 'CountAssociationsMixin', 'none', false],
];

const PREFIX: Readonly<Record<AssociationKind, string>> = {
  belongsTo: 'BelongsTo',
  hasOne: 'HasOne',
  hasMany: 'HasMany',
  belongsToMany: 'BelongsToMany',
};

export function isMultiple(kind: AssociationKind): boolean {
  return kind === 'hasMany' || kind === 'belongsToMany';
}

export function accessorsOf(kind: AssociationKind, as: string): Accessor[] {
  const forms: Record<Form, string> = { plural: as, singular: isMultiple(kind) ? singularize(as) : as };
  return (isMultiple(kind) ? MULTIPLE : SINGLE).map(([verb, form, mixin, parameters, writes]) => ({
    name: `${verb}${upperFirst(forms[form])}`,
    // belongsToMany's create takes no foreign key parameter (the row is linked through the junction).
    mixin: `${PREFIX[kind]}${mixin}`,
    parameters: kind === 'belongsToMany' && parameters === 'target-fk' ? 'target' : parameters,
    writes,
  }));
}

/** The alias and every accessor name: what an association adds to its source's instances. */
export function memberNamesOf(kind: AssociationKind, as: string): string[] {
  // Asked several times per alias (free? take it): inflecting once is enough.
  const key = `${kind}\0${as}`;
  let names = memberNames.get(key);
  if (names === undefined) {
    names = [as, ...accessorsOf(kind, as).map((accessor) => accessor.name)];
    if (memberNames.size >= 50_000) memberNames.clear(); // --watch runs on: stay bounded
    memberNames.set(key, names);
  }
  return [...names];
}

const memberNames = new Map<string, readonly string[]>();
