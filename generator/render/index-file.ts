/**
 * index.ts as the package writes it, laid out in code: every model, their types, `initModels`
 * and the runtime's `Sequelize`. templates/index.ts.hbs prints the same text from the view model
 * (a test holds the two equal); it is the starting point for `--templates`.
 */
import type { AssociationIR, ModelIR, SchemaIR } from '../ir.js';
import { call, id, member, object, str, type Property } from '../layout/expression.js';
import { stringLiteral } from '../layout/literals.js';
import { BLANK, block, laidOut, text, type Outline } from '../layout/outline.js';
import { header, region, slot } from './outline-marks.js';
import type { RenderOptions } from './render-options.js';

/** The fragments a template prints from the view: `initEntry` of each model, each association's statement. */
export type IndexPart = 'initEntry' | 'association';

export const modelModule = (className: string): string => `./${className}.js`;

export function indexFile(schema: SchemaIR, options: RenderOptions): Outline<IndexPart> {
  const names = schema.models.map((model) => model.name);
  const runtime = stringLiteral(options.runtimeModule);
  // A class name is an identifier, and `Name: Name.initModel(sequelize),` breaks only for a name
  // far longer than the few columns where prettier's measure of a non-ASCII key could matter.
  const associations = associationStatements(schema);
  const initEntries = names.map((name) =>
    laidOut(
      {
        kind: 'property-item',
        property: { key: name, value: call(member(id(name), 'initModel'), [id('sequelize')]) },
        identifierKey: true,
      },
      'initEntry',
    ),
  );
  return [
    ...header(options.sourceLabel),
    slot('top', 0),
    ...region(undefined, [
      text(`import type { Sequelize } from ${runtime};`),
      ...names.map((name) => laidOut({ kind: 'import', names: [name], module: modelModule(name) })),
      BLANK,
      ...names.map((name) => text(`export * from ${stringLiteral(modelModule(name))};`)),
      text(
        '// Only the connection class: re-exporting the whole runtime would make its names clash with model names.',
      ),
      text(`export { Sequelize } from ${runtime};`),
      BLANK,
      ...initModels(initEntries, associations.length > 0),
    ]),
    slot('top', 1),
    ...(associations.length === 0
      ? []
      : [
          ...region('associations', [
            text('/** Sets up every association; initModels calls it once every model is initialised. */'),
            block(text('function associateModels(): void {'), associations, '}'),
          ]),
          slot('top', 2),
        ]),
  ];
}

function initModels(entries: Outline<IndexPart>, associate: boolean): Outline<IndexPart> {
  if (!associate) {
    return [
      text('/** Initialises every model on the connection and returns them by name. */'),
      block(
        text('export function initModels(sequelize: Sequelize) {'),
        [block(text('return {'), entries, '};')],
        '}',
      ),
    ];
  }
  return [
    text(
      '/** Initialises every model on the connection, then their associations, and returns them by name. */',
    ),
    block(
      text('export function initModels(sequelize: Sequelize) {'),
      [block(text('const models = {'), entries, '};'), text('associateModels();'), text('return models;')],
      '}',
    ),
  ];
}

/** `Source.kind(Target, { as, ... });` for every association of every model, in model order. */
export function associationStatements(schema: SchemaIR): Outline<IndexPart> {
  return schema.models.flatMap((model) =>
    (model.associations ?? []).map((association) =>
      laidOut({ kind: 'statement', expression: associationCall(model, association) }, 'association'),
    ),
  );
}

function associationCall(model: ModelIR, association: AssociationIR) {
  const { as, through, foreignKey, otherKey, sourceKey, targetKey, onDelete, onUpdate, constraints } =
    association;
  const options: Property[] = [
    { key: 'as', value: str(as) },
    ...(through === undefined ? [] : [{ key: 'through', value: id(through) }]),
    { key: 'foreignKey', value: str(foreignKey) },
    ...optional('otherKey', otherKey),
    ...optional('sourceKey', sourceKey),
    ...optional('targetKey', targetKey),
    ...optional('onDelete', onDelete),
    ...optional('onUpdate', onUpdate),
    ...(constraints === false
      ? [{ key: 'constraints', value: { kind: 'keyword', text: 'false' } as const }]
      : []),
  ];
  return call(member(id(model.name), association.kind), [id(association.target), object(options)]);
}

function optional(key: string, value: string | undefined): Property[] {
  return value === undefined ? [] : [{ key, value: str(value) }];
}
