/**
 * A model's `validate:` mapping (Sequelize's model validators): name → the validator's
 * TypeScript source, declared like a method (`namesDiffer(this: User) { ... }`), which the
 * generated `init` passes in its `validate` option and the runtime calls with the instance as `this`.
 */
import type { ModelIR } from '../ir.js';
import type { ModelDraft, ModelValidatorDraft } from './model-draft.js';
import type { ProblemCollector } from './problem-collector.js';
import { readFunctionSource } from './read-validators.js';
import { findEntry, type Entry, type YamlReader } from './yaml-reader.js';

export function readModelValidators(
  entries: readonly Entry[],
  model: string,
  reader: YamlReader,
): ModelValidatorDraft[] {
  const entry = findEntry(entries, 'validate');
  if (entry === undefined) return [];
  return (reader.mappingEntries(entry, `validate of model ${model}`) ?? []).flatMap((validator) => {
    const example = `${validator.key}(this: ${model}) { ... }, throwing to fail`;
    const source = readFunctionSource(validator, validator.key, example, reader);
    return source === undefined ? [] : [{ name: validator.key, nameNode: validator.keyNode, source }];
  });
}

/** Sequelize refuses a model validator named like an attribute (its errors would share the path). */
export function checkModelValidators(draft: ModelDraft, model: ModelIR, problems: ProblemCollector): void {
  for (const validator of draft.validate) {
    if (model.attributes.some((attribute) => attribute.name === validator.name))
      problems.add(
        validator.nameNode,
        `model validator "${validator.name}" of model ${draft.name} has the name of an attribute, which Sequelize refuses; ` +
          `rename the validator (for example ${validator.name}IsValid) and the function in its source`,
      );
  }
}

export function modelValidatorSources(drafts: readonly ModelValidatorDraft[]): Record<string, string> {
  return Object.fromEntries(drafts.map(({ name, source }) => [name, source]));
}
