/**
 * IR → view model: what a custom template (`--templates`) is rendered with, everything already
 * decided. Templates only print; every choice is made in the code that lays out the package's
 * own files, whose laid-out fragments the view carries (`layout`), next to one-line forms for
 * templates that lay out code themselves. Both are documented for template authors: keep them.
 */
import { headerLines } from '../file-marks.js';
import type { ModelIR, SchemaIR } from '../ir.js';
import type { PropertySignature } from '../layout/declarations.js';
import { flatPropertyText } from '../layout/expression.js';
import { isLaidOutExactly, laidOutParts, type Outline } from '../layout/outline.js';
import { flatType } from '../layout/type-expression.js';
import { attributeSignatures } from './attribute-signatures.js';
import { indexFile, modelModule } from './index-file.js';
import { initProperty } from './init-expression.js';
import { initSpec, type InitEntry } from './init-spec.js';
import { jsdoc } from './jsdoc.js';
import { classComment, modelFile, modelImports, type ModelPart } from './model-file.js';
import { associationMembers, type AssociationTargets } from './association-members.js';
import type { RenderOptions } from './render-options.js';
import { removesSequelizeId } from './sequelize-target.js';
import { textOnCreate } from './sequelize-value-types.js';
import {
  baseClassOf,
  localTypeImports,
  readOnlyInCode,
  runtimeImportList,
  typeOverrideImports,
} from './runtime-imports.js';

export interface PropertyView {
  readonly name: string;
  readonly tsType: string;
  readonly optional: boolean;
  /** The JSDoc comment to print above it, or '' for none. */
  readonly jsdoc: string;
}

export interface InitAttributeView {
  readonly key: string;
  /** `key: value` entries of the attribute's options object. */
  readonly entries: readonly string[];
}

/** The model file's fragments laid out as prettier formats them, at the depth where the package's template prints them. */
export interface ModelLayout {
  readonly importStatement: string;
  /** Interface members, each under its JSDoc. */
  readonly attributes: readonly string[];
  readonly creationAttributes: readonly string[];
  readonly classHeading: string;
  /** `declare name: type;` class members, each under its JSDoc. */
  readonly declarations: readonly string[];
  readonly initModelSignature: string;
  /** The lines of each `key: { ... },` in init's attributes object. */
  readonly initAttributes: readonly string[];
  /** init's options object with its trailing comma. */
  readonly initOptions: string;
  /** Per association, its `declare` lines (the property, then its accessors), joined by line breaks. */
  readonly associations: readonly string[];
  /** False when some fragment has a shape not modelled exactly: the package's file then goes through prettier. */
  readonly exact: boolean;
}

export interface ModelView {
  readonly className: string;
  readonly fileName: string;
  readonly header: readonly string[];
  readonly runtimeModule: string;
  readonly runtimeImports: string;
  /** Import lines the configuration's type overrides need. */
  readonly typeImports: readonly string[];
  readonly baseClass: 'Model' | 'ReadOnlyModel';
  readonly readOnly: boolean;
  /**
   * --runtime sequelize, a model without a primary key: Sequelize would add an `id`, so initModel
   * must call `init` without returning it, then `{{className}}.removeAttribute("id")` and return the class.
   */
  readonly removesId: boolean;
  readonly classDoc: string;
  readonly attributes: readonly PropertyView[];
  readonly creationAttributes: readonly PropertyView[];
  readonly initAttributes: readonly InitAttributeView[];
  readonly initOptions: readonly string[];
  readonly members: readonly string[];
  /** `import type { User } from "./User.js";` for each model the associations reach. */
  readonly modelImports: readonly string[];
  /** Each association: its alias, kind, target and `declare`d members (property first). */
  readonly associations: readonly AssociationView[];
  readonly layout: ModelLayout;
}

export interface AssociationView {
  readonly as: string;
  readonly kind: string;
  readonly target: string;
  readonly members: readonly PropertyView[];
}

