import type { SharedOptions } from './model-draft.js';
import type { ProblemCollector } from './problem-collector.js';
import type { ModelWithDraft } from './resolve-references.js';
import { checkTimestampName } from './validate-names.js';

/**
 * Checks across models: names unique case-insensitively (they are file names), tables unique,
 * and the timestamp names `define:` gives every model.
 */
export function checkSchema(
  define: SharedOptions,
  models: readonly ModelWithDraft[],
  problems: ProblemCollector,
): void {
  checkDefineTimestamps(define, problems);
  checkCaseInsensitiveNames(models, problems);
  checkGeneratedTypeNames(models, problems);
  checkTables(models, problems);
}

/** Each model file exports `<Name>Attributes` and `<Name>CreationAttributes`; index.ts re-exports them all. */
const GENERATED_TYPE_SUFFIXES = ['CreationAttributes', 'Attributes'] as const;

function checkGeneratedTypeNames(models: readonly ModelWithDraft[], problems: ProblemCollector): void {
  const names = new Set(models.map((entry) => entry.model.name));
  for (const entry of models) {
    const suffix = GENERATED_TYPE_SUFFIXES.find(
      (s) => entry.model.name.endsWith(s) && names.has(entry.model.name.slice(0, -s.length)),
    );
    if (suffix === undefined) continue;
    const owner = entry.model.name.slice(0, -suffix.length);
    problems.add(
      entry.draft.nameNode,
      `model name "${entry.model.name}" is the name of model ${owner}'s generated ${suffix} type; rename the model and keep its table with tableName:`,
    );
  }
}

function checkDefineTimestamps(define: SharedOptions, problems: ProblemCollector): void {
  for (const [option, value] of [
    ['createdAt', define.createdAt],
    ['updatedAt', define.updatedAt],
  ] as const) {
    if (value !== undefined && typeof value.value === 'string')
      checkTimestampName(option, value.value, '', value.node, problems);
  }
}

function checkCaseInsensitiveNames(models: readonly ModelWithDraft[], problems: ProblemCollector): void {
  const byLowerName = new Map<string, ModelWithDraft>();
  for (const entry of models) {
    const lower = entry.model.name.toLowerCase();
    const first = byLowerName.get(lower);
    if (first === undefined) {
      byLowerName.set(lower, entry);
      continue;
    }
    problems.add(
      entry.draft.nameNode,
      `model names "${first.model.name}" and "${entry.model.name}" differ only in case; their files would be one on case-insensitive file systems; rename one`,
    );
  }
}

function checkTables(models: readonly ModelWithDraft[], problems: ProblemCollector): void {
  const byTable = new Map<string, ModelWithDraft>();
  for (const entry of models) {
    const { schema, tableName } = entry.model;
    const key = `${schema ?? ''}.${tableName}`;
    const first = byTable.get(key);
    if (first === undefined) {
      byTable.set(key, entry);
      continue;
    }
    const table = schema === undefined ? `"${tableName}"` : `"${schema}"."${tableName}"`;
    problems.add(
      entry.draft.tableNameNode ?? entry.draft.nameNode,
      `models ${first.model.name} and ${entry.model.name} both map to table ${table}; give one of them another tableName:`,
    );
  }
}
