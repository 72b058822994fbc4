import type { AttributeIR, ModelIR, ReferenceIR } from '../ir.js';
import type { ReferenceDraft } from './attribute-draft.js';
import { didYouMean } from '../../runtime/did-you-mean.js';
import type { ModelDraft } from './model-draft.js';
import type { ProblemCollector } from './problem-collector.js';

/** A resolved model next to the draft it came from (for positions). */
export interface ModelWithDraft {
  readonly model: ModelIR;
  readonly draft: ModelDraft;
}

/**
 * Fills every `references` with the referenced table, schema and column: `{ model }` takes the
 * model's table and single-column primary key; `{ table }` naming a model's table gets its model.
 */
export function resolveReferences(models: readonly ModelWithDraft[], problems: ProblemCollector): ModelIR[] {
  const byName = new Map(models.map(({ model }) => [model.name, model]));
  return models.map(({ model, draft }) => ({
    ...model,
    attributes: model.attributes.map((attribute) => {
      const reference = draft.attributes.find(
        (a) => a.name === attribute.name && attribute.origin === 'declared',
      )?.references;
      if (reference === undefined || attribute.references === undefined) return attribute;
      const resolved = resolveReference(reference, attribute.references, byName, problems);
      return resolved === undefined ? attribute : { ...attribute, references: resolved };
    }),
  }));
}

function resolveReference(
  draft: ReferenceDraft,
  reference: ReferenceIR,
  byName: ReadonlyMap<string, ModelIR>,
  problems: ProblemCollector,
): ReferenceIR | undefined {
  if (draft.model === undefined) return withModelOfTable(reference, byName);
  const target = byName.get(draft.model);
  if (target === undefined) {
    const hint =
      didYouMean(draft.model, [...byName.keys()]) || `; models are: ${[...byName.keys()].join(', ')}`;
    problems.add(
      draft.modelNode ?? draft.node,
      `references.model "${draft.model}" is not a model of this schema${hint}`,
    );
    return undefined;
  }
  const key =
    draft.key === undefined
      ? primaryKeyColumn(target, draft, problems)
      : namedColumn(target, draft, problems);
  if (key === undefined) return undefined;
  return {
    ...reference,
    model: target.name,
    table: target.tableName,
    ...(target.schema !== undefined && { schema: target.schema }),
    key,
  };
}

/** The column of the model's only primary-key attribute. */
function primaryKeyColumn(
  target: ModelIR,
  draft: ReferenceDraft,
  problems: ProblemCollector,
): string | undefined {
  const keys = target.attributes.filter((a) => a.primaryKey);
  if (keys.length === 1) return keys[0]!.field;
  problems.add(
    draft.modelNode ?? draft.node,
    keys.length === 0
      ? `model ${target.name} has no primary key to reference; name the referenced column with key:`
      : `model ${target.name} has a composite primary key (${keys.map((k) => k.name).join(', ')}); name the referenced column with key:`,
  );
  return undefined;
}

/** `key:` names a column of the model; its attribute name is accepted too and mapped to the column. */
function namedColumn(target: ModelIR, draft: ReferenceDraft, problems: ProblemCollector): string | undefined {
  const key = draft.key!;
  const attribute: AttributeIR | undefined =
    target.attributes.find((a) => a.field === key) ?? target.attributes.find((a) => a.name === key);
  if (attribute !== undefined) return attribute.field;
  const columns = target.attributes.map((a) => a.field);
  problems.add(
    draft.keyNode ?? draft.node,
    `references.key "${key}" is not a column of model ${target.name}${didYouMean(key, columns) || `; its columns are: ${columns.join(', ')}`}`,
  );
  return undefined;
}

/** A `{ table }` reference that names a model's table is a reference to that model. */
function withModelOfTable(reference: ReferenceIR, byName: ReadonlyMap<string, ModelIR>): ReferenceIR {
  const model = [...byName.values()].find(
    (m) => m.tableName === reference.table && m.schema === reference.schema,
  );
  return model === undefined ? reference : { ...reference, model: model.name };
}
