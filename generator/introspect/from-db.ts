/**
 * `--from-db URL`: opens connections for introspection only (two `pg` Clients for postgres://
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
  const { Client } = await import('pg');
  const clients = Array.from({ length: SERVER_CONNECTIONS }, () => new Client({ connectionString: url }));
  // Without a listener, a server that drops the connection would crash the process.
  for (const client of clients) client.on('error', () => undefined);
  const connected = await Promise.allSettled(clients.map((client) => client.connect()));
  const failed = connected.find((result) => result.status === 'rejected');
  if (failed !== undefined) {
    await Promise.allSettled(clients.map((client) => client.end()));
    throw toIntrospectionError(failed.reason);
  }
  // Each query goes to the connection with the fewest queries waiting (the first on a tie), after
  // the ones already there: pg wants one query at a time on a client.
  const waiting = clients.map(() => 0);
  const tails: Promise<unknown>[] = clients.map(() => Promise.resolve());
  const query: QueryFunction = (sql, params) => {
    const index = waiting.indexOf(Math.min(...waiting));
    waiting[index] += 1;
    const result = tails[index]!.then(() => clients[index]!.query(sql, params)).finally(() => {
      waiting[index] -= 1;
    });
    tails[index] = result.catch(() => undefined);
    return result;
  };
  return {
    query,
    concurrent: true,
    close: async () => {
      await Promise.all(clients.map((client) => client.end()));
    },
  };
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
