/** The connection: a pg Pool (or embedded PGlite), the model registry, sync/drop, transactions, logging. */
import { resolveConnection, type SequelizeOptions } from './connection-options.js';
import { DataTypes } from './data-types.js';
import {
  and,
  cast,
  col,
  fn,
  json,
  literal,
  or,
  where,
  type Cast,
  type Col,
  type Fn,
  type Where,
} from './expressions.js';
import { refuseMembers } from './not-supported.js';
import type { Literal } from './literal.js';
import { Op, type OpTypes } from './operators.js';
import {
  lazyDriver,
  PGLITE_CAPABILITIES,
  REPLICA_SET_CAPABILITIES,
  type Driver,
  type DriverResult,
} from './drivers/driver.js';
import { PgDriver } from './drivers/pg-driver.js';
import { ConnectionError } from './errors.js';
import type { ModelDefinition } from './model-definition.js';
import { Model } from './model.js';
import { QueryTypes, type RawQueryOptions, type SelectQueryOptions } from './query-types.js';
import { prepareRawQuery, shapeRawResult } from './raw-query.js';
import { checkOptions } from './check-options.js';
import { addHook, addHooksOption, hasOwnHooks, removeHook } from './hooks/hook-registry.js';
import {
  DROP_OPTIONS,
  QUERY_OPTIONS,
  RAW_QUERY_OPTIONS,
  SYNC_OPTIONS,
  TRANSACTION_OPTIONS,
} from './method-options.js';
import {
  enclosingTransaction,
  runTransactionBody,
  Transaction,
  type TransactionOptions,
} from './transaction.js';
import type {
  DropOptions,
  InitOptions,
  Logging,
  ModelAttributes,
  ModelStatic,
  QueryOptions,
  SequelizeHooks,
  SyncOptions,
} from './types.js';

/**
 * Rarely needed code is loaded on first use, by the async methods that need it: the PGlite
 * driver, sync/drop and their DDL, the error mapping, the array literal parser.
 */
async function parseTextArrays(names: readonly string[], rows: Record<string, unknown>[]): Promise<void> {
  const { parseArrayLiteral } = await import('./sql/array-literal.js');
  for (const row of rows) {
    for (const name of names)
      if (typeof row[name] === 'string') row[name] = parseArrayLiteral(row[name] as string);
  }
}

/**
 * `SET TRANSACTION ...` for the options (the connection's isolationLevel is the default), or
 * undefined when the server's defaults apply.
 */
function transactionCharacteristics(
  options: TransactionOptions,
  defaultLevel: string | undefined,
): string | undefined {
  const level = options.isolationLevel ?? defaultLevel;
  const parts: string[] = [];
  if (level !== undefined) {
    if (!ISOLATION_LEVEL_VALUES.has(level)) {
      throw new TypeError(
        `Unknown isolationLevel ${JSON.stringify(level)}: use one of Transaction.ISOLATION_LEVELS (${[...ISOLATION_LEVEL_VALUES].join(', ')})`,
      );
    }
    parts.push(`ISOLATION LEVEL ${level}`);
  }
  if (options.readOnly) parts.push('READ ONLY');
  return parts.length ? parts.join(' ') : undefined;
}

const ISOLATION_LEVEL_VALUES: ReadonlySet<string> = new Set(Object.values(Transaction.ISOLATION_LEVELS));

/**
 * A read that may go to a replica, as Sequelize decides: a raw query with `type: 'SELECT'`, or a
 * model's own SELECT (find*, count, aggregates, reload): not with `useMaster`, not with a row
 * lock. Only called outside a transaction, whose statements all go to its connection.
 */
function isRead(sql: string, options: QueryOptions | undefined, def: ModelDefinition | undefined): boolean {
  const o = (options ?? {}) as QueryOptions & { useMaster?: boolean; lock?: unknown; type?: string };
  if (o.useMaster || (o.lock !== undefined && o.lock !== false)) return false;
  if (o.type !== undefined) return o.type === QueryTypes.SELECT;
  return def !== undefined && /^\s*SELECT\b/i.test(sql);
}

const PREPARE = { prepare: true } as const;

const CLOSED_MESSAGE = 'ConnectionManager.getConnection was called after the connection manager was closed!';

