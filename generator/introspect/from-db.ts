/**
 * `--from-db URL`: opens a connection for introspection only (a `pg` Client for postgres://
 * URLs, PGlite for pglite:///path data directories), reads the schema, and closes it.
 */
import { existsSync } from 'node:fs';
import type { SchemaIR } from '../ir.js';
import { introspectDatabase, type IntrospectOptions, type QueryFunction } from './introspect.js';
import { IntrospectionError, toIntrospectionError } from './introspection-error.js';

interface CatalogConnection {
  readonly query: QueryFunction;
  close(): Promise<void>;
}

export async function readDatabaseSchema(url: string, options: IntrospectOptions = {}): Promise<SchemaIR> {
  const connection = await openCatalogConnection(url);
  try {
    return await introspectDatabase(connection.query, options);
  } finally {
    await connection.close();
  }
}

async function openCatalogConnection(url: string): Promise<CatalogConnection> {
  if (url.startsWith('pglite:')) return openPglite(url);
  const { Client } = await import('pg');
  const client = new Client({ connectionString: url });
  // Without a listener, a server that drops the connection would crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw toIntrospectionError(error);
  }
  return { query: (sql, params) => client.query(sql, params), close: () => client.end() };
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
  return { query: (sql, params) => db.query(sql, params as unknown[]), close: () => db.close() };
}
