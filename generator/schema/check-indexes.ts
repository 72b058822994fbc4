/** Checks of a model's `indexes:` that need the resolved model: attribute names, names, views. */
import { didYouMean } from '../../runtime/did-you-mean.js';
import type { ModelIR } from '../ir.js';
import type { ModelDraft } from './model-draft.js';
import type { ProblemCollector } from './problem-collector.js';

export function checkIndexes(draft: ModelDraft, model: ModelIR, problems: ProblemCollector): void {
  if (draft.indexes.length > 0 && draft.readOnly) {
    problems.add(
      draft.indexes[0]!.node,
      `model ${draft.name} is readOnly (a view): sync() never creates it, so it has no indexes; remove indexes:`,
    );
    return;
  }
  const attributeNames = model.attributes.map((a) => a.name);
  const names = new Set<string>();
  for (const index of draft.indexes) {
    for (const field of index.fields) {
      if ('attribute' in field && !attributeNames.includes(field.attribute)) {
        problems.add(
          field.node,
          `index field "${field.attribute}" is not an attribute of model ${draft.name}${didYouMean(field.attribute, attributeNames)}`,
        );
      }
    }
    if (index.name === undefined && index.fields.some((field) => 'expression' in field))
      problems.add(index.node, `an index on an expression needs a name (model ${draft.name})`);
    if (index.name !== undefined) {
      if (names.has(index.name))
        problems.add(index.node, `two indexes of model ${draft.name} are named "${index.name}"`);
      names.add(index.name);
    }
  }
}