export class Sequelize {
  // Sequelize also exposes the data types as statics (`Sequelize.TEXT` in its docs).
  static readonly DataTypes = DataTypes;
  static readonly literal = literal;
  static readonly fn = fn;
  static readonly col = col;
  static readonly cast = cast;
  static readonly where = where;
  static readonly and = and;
  static readonly or = or;
  /** Not supported: refused by name (a call does not compile). */
  static readonly json: never = json;
  static readonly Op: OpTypes = Op;
  static readonly QueryTypes = QueryTypes;
  static readonly STRING = DataTypes.STRING;
  static readonly CHAR = DataTypes.CHAR;
  static readonly TEXT = DataTypes.TEXT;
  static readonly CITEXT = DataTypes.CITEXT;
  static readonly SMALLINT = DataTypes.SMALLINT;
  static readonly INTEGER = DataTypes.INTEGER;
  static readonly BIGINT = DataTypes.BIGINT;
  static readonly FLOAT = DataTypes.FLOAT;
  static readonly REAL = DataTypes.REAL;
  static readonly DOUBLE = DataTypes.DOUBLE;
  static readonly DECIMAL = DataTypes.DECIMAL;
  static readonly NUMERIC = DataTypes.NUMERIC;
  static readonly BOOLEAN = DataTypes.BOOLEAN;
  static readonly DATE = DataTypes.DATE;
  static readonly DATEONLY = DataTypes.DATEONLY;
  static readonly TIME = DataTypes.TIME;
  static readonly UUID = DataTypes.UUID;
  static readonly JSON = DataTypes.JSON;
  static readonly JSONB = DataTypes.JSONB;
  static readonly BLOB = DataTypes.BLOB;
  static readonly INET = DataTypes.INET;
  static readonly CIDR = DataTypes.CIDR;
  static readonly MACADDR = DataTypes.MACADDR;
  static readonly TSVECTOR = DataTypes.TSVECTOR;
  static readonly ENUM = DataTypes.ENUM;
  static readonly ARRAY = DataTypes.ARRAY;
  static readonly CUSTOM = DataTypes.CUSTOM;
  static readonly UUIDV1 = DataTypes.UUIDV1;
  static readonly UUIDV4 = DataTypes.UUIDV4;
  static readonly NOW = DataTypes.NOW;

  readonly options: SequelizeOptions & { define: Record<string, unknown> };
  readonly config: {
    database: string;
    username: string | undefined;
    host: string | undefined;
    port: number | undefined;
  };
  /** Registered models by name. */
  readonly models: Record<string, ModelStatic<Model>> = {};
  private readonly driver: Driver;
  private closed = false;
  private readonly logging: Logging | false;

  constructor(
    database: string,
    username?: string | null,
    password?: string | null,
    options?: SequelizeOptions,
  );
  constructor(database: string, username: string | null, options?: SequelizeOptions);
  constructor(url: string, options?: SequelizeOptions);
  constructor(options: SequelizeOptions);
  constructor(...args: unknown[]) {
    const resolved = resolveConnection(args);
    this.options = { ...resolved.options, define: resolved.options.define ?? {} };
    this.config = {
      database: resolved.database,
      username: resolved.username,
      host: resolved.host,
      port: resolved.port,
    };
    // Sequelize's default: every statement to console.log. Pass logging: false to silence.
    this.logging = resolved.options.logging === undefined ? console.log : resolved.options.logging;
    this.driver = this.createDriver(resolved);
    addHooksOption(this, 'new Sequelize()', true, resolved.options.hooks);
  }

  /** A global hook: run for every model of this instance, after the model's own (docs/runtime.md, Hooks). */
  addHook<K extends keyof SequelizeHooks>(hookType: K, fn: SequelizeHooks[K]): this;
  addHook<K extends keyof SequelizeHooks>(hookType: K, name: string, fn: SequelizeHooks[K]): this;
  addHook(hookType: string, nameOrFn: unknown, fn?: unknown): this {
    addHook(this, 'sequelize.addHook()', true, hookType, nameOrFn, fn);
    return this;
  }

  removeHook(hookType: keyof SequelizeHooks, nameOrFn: string | ((...args: never[]) => unknown)): boolean {
    return removeHook(this, 'sequelize.removeHook()', true, hookType, nameOrFn);
  }

  hasHook(hookType: keyof SequelizeHooks): boolean {
    return hasOwnHooks(this, hookType);
  }
  hasHooks(hookType: keyof SequelizeHooks): boolean {
    return hasOwnHooks(this, hookType);
  }

