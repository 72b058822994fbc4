/**
 * Foreign keys (and the YAML's declared associations) → each model's associations, as a pure
 * function: the same models and keys give the same associations, whatever their order. Both
 * front ends call it (introspect/ for --from-db, schema/ for YAML), so the rules are one.
 *
 * Each usable key is a belongsTo on its model and a hasMany on the target (hasOne when the key is
 * unique); a junction model (junction.ts) adds belongsToMany both ways. Names follow
 * association-names.ts; name-registry.ts settles collisions in a fixed order (declared aliases
 * first, then belongsTo, hasOne/hasMany, belongsToMany, each by target and key).
 */
import type { AssociationIR, AssociationKind, ModelIR } from '../ir.js';
import {
  belongsToManyName,
  belongsToName,
  inverseName,
  pluralAlias,
  singularAlias,
} from './association-names.js';
import type { ForeignKeyFact } from './foreign-keys.js';
import { junctionOf } from './junction.js';
import { NameRegistry } from './name-registry.js';

/** An association a schema declares (YAML `associations:`); `as` absent: named by the rules. */
export interface DeclaredAssociation {
  /** The source model. */
  readonly model: string;
  readonly association: Omit<AssociationIR, 'as' | 'origin'> & { readonly as?: string };
  /** Handed back with a problem about it, so the front end can point at it. */
  readonly id: number;
}

export type ReportProblem = (id: number, message: string) => void;

/** A candidate before its name is settled: `name` is what the rules want. */
interface Candidate {
  readonly association: Omit<AssociationIR, 'as'>;
  readonly name: string;
  /** An alias the schema gave explicitly: kept as it is (a clash is the schema's error). */
  readonly explicit?: { readonly id: number };
}

const KIND_ORDER: readonly AssociationKind[] = ['belongsTo', 'hasOne', 'hasMany', 'belongsToMany'];

export function deriveAssociations(
  models: readonly ModelIR[],
  keys: readonly ForeignKeyFact[],
  declared: readonly DeclaredAssociation[] = [],
  report: ReportProblem = () => undefined,
): ModelIR[] {
  const byName = new Map(models.map((model) => [model.name, model]));
  const candidates = new Map<string, Candidate[]>(models.map((model) => [model.name, []]));
  const notes = new Map<string, string[]>();
  const add = (model: string, candidate: Candidate) => candidates.get(model)?.push(candidate);
  const usable = keys.flatMap((key) => {
    const resolved = resolveKey(key, byName);
    if (typeof resolved === 'string') notes.set(key.model, [...(notes.get(key.model) ?? []), resolved]);
    return typeof resolved === 'string' ? [] : [resolved];
  });
  for (const key of usable) {
    const keysToTarget = usable.filter((k) => k.model === key.model && k.target === key.target).length;
    for (const [model, candidate] of keyCandidates(key, keysToTarget)) add(model, candidate);
  }
  for (const model of models) {
    const junction = junctionOf(
      model,
      keys.filter((key) => key.model === model.name),
    );
    if (junction)
      for (const [source, candidate] of junctionCandidates(junction.keys, byName)) add(source, candidate);
  }
  for (const entry of declared) applyDeclared(entry, candidates, byName);
  return models.map((model) => {
    const associations = settleNames(model, candidates.get(model.name) ?? [], report);
    const modelNotes = notes.get(model.name) ?? [];
    return {
      ...model,
      ...(associations.length > 0 && { associations }),
      ...(modelNotes.length > 0 && { associationNotes: modelNotes }),
    };
  });
}

/** A key that can be an association, reduced to one attribute on each side. */
interface UsableKey {
  readonly model: string;
  readonly attribute: string;
  readonly target: string;
  readonly targetAttribute: string;
  /** The target attribute is the target's only primary key: no targetKey/sourceKey option needed. */
  readonly toPrimaryKey: boolean;
  /** The key's attribute is unique on its model: the inverse is hasOne. */
  readonly unique: boolean;
}

