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
import {
  baseClassOf,
  localTypeImports,
  readOnlyInCode,
  runtimeImportList,
  typeOverrideImports,
} from './runtime-imports.js';
import { textOnCreate } from './sequelize-value-types.js';
import { keylessWithId, SEQUELIZE_ID_KEY_NOTE, SEQUELIZE_READ_ONLY_NOTE } from './sequelize-target.js';
import type { RenderOptions } from './render-options.js';
import { associatedModels, associationMembers, type AssociationTargets } from './association-members.js';
import { stringLiteral } from '../layout/literals.js';

/** The fragments a template prints from the view (`layout.*`). */
export type ModelPart =
  | 'importStatement'
  | 'attributes'
  | 'creationAttributes'
  | 'classHeading'
  | 'declarations'
  | 'associations'
  | InitMethodPart;

/** `targets`: what the model's associations need to know of the models they reach (association-members.ts). */
export function modelFile(
  model: ModelIR,
  options: RenderOptions,
  targets: AssociationTargets = {},
): Outline<ModelPart> {
  const readOnly = readOnlyInCode(model, options.target);
  const signatures = attributeSignatures(model, readOnly, textOnCreate(options.target));
  const classDoc = jsdoc(classComment(model, options.target));
  return [
    ...header(options.sourceLabel),
    slot('top', 0),
    ...region('imports and types', [
      laidOut(
        {
          kind: 'import',
          names: runtimeImportList(model, targets, options.target),
          module: options.runtimeModule,
        },
        'importStatement',
      ),
      ...modelImports(model).map((line) => text(line)),
      ...localTypeImports(model, options.target).map((line) => text(line)),
      ...typeOverrideImports(model).map((line) => text(line)),
      BLANK,
      ...attributeTypes(model, signatures, readOnly),
    ]),
    slot('top', 1),
    BLANK,
    ...(classDoc === '' ? [] : [text(classDoc)]),
    block(classHeading(model, options), classBody(model, signatures.attributes, targets, options), '}'),
    slot('top', 2),
  ];
}

function attributeTypes(
  model: ModelIR,
  signatures: AttributeSignatures,
  readOnly: boolean,
): Outline<ModelPart> {
  const { name } = model;
  const row = [
    text('/** The row as the database returns it. */'),
    interfaceBlock(`${name}Attributes`, signatures.attributes, 'attributes'),
  ];
  if (readOnly) return row;
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

function classHeading(model: ModelIR, options: RenderOptions) {
  const { name } = model;
  const typeArguments = readOnlyInCode(model, options.target)
    ? [`${name}Attributes`]
    : [`${name}Attributes`, `${name}CreationAttributes`];
  return laidOut(
    {
      kind: 'class-heading',
      className: name,
      baseClass: baseClassOf(model, options.target),
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
function classBody(
  model: ModelIR,
  attributes: readonly PropertySignature[],
  targets: AssociationTargets,
  options: RenderOptions,
): Outline<ModelPart> {
  const declarations = attributes.map((signature) =>
    laidOut({ kind: 'property-signature', signature, modifier: 'declare ' }, 'declarations'),
  );
  const members = model.members.flatMap((member) => [source(member.source.trim()), BLANK]);
  return [
    slot('class', 0),
    ...region('attributes', declarations),
    slot('class', 1),
    BLANK,
    ...region('from the schema', [...members, initModelMethod(model, options.target)]),
    slot('class', 2),
    ...associationsRegion(model, targets),
  ];
}

/**
 * The associations' properties and accessors, after everything else (so that the slots of files
 * generated before associations existed keep their places), one group per association.
 */
function associationsRegion(model: ModelIR, targets: AssociationTargets): Outline<ModelPart> {
  const groups = associationMembers(model, targets);
  if (groups.length === 0) return [];
  const body = groups.flatMap(({ signatures }, index) => [
    ...(index === 0 ? [] : [BLANK]),
    ...signatures.map((signature) =>
      laidOut({ kind: 'property-signature', signature, modifier: 'declare ' }, 'associations'),
    ),
  ]);
  return [BLANK, ...region('associations', body), slot('class', 3)];
}

/** `import type { User } from "./User.js";` for each model the associations reach. */
export function modelImports(model: ModelIR): string[] {
  return associatedModels(model).map(
    (name) => `import type { ${name} } from ${stringLiteral(`./${name}.js`)};`,
  );
}

/** The schema's comment, then why a foreign key is no association, if one is not. */
export function classComment(model: ModelIR, target?: RenderOptions['target']): string | undefined {
  const sequelize = target === 'sequelize';
  const readOnlyNote = sequelize && isReadOnly(model) ? SEQUELIZE_READ_ONLY_NOTE : undefined;
  const idNote = sequelize && keylessWithId(model) ? SEQUELIZE_ID_KEY_NOTE : undefined;
  const parts = [model.comment, readOnlyNote, idNote, (model.associationNotes ?? []).join('\n')].filter(
    (part): part is string => part !== undefined && part.trim() !== '',
  );
  return parts.length === 0 ? undefined : parts.join('\n\n');
}