  /** PGlite and the replica set are loaded on first use: most programs need neither. */
  private createDriver(resolved: ReturnType<typeof resolveConnection>): Driver {
    if (resolved.engine === 'pglite') {
      return lazyDriver(
        'pglite',
        PGLITE_CAPABILITIES,
        async () => new (await import('./drivers/pglite-driver.js')).PGliteDriver(resolved.dataDir),
      );
    }
    const replicas = resolved.replicas;
    const prepareStatements = resolved.options.prepareStatements !== false;
    if (!replicas) return new PgDriver(resolved.pg, prepareStatements);
    return lazyDriver(
      'postgres',
      { ...REPLICA_SET_CAPABILITIES, preparedStatements: prepareStatements },
      async () =>
        new (await import('./drivers/replica-set-driver.js')).ReplicaSetDriver(
          resolved.pg,
          replicas,
          (m) => this.log(m),
          { prepareStatements },
        ),
    );
  }

  // Sequelize's expression helpers as instance methods too (`sequelize.fn(...)`); see expressions.ts.
  fn(name: string, ...args: unknown[]): Fn {
    return fn(name, ...args);
  }
  col(name: string): Col {
    return col(name);
  }
  literal(sql: string): Literal {
    return literal(sql);
  }
  cast(value: unknown, type: string): Cast {
    return cast(value, type);
  }
  where(attribute: unknown, comparatorOrLogic: unknown, ...value: [unknown?]): Where {
    return where(attribute, comparatorOrLogic, ...value);
  }
  and<T extends unknown[]>(...args: T): ReturnType<typeof and<T>> {
    return and(...args);
  }
  or<T extends unknown[]>(...args: T): ReturnType<typeof or<T>> {
    return or(...args);
  }
  /** Not supported: refused by name (a call does not compile). */
  get json(): never {
    return json;
  }
  /** The server's version, e.g. `'15.4'` (`SHOW server_version`), as Sequelize. */
  async databaseVersion(options?: QueryOptions): Promise<string> {
    checkOptions(options, QUERY_OPTIONS, 'sequelize.databaseVersion()');
    const { rows } = await this.run('SHOW server_version', [], options);
    return String(rows[0].server_version);
  }
  /** `order: sequelize.random()` → `ORDER BY random()`. */
  random(): Fn {
    return fn('random');
  }

  getDialect(): 'postgres' {
    return 'postgres';
  }

  /** 'postgres' for a server, 'pglite' for the embedded engine (informational: behaviour follows the driver's capabilities). */
  get engine(): 'postgres' | 'pglite' {
    return this.driver.engine;
  }

  authenticate(options?: QueryOptions): Promise<void> {
    return this.ping(options, 'sequelize.authenticate()');
  }

  /** Sequelize's other name for authenticate(): `SELECT 1+1`, rejecting when the server cannot be reached. */
  validate(options?: QueryOptions): Promise<void> {
    return this.ping(options, 'sequelize.validate()');
  }

  private async ping(options: QueryOptions | undefined, method: string): Promise<void> {
    checkOptions(options, QUERY_OPTIONS, method);
    await this.run('SELECT 1+1 AS result', [], options);
  }

  /** Ends the pool; idempotent. Every later query rejects with a ConnectionError. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.driver.close();
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any model, whatever its attribute types
  define<M extends Model<any, any> = Model>(
    modelName: string,
    attributes: ModelAttributes<M['_attributes']>,
    options: Omit<InitOptions<M['_attributes']>, 'sequelize'> = {},
  ): ModelStatic<M> {
    const model = class extends Model {};
    return model.init(attributes as ModelAttributes<unknown>, {
      ...options,
      modelName,
      sequelize: this,
    }) as unknown as ModelStatic<M>;
  }

  isDefined(modelName: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.models, modelName);
  }

  model(modelName: string): ModelStatic<Model> {
    if (!this.isDefined(modelName)) throw new Error(`${modelName} has not been defined`);
    return this.models[modelName];
  }

  /** Creates missing tables, referenced tables first. `match` is checked before any query. */
  async sync(options: SyncOptions = {}): Promise<this> {
    checkOptions(options, SYNC_OPTIONS, 'sequelize.sync()');
    if (options.match && !options.match.test(this.config.database)) {
      throw new Error(
        `Database "${this.config.database}" does not match sync match parameter "${options.match}"`,
      );
    }
    await (await import('./sync.js')).syncAllWithHooks(this, options);
    return this;
  }

