/**
 * Checks of what a model does in the runtime rather than in its table (paranoid, virtual
 * attributes, scopes) that need the resolved model: names that must be attributes, options
 * that need another.
 */
import { didYouMean } from '../../runtime/did-you-mean.js';
import type { ModelIR } from '../ir.js';
import type { ModelDraft } from './model-draft.js';
import type { ProblemCollector } from './problem-collector.js';
import { checkTimestampName } from './validate-names.js';

export function checkDefinition(draft: ModelDraft, model: ModelIR, problems: ProblemCollector): void {
  checkParanoid(draft, model, problems);
  const names = model.attributes.map((a) => a.name);
  const notAttribute = (name: string, what: string) =>
    `${what} "${name}" is not an attribute of model ${draft.name}${didYouMean(name, names)}`;
  for (const attribute of draft.attributes) {
    if (attribute.virtual === undefined) continue;
    for (const field of attribute.virtual.fields)
      if (!names.includes(field)) problems.add(attribute.virtual.node, notAttribute(field, 'virtual field'));
    const columnOnly = (['primaryKey', 'autoIncrement', 'references', 'field', 'defaultValue'] as const).find(
      (key) => attribute[key] !== undefined && attribute[key] !== false,
    );
    if (columnOnly !== undefined || attribute.unique !== false)
      problems.add(
        attribute.virtual.node,
        `virtual attribute "${attribute.name}" of model ${draft.name} has no column, so it cannot take ${columnOnly ?? 'unique'}`,
      );
  }
  for (const index of draft.indexes)
    for (const field of index.fields)
      if ('attribute' in field && draft.attributes.some((a) => a.name === field.attribute && a.virtual))
        problems.add(
          field.node,
          `index field "${field.attribute}" is a virtual attribute of model ${draft.name}: it has no column`,
        );
  const scopes = [...(draft.defaultScope ? [draft.defaultScope] : []), ...Object.values(draft.scopes)];
  for (const scope of scopes)
    for (const { name, node } of scope.names)
      if (!names.includes(name)) problems.add(node, notAttribute(name, 'scope attribute'));
}

function checkParanoid(draft: ModelDraft, model: ModelIR, problems: ProblemCollector): void {
  if (draft.paranoid === undefined) return;
  if (draft.readOnly) {
    problems.add(
      draft.paranoid,
      `model ${draft.name} is readOnly: it never deletes, so it cannot be paranoid`,
    );
  } else if (!model.options.timestamps) {
    problems.add(
      draft.paranoid,
      `paranoid needs timestamps (as in Sequelize): remove timestamps: false from model ${draft.name}, or turn createdAt/updatedAt off one by one`,
    );
  }
  if (draft.deletedAt !== undefined)
    checkTimestampName('deletedAt', draft.deletedAt.value, draft.name, draft.deletedAt.node, problems);
}
