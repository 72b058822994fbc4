/** What the runtime needs from a database engine: pg's Pool, or embedded PGlite. */

export interface DriverResult {
  rows: Record<string, unknown>[];
  rowCount: number;
}

/** What the core knows about a statement that a driver may route on. */
export interface QueryHints {
  /**
   * A read outside a transaction, without `useMaster`: a driver with read replicas may send it
   * to one of them (which may lag behind the primary); any other driver ignores the hint.
   */
  readonly read?: boolean;
  /**
   * One of the runtime's own statements whose text repeats (create, save, reload, destroy,
   * findByPk, increment by primary key): a driver with the `preparedStatements` capability sends
   * it as a named prepared statement, parsed and planned once per connection.
   */
  readonly prepare?: boolean;
}

export interface Queryable {
  query(sql: string, params: readonly unknown[], hints?: QueryHints): Promise<DriverResult>;
}

/** A connection held for one transaction. */
export interface DriverTransaction extends Queryable {
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

/**
 * What the core must know about an engine, declared by its driver so that the core asks about
 * behaviour rather than engine names (a new engine is then a driver, not more `if`s).
 */
export interface DriverCapabilities {
  /**
   * Every statement shares one connection (PGlite): an open transaction holds it, so a statement
   * outside the transaction would wait for it to end. The core then refuses such a statement
   * issued from inside a managed transaction's body, where it could only hang.
   */
  readonly singleConnection: boolean;
  /**
   * Reads hinted `read` may go to another server than writes (replication), so a read may not
   * yet see a write made outside a transaction. Informational for the core: routing is the
   * driver's, from the hint.
   */
  readonly readReplicas: boolean;
  /**
   * Statements hinted `prepare` are sent as named prepared statements (pg), unless the
   * `prepareStatements: false` option turned that off. PGlite's query API has no statement names.
   */
  readonly preparedStatements: boolean;
}

/** PGlite: one connection in the process. Declared here, as its driver module is loaded lazily. */
export const PGLITE_CAPABILITIES: DriverCapabilities = {
  singleConnection: true,
  readReplicas: false,
  preparedStatements: false,
};
export const POOL_CAPABILITIES: DriverCapabilities = {
  singleConnection: false,
  readReplicas: false,
  preparedStatements: true,
};
/** A primary and read replicas (replica-set-driver.ts, loaded lazily). */
export const REPLICA_SET_CAPABILITIES: DriverCapabilities = {
  singleConnection: false,
  readReplicas: true,
  preparedStatements: true,
};

export interface Driver extends Queryable {
  readonly engine: 'postgres' | 'pglite';
  readonly capabilities: DriverCapabilities;
  begin(): Promise<DriverTransaction>;
  close(): Promise<void>;
}

/** Marks errors raised while connecting (as opposed to by a statement), for error mapping. */
export class DriverConnectError extends Error {
  constructor(readonly original: Error) {
    super(original.message);
  }
}

/**
 * No pooled connection became free within the pool's `acquire` ms (pg-pool's
 * connectionTimeoutMillis): every connection is busy, e.g. held by transactions.
 */
export class DriverAcquireTimeoutError extends DriverConnectError {}

/**
 * A driver created on first use, for one whose module is loaded only then (PGlite): queries
 * and begin() wait for it; close() before any use closes nothing.
 */
export function lazyDriver(
  engine: Driver['engine'],
  capabilities: DriverCapabilities,
  load: () => Promise<Driver>,
): Driver {
  let driver: Promise<Driver> | undefined;
  const get = (): Promise<Driver> => (driver ??= load());
  return {
    engine,
    capabilities,
    query: async (sql, params, hints) => (await get()).query(sql, params, hints),
    begin: async () => (await get()).begin(),
    close: async () => {
      if (driver) await (await driver).close();
    },
  };
}
