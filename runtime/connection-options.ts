/**
 * The constructor forms: (database, username, password, options), (url, options), (options).
 * `pglite://` is in-memory PGlite, `pglite:///abs/path` (or dialect 'pglite' with `storage`) a
 * data directory.
 */
import { checkOptions } from './check-options.js';
import type { PgPoolConfig, PgSsl } from './drivers/pg-module.js';
import {
  CONNECTION_OPTIONS,
  DIALECT_OPTIONS,
  POOL_OPTIONS,
  REPLICATION_OPTIONS,
  REPLICATION_SERVER_OPTIONS,
} from './method-options.js';
import type { IsolationLevel } from './transaction.js';
import type { Logging, SequelizeHooks } from './types.js';

/** Sequelize's pool options, mapped to pg.Pool's (see docs/runtime.md "Pool"). */
export interface PoolOptions {
  /** Connections per server (pg max). Default 5. */
  max?: number;
  /** Idle connections kept open (pg min). Default 0. */
  min?: number;
  /** ms an idle connection stays open (pg idleTimeoutMillis). Default 10000. */
  idle?: number;
  /** ms to wait for a connection, new or freed, before ConnectionAcquireTimeoutError (pg connectionTimeoutMillis). Default 60000. */
  acquire?: number;
  /**
   * Accepted for compatibility: sequelize-pool's idle-eviction interval. pg-pool closes each idle
   * connection by its own timer at `idle` ms, which is what the interval approximates.
   */
  evict?: number;
  /** Close a connection after this many checkouts (pg maxUses), e.g. to rebalance behind a load balancer. */
  maxUses?: number;
}

/** What dialectOptions passes to pg (see DIALECT_OPTIONS). */
export interface DialectOptions {
  ssl?: PgSsl;
  /** ms: the server cancels a longer statement (SET statement_timeout). */
  statement_timeout?: number;
  /** ms: pg gives up waiting for a statement's result, client side. */
  query_timeout?: number;
  lock_timeout?: number;
  idle_in_transaction_session_timeout?: number;
  application_name?: string;
  keepAlive?: boolean;
  keepAliveInitialDelayMillis?: number;
  /** Server options on connect, as `-c search_path=app`. */
  options?: string;
  client_encoding?: string;
}

/** One server of `replication`; a key left out is taken from the top-level options. */
export interface ReplicationServer {
  host?: string;
  port?: number | string;
  database?: string;
  username?: string;
  password?: string;
}

/** Sequelize's read/write split: reads round-robin over `read`, everything else to `write`. */
export interface ReplicationOptions {
  read: ReplicationServer[];
  write?: ReplicationServer;
}

export interface SequelizeOptions {
  dialect?: 'postgres' | 'postgresql' | 'pglite';
  host?: string;
  port?: number | string;
  database?: string;
  username?: string;
  password?: string;
  /** PGlite data directory (dialect 'pglite'); absent means in memory. */
  storage?: string;
  /** Global hooks by name, as sequelize.addHook registers them. */
  hooks?: { [K in keyof SequelizeHooks]?: SequelizeHooks[K] | readonly SequelizeHooks[K][] };
  /** Default console.log, as Sequelize: each statement as `Executing (default): <sql>`. */
  logging?: Logging | false;
  /** Append the bound values to the logged statement. */
  logQueryParameters?: boolean;
  /** Defaults for every model's init options; a model's own option wins. */
  define?: Record<string, unknown>;
  pool?: PoolOptions;
  /** Read replicas: see docs/runtime.md "Read replicas". */
  replication?: ReplicationOptions;
  /** Passed to pg as is (ssl, statement_timeout, application_name, ...). */
  dialectOptions?: DialectOptions;
  ssl?: PgSsl;
  /** 'tcp', the only protocol pg speaks (Sequelize's default). */
  protocol?: 'tcp';
  /** The default isolation level of transactions: `Transaction.ISOLATION_LEVELS.SERIALIZABLE` etc. */
  isolationLevel?: IsolationLevel;
  /** Accepted for compatibility; the runtime reads the server's version itself where it matters. */
  databaseVersion?: string | number;
  /** Identifiers are always quoted; only true is accepted. */
  quoteIdentifiers?: true;
  /** Accepted for compatibility: there are no include aliases to minify. */
  minifyAliases?: boolean;
}

export interface ResolvedConnection {
  engine: 'postgres' | 'pglite';
  /** The database name, for sync({ match }). */
  database: string;
  username: string | undefined;
  host: string | undefined;
  port: number | undefined;
  pg: PgPoolConfig;
  dataDir: string | undefined;
  /** The read replicas' pg configurations (`pg` is then the write server's). */
  replicas: { label: string; pg: PgPoolConfig }[] | undefined;
  options: SequelizeOptions;
}

const PGLITE_PREFIX = 'pglite:';

export function resolveConnection(args: readonly unknown[]): ResolvedConnection {
  const [first, second, third, fourth] = args;
  if (typeof first === 'string' && (args.length === 1 || (args.length === 2 && typeof second === 'object'))) {
    return fromUrl(first, (second as SequelizeOptions | undefined) ?? {});
  }
  if (first !== null && typeof first === 'object') return fromOptions(first as SequelizeOptions);
  const options = (fourth ?? (typeof third === 'object' ? third : undefined) ?? {}) as SequelizeOptions;
  return fromOptions({
    ...options,
    database: first as string | undefined,
    username: (second as string | null | undefined) ?? undefined,
    password: typeof third === 'string' ? third : undefined,
  });
}

