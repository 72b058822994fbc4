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

export interface Driver extends Queryable {
  readonly engine: 'postgres' | 'pglite';
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
export function lazyDriver(engine: Driver['engine'], load: () => Promise<Driver>): Driver {
  let driver: Promise<Driver> | undefined;
  const get = (): Promise<Driver> => (driver ??= load());
  return {
    engine,
    query: async (sql, params) => (await get()).query(sql, params),
    begin: async () => (await get()).begin(),
    close: async () => {
      if (driver) await (await driver).close();
    },
  };
}
