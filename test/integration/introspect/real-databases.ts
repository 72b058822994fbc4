/**
 * The real databases of ../shared/schemas (loaded as real_<name> by load.sh): loaded once, by
 * whichever test file needs them first. load.sh drops and recreates what it loads, so only the
 * missing ones are loaded, under a lock that parallel jest workers share.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { serverUrl } from '../../support/test-database.js';

export const REAL_DATABASES = [
  'pagila',
  'chinook',
  'chinook_identity',
  'northwind',
  'adventureworks',
] as const;
export type RealDatabase = (typeof REAL_DATABASES)[number];

/** CI clones the repository next to `shared/`. */
const LOAD_SCRIPT = path.resolve(__dirname, '../../../../shared/schemas/load.sh');
const LOCK = path.join(os.tmpdir(), 'gen-models-load-real-databases.lock');

export function realDatabaseUrl(name: RealDatabase): string {
  const url = new URL(serverUrl!);
  url.pathname = `/real_${name}`;
  return url.toString();
}

async function missingDatabases(): Promise<RealDatabase[]> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname = ANY ($1::text[])',
      [REAL_DATABASES.map((n) => `real_${n}`)],
    );
    const present = new Set(rows.map((r) => r.datname));
    return REAL_DATABASES.filter((n) => !present.has(`real_${n}`));
  } finally {
    await admin.end();
  }
}

async function withLock<T>(body: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock older than 10 minutes was left by a killed run.
      if (Date.now() - statSync(LOCK, { throwIfNoEntry: false })!.mtimeMs > 600_000) rmdirSync(LOCK);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    return await body();
  } finally {
    rmdirSync(LOCK);
  }
}

export async function ensureRealDatabases(): Promise<void> {
  if ((await missingDatabases()).length === 0) return;
  await withLock(async () => {
    const missing = await missingDatabases();
    if (missing.length === 0) return;
    if (!existsSync(LOAD_SCRIPT))
      throw new Error(`real databases ${missing.join(', ')} are missing and ${LOAD_SCRIPT} does not exist`);
    const url = new URL(serverUrl!);
    execFileSync(LOAD_SCRIPT, missing, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        PGHOST: url.hostname,
        PGPORT: url.port || '5432',
        PGUSER: decodeURIComponent(url.username) || 'postgres',
        ...(url.password ? { PGPASSWORD: decodeURIComponent(url.password) } : {}),
      },
    });
  });
}
