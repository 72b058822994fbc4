/**
 * The live tables (with their indexes), enum types and domains, read with the catalog's one reader: six queries for
 * every table being synced together, whatever their number, then grouped by table in memory.
 */
import type {
  ColumnRow,
  ConstraintRow,
  DomainRow,
  EnumRow,
  IndexRow,
  RelationRow,
} from '../catalog/catalog-rows.js';
import { groupByRelation, readCatalog } from '../catalog/read-catalog.js';

export type ReadQuery = (sql: string, params?: readonly unknown[]) => Promise<Record<string, unknown>[]>;

export interface LiveTable {
  readonly relation: RelationRow;
  /** By column name, in table order. */
  readonly columns: ReadonlyMap<string, ColumnRow>;
  readonly constraints: readonly ConstraintRow[];
  /** Indexes no constraint owns. */
  readonly indexes: readonly IndexRow[];
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
  const rows = await readCatalog(query, { schemas });
  const tables = new Map<string, LiveTable>();
  for (const { relation, columns, constraints, indexes } of groupByRelation(rows).values()) {
    if (!TABLE_KINDS.has(relation.kind)) continue;
    const byName = new Map(columns.map((column) => [column.name, column]));
    tables.set(tableKey(relation.schema, relation.name), {
      relation,
      columns: byName,
      constraints,
      indexes,
    });
  }
  return {
    tables,
    enums: new Map(rows.enums.map((e) => [tableKey(e.schema, e.name), e])),
    domains: new Map(rows.domains.map((d) => [d.oid, d])),
  };
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
