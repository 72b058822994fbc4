/**
 * A model file's variable fragments laid out as prettier formats them with its defaults, at the
 * indentation the package's template puts them. With these, the default template renders a
 * file prettier would leave unchanged, so most files need no formatting pass at all.
 */
import { printFragment } from '../layout/doc.js';
import {
  classHeading,
  importStatement,
  methodSignature,
  propertySignature,
  type PropertySignature,
} from '../layout/declarations.js';
import {
  expressionDoc,
  flatExpression,
  flatProperty,
  hasExactLayout,
  hasExactProperties,
  id,
  object,
  propertyDoc,
  type Expression,
  type Property,
} from '../layout/expression.js';
import type { InitSpec } from './init-spec.js';
import { initEntriesExpression, initProperty } from './init-expression.js';

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
  /** False when some fragment has a shape not modelled here: the file then goes through prettier. */
  readonly exact: boolean;
}

export interface ModelLayoutInput {
  readonly className: string;
  readonly baseClass: 'Model' | 'ReadOnlyModel';
  readonly runtimeModule: string;
  readonly runtimeImports: readonly string[];
  readonly attributes: readonly PropertySignature[];
  /** Empty for read-only models. */
  readonly creationAttributes: readonly PropertySignature[];
  readonly spec: InitSpec;
}

/** Where the template puts the fragments: class members at 1, init's attributes at 4, its options at 3. */
const INIT_ATTRIBUTE_DEPTH = 4;
const INIT_OPTIONS_DEPTH = 3;

export function buildModelLayout(input: ModelLayoutInput): ModelLayout {
  const { className, baseClass } = input;
  const readOnly = baseClass === 'ReadOnlyModel';
  const attributeProperties = input.spec.attributes.map(({ key, entries }): Property => ({
    key,
    value: initEntriesExpression(entries),
  }));
  const options: Expression = object([
    { key: 'sequelize', value: id('sequelize'), shorthand: true },
    ...input.spec.options.map(initProperty),
  ]);
  const typeArguments = readOnly
    ? [`${className}Attributes`]
    : [`${className}Attributes`, `${className}CreationAttributes`];
  return {
    importStatement: importStatement(input.runtimeImports, input.runtimeModule),
    attributes: input.attributes.map((attribute) => propertySignature(attribute)),
    creationAttributes: input.creationAttributes.map((attribute) => propertySignature(attribute)),
    classHeading: classHeading(className, baseClass, typeArguments, `${className}Attributes`),
    declarations: input.attributes.map((attribute) => propertySignature(attribute, 'declare ')),
    initModelSignature: methodSignature('initModel', ['sequelize: Sequelize'], `typeof ${className}`),
    initAttributes: attributeProperties.map((property) =>
      printFragment(
        withComma(flatProperty(property)),
        () => [propertyDoc(property), ','],
        INIT_ATTRIBUTE_DEPTH,
      ),
    ),
    initOptions: printFragment(
      withComma(flatExpression(options)),
      () => [expressionDoc(options), ','],
      INIT_OPTIONS_DEPTH,
    ),
    exact:
      // An empty interface or attributes object is `{}` on one line, which the template does not write.
      input.attributes.length > 0 &&
      (readOnly || input.creationAttributes.length > 0) &&
      attributeProperties.length > 0 &&
      hasExactLayout(options) &&
      hasExactProperties(attributeProperties),
  };
}

const withComma = (flat: string | undefined): string | undefined =>
  flat === undefined ? undefined : `${flat},`;
