/** A database transaction: pass `{ transaction: t }` to run a query inside it. */
import type { DriverTransaction } from './drivers/driver.js';

let nextId = 1;

export class Transaction {
  /** Shown in logs instead of `default`. */
  readonly id = `t${nextId++}`;
  private state: 'open' | 'committed' | 'rolled back' = 'open';

  constructor(readonly connection: DriverTransaction) {}

  get finished(): 'commit' | 'rollback' | undefined {
    return this.state === 'open' ? undefined : this.state === 'committed' ? 'commit' : 'rollback';
  }

  /** The connection to run a statement on; refuses once the transaction is over. */
  use(): DriverTransaction {
    if (this.state !== 'open') throw new Error(`Transaction ${this.id} has already been ${this.state}; no more queries can run in it`);
    return this.connection;
  }

  async commit(): Promise<void> {
    this.use();
    this.state = 'committed';
    await this.connection.commit();
  }

  async rollback(): Promise<void> {
    this.use();
    this.state = 'rolled back';
    await this.connection.rollback();
  }
}
