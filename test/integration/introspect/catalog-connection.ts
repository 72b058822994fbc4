/**
 * A query function for the introspector on a fresh database: a `pg` Client on a throwaway
 * server database when DATABASE_URL is set, an in-memory PGlite otherwise. It counts the
 * queries it sends, so tests can assert that their number does not grow with the schema.
 */
import { PGlite } from '@electric-sql/pglite';
import { Client } from 'pg';
import type { QueryFunction } from '../../../generator/introspect/introspect.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

export interface CatalogConnection {
  readonly engine: 'postgres' | 'pglite';
  /** Counted: every call adds one to `sent`. */
  readonly query: QueryFunction;
  /** Not counted: for creating the schema under test. */
  exec(sql: string): Promise<void>;
  readonly sent: { count: number };
  close(): Promise<void>;
}

export async function openCatalogConnection(): Promise<CatalogConnection> {
  const database: TestDatabase = await createTestDatabase('gm_introspect');
  const sent = { count: 0 };
  if (database.engine === 'pglite') {
    const db = new PGlite();
    return {
      engine: 'pglite',
      sent,
      query: (sql, params) => {
        sent.count++;
        return db.query(sql, params);
      },
      exec: async (sql) => {
        await db.exec(sql);
      },
      close: () => db.close(),
    };
  }
  return countingClient(database.url, sent, () => database.drop());
}

/** A counted `pg` Client on an existing database (the real_* ones). */
export async function countingClient(
  url: string,
  sent = { count: 0 },
  afterClose: () => Promise<void> = async () => {},
): Promise<CatalogConnection> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return {
    engine: 'postgres',
    sent,
    query: (sql, params) => {
      sent.count++;
      return client.query(sql, params);
    },
    exec: async (sql) => {
      await client.query(sql);
    },
    close: async () => {
      await client.end();
      await afterClose();
    },
  };
}
