/**
 * node-postgres Pool with per-pool type parsers (never the global pg.types): int8 and numeric
 * as strings (pg's default), `date` as the raw 'YYYY-MM-DD' string, interval, point and circle as their text,
 * timestamptz as Date, json/jsonb parsed; arrays of int8, numeric, date, interval and tsvector
 * as arrays of strings.
 */
import { pg, type PgPool, type PgPoolClient, type PgPoolConfig, type PgResult } from './pg-module.js';
import {
  DriverAcquireTimeoutError,
  DriverConnectError,
  POOL_CAPABILITIES,
  type Driver,
  type DriverCapabilities,
  type DriverResult,
  type DriverTransaction,
  type QueryHints,
} from './driver.js';
import { isStalePreparedStatement, StatementNames } from './statement-names.js';

const OID_DATE = 1082;
const OID_DATE_ARRAY = 1182;
const OID_INTERVAL = 1186;
const OID_INTERVAL_ARRAY = 1187;
const OID_POINT = 600;
const OID_CIRCLE = 718;
const OID_TEXT_ARRAY = 1009;
const OID_NUMERIC_ARRAY = 1231;
const OID_TSVECTOR_ARRAY = 3643;

const rawText = (value: string): string => value;
const builtinParser = (oid: number, format: 'text' | 'binary'): unknown =>
  pg.types.getTypeParser(oid, format);

function getTypeParser(oid: number, format?: 'text' | 'binary'): unknown {
  // point and circle are CUSTOM types, whose values are text (pg would make them objects; PGlite does not).
  if (oid === OID_DATE || oid === OID_INTERVAL || oid === OID_POINT || oid === OID_CIRCLE) return rawText;
  // Arrays of these as string[] like their elements (pg's default makes numeric[] JS numbers,
  // losing precision, and leaves tsvector[] as one unparsed string); int8[] is string[] already.
  if (
    oid === OID_DATE_ARRAY ||
    oid === OID_INTERVAL_ARRAY ||
    oid === OID_NUMERIC_ARRAY ||
    oid === OID_TSVECTOR_ARRAY
  ) {
    return builtinParser(OID_TEXT_ARRAY, format ?? 'text');
  }
  return builtinParser(oid, format ?? 'text');
}

export class PgDriver implements Driver {
  readonly engine = 'postgres' as const;
  readonly capabilities: DriverCapabilities;
  private readonly pool: PgPool;
  /** Undefined with `prepareStatements: false` (PgBouncer in transaction mode): nothing is named. */
  private readonly names: StatementNames | undefined;

  constructor(
    private readonly config: PgPoolConfig,
    prepareStatements = true,
  ) {
    this.names = prepareStatements ? new StatementNames() : undefined;
    this.capabilities = prepareStatements
      ? POOL_CAPABILITIES
      : { ...POOL_CAPABILITIES, preparedStatements: false };
    this.pool = new pg.Pool({ ...config, types: { getTypeParser } });
    // An idle client losing its server must not crash the process; the next query reports it.
    this.pool.on('error', () => {});
  }

  /** One statement on a pooled connection; hinted `prepare`, as a named prepared statement. */
  query(sql: string, params: readonly unknown[], hints?: QueryHints): Promise<DriverResult> {
    return this.run(sql, params, hints?.prepare ? this.names?.nameOf(sql) : undefined);
  }

