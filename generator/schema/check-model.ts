import type { AttributeIR, ModelIR } from '../ir.js';
import type { AttributeDraft } from './attribute-draft.js';
import { checkAttributeDefault } from './check-attribute-default.js';
import { checkIndexes } from './check-indexes.js';
import { checkMembers } from './check-members.js';
import { checkDefinition } from './check-definition.js';
import { describeType } from './describe-type.js';
import type { ModelDraft } from './model-draft.js';
import { checkModelValidators } from './model-validators.js';
import type { ProblemCollector } from './problem-collector.js';
import { timestampNames } from './resolve-model.js';
import { checkAttributeName, checkModelName, checkTimestampName } from './validate-names.js';

const INTEGER_KINDS = new Set(['SMALLINT', 'INTEGER', 'BIGINT']);

/** Every check that needs one model only; problems go to the collector. */
export function checkModel(draft: ModelDraft, model: ModelIR, problems: ProblemCollector): void {
  checkModelName(draft.name, draft.nameNode, problems);
  for (const [key, option] of [
    ['createdAt', draft.options.createdAt],
    ['updatedAt', draft.options.updatedAt],
  ] as const) {
    if (option !== undefined && typeof option.value === 'string')
      checkTimestampName(key, option.value, draft.name, option.node, problems);
  }
  for (const attribute of draft.attributes) {
    const resolved = model.attributes.find((a) => a.name === attribute.name && a.origin === 'declared')!;
    checkAttributeName(attribute.name, draft.name, resolved.field, attribute.nameNode, problems);
    checkAttributeDefault(attribute, resolved, draft.name, problems);
    checkPrimaryKeyNullability(attribute, draft.name, problems);
    checkTimestampCollision(attribute, model, problems);
  }
  checkIdRule(draft, problems);
  checkAutoIncrement(draft, model, problems);
  checkColumns(draft, model, problems);
  checkMembers(draft, model, problems);
  checkIndexes(draft, model, problems);
  checkDefinition(draft, model, problems);
  checkModelValidators(draft, model, problems);
}

/** Sequelize refuses an `id` that is not the primary key when it would add its own `id` (never for a view). */
function checkIdRule(draft: ModelDraft, problems: ProblemCollector): void {
  if (draft.readOnly || draft.attributes.some((a) => a.primaryKey)) return;
  const id = draft.attributes.find((a) => a.name === 'id');
  if (id === undefined) return;
  problems.add(
    id.nameNode,
    `attribute "id" of model ${draft.name} is not marked primaryKey: true, but no other attribute is a primary key; ` +
      'add primaryKey: true to it, or rename it and let the automatic id be the primary key',
  );
}

function checkPrimaryKeyNullability(
  attribute: AttributeDraft,
  modelName: string,
  problems: ProblemCollector,
): void {
  if (attribute.primaryKey && attribute.allowNull === true) {
    problems.add(
      attribute.nameNode,
      `attribute "${attribute.name}" of model ${modelName} is a primary key, which cannot be null; remove allowNull: true`,
    );
  }
}

/**
 * A declared attribute named like a timestamp replaces it (as in Sequelize); the runtime still
 * writes a Date into it, so it must be a DATE.
 */
function checkTimestampCollision(
  attribute: AttributeDraft,
  model: ModelIR,
  problems: ProblemCollector,
): void {
  if (!timestampNames(model.options).includes(attribute.name) || attribute.type === undefined) return;
  if (attribute.type.kind === 'DATE') return;
  const option =
    model.options.createdAt === attribute.name
      ? 'createdAt'
      : model.options.updatedAt === attribute.name
        ? 'updatedAt'
        : 'deletedAt';
  problems.add(
    attribute.typeNode,
    `attribute "${attribute.name}" of model ${model.name} is the ${option} timestamp, which the runtime fills with a Date, ` +
      `but its type is ${describeType(attribute.type)}; make it DATE, or rename the timestamp (${option}: <name>) or turn it off (${option}: false)`,
  );
}

function checkAutoIncrement(draft: ModelDraft, model: ModelIR, problems: ProblemCollector): void {
  const declared = draft.attributes.filter((a) => a.autoIncrement);
  for (const attribute of declared) {
    if (attribute.type !== undefined && !INTEGER_KINDS.has(attribute.type.kind)) {
      problems.add(
        attribute.autoIncrementNode ?? attribute.nameNode,
        `autoIncrement on attribute "${attribute.name}" of model ${draft.name} needs an integer type (SMALLINT, INTEGER or BIGINT), not ${describeType(attribute.type)}`,
      );
    }
  }
  const automatic = model.attributes.filter((a) => a.origin === 'auto-primary-key');
  if (declared.length + automatic.length <= 1) return;
  const first = automatic.length > 0 ? 'the automatic id' : `"${declared[0]!.name}"`;
  for (const attribute of declared.slice(automatic.length > 0 ? 0 : 1)) {
    problems.add(
      attribute.autoIncrementNode ?? attribute.nameNode,
      `model ${draft.name} can have only one autoIncrement attribute and ${first} is one already; ` +
        (automatic.length > 0
          ? `make "${attribute.name}" the primary key (primaryKey: true) or remove autoIncrement`
          : `remove autoIncrement from "${attribute.name}"`),
    );
  }
}

/** Two attributes writing one column would fight over it. */
function checkColumns(draft: ModelDraft, model: ModelIR, problems: ProblemCollector): void {
  const owners = new Map<string, AttributeIR>();
  for (const attribute of model.attributes.filter((a) => a.virtual === undefined)) {
    const owner = owners.get(attribute.field);
    if (owner === undefined) {
      owners.set(attribute.field, attribute);
      continue;
    }
    // Point at the declared attribute of the pair (the automatic ones have no place in the file).
    const declared = [attribute, owner].find((a) => a.origin === 'declared');
    problems.add(
      draft.attributes.find((a) => a.name === declared?.name)?.nameNode ?? draft.nameNode,
      `attributes "${owner.name}"${describeOrigin(owner)} and "${attribute.name}"${describeOrigin(attribute)} of model ${draft.name} both map to column "${attribute.field}"; give one of them another field:`,
    );
  }
}

function describeOrigin(attribute: AttributeIR): string {
  if (attribute.origin === 'auto-primary-key') return ' (the automatic primary key)';
  if (attribute.origin === 'timestamp') return ' (a timestamp)';
  return '';
}
