/**
 * SchemaIR → one recipe per output file: what the file is generated from (hashed into its
 * fingerprint) and how to render it. Rendering is lazy, so files whose fingerprint still
 * matches are never rendered at all.
 */
import type { MemberIR, ModelIR, SchemaIR } from '../ir.js';
import { hashOf } from '../file-marks.js';
import { packageVersion } from '../package-root.js';
import { isPrettierOutput, printOutline, type Outline } from '../layout/outline.js';
import { indexFile } from './index-file.js';
import { modelFile } from './model-file.js';
import type { RenderOptions } from './render-options.js';
import { runtimeImportNames } from './runtime-imports.js';
import type { Templates } from './templates.js';
import { buildIndexView, buildModelView, removesId } from './view-model.js';
import { SEQUELIZE_LOCAL_TYPES, SEQUELIZE_TYPES_MODULE, SEQUELIZE_TYPES_SOURCE } from './sequelize-target.js';
import { header, region, slot } from './outline-marks.js';
import { withSequelizeValueTypes } from './sequelize-value-types.js';
import { BLANK, text } from '../layout/outline.js';
import { UsageError } from '../errors.js';
import {
  associatedModels,
  associationMembers,
  associationTargets,
  type AssociationTargets,
} from './association-members.js';

export interface FileRecipe {
  readonly path: string;
  /** Hash of everything the file is generated from. */
  readonly inputsHash: string;
  /** The model class whose body may hold hand-written members. */
  readonly className?: string;
  /**
   * A model file's association targets (what it knows of other models), when it has
   * associations: recorded by the run cache, so that a run rendering only edited models
   * (output/edited-files.ts) renders them as this run did.
   */
  readonly targets?: AssociationTargets;
  /** Methods and getters the schema wrote into the file, to name one whose source does not parse. */
  readonly schemaMembers?: readonly MemberIR[];
  /** Names the generated code declares, so hand-written code cannot silently collide with them (asked only for files with some). */
  generatedNames(): GeneratedNames;
  /** The file's text, with slot markers for hand-written code. */
  render(): RenderedFile;
}

export interface RenderedFile {
  readonly text: string;
  /**
   * True when the text is already what prettier's defaults make of it (the package's own layout,
   * no method bodies from the schema): then only a user's prettier configuration or hand-written
   * code put back calls for a formatting pass.
   */
  readonly preformatted: boolean;
}

export interface GeneratedNames {
  readonly classMembers: readonly string[];
  readonly topLevel: readonly string[];
  /** The modules the generated code imports or re-exports from. */
  readonly modules: readonly string[];
}

export function fileRecipes(
  schema: SchemaIR,
  templates: Templates,
  formattingOptions: unknown,
  options: RenderOptions,
): FileRecipe[] {
  const shared = sharedInputs(templates, formattingOptions, options);
  if (options.target === 'sequelize') schema = withSequelizeValueTypes(schema);
  const models = schema.models.map((model) =>
    modelRecipe(
      model,
      model.associations ? associationTargets(model, schema) : {},
      templates,
      shared,
      options,
    ),
  );
  const index: FileRecipe = {
    path: 'index.ts',
    inputsHash: hashOf(
      shared,
      schema.models.map((model) => model.name),
      // Only schemas with associations hash them, so that other schemas keep their fingerprints.
      ...(schema.models.some((model) => model.associations)
        ? [schema.models.map((model) => model.associations ?? [])]
        : []),
    ),
    generatedNames: () => ({
      classMembers: [],
      topLevel: [
        'initModels',
        'Sequelize',
        ...(schema.models.some((model) => model.associations) ? ['associateModels'] : []),
        ...schema.models.map((model) => model.name),
      ],
      modules: [options.runtimeModule, ...schema.models.map((model) => `./${model.name}.js`)],
    }),
    render: () =>
      templates.index === undefined
        ? laidOutFile(indexFile(schema, options))
        : { text: templates.index(buildIndexView(schema, options)), preformatted: false },
  };
  return options.target === 'sequelize'
    ? [...models, index, sequelizeTypesRecipe(shared, options)]
    : [...models, index];
}

