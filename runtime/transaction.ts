/** A database transaction: pass `{ transaction: t }` to run a query inside it. */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DriverTransaction } from './drivers/driver.js';

let nextId = 1;

export type IsolationLevel = 'READ UNCOMMITTED' | 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

export interface TransactionOptions {
  /** `Transaction.ISOLATION_LEVELS.SERIALIZABLE` etc.; default: the server's (or the connection's isolationLevel option). */
  isolationLevel?: IsolationLevel;
  /** SET TRANSACTION READ ONLY. */
  readOnly?: boolean;
  /** A function receiving the statements of this call (SET TRANSACTION), or false. */
  logging?: ((sql: string) => void) | false;
}

export class Transaction {
  /** Sequelize's isolation level names, as PostgreSQL spells them. */
  /** Sequelize's lock levels, for `findAll({ lock: Transaction.LOCK.UPDATE })`. */
  static readonly LOCK = {
    UPDATE: 'UPDATE',
    SHARE: 'SHARE',
    KEY_SHARE: 'KEY SHARE',
    NO_KEY_UPDATE: 'NO KEY UPDATE',
  } as const;
  /** `transaction.LOCK.UPDATE`, as Sequelize. */
  get LOCK(): typeof Transaction.LOCK {
    return Transaction.LOCK;
  }
  static readonly ISOLATION_LEVELS = {
    READ_UNCOMMITTED: 'READ UNCOMMITTED',
    READ_COMMITTED: 'READ COMMITTED',
    REPEATABLE_READ: 'REPEATABLE READ',
    SERIALIZABLE: 'SERIALIZABLE',
  } as const satisfies Record<string, IsolationLevel>;

  /** Shown in logs instead of `default`. */
  readonly id = `t${nextId++}`;
  private state: 'open' | 'committed' | 'rolled back' = 'open';
  private readonly afterCommitHooks = new Set<(t: Transaction) => unknown>();

  constructor(readonly connection: DriverTransaction) {}

  get finished(): 'commit' | 'rollback' | undefined {
    return this.state === 'open' ? undefined : this.state === 'committed' ? 'commit' : 'rollback';
  }

  /** The connection to run a statement on; refuses once the transaction is over. */
  use(): DriverTransaction {
    if (this.state !== 'open')
      throw new Error(`Transaction ${this.id} has already been ${this.state}; no more queries can run in it`);
    return this.connection;
  }

  async commit(): Promise<void> {
    this.use();
    this.state = 'committed';
    await this.connection.commit();
    // Sequelize runs them in order, each awaited, once COMMIT has gone through (never after a rollback).
    for (const hook of this.afterCommitHooks) await hook(this);
  }

  /** `fn(t)` runs after this transaction commits (to queue jobs that must see the committed rows); not after a rollback. */
  afterCommit(fn: (transaction: Transaction) => unknown): this {
    if (typeof fn !== 'function') throw new TypeError('transaction.afterCommit(fn): "fn" must be a function');
    this.afterCommitHooks.add(fn);
    return this;
  }

  async rollback(): Promise<void> {
    this.use();
    this.state = 'rolled back';
    await this.connection.rollback();
  }
}

/** The managed transaction whose body is running, and the connection (Sequelize) it belongs to. */
const runningBody = new AsyncLocalStorage<{ owner: object; transaction: Transaction }>();

/** Runs a managed transaction's body so that enclosingTransaction() can see it. */
export function runTransactionBody<T>(
  owner: object,
  transaction: Transaction,
  body: () => Promise<T>,
): Promise<T> {
  return runningBody.run({ owner, transaction }, body);
}

/** The still open transaction of `owner` whose body the calling code runs in, if any. */
export function enclosingTransaction(owner: object): Transaction | undefined {
  const store = runningBody.getStore();
  return store && store.owner === owner && !store.transaction.finished ? store.transaction : undefined;
}
