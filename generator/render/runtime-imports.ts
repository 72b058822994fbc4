/** The runtime names a model file uses: the class it extends, and what it imports. */
import { isReadOnly, type ModelIR } from '../ir.js';
import { tsTypeOf } from './type-map.js';
import { associationMembers, type AssociationTargets } from './association-members.js';
import type { RenderOptions } from './render-options.js';
import { SEQUELIZE_LOCAL_TYPES, SEQUELIZE_TYPES_MODULE } from './sequelize-target.js';
import { stringLiteral } from '../layout/literals.js';

type Target = RenderOptions['target'];

/** Sequelize has no read-only model: there, views extend Model too, with a creation type (sequelize-target.ts). */
export function readOnlyInCode(model: ModelIR, target?: Target): boolean {
  return isReadOnly(model) && target !== 'sequelize';
}

export function baseClassOf(model: ModelIR, target?: Target): 'Model' | 'ReadOnlyModel' {
  return readOnlyInCode(model, target) ? 'ReadOnlyModel' : 'Model';
}

/** Which runtime names the model file imports: only those it uses (strict builds may flag unused ones). */
export function runtimeImportNames(
  model: ModelIR,
  targets: AssociationTargets = {},
  target?: Target,
): { values: string[]; types: string[] } {
  const values = new Set<string>(['DataTypes', baseClassOf(model, target)]);
  const declared = model.attributes.filter((attribute) => attribute.origin === 'declared');
  if (declared.some((attribute) => attribute.defaultValue?.kind === 'sql')) values.add('literal');
  const indexSql = (model.indexes ?? []).some(
    (index) => index.where !== undefined || index.fields.some((field) => 'expression' in field),
  );
  if (indexSql) values.add('literal');
  const types = ['Sequelize'];
  if (target !== 'sequelize') types.push(...localTypesOf(model, ['JsonValue', 'NumericString']));
  const associationTypes = associationMembers(model, targets).flatMap((members) => members.runtimeTypes);
  return { values: [...values].sort(), types: [...new Set([...types, ...associationTypes])].sort() };
}

/** Those of `names` the attributes' types use. */
function localTypesOf(model: ModelIR, names: readonly string[]): string[] {
  const attributeTypes = model.attributes.map((attribute) =>
    attribute.tsType ? attribute.tsType.type : tsTypeOf(attribute.type, attribute.checkValues),
  );
  return names.filter((name) => attributeTypes.some((type) => new RegExp(`\\b${name}\\b`).test(type)));
}

/** With Sequelize, which has no JsonValue or NumericString: their import from the shared generated file. */
export function localTypeImports(model: ModelIR, target?: Target): string[] {
  if (target !== 'sequelize') return [];
  const names = localTypesOf(model, SEQUELIZE_LOCAL_TYPES);
  if (names.length === 0) return [];
  return [`import type { ${names.join(', ')} } from ${stringLiteral(`./${SEQUELIZE_TYPES_MODULE}.js`)};`];
}

/** The import lines type overrides need, each once, in the order first met. */
export function typeOverrideImports(model: ModelIR): string[] {
  return [...new Set(model.attributes.flatMap((attribute) => attribute.tsType?.imports ?? []))];
}

/** The names as the import statement lists them: values, then `type X`. */
export function runtimeImportList(
  model: ModelIR,
  targets: AssociationTargets = {},
  target?: Target,
): string[] {
  const { values, types } = runtimeImportNames(model, targets, target);
  return [...values, ...types.map((name) => `type ${name}`)];
}
