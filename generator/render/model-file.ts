/**
 * A model's file as the package writes it, laid out in code: the one place that says what a
 * model file holds and in what order. templates/model.ts.hbs prints the same text from the
 * view model (a test holds the two equal); it is the starting point for `--templates`.
 */
import { isReadOnly, type ModelIR } from '../ir.js';
import type { PropertySignature } from '../layout/declarations.js';
import { BLANK, block, laidOut, source, text, type Outline } from '../layout/outline.js';
import { attributeSignatures, type AttributeSignatures } from './attribute-signatures.js';
import { initModelMethod, type InitMethodPart } from './init-method.js';
import { jsdoc } from './jsdoc.js';
import { header, region, slot } from './outline-marks.js';
import { baseClassOf, runtimeImportList, typeOverrideImports } from './runtime-imports.js';
import type { RenderOptions } from './render-options.js';

/** The fragments a template prints from the view (`layout.*`). */
export type ModelPart =
  'importStatement' | 'attributes' | 'creationAttributes' | 'classHeading' | 'declarations' | InitMethodPart;

export function modelFile(model: ModelIR, options: RenderOptions): Outline<ModelPart> {
  const signatures = attributeSignatures(model);
  const classDoc = jsdoc(model.comment);
  return [
    ...header(options.sourceLabel),
    slot('top', 0),
    ...region('imports and types', [
      laidOut(
        { kind: 'import', names: runtimeImportList(model), module: options.runtimeModule },
        'importStatement',
      ),
      ...typeOverrideImports(model).map((line) => text(line)),
      BLANK,
      ...attributeTypes(model, signatures),
    ]),
    slot('top', 1),
    BLANK,
    ...(classDoc === '' ? [] : [text(classDoc)]),
    block(classHeading(model), classBody(model, signatures.attributes), '}'),
    slot('top', 2),
  ];
}

function attributeTypes(model: ModelIR, signatures: AttributeSignatures): Outline<ModelPart> {
  const { name } = model;
  const row = [
    text('/** The row as the database returns it. */'),
    interfaceBlock(`${name}Attributes`, signatures.attributes, 'attributes'),
  ];
  if (isReadOnly(model)) return row;
  return [
    ...row,
    BLANK,
    text(
      '/** What `create` and `build` accept: optional where the database or the runtime fills the value. */',
    ),
    interfaceBlock(`${name}CreationAttributes`, signatures.creationAttributes, 'creationAttributes'),
  ];
}

function interfaceBlock(
  name: string,
  members: readonly PropertySignature[],
  part: 'attributes' | 'creationAttributes',
) {
  const body = members.map((signature) =>
    laidOut({ kind: 'property-signature', signature, modifier: '' }, part),
  );
  return block(text(`export interface ${name} {`), body, '}');
}

function classHeading(model: ModelIR) {
  const { name } = model;
  const typeArguments = isReadOnly(model)
    ? [`${name}Attributes`]
    : [`${name}Attributes`, `${name}CreationAttributes`];
  return laidOut(
    {
      kind: 'class-heading',
      className: name,
      baseClass: baseClassOf(model),
      typeArguments,
      implemented: `${name}Attributes`,
    },
    'classHeading',
  );
}

/**
 * The class body, section by section, each section a region with a slot for hand-written code
 * after it: a new section of every generated model (associations, say) is added here.
 */
function classBody(model: ModelIR, attributes: readonly PropertySignature[]): Outline<ModelPart> {
  const declarations = attributes.map((signature) =>
    laidOut({ kind: 'property-signature', signature, modifier: 'declare ' }, 'declarations'),
  );
  const members = model.members.flatMap((member) => [source(member.source.trim()), BLANK]);
  return [
    slot('class', 0),
    ...region('attributes', declarations),
    slot('class', 1),
    BLANK,
    ...region('from the schema', [...members, initModelMethod(model)]),
    slot('class', 2),
  ];
}
