/**
 * node-postgres, as the runtime uses it: the few members it needs, declared here. `pg` ships no
 * types of its own, and the runtime must compile (`tsc --strict`) in a project that installed
 * only `pg`, as the README says, not `@types/pg`. With `@types/pg` installed, these declarations
 * are used all the same (they describe a subset of it).
 */
import type { ConnectionOptions } from 'node:tls';
// eslint-disable-next-line @typescript-eslint/ban-ts-comment -- @ts-expect-error would fail where @types/pg is installed
// @ts-ignore TS7016 where @types/pg is not installed (the import is then untyped): typed below.
import * as untypedPg from 'pg';

/** What the pool is created with; dialectOptions are passed through as they are. */
export interface PgPoolConfig {
  host?: string;
  port?: number;
  database?: string;
  user?: string;
  password?: string;
  connectionString?: string;
  /** `true`, or Node's TLS options (`{ rejectUnauthorized: false }`, `{ ca }`, ...). */
  ssl?: PgSsl;
  max?: number;
  min?: number;
  idleTimeoutMillis?: number;
  connectionTimeoutMillis?: number;
  types?: { getTypeParser(oid: number, format?: 'text' | 'binary'): unknown };
  [option: string]: unknown;
}

export type PgSsl = boolean | ConnectionOptions;

export interface PgResult {
  rows: Record<string, unknown>[];
  rowCount: number | null;
}

/** A statement with a name is prepared once per connection (Parse), then only bound and executed. */
export interface PgQueryConfig {
  name: string;
  text: string;
  values: unknown[];
}

export interface PgClient {
  query(sql: string, params?: unknown[]): Promise<PgResult>;
  query(sql: string, params: unknown[], callback: (error: Error | null, result?: PgResult) => void): void;
  query(config: PgQueryConfig): Promise<PgResult>;
  query(config: PgQueryConfig, callback: (error: Error | null, result?: PgResult) => void): void;
  on(event: 'error', listener: (error: Error) => void): unknown;
  removeListener(event: 'error', listener: (error: Error) => void): unknown;
}

export interface PgPoolClient extends PgClient {
  /** Back to the pool; with an error (or true), the connection is closed instead. */
  release(error?: Error | boolean): void;
}

export interface PgPool {
  connect(): Promise<PgPoolClient>;
  connect(
    callback: (
      error: Error | undefined,
      client: PgPoolClient | undefined,
      release: (error?: Error) => void,
    ) => void,
  ): void;
  end(): Promise<void>;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

interface PgModule {
  Pool: new (config: PgPoolConfig) => PgPool;
  types: { getTypeParser(oid: number, format: 'text' | 'binary'): unknown };
  defaults: { parseInputDatesAsUTC?: boolean };
}

export const pg = untypedPg as unknown as PgModule;
