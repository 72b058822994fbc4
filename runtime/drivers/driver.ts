/** What the runtime needs from a database engine: pg's Pool, or embedded PGlite. */

export interface DriverResult {
  rows: Record<string, unknown>[];
  rowCount: number;
}

export interface Queryable {
  query(sql: string, params: readonly unknown[]): Promise<DriverResult>;
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
}

/** PGlite: one connection in the process. Declared here, as its driver module is loaded lazily. */
export const PGLITE_CAPABILITIES: DriverCapabilities = { singleConnection: true };
export const POOL_CAPABILITIES: DriverCapabilities = { singleConnection: false };

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
    query: async (sql, params) => (await get()).query(sql, params),
    begin: async () => (await get()).begin(),
    close: async () => {
      if (driver) await (await driver).close();
    },
  };
}
