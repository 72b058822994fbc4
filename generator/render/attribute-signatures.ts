/**
 * The attributes as TypeScript declares them: the row type (also the class's `declare`d fields)
 * and the creation type, with what is optional on create decided here.
 */
import { isReadOnly, isTimestamp, type AttributeIR, type ModelIR } from '../ir.js';
import type { PropertySignature } from '../layout/declarations.js';
import { typeName, union } from '../layout/type-expression.js';
import { jsdoc } from './jsdoc.js';
import { attributeTypeExpression } from './type-map.js';

export interface AttributeSignatures {
  readonly attributes: readonly PropertySignature[];
  /** Empty for read-only models. */
  readonly creationAttributes: readonly PropertySignature[];
}

/**
 * `readOnly`: no creation type (false for --runtime sequelize, which has no read-only model).
 * `alsoText`: attributes whose value may also be written as its PostgreSQL text (--runtime
 * sequelize's parsed types: an interval read as an object is written as '1 day').
 */
export function attributeSignatures(
  model: ModelIR,
  readOnly = isReadOnly(model),
  alsoText: (attribute: AttributeIR) => boolean = () => false,
): AttributeSignatures {
  const attributes = model.attributes.map(attributeSignature);
  const creationAttributes = readOnly
    ? []
    : model.attributes.flatMap((attribute, index) =>
        isWritable(attribute)
          ? [
              {
                ...attributes[index]!,
                ...(alsoText(attribute) ? { type: withText(attribute) } : {}),
                optional: isOptionalOnCreate(attribute, model),
              },
            ]
          : [],
      );
  return { attributes, creationAttributes };
}

/** `Type | string | null`: the value, or its PostgreSQL text. */
function withText(attribute: AttributeIR) {
  const types = [attributeTypeExpression(attribute), typeName('string')];
  return union(attribute.allowNull ? [...types, typeName('null')] : types);
}

function attributeSignature(attribute: AttributeIR): PropertySignature {
  const type = attributeTypeExpression(attribute);
  return {
    name: attribute.name,
    type: attribute.allowNull ? union([type, typeName('null')]) : type,
    jsdoc: jsdoc(describeAttribute(attribute)),
  };
}

/**
 * The column comment, plus the domain it is declared with (its CHECK is a rule the type cannot
 * say), the CHECK constraints its validators came from, and a soft-delete column's opt-in.
 */
function describeAttribute(attribute: AttributeIR): string | undefined {
  const { domain } = attribute;
  const parts = [attribute.comment];
  if (domain !== undefined) {
    const name = domain.schema === undefined ? domain.name : `${domain.schema}.${domain.name}`;
    parts.push(`Domain ${name}${domain.check === undefined ? '' : `: ${domain.check}`}`);
  }
  if (attribute.checks?.length) parts.push(attribute.checks.join('\n'));
  if (attribute.paranoidCandidate)
    parts.push(
      `A soft-delete column? With paranoid: true and deletedAt: ${attribute.name} in the schema, destroy() sets it instead of deleting (docs/from-db.md).`,
    );
  const text = parts.filter((part) => part !== undefined).join('\n\n');
  return text === '' ? undefined : text;
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
    attribute.virtual !== undefined ||
    isTimestamp(model, attribute)
  );
}
