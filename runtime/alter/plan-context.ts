/** What the planners share: the live catalog, read-only queries, and decisions of earlier phases. */
import type { EnumTypeName } from '../model-definition.js';
import type { ColumnRow } from '../catalog/catalog-rows.js';
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

export function step(
  sql: string,
  kind: StepKind,
  reason: string,
  target: string,
  blocked?: string,
): SyncStep {
  return blocked === undefined ? { sql, kind, reason, target } : { sql, kind, reason, target, blocked };
}

/** `{c}` → the quoted column. split/join, not replace(): a `$` in a column name must stay literal. */
export function withColumn(template: string, quotedColumn: string): string {
  return template.split('{c}').join(quotedColumn);
}

export async function countRows(
  query: ReadQuery,
  sql: string,
  params: readonly unknown[] = [],
): Promise<number> {
  const rows = await query(`SELECT count(*)::int AS n FROM ${sql}`, params);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Rows that share their values of `keys` (SQL: quoted columns or expressions) with another row,
 * among those where every key is not null and `where` (if any) holds: the rows a new UNIQUE
 * constraint or unique index would refuse.
 */
export async function countDuplicateRows(
  query: ReadQuery,
  quotedTable: string,
  keys: readonly string[],
  where?: string,
): Promise<number> {
  const conditions = [...keys.map((key) => `${key} IS NOT NULL`), ...(where ? [`(${where})`] : [])];
  const groups = `SELECT count(*) AS n FROM ${quotedTable} WHERE ${conditions.join(' AND ')} GROUP BY ${keys.join(', ')} HAVING count(*) > 1`;
  const rows = await query(`SELECT coalesce(sum(n), 0)::int AS n FROM (${groups}) AS d`);
  return Number(rows[0]?.n ?? 0);
}

/** Non-null rows of the column that fail the check. */
export function countFailing(
  query: ReadQuery,
  quotedTable: string,
  quotedColumn: string,
  check: RowCheck,
): Promise<number> {
  return countRows(
    query,
    `${quotedTable} WHERE ${quotedColumn} IS NOT NULL AND (${withColumn(check.condition, quotedColumn)})`,
    check.params,
  );
}

export function rowsText(count: number): string {
  return count === 1 ? '1 row' : `${count} rows`;
}

/**
 * Why the type of a live column cannot change while views (or rules) use it, naming them, or
 * undefined when none does: PostgreSQL refuses ("cannot alter type of a column used by a view or rule").
 */
export async function usedByViews(query: ReadQuery, column: ColumnRow): Promise<string | undefined> {
  const views = await viewsUsingColumn(query, column.relation_oid, column.name);
  if (views.length === 0) return undefined;
  const them = views.length === 1 ? 'it' : 'them';
  return `"${column.name}" is used by ${views.length === 1 ? 'view' : 'views'} ${views.join(', ')}, and PostgreSQL cannot change the type of a column a view uses; drop ${them}, sync, then create ${them} again`;
}

/** The views (and rules) that use a column, as "schema.name". */
async function viewsUsingColumn(query: ReadQuery, tableOid: string, column: string): Promise<string[]> {
  const rows = await query(
    `SELECT DISTINCT n.nspname::text AS schema, v.relname::text AS name
     FROM pg_catalog.pg_depend d
     JOIN pg_catalog.pg_rewrite r ON r.oid = d.objid
     JOIN pg_catalog.pg_class v ON v.oid = r.ev_class
     JOIN pg_catalog.pg_namespace n ON n.oid = v.relnamespace
     JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
     WHERE d.classid = 'pg_catalog.pg_rewrite'::regclass AND d.refclassid = 'pg_catalog.pg_class'::regclass
       AND d.refobjid = $1::oid AND a.attname = $2 AND v.oid <> d.refobjid
     ORDER BY 1, 2`,
    [tableOid, column],
  );
  return rows.map((row) => `${String(row.schema)}.${String(row.name)}`);
}
