/**
 * The configuration's `naming.rename`, applied to the IR after the front end named everything
 * (the case and singular rules act in --from-db's naming, generator/introspect/names.ts): a model
 * or attribute gets the name the map gives it, everything that refers to it follows (references,
 * indexes, the timestamp options), and the table and columns stay (`tableName`, `field`). The same
 * IR feeds the model files and `--schema-out`, so both say the same names.
 *
 * A key naming a model or attribute that does not exist is an error with a did-you-mean; so is a
 * new name that is not a valid identifier, is reserved, or takes a name already there.
 */
import { didYouMean } from '../../runtime/did-you-mean.js';
import { inferColumnName } from '../../runtime/naming.js';
import { GenModelsError } from '../errors.js';
import { isIdentifier } from '../identifiers.js';
import { RESERVED_CLASS_NAMES, isUnsafePropertyName, type NamingRules } from '../introspect/names.js';
import type { AssociationIR, AttributeIR, IndexIR, ModelIR, SchemaIR } from '../ir.js';
import type { NamingConfig, RenameMap } from './config-types.js';

/** A rename (or naming rule) that names nothing, or gives a name that cannot be used. */
export class NamingError extends GenModelsError {
  override readonly name = 'NamingError';
}

/** The rules --from-db names with (the rename map is applied afterwards, to any source). */
export function namingRules(naming: NamingConfig | undefined, keepNames = false): NamingRules | undefined {
  if (keepNames && naming?.attributes !== undefined && naming.attributes !== 'keep')
    throw new NamingError(
      `keepNames (--keep-names) contradicts naming.attributes: "${naming.attributes}"; give one of them`,
    );
  if (naming === undefined) return keepNames ? { attributes: 'keep' } : undefined;
  const { models, attributes = keepNames ? 'keep' : undefined, singular } = naming;
  if (models === 'keep' && singular !== undefined)
    throw new NamingError(
      'naming: "singular" does not go with models: "keep" (keep takes the table name as it is); remove one',
    );
  return { models, attributes, singular };
}

/**
 * A YAML schema names its models and attributes itself: the case and singular rules (how names
 * are made from tables and columns) are refused there rather than silently doing nothing.
 */
export function checkNamingForYaml(naming: NamingConfig | undefined): void {
  const rules = (['models', 'attributes', 'singular'] as const).filter((key) => naming?.[key] !== undefined);
  if (rules.length > 0)
    throw new NamingError(
      `naming.${rules.join(', naming.')}: applies to --from-db (names made from tables and columns); a YAML schema names its models and attributes itself. Remove it, or use naming.rename`,
    );
}

/** The schema with the rename map applied; throws naming every key that matches nothing. */
export function applyRenames(schema: SchemaIR, rename: RenameMap | undefined): SchemaIR {
  if (rename === undefined) return schema;
  const problems: string[] = [];
  const modelNames = renameModels(schema, rename.models ?? {}, problems);
  const attributeNames = renameAttributes(schema, modelNames, rename.attributes ?? {}, problems);
  const aliases = renameAssociations(schema, attributeNames, rename.associations ?? {}, problems);
  if (problems.length > 0) throw new NamingError(problems.join('\n'));
  const names: Renames = { models: modelNames, attributes: attributeNames, aliases };
  const models = schema.models.map((model) => renamedModel(model, names));
  return { ...schema, models: models.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) };
}

/** Old model name → new model name, for every model (unchanged ones map to themselves). */
function renameModels(
  schema: SchemaIR,
  map: Readonly<Record<string, string>>,
  problems: string[],
): Map<string, string> {
  const names = schema.models.map((model) => model.name);
  const result = new Map(names.map((name) => [name, name]));
  for (const [from, to] of Object.entries(map)) {
    if (!result.has(from)) {
      problems.push(`naming.rename.models: "${from}": no model has that name${didYouMean(from, names)}`);
      continue;
    }
    const problem = classNameProblem(to);
    if (problem) problems.push(`naming.rename.models: "${from}" → "${to}": ${problem}`);
    else result.set(from, to);
  }
  const seen = new Map<string, string>();
  for (const [from, to] of result) {
    const other = seen.get(to.toLowerCase());
    if (other !== undefined)
      problems.push(
        `naming.rename.models: models ${other} and ${from} would both be named ${to} (names must differ case-insensitively: they are file names)`,
      );
    seen.set(to.toLowerCase(), from);
  }
  return result;
}