/** The key as one attribute pair, or the reason it is no association (a JSDoc line). */
function resolveKey(key: ForeignKeyFact, byName: ReadonlyMap<string, ModelIR>): UsableKey | string {
  const columns = key.attributes.join(', ');
  const source = byName.get(key.model)!;
  const target = key.target === undefined ? undefined : byName.get(key.target);
  if (target === undefined) {
    return `The foreign key (${columns}) references table ${key.targetTable}, which is not generated: no association.`;
  }
  const soleKey = (model: ModelIR, attribute: string) => {
    const found = model.attributes.find((a) => a.name === attribute);
    const primary = model.attributes.filter((a) => a.primaryKey);
    return (primary.length === 1 && primary[0]!.name === attribute) || found?.unique === true;
  };
  // A composite key whose columns include one that alone is a key of the target joins exactly as
  // that column does: the association uses it. Otherwise Sequelize (one column a join) cannot.
  const index = key.targetAttributes.findIndex((a) => soleKey(target, a));
  if (index < 0 && key.attributes.length === 1) {
    // Only from YAML (the database refuses such a key): one column of a composite key, say.
    return `The foreign key (${columns}) → ${target.name} (${key.targetAttributes.join(', ')}) is no association: that is not a key of ${target.name} by itself.`;
  }
  if (index < 0) {
    return (
      `The composite foreign key (${columns}) → ${target.name} (${key.targetAttributes.join(', ')}) is no association: ` +
      'Sequelize joins an association on one column, and none of these is a key of its own.'
    );
  }
  const attribute = key.attributes[index]!;
  const targetAttribute = key.targetAttributes[index]!;
  const targetPrimary = target.attributes.filter((a) => a.primaryKey);
  return {
    model: key.model,
    attribute,
    target: target.name,
    targetAttribute,
    toPrimaryKey: targetPrimary.length === 1 && targetPrimary[0]!.name === targetAttribute,
    unique: key.attributes.length === 1 && soleKey(source, attribute),
  };
}

function keyCandidates(key: UsableKey, keysToTarget: number): [string, Candidate][] {
  const self = key.model === key.target;
  const name = belongsToName(key.attribute, key.target, self);
  const referenced = key.toPrimaryKey ? undefined : key.targetAttribute;
  const belongsTo: Candidate = {
    name,
    association: {
      kind: 'belongsTo',
      target: key.target,
      foreignKey: key.attribute,
      ...(referenced !== undefined && { targetKey: referenced }),
      constraints: false,
      origin: 'foreignKey',
    },
  };
  const inverse: Candidate = {
    name: inverseName({
      source: key.model,
      target: key.target,
      belongsTo: name,
      keysToTarget,
      unique: key.unique,
    }),
    association: {
      kind: key.unique ? 'hasOne' : 'hasMany',
      target: key.model,
      foreignKey: key.attribute,
      ...(referenced !== undefined && { sourceKey: referenced }),
      constraints: false,
      origin: 'foreignKey',
    },
  };
  return [
    [key.model, belongsTo],
    [key.target, inverse],
  ];
}

function junctionCandidates(
  keys: readonly [ForeignKeyFact, ForeignKeyFact],
  byName: ReadonlyMap<string, ModelIR>,
): [string, Candidate][] {
  const side = (from: ForeignKeyFact, to: ForeignKeyFact): [string, Candidate] => {
    const source = from.target!;
    const target = to.target!;
    const primaryOf = (model: string) => byName.get(model)!.attributes.filter((a) => a.primaryKey);
    const isPrimary = (model: string, attribute: string) =>
      primaryOf(model).length === 1 && primaryOf(model)[0]!.name === attribute;
    const sourceKey = from.targetAttributes[0]!;
    const targetKey = to.targetAttributes[0]!;
    return [
      source,
      {
        name: belongsToManyName(target, to.attributes[0]!, source === target),
        association: {
          kind: 'belongsToMany',
          target,
          through: from.model,
          foreignKey: from.attributes[0]!,
          otherKey: to.attributes[0]!,
          ...(!isPrimary(source, sourceKey) && { sourceKey }),
          ...(!isPrimary(target, targetKey) && { targetKey }),
          constraints: false,
          origin: 'junction',
        },
      },
    ];
  };
  return [side(keys[0], keys[1]), side(keys[1], keys[0])];
}

