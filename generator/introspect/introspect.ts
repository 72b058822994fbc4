/**
 * `--from-db`: reads a PostgreSQL database's catalog in CATALOG_QUERY_COUNT bulk queries and
 * groups the rows into a SchemaIR. It takes a query function, not a connection, so it runs on a
 * `pg` Client or Pool and on PGlite alike; it never ends the connection it was given.
 */
import type { SchemaIR } from '../ir.js';
import { buildSchemaIR } from './build-schema-ir.js';
import { CATALOG_QUERIES } from '../../runtime/catalog/catalog-queries.js';
import type { CatalogRows } from '../../runtime/catalog/catalog-rows.js';
import { IntrospectionError, toIntrospectionError } from './introspection-error.js';

export type QueryFunction = (sql: string, params: unknown[]) => Promise<{ rows: any[] }>;

export interface IntrospectOptions {
  /** Schemas to read; default: every schema but the system ones. */
  readonly schemas?: readonly string[];
  /** Glob patterns on `schema.table` or `table`; a relation must match one (when given). */
  readonly include?: readonly string[];
  /** Glob patterns on `schema.table` or `table`; a relation matching one is left out. */
  readonly exclude?: readonly string[];
  /** Property names are the column names as they are (when valid identifiers). */
  readonly keepNames?: boolean;
  readonly onProgress?: (message: string) => void;
}

/** Sends the catalog queries, one after the other (a single connection cannot do more). */
export async function readCatalog(
  query: QueryFunction,
  options: IntrospectOptions = {},
): Promise<CatalogRows> {
  const schemas = options.schemas?.length ? [...options.schemas] : null;
  const send = async (name: keyof typeof CATALOG_QUERIES): Promise<any[]> => {
    const sql = CATALOG_QUERIES[name];
    try {
      const result = await query(sql, sql.includes('$1') ? [schemas] : []);
      options.onProgress?.(`read ${result.rows.length} ${name}`);
      return result.rows;
    } catch (error) {
      throw toIntrospectionError(error);
    }
  };
  const [database] = await send('database');
  const relations = await send('relations');
  const columns = await send('columns');
  const constraints = await send('constraints');
  const enums = await send('enums');
  const domains = await send('domains');
  return { database: String(database?.database ?? ''), relations, columns, constraints, enums, domains };
}

export async function introspectDatabase(
  query: QueryFunction,
  options: IntrospectOptions = {},
): Promise<SchemaIR> {
  const rows = await readCatalog(query, options);
  const ir = buildSchemaIR(rows, options);
  if (ir.models.length === 0) throw new IntrospectionError(noTablesMessage(rows, options), 'no-tables');
  options.onProgress?.(`built ${ir.models.length} models`);
  return ir;
}

function noTablesMessage(rows: CatalogRows, options: IntrospectOptions): string {
  const where = options.schemas?.length ? `in schemas ${options.schemas.join(', ')}` : 'in any user schema';
  const filtered =
    rows.relations.length > 0 ? ` (${rows.relations.length} left out by --include/--exclude)` : '';
  return `no tables found ${where} of database ${rows.database}${filtered}`;
}
