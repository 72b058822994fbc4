/**
 * `--from-db`: reads a PostgreSQL database's catalog in CATALOG_QUERY_COUNT bulk queries and
 * groups the rows into a SchemaIR. It takes a query function, not a connection, so it runs on a
 * `pg` Client or Pool and on PGlite alike; it never ends the connection it was given.
 */
import type { SchemaIR } from '../ir.js';
import { buildSchemaIR } from './build-schema-ir.js';
import type { NamingRules } from './names.js';
import type { CatalogRows } from '../../runtime/catalog/catalog-rows.js';
import { readCatalog } from '../../runtime/catalog/read-catalog.js';
import { IntrospectionError, toIntrospectionError } from './introspection-error.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- pg's rows are untyped; the catalog readers type them
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
  /** How models and attributes are named (the configuration's `naming`, without `rename`). */
  readonly naming?: NamingRules;
  readonly onProgress?: (message: string) => void;
}

/** Reads the catalog through the runtime's one reader, in CATALOG_QUERY_COUNT queries. */
async function readCatalogRows(
  query: QueryFunction,
  options: IntrospectOptions,
  concurrent: boolean,
): Promise<CatalogRows> {
  try {
    return await readCatalog(async (sql, params) => (await query(sql, params)).rows, {
      schemas: options.schemas?.length ? options.schemas : null,
      databaseName: true,
      onRead: (part, count) => options.onProgress?.(`read ${count} ${part}`),
      concurrent,
    });
  } catch (error) {
    throw toIntrospectionError(error);
  }
}

/**
 * `concurrent`: `query` runs queries side by side (over several connections), so the catalog
 * queries are sent at once; otherwise one after the other.
 */
export async function introspectDatabase(
  query: QueryFunction,
  options: IntrospectOptions = {},
  concurrent = false,
): Promise<SchemaIR> {
  const rows = await readCatalogRows(query, options, concurrent);
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