/** A declared association replaces the derived one of the same kind, target, key and through. */
function applyDeclared(
  entry: DeclaredAssociation,
  candidates: Map<string, Candidate[]>,
  byName: ReadonlyMap<string, ModelIR>,
): void {
  const list = candidates.get(entry.model);
  if (list === undefined) return;
  const { as, ...declared } = entry.association;
  const same = list.findIndex(
    ({ association: a }) =>
      a.kind === declared.kind &&
      a.target === declared.target &&
      a.foreignKey === declared.foreignKey &&
      a.through === declared.through,
  );
  const defaultName = same >= 0 ? list[same]!.name : declaredName(entry, byName);
  // Renaming a key's association leaves its constraint to the key; an onDelete/onUpdate takes it over.
  const keepsConstraint =
    same >= 0 && list[same]!.association.constraints === false && !declared.onDelete && !declared.onUpdate;
  const candidate: Candidate = {
    name: as ?? defaultName,
    association: { ...declared, ...(keepsConstraint && { constraints: false as const }), origin: 'declared' },
    ...(as !== undefined && { explicit: { id: entry.id } }),
  };
  if (same >= 0) list[same] = candidate;
  else list.push(candidate);
}

function declaredName(entry: DeclaredAssociation, byName: ReadonlyMap<string, ModelIR>): string {
  const { kind, target, foreignKey, otherKey } = entry.association;
  const self = entry.model === target;
  if (kind === 'belongsTo') return belongsToName(foreignKey, target, self);
  if (kind === 'belongsToMany') return belongsToManyName(target, otherKey ?? '', self);
  const keysToTarget =
    byName.get(target)?.attributes.filter((a) => a.references?.model === entry.model).length ?? 1;
  return kind === 'hasOne'
    ? singularAlias('', target)
    : keysToTarget > 1
      ? pluralAlias(foreignKey, target)
      : pluralAlias('', target);
}

function settleNames(
  model: ModelIR,
  candidates: readonly Candidate[],
  report: ReportProblem,
): AssociationIR[] {
  const registry = new NameRegistry(model);
  const ordered = [...candidates].sort(compareCandidates);
  const names = new Map<Candidate, string>();
  for (const candidate of ordered.filter((c) => c.explicit)) {
    const clashes = registry.clashes(candidate.association.kind, candidate.name);
    if (clashes.length > 0) {
      report(
        candidate.explicit!.id,
        `association "${candidate.name}" of model ${model.name} collides with ${describeClashes(model, clashes)}; choose another as:`,
      );
    }
    registry.take(candidate.association.kind, candidate.name);
    names.set(candidate, candidate.name);
  }
  for (const candidate of ordered.filter((c) => !c.explicit)) {
    names.set(candidate, registry.claim(candidate.association.kind, candidate.name));
  }
  return ordered.map((candidate) => ({ ...candidate.association, as: names.get(candidate)! }));
}

function describeClashes(model: ModelIR, clashes: readonly string[]): string {
  return clashes
    .map((name) =>
      model.attributes.some((a) => a.name === name)
        ? `attribute ${name}`
        : `the member or association name ${name}`,
    )
    .join(', ');
}

function compareCandidates(a: Candidate, b: Candidate): number {
  const x = a.association;
  const y = b.association;
  return (
    KIND_ORDER.indexOf(x.kind) - KIND_ORDER.indexOf(y.kind) ||
    compare(x.target, y.target) ||
    compare(x.foreignKey, y.foreignKey) ||
    compare(x.through ?? '', y.through ?? '')
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
