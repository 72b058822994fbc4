/** The runtime names a model file uses: the class it extends, and what it imports. */
import { isReadOnly, type ModelIR } from '../ir.js';
import { tsTypeOf } from './type-map.js';
import { associationMembers, type AssociationTargets } from './association-members.js';

export function baseClassOf(model: ModelIR): 'Model' | 'ReadOnlyModel' {
  return isReadOnly(model) ? 'ReadOnlyModel' : 'Model';
}

/** Which runtime names the model file imports: only those it uses (strict builds may flag unused ones). */
export function runtimeImportNames(
  model: ModelIR,
  targets: AssociationTargets = {},
): { values: string[]; types: string[] } {
  const values = new Set<string>(['DataTypes', baseClassOf(model)]);
  const declared = model.attributes.filter((attribute) => attribute.origin === 'declared');
  if (declared.some((attribute) => attribute.defaultValue?.kind === 'sql')) values.add('literal');
  const indexSql = (model.indexes ?? []).some(
    (index) => index.where !== undefined || index.fields.some((field) => 'expression' in field),
  );
  if (indexSql) values.add('literal');
  const types = ['Sequelize'];
  const attributeTypes = model.attributes.map((attribute) =>
    attribute.tsType ? attribute.tsType.type : tsTypeOf(attribute.type, attribute.checkValues),
  );
  for (const name of ['JsonValue', 'NumericString']) {
    if (attributeTypes.some((type) => new RegExp(`\\b${name}\\b`).test(type))) types.push(name);
  }
  const associationTypes = associationMembers(model, targets).flatMap((members) => members.runtimeTypes);
  return { values: [...values].sort(), types: [...new Set([...types, ...associationTypes])].sort() };
}

/** The import lines type overrides need, each once, in the order first met. */
export function typeOverrideImports(model: ModelIR): string[] {
  return [...new Set(model.attributes.flatMap((attribute) => attribute.tsType?.imports ?? []))];
}

/** The names as the import statement lists them: values, then `type X`. */
export function runtimeImportList(model: ModelIR, targets: AssociationTargets = {}): string[] {
  const { values, types } = runtimeImportNames(model, targets);
  return [...values, ...types.map((name) => `type ${name}`)];
}
