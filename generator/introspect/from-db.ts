/**
 * `--from-db URL`: opens connections for introspection only (a `pg` Pool of two for postgres://
 * URLs, the catalog queries shared between them; PGlite for pglite:///path data directories),
 * reads the schema, and closes them.
 */
import { existsSync } from 'node:fs';
import type { SchemaIR } from '../ir.js';
import { introspectDatabase, type IntrospectOptions, type QueryFunction } from './introspect.js';
import { IntrospectionError, toIntrospectionError } from './introspection-error.js';

interface CatalogConnection {
  readonly query: QueryFunction;
  /** The query function runs queries side by side (several connections). */
  readonly concurrent: boolean;
  close(): Promise<void>;
}

/**
 * Connections to a PostgreSQL server: the two largest catalog queries (columns, constraints)
 * take about as long as each other and as all the rest, so a third connection would only wait.
 */
const SERVER_CONNECTIONS = 2;

export async function readDatabaseSchema(url: string, options: IntrospectOptions = {}): Promise<SchemaIR> {
  const connection = await openCatalogConnection(url);
  try {
    return await introspectDatabase(connection.query, options, connection.concurrent);
  } finally {
    await connection.close();
  }
}

async function openCatalogConnection(url: string): Promise<CatalogConnection> {
  if (url.startsWith('pglite:')) return openPglite(url);
  const { Pool } = await import('pg');
  // pg's pool shares the queries out between its connections, one query at a time on each.
  const pool = new Pool({ connectionString: url, max: SERVER_CONNECTIONS });
  // Without a listener, a server that drops an idle connection would crash the process.
  pool.on('error', () => undefined);
  // Both connections opened now, so that a bad URL or credentials are reported before any query.
  const connected = await Promise.allSettled(
    Array.from({ length: SERVER_CONNECTIONS }, () => pool.connect()),
  );
  for (const result of connected) if (result.status === 'fulfilled') result.value.release();
  const failed = connected.find((result) => result.status === 'rejected');
  if (failed !== undefined) {
    await pool.end().catch(() => undefined);
    throw toIntrospectionError(failed.reason);
  }
  return { query: (sql, params) => pool.query(sql, params), concurrent: true, close: () => pool.end() };
}

async function openPglite(url: string): Promise<CatalogConnection> {
  const dataDir = url.replace(/^pglite:(\/\/)?/, '');
  if (dataDir === '' || dataDir === '/') {
    throw new IntrospectionError(
      '--from-db pglite:// needs a data directory (pglite:///absolute/path): an empty in-memory database has no tables',
      'connection',
    );
  }
  // PGlite would create an empty database at a mistyped path: read only one that exists.
  if (!existsSync(dataDir))
    throw new IntrospectionError(
      `--from-db ${url}: there is no PGlite data directory at ${dataDir}`,
      'connection',
    );
  const { PGlite } = await import('@electric-sql/pglite').catch((error: unknown) => {
    throw new IntrospectionError(
      `--from-db pglite:// needs the optional dependency @electric-sql/pglite (npm install @electric-sql/pglite): ${(error as Error).message}`,
      'connection',
      { cause: error },
    );
  });
  const db = new PGlite(dataDir);
  return {
    query: (sql, params) => db.query(sql, params as unknown[]),
    concurrent: false,
    close: () => db.close(),
  };
}
