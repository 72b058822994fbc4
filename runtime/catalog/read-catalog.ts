/**
 * The one reader of the catalog: sends the bulk queries (catalog-queries.ts) one after the other
 * (a single connection cannot do more) and returns their rows, and groups them by relation.
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
}

export async function readCatalog(query: CatalogQuery, options: ReadCatalogOptions): Promise<CatalogRows> {
  const scope = options.schemas === null ? null : [...new Set(options.schemas)];
  const send = async <Row>(part: CatalogPart): Promise<Row[]> => {
    const sql = CATALOG_QUERIES[part];
    const rows = (await query(sql, sql.includes('$1') ? [scope] : [])) as Row[];
    options.onRead?.(part, rows.length);
    return rows;
  };
  const database = options.databaseName ? (await send<{ database?: unknown }>('database'))[0] : undefined;
  return {
    database: String(database?.database ?? ''),
    relations: await send('relations'),
    columns: await send('columns'),
    constraints: await send('constraints'),
    enums: await send('enums'),
    domains: await send('domains'),
    indexes: await send('indexes'),
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