function classNameProblem(name: string): string | undefined {
  if (!isIdentifier(name)) return 'not a valid TypeScript identifier';
  if (RESERVED_CLASS_NAMES.has(name.toLowerCase()))
    return 'a name the generated code uses itself (a global, a runtime export or an output file name)';
  return undefined;
}

/** Per model (old name): old attribute name → new attribute name, for the renamed ones. */
function renameAttributes(
  schema: SchemaIR,
  modelNames: ReadonlyMap<string, string>,
  map: Readonly<Record<string, string>>,
  problems: string[],
): Map<string, Map<string, string>> {
  const result = new Map<string, Map<string, string>>();
  // A key may name the model by its generated name or by its new one.
  const byName = new Map<string, ModelIR>();
  for (const model of schema.models) {
    byName.set(model.name, model);
    byName.set(modelNames.get(model.name)!, model);
  }
  const keys = schema.models.flatMap((model) =>
    model.attributes.map((attribute) => `${model.name}.${attribute.name}`),
  );
  for (const [key, to] of Object.entries(map)) {
    const dot = key.indexOf('.');
    const model = dot < 0 ? undefined : byName.get(key.slice(0, dot));
    const attribute = model?.attributes.find((a) => a.name === key.slice(dot + 1));
    if (model === undefined || attribute === undefined) {
      const what =
        dot < 0
          ? 'write Model.attribute'
          : model
            ? `model ${model.name} has no such attribute`
            : 'no model has that name';
      problems.push(`naming.rename.attributes: "${key}": ${what}${didYouMean(key, keys)}`);
      continue;
    }
    if (!isIdentifier(to) || isUnsafePropertyName(to)) {
      problems.push(
        `naming.rename.attributes: "${key}" → "${to}": ${isIdentifier(to) ? 'a reserved word or a member every model instance has' : 'not a valid TypeScript identifier'}`,
      );
      continue;
    }
    const renames = result.get(model.name) ?? new Map<string, string>();
    renames.set(attribute.name, to);
    result.set(model.name, renames);
  }
  for (const [modelName, renames] of result) {
    const model = schema.models.find((m) => m.name === modelName)!;
    const seen = new Set<string>();
    for (const attribute of model.attributes) {
      const name = renames.get(attribute.name) ?? attribute.name;
      if (seen.has(name))
        problems.push(`naming.rename.attributes: model ${modelName} would have two attributes named ${name}`);
      seen.add(name);
    }
  }
  return result;
}

