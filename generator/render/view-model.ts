/**
 * IR → view model: everything a template needs, already decided. Templates only print;
 * every choice (what is optional on create, what `init` is called with, which names are
 * imported) is made here, where it is typed and unit-tested.
 */
import { headerLines } from '../file-marks.js';
import { isReadOnly, isTimestamp, type AttributeIR, type ModelIR, type SchemaIR } from '../ir.js';
import { tsTypeExpression, tsTypeOf } from './type-map.js';
import { flatType, typeName, union } from '../layout/type-expression.js';
import type { PropertySignature } from '../layout/declarations.js';
import { initSpec, type InitEntry } from './init-spec.js';
import { initProperty } from './init-expression.js';
import { call, flatPropertyText, id, member, propertyDoc } from '../layout/expression.js';
import { printAt } from '../layout/doc.js';
import { buildModelLayout, type ModelLayout } from './model-layout.js';

export interface RenderOptions {
  /** Module the models import the runtime from: './runtime/index.js' (bundled) or 'gen-models/runtime'. */
  readonly runtimeModule: string;
  /** How the header names the schema, e.g. '../example-schema.yaml' or 'database "shop"'. */
  readonly sourceLabel: string;
}

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

export interface ModelView {
  readonly className: string;
  readonly fileName: string;
  readonly header: readonly string[];
  readonly runtimeModule: string;
  readonly runtimeImports: string;
  readonly baseClass: 'Model' | 'ReadOnlyModel';
  readonly readOnly: boolean;
  readonly classDoc: string;
  readonly attributes: readonly PropertyView[];
  readonly creationAttributes: readonly PropertyView[];
  readonly initAttributes: readonly InitAttributeView[];
  readonly initOptions: readonly string[];
  readonly members: readonly string[];
  /** The same file's fragments laid out as prettier formats them: what the package's template prints. */
  readonly layout: ModelLayout;
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
}

export function buildModelView(model: ModelIR, options: RenderOptions): ModelView {
  const readOnly = isReadOnly(model);
  const signatures = model.attributes.map(attributeSignature);
  const creationSignatures = readOnly
    ? []
    : model.attributes.flatMap((attribute, index) =>
        isWritable(attribute)
          ? [{ ...signatures[index]!, optional: isOptionalOnCreate(attribute, model) }]
          : [],
      );
  const spec = initSpec(model);
  const baseClass = readOnly ? 'ReadOnlyModel' : 'Model';
  const view = {
    className: model.name,
    fileName: `${model.name}.ts`,
    header: headerLines(options.sourceLabel),
    runtimeModule: options.runtimeModule,
    baseClass,
    readOnly,
    classDoc: jsdoc(model.comment),
    members: model.members.map((member) => member.source.trim()),
    layout: buildModelLayout({
      className: model.name,
      baseClass,
      runtimeModule: options.runtimeModule,
      runtimeImports: runtimeImportList(model),
      attributes: signatures,
      creationAttributes: creationSignatures,
      spec,
    }),
  } as const;
  // The package's template prints the layout; these one-line forms serve custom templates,
  // so they are computed only when a template reads them.
  return withLazyFields(view, {
    runtimeImports: () => runtimeImportList(model).join(', '),
    attributes: () => signatures.map(propertyView),
    creationAttributes: () => creationSignatures.map(propertyView),
    initAttributes: () =>
      spec.attributes.map(({ key, entries }) => ({ key, entries: entries.map(printEntry) })),
    initOptions: () => ['sequelize', ...spec.options.map(printEntry)],
  });
}

/** Adds each field as an enumerable getter that computes its value once, on first read. */
function withLazyFields<T extends object, L extends Record<string, unknown>>(
  target: T,
  fields: { [K in keyof L]: () => L[K] },
): T & L {
  for (const [name, compute] of Object.entries(fields) as [string, () => unknown][]) {
    let cached: { value: unknown } | undefined;
    Object.defineProperty(target, name, {
      enumerable: true,
      get: () => (cached ??= { value: compute() }).value,
    });
  }
  return target as T & L;
}