export interface IndexView {
  readonly header: readonly string[];
  readonly runtimeModule: string;
  readonly models: readonly {
    readonly className: string;
    readonly module: string;
    /** `    User: User.initModel(sequelize),` laid out as prettier formats it. */
    readonly initEntry: string;
  }[];
  /** `  User.hasMany(Post, { ... });` for every association, laid out as prettier formats it. */
  readonly associations: readonly string[];
}

export function buildModelView(
  model: ModelIR,
  options: RenderOptions,
  targets: AssociationTargets = {},
): ModelView {
  const { attributes, creationAttributes } = attributeSignatures(
    model,
    readOnlyInCode(model, options.target),
    textOnCreate(options.target),
  );
  const spec = initSpec(model, options.target);
  const printEntry = (entry: InitEntry): string => flatPropertyText(initProperty(entry, options.target));
  const groups = associationMembers(model, targets);
  return {
    className: model.name,
    fileName: `${model.name}.ts`,
    header: headerLines(options.sourceLabel),
    runtimeModule: options.runtimeModule,
    runtimeImports: runtimeImportList(model, targets, options.target).join(', '),
    typeImports: [...localTypeImports(model, options.target), ...typeOverrideImports(model)],
    baseClass: baseClassOf(model, options.target),
    readOnly: readOnlyInCode(model, options.target),
    removesId: removesId(model, options),
    classDoc: jsdoc(classComment(model, options.target)),
    attributes: attributes.map(propertyView),
    creationAttributes: creationAttributes.map(propertyView),
    initAttributes: spec.attributes.map(({ key, entries }) => ({ key, entries: entries.map(printEntry) })),
    initOptions: ['sequelize', ...spec.options.map(printEntry)],
    members: model.members.map((member) => member.source.trim()),
    modelImports: modelImports(model),
    associations: groups.map(({ association, signatures }) => ({
      as: association.as,
      kind: association.kind,
      target: association.target,
      members: signatures.map(propertyView),
    })),
    layout: modelLayout(
      modelFile(model, options, targets),
      groups.map((group) => group.signatures.length),
    ),
  };
}

export function removesId(model: ModelIR, options: RenderOptions): boolean {
  return removesSequelizeId(model, options.target);
}

function modelLayout(file: Outline<ModelPart>, groupSizes: readonly number[]): ModelLayout {
  const parts = laidOutParts(file);
  const all = (part: ModelPart): string[] => parts.get(part) ?? [];
  const one = (part: ModelPart): string => all(part)[0]!;
  return {
    importStatement: one('importStatement'),
    attributes: all('attributes'),
    creationAttributes: all('creationAttributes'),
    classHeading: one('classHeading'),
    declarations: all('declarations'),
    initModelSignature: one('initModelSignature'),
    initAttributes: all('initAttributes'),
    initOptions: one('initOptions'),
    associations: chunks(all('associations'), groupSizes).map((lines) => lines.join('\n')),
    exact: isLaidOutExactly(file),
  };
}

export function buildIndexView(schema: SchemaIR, options: RenderOptions): IndexView {
  const parts = laidOutParts(indexFile(schema, options));
  const initEntries = parts.get('initEntry') ?? [];
  return {
    header: headerLines(options.sourceLabel),
    runtimeModule: options.runtimeModule,
    models: schema.models.map((model, index) => ({
      className: model.name,
      module: modelModule(model.name),
      initEntry: initEntries[index]!,
    })),
    associations: parts.get('association') ?? [],
  };
}

function chunks(items: readonly string[], sizes: readonly number[]): string[][] {
  let start = 0;
  return sizes.map((size) => items.slice(start, (start += size)));
}

function propertyView(signature: PropertySignature): PropertyView {
  return {
    name: signature.name,
    tsType: flatType(signature.type),
    optional: signature.optional === true,
    jsdoc: signature.jsdoc,
  };
}
