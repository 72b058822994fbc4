/**
 * What a model's associations add to its class (contract: docs/generated-code.md): the alias as a
 * `NonAttribute` property and each accessor Sequelize adds, typed with the runtime's mixin types.
 * A read-only model (a view, a table without a primary key) gets only the reading accessors, on
 * either side: set/add/create/remove would write it.
 */
import { accessorsOf, isMultiple, type Accessor } from '../associations/accessors.js';
import { isReadOnly, type AssociationIR, type ModelIR, type SchemaIR } from '../ir.js';
import type { PropertySignature } from '../layout/declarations.js';
import { generic, typeName, type TypeExpression } from '../layout/type-expression.js';
import { attributeTypeExpression } from './type-map.js';
import { flatType } from '../layout/type-expression.js';

/** What the model file needs to know of the models its associations reach (hashed into its fingerprint). */
export interface AssociationTarget {
  /** The type of its only primary key attribute, `never` without one (no key to pass). */
  readonly primaryKeyType: string;
  readonly readOnly: boolean;
}

export type AssociationTargets = Readonly<Record<string, AssociationTarget>>;

/** The model itself and every target and `through` model of its associations. */
export function associationTargets(model: ModelIR, schema: SchemaIR): AssociationTargets {
  const names = new Set([
    model.name,
    ...(model.associations ?? []).flatMap((a) =>
      a.through === undefined ? [a.target] : [a.target, a.through],
    ),
  ]);
  const targets: Record<string, AssociationTarget> = {};
  for (const name of [...names].sort()) {
    const found = modelsByName(schema).get(name);
    if (found !== undefined) targets[name] = targetOf(found);
  }
  return targets;
}

const byNameOf = new WeakMap<SchemaIR, ReadonlyMap<string, ModelIR>>();

/** The schema's models by name, built once per schema: a scan per target was quadratic on large schemas. */
function modelsByName(schema: SchemaIR): ReadonlyMap<string, ModelIR> {
  let byName = byNameOf.get(schema);
  if (byName === undefined) {
    byName = new Map(schema.models.map((model) => [model.name, model]));
    byNameOf.set(schema, byName);
  }
  return byName;
}

function targetOf(model: ModelIR): AssociationTarget {
  const keys = model.attributes.filter((a) => a.primaryKey);
  return {
    primaryKeyType: keys.length === 1 ? flatType(attributeTypeExpression(keys[0]!)) : 'never',
    readOnly: isReadOnly(model),
  };
}

/** One association's declarations: the property, then its accessors. */
export interface AssociationMembers {
  readonly association: AssociationIR;
  readonly signatures: readonly PropertySignature[];
  /** The runtime types they use (NonAttribute and the mixins). */
  readonly runtimeTypes: readonly string[];
}

export function associationMembers(model: ModelIR, targets: AssociationTargets): AssociationMembers[] {
  return (model.associations ?? []).map((association) => {
    const target = typeName(association.target);
    const property: PropertySignature = {
      name: association.as,
      type: generic('NonAttribute', [
        isMultiple(association.kind) ? { kind: 'array', element: target } : target,
      ]),
      optional: true,
      jsdoc: '',
    };
    const accessors = accessorsOf(association.kind, association.as).filter(
      (accessor) => !accessor.writes || writable(model, association, targets),
    );
    return {
      association,
      signatures: [
        property,
        ...accessors.map((accessor) => accessorSignature(accessor, association, targets)),
      ],
      runtimeTypes: ['NonAttribute', ...accessors.map((accessor) => accessor.mixin)],
    };
  });
}

function writable(model: ModelIR, association: AssociationIR, targets: AssociationTargets): boolean {
  const names = [model.name, association.target, ...(association.through ? [association.through] : [])];
  return names.every((name) => targets[name]?.readOnly === false);
}

function accessorSignature(
  accessor: Accessor,
  association: AssociationIR,
  targets: AssociationTargets,
): PropertySignature {
  const target = typeName(association.target);
  const primaryKey = typeName(targets[association.target]?.primaryKeyType ?? 'never');
  const args: Record<Accessor['parameters'], TypeExpression[]> = {
    target: [target],
    'target-pk': [target, primaryKey],
    'target-fk': [target, { kind: 'literal', value: association.foreignKey }],
    none: [],
  };
  const parameters = args[accessor.parameters];
  return {
    name: accessor.name,
    type: parameters.length === 0 ? typeName(accessor.mixin) : generic(accessor.mixin, parameters),
    jsdoc: '',
  };
}

/** The models whose types the file imports: every target other than the model itself. */
export function associatedModels(model: ModelIR): string[] {
  return [...new Set((model.associations ?? []).map((a) => a.target))]
    .filter((name) => name !== model.name)
    .sort();
}
