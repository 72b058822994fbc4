/**
 * One throwaway database per test file, so that test files (and developers running suites
 * side by side) never see each other's tables.
 *
 * With DATABASE_URL set (CI, a developer with a server): a fresh database on that server,
 * dropped afterwards. Without it: an in-memory PGlite (`pglite://`), so `npm test` passes on a
 * machine with no PostgreSQL at all; it starts from the cached cluster image
 * (runtime/drivers/pglite-image.ts), built by the first test file that needs it.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface TestDatabase {
  /** A connection URL the runtime and the CLI accept: postgres://... or pglite:// */
  readonly url: string;
  /** The engine the URL points at, for the few tests that differ between them. */
  readonly engine: 'postgres' | 'pglite';
  /** The database name (for postgres) or 'pglite'. */
  readonly name: string;
  drop(): Promise<void>;
}

export const serverUrl: string | undefined = process.env.DATABASE_URL || undefined;

export function hasServer(): boolean {
  return serverUrl !== undefined;
}

/**
 * Tests that need a PostgreSQL server (the real-world schemas, server-only behaviour) are
 * skipped without one, and say why in their title: test/support/skip-reasons-reporter.js prints
 * every such reason at the end of the run. Wrap their title in `needsServer()`.
 */
export const SERVER_NEEDED =
  'needs a PostgreSQL server; run with DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm test';

export function needsServer(title: string): string {
  return serverUrl ? title : `${title} [skipped: ${SERVER_NEEDED}]`;
}

export const describeWithServer = serverUrl ? describe : describe.skip;
export const testWithServer = serverUrl ? test : test.skip;

/** Runs `body` with a connected admin client on the server's maintenance database. */
async function withAdminClient<T>(body: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end();
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * `template`: a copy of that database (server only). PostgreSQL refuses to copy a database
 * another session is connected to, so a busy template is tried again for a while.
 */
export async function createTestDatabase(prefix = 'gm_test', template?: string): Promise<TestDatabase> {
  if (!serverUrl) {
    if (template) throw new Error(`a copy of ${template} needs a PostgreSQL server`);
    return { url: 'pglite://', engine: 'pglite', name: 'pglite', drop: async () => {} };
  }
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const create = `CREATE DATABASE ${quoteIdentifier(name)}${template ? ` TEMPLATE ${quoteIdentifier(template)}` : ''}`;
  for (let attempt = 1; ; attempt++) {
    try {
      await withAdminClient((client) => client.query(create));
      break;
    } catch (error) {
      const busy = (error as { code?: string }).code === '55006';
      if (!busy || attempt >= 120) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    engine: 'postgres',
    name,
    drop: () =>
      withAdminClient(async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
      }),
  };
}

/**
 * A streaming read replica of the DATABASE_URL server (`.ci/replica.sh` starts one on 5433):
 * REPLICA_DATABASE_URL=postgres://postgres@127.0.0.1:5433/postgres. Without it the replication
 * tests are skipped, with this reason in their title.
 */
export const replicaUrl: string | undefined = (serverUrl && process.env.REPLICA_DATABASE_URL) || undefined;

export const REPLICA_NEEDED =
  'needs a PostgreSQL server and a streaming replica of it: run .ci/replica.sh, then DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REPLICA_DATABASE_URL=postgres://postgres@127.0.0.1:5433/postgres';

export function needsReplica(title: string): string {
  return replicaUrl ? title : `${title} [skipped: ${REPLICA_NEEDED}]`;
}

export const describeWithReplica = replicaUrl ? describe : describe.skip;

/** Waits until the replica has replayed everything the primary has written so far. */
export async function waitForReplay(): Promise<void> {
  const primary = new Client({ connectionString: serverUrl });
  const replica = new Client({ connectionString: replicaUrl });
  await Promise.all([primary.connect(), replica.connect()]);
  try {
    const { rows } = await primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
    const deadline = Date.now() + 30000;
    for (;;) {
      const { rows: done } = await replica.query<{ ok: boolean }>(
        'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok',
        [rows[0].lsn],
      );
      if (done[0].ok) return;
      if (Date.now() > deadline) throw new Error(`the replica did not replay up to ${rows[0].lsn} in 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await Promise.all([primary.end(), replica.end()]);
  }
}
