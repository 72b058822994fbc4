/** What the planners share: the live catalog, read-only queries, and decisions of earlier phases. */
import type { EnumTypeName } from '../model-definition.js';
import type { LiveSchema, ReadQuery } from './live-schema.js';
import type { RowCheck } from './type-change.js';
import type { StepKind, SyncStep } from './sync-plan.js';

export interface PlanContext {
  readonly live: LiveSchema;
  readonly query: ReadQuery;
  /** Desired enum types by tableKey(schema, name). */
  readonly enums: ReadonlyMap<string, EnumTypeName>;
  /** `columnKey`s whose DEFAULT an earlier step drops (enum rebuilds): the model's default is set again. */
  readonly droppedDefaults: Set<string>;
}

export function columnKey(tableKeyText: string, column: string): string {
  return `${tableKeyText}#${column}`;
}

export function step(sql: string, kind: StepKind, reason: string, target: string, blocked?: string): SyncStep {
  return blocked === undefined ? { sql, kind, reason, target } : { sql, kind, reason, target, blocked };
}

/** `{c}` → the quoted column. split/join, not replace(): a `$` in a column name must stay literal. */
export function withColumn(template: string, quotedColumn: string): string {
  return template.split('{c}').join(quotedColumn);
}

export async function countRows(query: ReadQuery, sql: string, params: readonly unknown[] = []): Promise<number> {
  const rows = await query(`SELECT count(*)::int AS n FROM ${sql}`, params);
  return Number(rows[0]?.n ?? 0);
}

/** Non-null rows of the column that fail the check. */
export function countFailing(query: ReadQuery, quotedTable: string, quotedColumn: string, check: RowCheck): Promise<number> {
  return countRows(query, `${quotedTable} WHERE ${quotedColumn} IS NOT NULL AND (${withColumn(check.condition, quotedColumn)})`, check.params);
}

export function rowsText(count: number): string {
  return count === 1 ? '1 row' : `${count} rows`;
}