function fromUrl(url: string, options: SequelizeOptions): ResolvedConnection {
  if (url.startsWith(PGLITE_PREFIX)) {
    const rest = decodeURIComponent(url.slice(PGLITE_PREFIX.length).replace(/^\/\//, ''));
    const storage = rest === '' || rest === 'memory' || rest === ':memory:' ? undefined : rest;
    return fromOptions({ ...options, dialect: 'pglite', storage });
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(
      `Invalid connection URL ${JSON.stringify(url)}: expected postgres://user:password@host:port/database or pglite://`,
    );
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new Error(`Unsupported connection URL protocol "${parsed.protocol}": use postgres:// or pglite://`);
  }
  return fromOptions({
    ...options,
    dialect: 'postgres',
    // URL keeps an IPv6 address in brackets ([::1]); pg and the OS resolver want it bare.
    host: decodeURIComponent(parsed.hostname.replace(/^\[(.*)\]$/, '$1')) || options.host,
    port: parsed.port || options.port,
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || options.database,
    username: decodeURIComponent(parsed.username) || options.username,
    password: parsed.password ? decodeURIComponent(parsed.password) : options.password,
    ssl: options.ssl ?? sslFromUrl(parsed),
  });
}

/** `?sslmode=require` / `?ssl=true` turn TLS on; `disable`/`false` (or nothing) leave it off. */
function sslFromUrl(url: URL): PgSsl | undefined {
  const mode = url.searchParams.get('sslmode') ?? url.searchParams.get('ssl');
  if (mode === null || mode === 'disable' || mode === 'false' || mode === '0') return undefined;
  return mode === 'no-verify' ? { rejectUnauthorized: false } : true;
}

function fromOptions(options: SequelizeOptions): ResolvedConnection {
  checkConnectionOptions(options);
  const dialect = options.dialect ?? 'postgres';
  if (dialect === 'pglite') {
    if (options.replication !== undefined) {
      throw new Error(
        'new Sequelize(): replication needs PostgreSQL servers; embedded PGlite is one in-process database with no replicas: remove the option or connect with postgres://',
      );
    }
    return {
      engine: 'pglite',
      database: options.storage ?? 'pglite',
      username: undefined,
      host: undefined,
      port: undefined,
      pg: {},
      dataDir: options.storage,
      replicas: undefined,
      options,
    };
  }
  if (dialect !== 'postgres' && dialect !== 'postgresql') {
    throw new Error(`The dialect ${String(dialect)} is not supported. Supported dialects: postgres, pglite.`);
  }
  const replication = options.replication;
  const pg = pgConfig(options, replication?.write ?? {});
  return {
    engine: 'postgres',
    database: pg.database ?? '',
    username: pg.user,
    host: pg.host,
    port: pg.port,
    pg,
    dataDir: undefined,
    replicas: replication?.read.map((server) => {
      const config = pgConfig(options, server);
      return { label: `${config.host}:${config.port}/${config.database ?? ''}`, pg: config };
    }),
    options,
  };
}

/** pg's configuration for one server: the top-level options, overridden by a replication entry's. */
function pgConfig(options: SequelizeOptions, server: ReplicationServer): PgPoolConfig {
  const rawPort = server.port ?? options.port;
  const pool = options.pool ?? {};
  return {
    host: server.host ?? options.host ?? 'localhost',
    port: rawPort === undefined || rawPort === '' ? 5432 : Number(rawPort),
    database: server.database ?? options.database,
    user: server.username ?? options.username,
    password: server.password ?? options.password ?? undefined,
    ssl: options.ssl,
    max: pool.max ?? 5,
    min: pool.min ?? 0,
    idleTimeoutMillis: pool.idle ?? 10000,
    connectionTimeoutMillis: pool.acquire ?? 60000,
    ...(pool.maxUses !== undefined ? { maxUses: pool.maxUses } : {}),
    ...(options.dialectOptions ?? {}),
  };
}

/** Unknown or unimplemented options are refused before anything connects (see method-options.ts). */
function checkConnectionOptions(options: SequelizeOptions): void {
  checkOptions(options, CONNECTION_OPTIONS, 'new Sequelize()');
  checkOptions(options.pool, POOL_OPTIONS, 'new Sequelize(): pool');
  checkOptions(options.dialectOptions, DIALECT_OPTIONS, 'new Sequelize(): dialectOptions');
  checkReplication(options.replication);
  if (options.quoteIdentifiers !== undefined && options.quoteIdentifiers !== true) {
    throw new Error(
      'new Sequelize(): quoteIdentifiers: false is not supported: the gen-models runtime always quotes identifiers, so names keep their case; remove the option',
    );
  }
  if (options.protocol !== undefined && options.protocol !== 'tcp') {
    throw new Error(
      `new Sequelize(): protocol ${JSON.stringify(options.protocol)} is not supported; pg speaks 'tcp'`,
    );
  }
}

function checkReplication(replication: ReplicationOptions | undefined): void {
  if (replication === undefined) return;
  checkOptions(replication, REPLICATION_OPTIONS, 'new Sequelize(): replication');
  if (!Array.isArray(replication.read) || replication.read.length === 0) {
    throw new TypeError(
      'new Sequelize(): replication.read must be a non-empty array of servers ({ host, port, username, password, database }); without replicas, leave replication out',
    );
  }
  replication.read.forEach((server, i) =>
    checkOptions(server, REPLICATION_SERVER_OPTIONS, `new Sequelize(): replication.read[${i}]`),
  );
  checkOptions(replication.write, REPLICATION_SERVER_OPTIONS, 'new Sequelize(): replication.write');
}