export function buildIndexView(schema: SchemaIR, options: RenderOptions): IndexView {
  return {
    header: headerLines(options.sourceLabel),
    runtimeModule: options.runtimeModule,
    models: schema.models.map((model) => ({
      className: model.name,
      module: `./${model.name}.js`,
      initEntry: initModelsEntry(model.name),
    })),
  };
}

function initModelsEntry(className: string): string {
  const initCall = call(member(id(className), 'initModel'), [id('sequelize')]);
  return printAt([propertyDoc({ key: className, value: initCall }), ','], 2);
}

function attributeSignature(attribute: AttributeIR): PropertySignature {
  const type = tsTypeExpression(attribute.type, attribute.checkValues);
  return {
    name: attribute.name,
    type: attribute.allowNull ? union([type, typeName('null')]) : type,
    jsdoc: jsdoc(describeAttribute(attribute)),
  };
}

function propertyView(signature: PropertySignature): PropertyView {
  return {
    name: signature.name,
    tsType: flatType(signature.type),
    optional: signature.optional === true,
    jsdoc: signature.jsdoc,
  };
}

/** The column comment, plus the domain it is declared with (its CHECK is a rule the type cannot say). */
function describeAttribute(attribute: AttributeIR): string | undefined {
  const { domain } = attribute;
  if (domain === undefined) return attribute.comment;
  const name = domain.schema === undefined ? domain.name : `${domain.schema}.${domain.name}`;
  const domainLine = `Domain ${name}${domain.check === undefined ? '' : `: ${domain.check}`}`;
  return attribute.comment === undefined ? domainLine : `${attribute.comment}\n\n${domainLine}`;
}

/** Columns the database computes are never written by the client, so they are not in the creation type. */
function isWritable(attribute: AttributeIR): boolean {
  return attribute.generated !== 'identity-always' && attribute.generated !== 'computed';
}

/** Optional on create exactly when the database or the runtime fills the value. */
export function isOptionalOnCreate(attribute: AttributeIR, model: ModelIR): boolean {
  return (
    attribute.allowNull ||
    attribute.defaultValue !== undefined ||
    attribute.autoIncrement ||
    attribute.generated !== undefined ||
    attribute.origin !== 'declared' ||
    isTimestamp(model, attribute)
  );
}

/** `key: value` on one line, for templates that lay out `init` themselves. */
const printEntry = (entry: InitEntry): string => flatPropertyText(initProperty(entry));

/** Which runtime names the model file imports: only those it uses (strict builds may flag unused ones). */
export function runtimeImportNames(model: ModelIR): { values: string[]; types: string[] } {
  const values = new Set<string>(['DataTypes', isReadOnly(model) ? 'ReadOnlyModel' : 'Model']);
  const declared = model.attributes.filter((attribute) => attribute.origin === 'declared');
  if (declared.some((attribute) => attribute.defaultValue?.kind === 'sql')) values.add('literal');
  const types = ['Sequelize'];
  const attributeTypes = model.attributes.map((attribute) => tsTypeOf(attribute.type, attribute.checkValues));
  for (const name of ['JsonValue', 'NumericString']) {
    if (attributeTypes.some((type) => new RegExp(`\\b${name}\\b`).test(type))) types.push(name);
  }
  return { values: [...values].sort(), types: types.sort() };
}

function runtimeImportList(model: ModelIR): string[] {
  const { values, types } = runtimeImportNames(model);
  return [...values, ...types.map((name) => `type ${name}`)];
}

/** A JSDoc comment for a schema comment ('' for none); `*\/` inside would end it early. */
export function jsdoc(comment: string | undefined): string {
  if (comment === undefined || comment.trim() === '') return '';
  const lines = comment
    .trim()
    // Every line break as prettier reads one: \r\n, \n, and a lone \r.
    .split(/\r\n?|\n/)
    .map((line) => line.replace(/\*\//g, '*\\/').trimEnd());
  if (lines.length === 1) return `/** ${lines[0]} */`;
  return ['/**', ...lines.map((line) => (line === '' ? ' *' : ` * ${line}`)), ' */'].join('\n');
}
