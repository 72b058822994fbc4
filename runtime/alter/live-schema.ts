/**
 * The live tables, enum types and domains, read with the shared bulk catalog queries: five
 * queries for every table being synced together, whatever their number, then grouped by table
 * in memory.
 */
import {
  COLUMNS_QUERY,
  CONSTRAINTS_QUERY,
  DOMAINS_QUERY,
  ENUMS_QUERY,
  RELATIONS_QUERY,
} from '../catalog/catalog-queries.js';
import type { ColumnRow, ConstraintRow, DomainRow, EnumRow, RelationRow } from '../catalog/catalog-rows.js';

export type ReadQuery = (sql: string, params?: readonly unknown[]) => Promise<Record<string, unknown>[]>;

export interface LiveTable {
  readonly relation: RelationRow;
  /** By column name, in table order. */
  readonly columns: ReadonlyMap<string, ColumnRow>;
  readonly constraints: readonly ConstraintRow[];
}

export interface LiveSchema {
  /** Tables (not views) by tableKey(schema, name). */
  readonly tables: ReadonlyMap<string, LiveTable>;
  /** Enum types by tableKey(schema, name). */
  readonly enums: ReadonlyMap<string, EnumRow>;
  /** Domains by oid: a column of a domain compares by the domain's base type. */
  readonly domains: ReadonlyMap<string, DomainRow>;
}

/** The one key for "schema.name" lookups (tables and types alike). */
export function tableKey(schema: string, name: string): string {
  return JSON.stringify([schema, name]);
}

const TABLE_KINDS = new Set(['r', 'p']);

export async function readLiveSchema(query: ReadQuery, schemas: readonly string[]): Promise<LiveSchema> {
  const scope = [[...new Set(schemas)]];
  const relations = (await query(RELATIONS_QUERY, scope)) as unknown as RelationRow[];
  const columns = (await query(COLUMNS_QUERY, scope)) as unknown as ColumnRow[];
  const constraints = (await query(CONSTRAINTS_QUERY, scope)) as unknown as ConstraintRow[];
  const enums = (await query(ENUMS_QUERY)) as unknown as EnumRow[];
  const domains = (await query(DOMAINS_QUERY)) as unknown as DomainRow[];
  return {
    tables: groupTables(relations, columns, constraints),
    enums: new Map(enums.map((e) => [tableKey(e.schema, e.name), e])),
    domains: new Map(domains.map((d) => [d.oid, d])),
  };
}

function groupTables(
  relations: readonly RelationRow[],
  columns: readonly ColumnRow[],
  constraints: readonly ConstraintRow[],
) {
  const byOid = new Map<
    string,
    { relation: RelationRow; columns: Map<string, ColumnRow>; constraints: ConstraintRow[] }
  >();
  for (const relation of relations) {
    if (TABLE_KINDS.has(relation.kind))
      byOid.set(relation.oid, { relation, columns: new Map(), constraints: [] });
  }
  for (const column of columns) byOid.get(column.relation_oid)?.columns.set(column.name, column);
  for (const constraint of constraints) byOid.get(constraint.relation_oid)?.constraints.push(constraint);
  const tables = new Map<string, LiveTable>();
  for (const table of byOid.values()) tables.set(tableKey(table.relation.schema, table.relation.name), table);
  return tables;
}

/** Every live table column whose type is the enum `oid`, or an array of it. */
export function columnsOfEnum(live: LiveSchema, oid: string): { table: LiveTable; column: ColumnRow }[] {
  const out: { table: LiveTable; column: ColumnRow }[] = [];
  for (const table of live.tables.values()) {
    for (const column of table.columns.values()) {
      if (column.type_oid === oid || column.element_oid === oid) out.push({ table, column });
    }
  }
  return out;
}
