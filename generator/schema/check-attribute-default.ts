import type { AttributeIR } from '../ir.js';
import type { AttributeDraft } from './attribute-draft.js';
import { defaultValueProblem } from './check-default-value.js';
import type { ProblemCollector } from './problem-collector.js';

/** The default must be a value of the attribute's type, and not null on a NOT NULL column. */
export function checkAttributeDefault(
  draft: AttributeDraft,
  resolved: AttributeIR,
  modelName: string,
  problems: ProblemCollector,
): void {
  const defaultValue = draft.defaultValue;
  if (defaultValue === undefined || draft.type === undefined) return;
  const where = `attribute "${draft.name}" of model ${modelName}`;
  if (defaultValue.kind === 'literal' && defaultValue.value === null && !resolved.allowNull) {
    problems.add(
      draft.defaultValueNode,
      `defaultValue null on ${where}, which does not allow null; remove the default or set allowNull: true`,
    );
    return;
  }
  const problem = defaultValueProblem(defaultValue, draft.type);
  if (problem !== undefined) problems.add(draft.defaultValueNode, `${problem} (${where})`);
}