/** What every file is generated from: the generator, templates, formatting and render options. */
function sharedInputs(templates: Templates, formattingOptions: unknown, options: RenderOptions): string {
  return hashOf(packageVersion(), templates.sources, formattingOptions, options);
}

/**
 * The recipe of one model's file, as fileRecipes makes it, given the association targets a run
 * with the whole schema recorded (see FileRecipe.targets).
 */
export function oneModelRecipe(
  model: ModelIR,
  targets: AssociationTargets,
  templates: Templates,
  formattingOptions: unknown,
  options: RenderOptions,
): FileRecipe {
  const [typed] =
    options.target === 'sequelize'
      ? withSequelizeValueTypes({ source: { kind: 'yaml', path: '' }, models: [model] }).models
      : [model];
  return modelRecipe(
    typed!,
    targets,
    templates,
    sharedInputs(templates, formattingOptions, options),
    options,
  );
}

/** --runtime sequelize: the file that declares JsonValue and NumericString, which Sequelize lacks. */
function sequelizeTypesRecipe(shared: string, options: RenderOptions): FileRecipe {
  return {
    path: `${SEQUELIZE_TYPES_MODULE}.ts`,
    inputsHash: hashOf(shared, SEQUELIZE_TYPES_SOURCE),
    generatedNames: () => ({ classMembers: [], topLevel: [...SEQUELIZE_LOCAL_TYPES], modules: [] }),
    render: () =>
      laidOutFile([
        ...header(options.sourceLabel),
        slot('top', 0),
        ...region(
          undefined,
          SEQUELIZE_TYPES_SOURCE.map((line) => (line === '' ? BLANK : text(line))),
        ),
        slot('top', 1),
      ]),
  };
}

/**
 * A user's template with --runtime sequelize, for a model without a primary key: its initModel
 * must remove the `id` Sequelize adds (the view's `removesId`), or the model would read a column
 * the table does not have.
 */
function checkRemovesId(text: string, model: ModelIR, options: RenderOptions): string {
  if (!removesId(model, options) || text.includes(`${model.name}.removeAttribute(`)) return text;
  throw new UsageError(
    `the --templates model template renders ${model.name}, which has no primary key, without ${model.name}.removeAttribute("id"): with --runtime sequelize, Sequelize would add an id column the table does not have; print it when the view's removesId is true (see templates/model.ts.hbs and docs/sequelize-runtime.md)`,
  );
}

function modelRecipe(
  model: ModelIR,
  targets: AssociationTargets,
  templates: Templates,
  shared: string,
  options: RenderOptions,
): FileRecipe {
  const associationNames = associationMembers(model, targets).flatMap((members) =>
    members.signatures.map((signature) => signature.name),
  );
  return {
    path: `${model.name}.ts`,
    inputsHash: model.associations ? hashOf(shared, model, targets) : hashOf(shared, model),
    className: model.name,
    ...(model.associations && { targets }),
    schemaMembers: model.members,
    generatedNames: () => ({
      classMembers: [
        ...model.attributes.map((a) => a.name),
        ...model.members.map((m) => m.name),
        'initModel',
        ...associationNames,
      ],
      topLevel: [
        model.name,
        `${model.name}Attributes`,
        `${model.name}CreationAttributes`,
        ...Object.values(runtimeImportNames(model, targets, options.target)).flat(),
        ...(options.target === 'sequelize' ? SEQUELIZE_LOCAL_TYPES : []),
        ...associatedModels(model),
      ],
      modules: [
        options.runtimeModule,
        ...associatedModels(model).map((name) => `./${name}.js`),
        ...(options.target === 'sequelize' ? [`./${SEQUELIZE_TYPES_MODULE}.js`] : []),
      ],
    }),
    render: () =>
      templates.model === undefined
        ? laidOutFile(modelFile(model, options, targets))
        : {
            text: checkRemovesId(templates.model(buildModelView(model, options, targets)), model, options),
            preformatted: false,
          },
  };
}

function laidOutFile(outline: Outline): RenderedFile {
  return { text: printOutline(outline), preformatted: isPrettierOutput(outline) };
}