  /** Drops every model's table, dependents first (once each). */
  async drop(options: DropOptions = {}): Promise<void> {
    checkOptions(options, DROP_OPTIONS, 'sequelize.drop()');
    await (await import('./sync.js')).dropAll(this, options);
  }

  /** Managed (`transaction(async (t) => ...)`: commit, or rollback on throw) or unmanaged (`const t = await transaction()`). */
  transaction(options?: TransactionOptions): Promise<Transaction>;
  transaction<T>(body: (t: Transaction) => Promise<T>): Promise<T>;
  transaction<T>(options: TransactionOptions, body: (t: Transaction) => Promise<T>): Promise<T>;
  async transaction<T>(
    optionsOrBody?: TransactionOptions | ((t: Transaction) => Promise<T>),
    maybeBody?: (t: Transaction) => Promise<T>,
  ): Promise<T | Transaction> {
    const body = typeof optionsOrBody === 'function' ? optionsOrBody : maybeBody;
    const options = typeof optionsOrBody === 'function' ? {} : (optionsOrBody ?? {});
    checkOptions(options, TRANSACTION_OPTIONS, 'sequelize.transaction()');
    if (body !== undefined && typeof body !== 'function') {
      throw new TypeError(
        'sequelize.transaction(): the body must be a function: transaction(async (t) => ...)',
      );
    }
    const characteristics = transactionCharacteristics(options, this.options.isolationLevel);
    this.assertOpen();
    if (this.driver.capabilities.singleConnection) this.refuseBesideEnclosingTransaction(undefined);
    const t = new Transaction(await this.connecting(() => this.driver.begin()));
    if (characteristics) {
      try {
        await this.run(`SET TRANSACTION ${characteristics}`, [], {
          transaction: t,
          logging: options.logging,
        });
      } catch (error) {
        await t.rollback().catch(() => undefined);
        throw error;
      }
    }
    if (!body) return t;
    let result: T;
    try {
      // On PGlite, run() must be able to tell a statement of this body that forgot `{ transaction: t }`.
      result = await (this.driver.capabilities.singleConnection
        ? runTransactionBody(this, t, () => body(t))
        : body(t));
    } catch (error) {
      if (!t.finished) await t.rollback().catch(() => undefined);
      throw error;
    }
    if (!t.finished) await t.commit();
    return result;
  }

  /**
   * A raw statement. `replacements` (`:name`, `?`) and `bind` (`$1`, `$name`) become $n
   * parameters; the result is shaped per `type` as Sequelize's (docs/runtime.md, "Raw SQL").
   * A second argument that is an array binds $1, $2, ... (this runtime's shorthand).
   */
  query<M extends object>(
    sql: string,
    options: RawQueryOptions & { model: abstract new (...args: never[]) => M; plain: true },
  ): Promise<M | null>;
  query<M extends object>(
    sql: string,
    options: RawQueryOptions & { model: abstract new (...args: never[]) => M },
  ): Promise<M[]>;
  query<T extends object = Record<string, unknown>>(
    sql: string,
    options: SelectQueryOptions & { plain: true },
  ): Promise<T | null>;
  query<T extends object = Record<string, unknown>>(sql: string, options: SelectQueryOptions): Promise<T[]>;
  query(sql: string, options: RawQueryOptions & { type: 'INSERT' | 'UPDATE' }): Promise<[unknown[], number]>;
  query(sql: string, options: RawQueryOptions & { type: 'BULKUPDATE' | 'BULKDELETE' }): Promise<number>;
  query(sql: string, options: RawQueryOptions & { type: 'DELETE' }): Promise<void>;
  query<T extends object = Record<string, unknown>>(
    sql: string,
    options: RawQueryOptions & { plain: true },
  ): Promise<T | null>;
  query<T extends object = Record<string, unknown>>(
    sql: string,
    paramsOrOptions?: readonly unknown[] | (RawQueryOptions & { type?: 'RAW' }),
  ): Promise<[T[], { rowCount: number }]>;
  async query(sql: string, paramsOrOptions?: readonly unknown[] | RawQueryOptions): Promise<unknown> {
    const options: RawQueryOptions = Array.isArray(paramsOrOptions)
      ? { bind: paramsOrOptions }
      : ((paramsOrOptions as RawQueryOptions) ?? {});
    checkOptions(options, RAW_QUERY_OPTIONS, 'sequelize.query()');
    const prepared = await prepareRawQuery(sql, options);
    const result = await this.run(prepared.sql, prepared.params, options);
    return shapeRawResult(result, options);
  }

