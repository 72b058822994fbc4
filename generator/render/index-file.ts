/**
 * index.ts as the package writes it, laid out in code: every model, their types, `initModels`
 * and the runtime's `Sequelize`. templates/index.ts.hbs prints the same text from the view model
 * (a test holds the two equal); it is the starting point for `--templates`.
 */
import type { SchemaIR } from '../ir.js';
import { call, id, member } from '../layout/expression.js';
import { stringLiteral } from '../layout/literals.js';
import { BLANK, block, laidOut, text, type Outline } from '../layout/outline.js';
import { header, region, slot } from './outline-marks.js';
import type { RenderOptions } from './render-options.js';

/** The fragments a template prints from the view: `initEntry` of each model. */
export type IndexPart = 'initEntry';

export const modelModule = (className: string): string => `./${className}.js`;

export function indexFile(schema: SchemaIR, options: RenderOptions): Outline<IndexPart> {
  const names = schema.models.map((model) => model.name);
  const runtime = stringLiteral(options.runtimeModule);
  // A class name is an identifier, and `Name: Name.initModel(sequelize),` breaks only for a name
  // far longer than the few columns where prettier's measure of a non-ASCII key could matter.
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
      text('/** Initialises every model on the connection and returns them by name. */'),
      block(
        text('export function initModels(sequelize: Sequelize) {'),
        [block(text('return {'), initEntries, '};')],
        '}',
      ),
    ]),
    slot('top', 1),
  ];
}
