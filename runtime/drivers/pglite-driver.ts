/**
 * Embedded PostgreSQL (PGlite), loaded only when a pglite:// connection is used: it is an
 * optional dependency, and its types are not needed to compile this file (the few members
 * used are declared below). Parsers make it return what the pg driver returns: int8 and
 * numeric as strings, `date` as 'YYYY-MM-DD', bytea as Buffer.
 */
import { pg } from './pg-module.js';
import { arrayLiteral } from '../sql/array-literal.js';
import { dateParameterText } from '../sql/date-text.js';
import { startPGlite, type PGliteImageModule } from './pglite-image.js';
import {
  DriverConnectError,
  PGLITE_CAPABILITIES,
  type Driver,
  type DriverResult,
  type DriverTransaction,
  type Queryable,
} from './driver.js';

interface PGliteResults {
  rows: Record<string, unknown>[];
  affectedRows?: number;
  fields: unknown[];
}
interface PGliteQueryable {
  query(sql: string, params?: unknown[]): Promise<PGliteResults>;
}
interface PGliteTransaction extends PGliteQueryable {
  rollback(): Promise<void>;
}
interface PGliteInstance extends PGliteQueryable {
  readonly waitReady: Promise<void>;
  exec(sql: string): Promise<unknown>;
  transaction<T>(body: (tx: PGliteTransaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
type PGliteModule = PGliteImageModule<
  PGliteInstance,
  { parsers: Record<number, (value: string) => unknown> }
>;

const rawText = (value: string): string => value;
const PARSERS = {
  20: rawText, // int8
  1700: rawText, // numeric
  1082: rawText, // date
  1186: rawText, // interval
  17: (value: string): Buffer => Buffer.from(value.slice(2), 'hex'), // bytea
};

const PGLITE_MODULE: string = '@electric-sql/pglite';

async function loadPGlite(): Promise<PGliteModule> {
  try {
    // A variable specifier keeps TypeScript from needing PGlite's types where it is not installed.
    return (await import(PGLITE_MODULE)) as PGliteModule;
  } catch (error) {
    throw new Error(
      `pglite:// needs the optional dependency @electric-sql/pglite (npm install @electric-sql/pglite): ${(error as Error).message}`,
    );
  }
}

/** A Date as pg's prepareValue sends it (local time with offset, or UTC with parseInputDatesAsUTC). */
const dateText = (date: Date): string => dateParameterText(date, pg.defaults.parseInputDatesAsUTC === true);

/** Parameters as pg would send them: PGlite does not know enum or array parameter types. */
function serialize(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return dateText(value);
  if (Array.isArray(value)) return arrayLiteral(value, dateText);
  if (value instanceof Uint8Array) return value;
  if (typeof value === 'object') return JSON.stringify(value);
  if (typeof value === 'bigint') return value.toString();
  return value;
}

async function run(db: PGliteQueryable, sql: string, params: readonly unknown[]): Promise<DriverResult> {
  const result = await db.query(sql, params.length ? params.map(serialize) : undefined);
  return { rows: result.rows, rowCount: result.affectedRows || result.rows.length };
}

export class PGliteDriver implements Driver {
  readonly engine = 'pglite' as const;
  readonly capabilities = PGLITE_CAPABILITIES;
  private db: Promise<PGliteInstance> | undefined;

  /** dataDir undefined: in memory. */
  constructor(private readonly dataDir: string | undefined) {}

  private instance(): Promise<PGliteInstance> {
    this.db ??= this.open();
    return this.db;
  }

  private async open(): Promise<PGliteInstance> {
    try {
      // From the cached cluster image where it applies (pglite-image.ts), else with initdb.
      return await startPGlite(await loadPGlite(), this.dataDir, { parsers: PARSERS });
    } catch (error) {
      this.db = undefined;
      throw new DriverConnectError(error as Error);
    }
  }

  async query(sql: string, params: readonly unknown[]): Promise<DriverResult> {
    return run(await this.instance(), sql, params);
  }

  /**
   * PGlite is one connection: its transaction() holds a lock until the body returns, so
   * other queries wait. The body here waits for commit() or rollback().
   */
  async begin(): Promise<DriverTransaction> {
    const db = await this.instance();
    return new Promise<DriverTransaction>((resolveBegin, rejectBegin) => {
      let finish!: (action: 'commit' | 'rollback') => void;
      const finished = new Promise<'commit' | 'rollback'>((resolve) => (finish = resolve));
      let settle!: (error?: unknown) => void;
      const done = new Promise<void>(
        (resolve, reject) => (settle = (error) => (error ? reject(error) : resolve())),
      );
      db.transaction(async (tx) => {
        resolveBegin(new PGliteTransactionHandle(tx, finish, done));
        if ((await finished) === 'rollback') await tx.rollback();
      }).then(
        () => settle(),
        (error) => {
          settle(error);
          rejectBegin(error);
        },
      );
    });
  }

  async close(): Promise<void> {
    const db = this.db;
    this.db = undefined;
    if (db) await (await db.catch(() => undefined))?.close();
  }
}

class PGliteTransactionHandle implements DriverTransaction, Queryable {
  constructor(
    private readonly tx: PGliteTransaction,
    private readonly finish: (action: 'commit' | 'rollback') => void,
    private readonly done: Promise<void>,
  ) {}
  query(sql: string, params: readonly unknown[]): Promise<DriverResult> {
    return run(this.tx, sql, params);
  }
  commit(): Promise<void> {
    this.finish('commit');
    return this.done;
  }
  rollback(): Promise<void> {
    this.finish('rollback');
    return this.done;
  }
}