  /**
   * Every statement goes through here: closed check, transaction, logging, error mapping.
   * `prepare`: one of the runtime's own statements whose text repeats, sent as a named prepared
   * statement where the driver can (capability `preparedStatements`).
   */
  async run(
    sql: string,
    params: readonly unknown[],
    options?: QueryOptions,
    def?: ModelDefinition,
    prepare?: boolean,
  ): Promise<DriverResult> {
    this.assertOpen();
    const t = options?.transaction;
    if (!t && this.driver.capabilities.singleConnection) this.refuseBesideEnclosingTransaction(sql);
    const logging = options?.logging !== undefined ? options.logging : this.logging;
    if (logging) this.logStatement(logging, sql, params, t?.id ?? 'default');
    let result: DriverResult;
    try {
      result = await (t
        ? t.use().query(sql, params, prepare ? PREPARE : undefined)
        : this.driver.query(sql, params, { read: isRead(sql, options, def), prepare }));
    } catch (error) {
      throw (await import('./error-mapping.js')).mapQueryError(error, sql, params, def);
    }
    if (def && def.textArrays.length) await parseTextArrays(def.textArrays, result.rows);
    return result;
  }

  /** A message to the logging option (console.log by default), as Sequelize's sequelize.log. */
  log(message: string): void {
    if (this.logging) this.logging(message);
  }

  private logStatement(logging: Logging, sql: string, params: readonly unknown[], connection: string): void {
    let line = `Executing (${connection}): ${sql}`;
    if (this.options.logQueryParameters && params.length)
      line += `${sql.endsWith(';') ? '' : ';'} ${params.map((p) => JSON.stringify(p)).join(', ')}`;
    logging(line);
  }

  private async connecting<T>(open: () => Promise<T>): Promise<T> {
    try {
      return await open();
    } catch (error) {
      throw (await import('./error-mapping.js')).mapQueryError(error, 'BEGIN', []);
    }
  }

  /**
   * On a single-connection engine (PGlite) an open transaction holds the connection: inside a managed transaction's
   * body, a statement that is not part of it would wait for the transaction to end, which waits
   * for the body: a hang. Refused instead, with the fix. `sql`: the statement, or undefined for
   * a nested transaction.
   */
  private refuseBesideEnclosingTransaction(sql: string | undefined): void {
    const enclosing = enclosingTransaction(this);
    if (!enclosing) return;
    const what =
      sql === undefined ? 'a nested transaction' : `the statement ${JSON.stringify(sql.slice(0, 80))}`;
    throw new Error(
      `Transaction ${enclosing.id} holds PGlite's only connection, so ${what} would wait for it forever: ` +
        'inside transaction(async (t) => ...) pass { transaction: t } to every query',
    );
  }

  private assertOpen(): void {
    if (this.closed) throw new ConnectionError(CLOSED_MESSAGE);
  }
}

// Sequelize API without a counterpart here: refused by name (see docs/runtime.md, "Not supported").
refuseMembers(Sequelize, 'Sequelize', {
  useCLS:
    'pass { transaction: t } to each query inside sequelize.transaction(async (t) => ...) (there is no CLS namespace)',
});
refuseMembers(Sequelize.prototype, 'sequelize', {
  getQueryInterface:
    'run DDL with sequelize.query(sql), plan schema changes with planSync() and sync({ alter }), and read tables with Model.findAll',
  escape: 'pass values as replacements or bind parameters of sequelize.query()',
  createSchema: "run sequelize.query('CREATE SCHEMA ...')",
  dropSchema: "run sequelize.query('DROP SCHEMA ...')",
  showAllSchemas: 'read information_schema.schemata with sequelize.query()',
  dropAllSchemas: "run sequelize.query('DROP SCHEMA ... CASCADE') per schema",
  truncate: 'call Model.truncate({ cascade: true }) for each model to empty',
  set: "run sequelize.query('SET ...') inside the transaction",
});