  /**
   * One statement on a pooled connection. pg's callback API: one promise per statement instead
   * of pg's two (connect, query) and our own. While the statement runs, a listener catches the
   * server ending the connection (pg_terminate_backend, a restart): pg emits that as an 'error'
   * event on the client, which would otherwise go unhandled and end the process.
   */
  private run(sql: string, params: readonly unknown[], name: string | undefined): Promise<DriverResult> {
    return new Promise((resolve, reject) => {
      this.pool.connect((connectError, client, release) => {
        if (connectError || !client) {
          reject(this.connectError(connectError ?? new Error('No connection available')));
          return;
        }
        let lost: Error | undefined;
        const onError = (error: Error): void => {
          lost = error;
        };
        client.on('error', onError);
        const done = (error: Error | null, result?: PgResult): void => {
          client.removeListener('error', onError);
          // A statement error leaves the connection usable; a broken connection must not go back to the pool.
          release(lost ?? (error && !keepsConnection(error) ? error : undefined));
          // A prepared form gone stale (a returned column changed type) runs again under a new
          // name: outside a transaction the failed attempt changed nothing.
          if (error && name !== undefined && isStalePreparedStatement(error))
            this.run(sql, params, this.names!.renew(sql)).then(resolve, reject);
          else if (error) reject(error);
          else resolve(toResult(result!));
        };
        try {
          if (name === undefined) client.query(sql, params as unknown[], done);
          else client.query({ name, text: sql, values: params as unknown[] }, done);
        } catch (error) {
          done(error as Error);
        }
      });
    });
  }

  async begin(): Promise<DriverTransaction> {
    const client = await this.connect();
    try {
      await client.query('BEGIN');
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
    return new PgTransaction(client, this.names);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async connect(): Promise<PgPoolClient> {
    try {
      return await this.pool.connect();
    } catch (error) {
      throw this.connectError(error as Error);
    }
  }

  /** pg-pool says only "timeout exceeded when trying to connect" when no connection freed up in time. */
  private connectError(error: Error): DriverConnectError {
    if (error.message !== 'timeout exceeded when trying to connect') return new DriverConnectError(error);
    const { max, connectionTimeoutMillis } = this.config;
    return new DriverAcquireTimeoutError(
      new Error(
        `No connection became free within pool.acquire = ${connectionTimeoutMillis} ms: all pool.max = ${max} connections are in use (held by transactions or long statements); raise pool.max or pool.acquire, or finish transactions sooner`,
      ),
    );
  }
}

class PgTransaction implements DriverTransaction {
  private lost: Error | undefined;
  /** The server may end the held connection between statements: caught here, as in query(). */
  private readonly onError = (error: Error): void => {
    this.lost = error;
  };

  constructor(
    private readonly client: PgPoolClient,
    private readonly names: StatementNames | undefined,
  ) {
    client.on('error', this.onError);
  }
  async query(sql: string, params: readonly unknown[], hints?: QueryHints): Promise<DriverResult> {
    const name = hints?.prepare ? this.names?.nameOf(sql) : undefined;
    if (name === undefined) return toResult(await this.client.query(sql, params as unknown[]));
    try {
      return toResult(await this.client.query({ name, text: sql, values: params as unknown[] }));
    } catch (error) {
      // The transaction is aborted either way; the next use of this text is parsed afresh.
      if (isStalePreparedStatement(error)) this.names!.renew(sql);
      throw error;
    }
  }
  commit(): Promise<void> {
    return this.finish('COMMIT');
  }
  rollback(): Promise<void> {
    return this.finish('ROLLBACK');
  }
  private async finish(statement: string): Promise<void> {
    try {
      await this.client.query(statement);
      this.release(this.lost);
    } catch (error) {
      // A connection that failed mid-transaction is not reused.
      this.release(error as Error);
      throw error;
    }
  }
  private release(error: Error | undefined): void {
    this.client.removeListener('error', this.onError);
    this.client.release(error);
  }
}

/**
 * The server answered with an SQLSTATE (five characters), as opposed to a socket failure like
 * ECONNRESET, and not one that ends the session: class 08 (connection exception) and 57P
 * (admin_shutdown, crash_shutdown, cannot_connect_now).
 */
function keepsConnection(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return (
    typeof code === 'string' &&
    /^[0-9A-Z]{5}$/.test(code) &&
    !code.startsWith('08') &&
    !code.startsWith('57P')
  );
}

function toResult(result: PgResult): DriverResult {
  return { rows: result.rows, rowCount: result.rowCount ?? 0 };
}
