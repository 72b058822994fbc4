/**
 * The whole plan for a set of models: enum types first (shared by tables), then each table in
 * the given (foreign-key) order: missing tables are created, existing ones diffed against the
 * live catalog, read once for all of them.
 */
import type { EnumTypeName, ModelDefinition } from '../model-definition.js';
import { createTableSql } from '../sql/ddl.js';
import { planColumns } from './column-plan.js';
import { planConstraints } from './constraint-plan.js';
import { planEnumTypes } from './enum-plan.js';
import { planIndexes } from './index-plan.js';
import { readLiveSchema, tableKey, type ReadQuery } from './live-schema.js';
import { step, type PlanContext } from './plan-context.js';
import type { SyncPlan, SyncStep } from './sync-plan.js';

export async function planModels(defs: readonly ModelDefinition[], query: ReadQuery): Promise<SyncPlan> {
  const enums = desiredEnums(defs);
  const schemas = [...defs.map(schemaOf), ...[...enums.values()].map((type) => type.schema)];
  const live = await readLiveSchema(query, schemas);
  const ctx: PlanContext = { live, query, enums, droppedDefaults: new Set() };
  const steps = await planEnumTypes(ctx, defs);
  for (const def of defs) steps.push(...(await planTable(ctx, def)));
  return { steps };
}

function schemaOf(def: ModelDefinition): string {
  return def.schema ?? 'public';
}

/** Enum types the models use, by name; two models may share a named type only with the same labels. */
function desiredEnums(defs: readonly ModelDefinition[]): Map<string, EnumTypeName> {
  const types = new Map<string, EnumTypeName>();
  const owners = new Map<string, string>();
  for (const def of defs) {
    for (const attr of def.attributeList) {
      const type = attr.enumType;
      if (!type) continue;
      const key = tableKey(type.schema, type.name);
      const seen = types.get(key);
      if (seen && seen.values.join('\u0000') !== type.values.join('\u0000')) {
        throw new Error(
          `Enum type ${type.schema}.${type.name} has labels (${seen.values.join(', ')}) in ${owners.get(key)} but (${type.values.join(', ')}) in ${def.name}.${attr.name}`,
        );
      }
      types.set(key, type);
      owners.set(key, `${def.name}.${attr.name}`);
    }
  }
  return types;
}

async function planTable(ctx: PlanContext, def: ModelDefinition): Promise<SyncStep[]> {
  const key = tableKey(schemaOf(def), def.tableName);
  const live = ctx.live.tables.get(key);
  if (!live) {
    const create = createTableSql(def).map((sql) =>
      step(sql, 'safe', `create table ${def.tableName} (missing)`, def.quotedTable),
    );
    const indexes = await planIndexes(ctx, def, undefined, new Set());
    return [...create, ...indexes.adds];
  }
  const columns = await planColumns(ctx, def, live, key);
  const constraints = await planConstraints(ctx, def, live, columns.added);
  const indexes = await planIndexes(ctx, def, live, columns.added);
  // Indexes are dropped before the columns they cover change, and made after.
  return [
    ...indexes.drops,
    ...constraints.drops,
    ...columns.drops,
    ...columns.adds,
    ...columns.changes,
    ...constraints.adds,
    ...indexes.adds,
    ...columns.comments,
  ];
}