/** Every rename, by the old names: models, attributes per model, association aliases per model. */
interface Renames {
  readonly models: ReadonlyMap<string, string>;
  readonly attributes: ReadonlyMap<string, ReadonlyMap<string, string>>;
  readonly aliases: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** Per model (old name): old alias → new alias, from `naming.rename.associations` ("Model.alias": "newAlias"). */
function renameAssociations(
  schema: SchemaIR,
  attributeNames: ReadonlyMap<string, ReadonlyMap<string, string>>,
  map: Readonly<Record<string, string>>,
  problems: string[],
): Map<string, Map<string, string>> {
  const result = new Map<string, Map<string, string>>();
  const keys = schema.models.flatMap((model) =>
    (model.associations ?? []).map((a) => `${model.name}.${a.as}`),
  );
  for (const [key, to] of Object.entries(map)) {
    const dot = key.indexOf('.');
    const model = dot < 0 ? undefined : schema.models.find((m) => m.name === key.slice(0, dot));
    const association = model?.associations?.find((a) => a.as === key.slice(dot + 1));
    if (model === undefined || association === undefined) {
      const what =
        dot < 0
          ? 'write Model.alias'
          : model
            ? `model ${model.name} has no such association`
            : 'no model has that name';
      problems.push(`naming.rename.associations: "${key}": ${what}${didYouMean(key, keys)}`);
      continue;
    }
    if (!isIdentifier(to) || isUnsafePropertyName(to)) {
      problems.push(
        `naming.rename.associations: "${key}" → "${to}": ${isIdentifier(to) ? 'a reserved word or a member every model instance has' : 'not a valid TypeScript identifier'}`,
      );
      continue;
    }
    const renames = result.get(model.name) ?? new Map<string, string>();
    renames.set(association.as, to);
    result.set(model.name, renames);
  }
  // A renamed attribute or alias must not take the name of another member of its model.
  for (const model of schema.models) {
    const renames = result.get(model.name);
    const attributes = attributeNames.get(model.name);
    if (renames === undefined && attributes === undefined) continue;
    const taken = new Set(model.attributes.map((a) => attributes?.get(a.name) ?? a.name));
    for (const association of model.associations ?? []) {
      const alias = renames?.get(association.as) ?? association.as;
      if (taken.has(alias))
        problems.push(
          `naming.rename: model ${model.name} would have two members named ${alias} (an association and an attribute or another association); rename one of them`,
        );
      taken.add(alias);
    }
  }
  return result;
}

function renamedModel(model: ModelIR, names: Renames): ModelIR {
  const modelNames = names.models;
  const renames = names.attributes.get(model.name) ?? new Map<string, string>();
  const name = modelNames.get(model.name)!;
  const attr = (attribute: string): string => renames.get(attribute) ?? attribute;
  const stamp = (option: string | false): string | false => (option === false ? false : attr(option));
  const attributes = model.attributes.map((attribute) =>
    renamedAttribute(attribute, model, attr, modelNames),
  );
  return {
    ...model,
    name,
    // The table stays the one it was: named explicitly, since it no longer follows from the name.
    options: {
      ...model.options,
      explicitTableName: model.options.explicitTableName || name !== model.name,
      createdAt: stamp(model.options.createdAt),
      updatedAt: stamp(model.options.updatedAt),
    },
    attributes,
    ...(model.indexes ? { indexes: model.indexes.map((index) => renamedIndex(index, attr)) } : {}),
    ...(model.associations
      ? { associations: model.associations.map((a) => renamedAssociation(a, model.name, names)) }
      : {}),
  };
}

/**
 * An association with its models, key attributes and alias renamed: each key is an attribute of
 * the model it belongs to (foreignKey: the source's for belongsTo, the target's for hasOne and
 * hasMany, the through model's for belongsToMany; otherKey: the through model's).
 */
function renamedAssociation(association: AssociationIR, source: string, names: Renames): AssociationIR {
  const attributeOf = (model: string | undefined) => (name: string | undefined) =>
    name === undefined || model === undefined ? name : (names.attributes.get(model)?.get(name) ?? name);
  const { kind, target, through } = association;
  const foreignKeyModel = kind === 'belongsTo' ? source : kind === 'belongsToMany' ? through : target;
  const as = names.aliases.get(source)?.get(association.as) ?? association.as;
  const renamed: AssociationIR = {
    ...association,
    as,
    // Renamed, it is written to --schema-out's `associations:`, where it overrides the implied one.
    ...(as !== association.as && { origin: 'declared' as const }),
    target: names.models.get(target) ?? target,
    foreignKey: attributeOf(foreignKeyModel)(association.foreignKey)!,
  };
  const optional = (key: 'sourceKey' | 'targetKey' | 'otherKey' | 'through', value: string | undefined) =>
    value === undefined ? {} : { [key]: value };
  return {
    ...renamed,
    ...optional('sourceKey', attributeOf(source)(association.sourceKey)),
    ...optional('targetKey', attributeOf(target)(association.targetKey)),
    ...optional('otherKey', attributeOf(through)(association.otherKey)),
    ...optional('through', through === undefined ? undefined : (names.models.get(through) ?? through)),
  };
}

function renamedAttribute(
  attribute: AttributeIR,
  model: ModelIR,
  attr: (name: string) => string,
  modelNames: ReadonlyMap<string, string>,
): AttributeIR {
  const name = attr(attribute.name);
  const references =
    attribute.references?.model === undefined
      ? attribute.references
      : {
          ...attribute.references,
          model: modelNames.get(attribute.references.model) ?? attribute.references.model,
        };
  // A timestamp the runtime adds finds its column from its name; renamed away from it, it is declared.
  const origin =
    attribute.origin === 'timestamp' && attribute.field !== inferColumnName(name, model.options.underscored)
      ? 'declared'
      : attribute.origin;
  return { ...attribute, name, origin, ...(references ? { references } : {}) };
}

function renamedIndex(index: IndexIR, attr: (name: string) => string): IndexIR {
  return {
    ...index,
    fields: index.fields.map((field) =>
      'attribute' in field ? { ...field, attribute: attr(field.attribute) } : field,
    ),
  };
}
