/**
 * `static initModel(sequelize)`: calls `init` with the model's init spec (init-spec.ts) as code.
 */
import type { ModelIR } from '../ir.js';
import { id, object } from '../layout/expression.js';
import { block, laidOut, text, type OutlineNode } from '../layout/outline.js';
import { initEntriesExpression, initProperty } from './init-expression.js';
import { initSpec } from './init-spec.js';
import type { RenderOptions } from './render-options.js';
import { stringLiteral } from '../layout/literals.js';
import { removesSequelizeId } from './sequelize-target.js';

/** The parts of the method a template prints from the view (`layout.*`). */
export type InitMethodPart = 'initModelSignature' | 'initAttributes' | 'initOptions';

export function initModelMethod(
  model: ModelIR,
  target?: RenderOptions['target'],
): OutlineNode<InitMethodPart> {
  const spec = initSpec(model, target);
  const attributes = spec.attributes.map(({ key, entries }) =>
    laidOut(
      { kind: 'property-item', property: { key, value: initEntriesExpression(entries, false, target) } },
      'initAttributes',
    ),
  );
  const options = object([
    { key: 'sequelize', value: id('sequelize'), shorthand: true },
    ...spec.options.map((entry) => initProperty(entry, target)),
  ]);
  // Sequelize adds an `id` to a model without a primary key: removed, as the table has none.
  const withoutId = removesSequelizeId(model, target);
  // The attributes object is written one attribute a line, so prettier keeps it expanded, which
  // breaks the call: each argument goes on a line of its own.
  const initCall = block(
    text(withoutId ? `${model.name}.init(` : `return ${model.name}.init(`),
    [
      block(text('{'), attributes, '},'),
      laidOut({ kind: 'argument-item', expression: options }, 'initOptions'),
    ],
    ');',
  );
  const signature = laidOut(
    {
      kind: 'static-method-signature',
      name: 'initModel',
      parameters: ['sequelize: Sequelize'],
      returnType: `typeof ${model.name}`,
    },
    'initModelSignature',
  );
  const body = withoutId
    ? [
        initCall,
        text(`${model.name}.removeAttribute(${stringLiteral('id')});`),
        text(`return ${model.name};`),
      ]
    : [initCall];
  return block(signature, body, '}');
}
