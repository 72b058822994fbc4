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
