/**
 * The one reader of the catalog: sends the bulk queries (catalog-queries.ts), one after the other
 * or all at once over several connections, returns their rows, and groups them by relation.
 * `--from-db` (generator/introspect) and sync({ alter }) (runtime/alter) both read through it.
 */
import { CATALOG_QUERIES } from './catalog-queries.js';
import type { CatalogRows, ColumnRow, ConstraintRow, IndexRow, RelationRow } from './catalog-rows.js';

/** Runs one catalog query and resolves its rows. */
export type CatalogQuery = (sql: string, params: unknown[]) => Promise<readonly unknown[]>;

export type CatalogPart = keyof typeof CATALOG_QUERIES;

export interface ReadCatalogOptions {
  /** Schemas to read; null: every user schema. */
  readonly schemas: readonly string[] | null;
  /** Also ask for current_database() (the generator names it in messages; alter does not need it). */
  readonly databaseName?: boolean;
  /** Called after each query, e.g. for progress messages. */
  readonly onRead?: (part: CatalogPart, rowCount: number) => void;
  /**
   * Send every query at once, for a query function over several connections (--from-db: the
   * columns and constraints queries are most of the wait on a large database). Otherwise each
   * waits for the one before, as a transaction's connection needs.
   */
  readonly concurrent?: boolean;
}

export async function readCatalog(query: CatalogQuery, options: ReadCatalogOptions): Promise<CatalogRows> {
  const scope = options.schemas === null ? null : [...new Set(options.schemas)];
  const parts: CatalogPart[] = [
    ...(options.databaseName ? (['database'] as const) : []),
    ...(['relations', 'columns', 'constraints', 'enums', 'domains', 'indexes'] as const),
  ];
  const send = (part: CatalogPart): Promise<readonly unknown[]> => {
    const sql = CATALOG_QUERIES[part];
    return query(sql, sql.includes('$1') ? [scope] : []);
  };
  const rows = new Map<CatalogPart, readonly unknown[]>();
  const keep = (part: CatalogPart, found: readonly unknown[]): void => {
    rows.set(part, found);
    options.onRead?.(part, found.length);
  };
  if (options.concurrent) {
    // Rows, progress and the error reported (the first failing query in this order) do not
    // depend on which query finished first.
    const settled = await Promise.allSettled(parts.map(send));
    for (const [index, result] of settled.entries()) {
      if (result.status === 'rejected') throw result.reason;
      keep(parts[index]!, result.value);
    }
  } else {
    for (const part of parts) keep(part, await send(part));
  }
  const rowsOf = <Row>(part: CatalogPart): Row[] => rows.get(part) as Row[];
  const database = options.databaseName ? rowsOf<{ database?: unknown }>('database')[0] : undefined;
  return {
    database: String(database?.database ?? ''),
    relations: rowsOf('relations'),
    columns: rowsOf('columns'),
    constraints: rowsOf('constraints'),
    enums: rowsOf('enums'),
    domains: rowsOf('domains'),
    indexes: rowsOf('indexes'),
  };
}

/** One relation with its columns and constraints, in the order the rows came. */
export interface CatalogRelation {
  readonly relation: RelationRow;
  readonly columns: readonly ColumnRow[];
  readonly constraints: readonly ConstraintRow[];
  /** Indexes no constraint owns. */
  readonly indexes: readonly IndexRow[];
}

/** The rows grouped by relation oid; columns and constraints of relations not read are left out. */
export function groupByRelation(rows: CatalogRows): Map<string, CatalogRelation> {
  const byOid = new Map<
    string,
    { relation: RelationRow; columns: ColumnRow[]; constraints: ConstraintRow[]; indexes: IndexRow[] }
  >();
  for (const relation of rows.relations)
    byOid.set(relation.oid, { relation, columns: [], constraints: [], indexes: [] });
  for (const column of rows.columns) byOid.get(column.relation_oid)?.columns.push(column);
  for (const constraint of rows.constraints) byOid.get(constraint.relation_oid)?.constraints.push(constraint);
  for (const index of rows.indexes) byOid.get(index.relation_oid)?.indexes.push(index);
  return byOid;
}
