import type { Node } from 'yaml';
import {
  isIdentifier,
  isReservedClassName,
  isReservedWord,
  suggestIdentifier,
  TAKEN_CLASS_NAMES,
  TAKEN_FILE_NAMES,
} from '../identifiers.js';
import { describeModelMember, isModelMember } from './model-members.js';
import type { ProblemCollector } from './problem-collector.js';

/** A model name must be a class name that is also a safe file name. */
export function checkModelName(name: string, node: Node, problems: ProblemCollector): void {
  if (!isIdentifier(name)) {
    problems.add(
      node,
      `model name "${name}" is not a valid TypeScript class name; use letters, digits and _ (e.g. ${pascal(suggestIdentifier(name))})`,
    );
  } else if (isReservedClassName(name)) {
    problems.add(
      node,
      `model name "${name}" is a reserved word; use a PascalCase name such as ${pascal(name)}`,
    );
  } else if (TAKEN_FILE_NAMES.has(name.toLowerCase())) {
    problems.add(
      node,
      `model name "${name}" is taken by the generated ${name.toLowerCase()}.ts; rename the model (e.g. ${pascal(name)}Entry) and keep its table with tableName:`,
    );
  } else if (TAKEN_CLASS_NAMES.has(name)) {
    problems.add(
      node,
      `model name "${name}" would shadow ${name} in the generated code; rename the model (e.g. ${name}Record) and keep its table with tableName:`,
    );
  }
}

function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * An attribute name becomes a property: it must be an identifier that is not a reserved word
 * nor a member every model has. The fix is always the same: another name, the column kept by `field`.
 */
export function checkAttributeName(
  name: string,
  modelName: string,
  column: string,
  node: Node,
  problems: ProblemCollector,
): void {
  const fix = `rename it (e.g. "${suggestIdentifier(name)}") and keep the column with field: ${column}`;
  if (!isIdentifier(name)) {
    problems.add(
      node,
      `attribute "${name}" of model ${modelName} is not a valid TypeScript identifier; ${fix}`,
    );
  } else if (isReservedWord(name)) {
    problems.add(node, `attribute "${name}" of model ${modelName} is a reserved word; ${fix}`);
  } else if (isModelMember(name)) {
    problems.add(
      node,
      `attribute "${name}" of model ${modelName} collides with ${describeModelMember(name)}; ${fix}`,
    );
  }
}

/** A renamed timestamp (`updatedAt: updatedTimeStamp`) becomes an attribute too. */
export function checkTimestampName(
  option: string,
  name: string,
  modelName: string,
  node: Node,
  problems: ProblemCollector,
): void {
  const where = modelName === '' ? `in define` : `of model ${modelName}`;
  if (!isIdentifier(name) || isReservedWord(name) || isModelMember(name)) {
    const why = !isIdentifier(name)
      ? 'is not a valid TypeScript identifier'
      : isModelMember(name)
        ? `collides with ${describeModelMember(name)}`
        : 'is a reserved word';
    problems.add(
      node,
      `${option} "${name}" ${where} ${why}; use false, true or an attribute name such as "${suggestIdentifier(name)}"`,
    );
  }
}
