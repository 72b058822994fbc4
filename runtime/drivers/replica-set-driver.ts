/**
 * Sequelize's `replication: { read: [...], write: {...} }`: one pg pool for the primary and one
 * per read replica. Reads hinted `read` go round-robin over the replicas; everything else
 * (writes, transactions, DDL) goes to the primary. A replica that cannot be connected to is
 * skipped, logged once, and tried again after RETRY_DOWN_REPLICA_MS; when every replica is down
 * the read fails with an error naming them (it does not silently fall back to the primary).
 */
import type { PgPoolConfig } from './pg-module.js';
import { PgDriver } from './pg-driver.js';
import {
  DriverAcquireTimeoutError,
  DriverConnectError,
  REPLICA_SET_CAPABILITIES,
  type Driver,
  type DriverCapabilities,
  type DriverResult,
  type DriverTransaction,
  type QueryHints,
} from './driver.js';

/** How long a replica that refused a connection is left out of the rotation. */
export const RETRY_DOWN_REPLICA_MS = 5000;

export interface ReplicaConfig {
  /** host:port/database, for log lines and errors. */
  readonly label: string;
  readonly pg: PgPoolConfig;
}

export interface ReplicaSetOptions {
  /** Named prepared statements on every server (see PgDriver); false for PgBouncer in transaction mode. */
  readonly prepareStatements: boolean;
  /** The clock a down replica's retry time is read from (tests advance it instead of sleeping). */
  readonly now?: () => number;
}

interface Replica {
  readonly label: string;
  readonly driver: PgDriver;
  /** The clock's time until which it is skipped; 0 when up. */
  downUntil: number;
}

export class ReplicaSetDriver implements Driver {
  readonly engine = 'postgres' as const;
  readonly capabilities: DriverCapabilities;
  private readonly primary: PgDriver;
  private readonly replicas: Replica[];
  private readonly now: () => number;
  private next = 0;

  constructor(
    write: PgPoolConfig,
    read: readonly ReplicaConfig[],
    private readonly log: (message: string) => void,
    options: ReplicaSetOptions,
  ) {
    const prepare = options.prepareStatements;
    this.capabilities = { ...REPLICA_SET_CAPABILITIES, preparedStatements: prepare };
    this.now = options.now ?? Date.now;
    this.primary = new PgDriver(write, prepare);
    this.replicas = read.map((r) => ({ label: r.label, driver: new PgDriver(r.pg, prepare), downUntil: 0 }));
  }

  query(sql: string, params: readonly unknown[], hints?: QueryHints): Promise<DriverResult> {
    return hints?.read ? this.read(sql, params, hints) : this.primary.query(sql, params, hints);
  }

  begin(): Promise<DriverTransaction> {
    return this.primary.begin();
  }

  async close(): Promise<void> {
    await Promise.all([this.primary.close(), ...this.replicas.map((r) => r.driver.close())]);
  }

  /**
   * Round robin from the next replica, skipping those marked down. When all are marked down,
   * each is tried once more rather than failing without asking (one may be back early).
   */
  private async read(sql: string, params: readonly unknown[], hints: QueryHints): Promise<DriverResult> {
    const start = this.next;
    this.next = (this.next + 1) % this.replicas.length;
    const order = this.replicas.map((_, i) => this.replicas[(start + i) % this.replicas.length]);
    const now = this.now();
    const up = order.filter((r) => r.downUntil <= now);
    const failures: string[] = [];
    for (const replica of up.length ? up : order) {
      try {
        const result = await replica.driver.query(sql, params, hints);
        replica.downUntil = 0;
        return result;
      } catch (error) {
        // A busy replica (no free connection within acquire) is not down: its error is the caller's.
        if (!(error instanceof DriverConnectError) || error instanceof DriverAcquireTimeoutError) throw error;
        if (replica.downUntil <= now) {
          this.log(
            `Read replica ${replica.label} is down (${error.message}); skipped for ${RETRY_DOWN_REPLICA_MS} ms`,
          );
        }
        replica.downUntil = this.now() + RETRY_DOWN_REPLICA_MS;
        failures.push(`${replica.label} (${error.message})`);
      }
    }
    for (const replica of order)
      if (!up.includes(replica) && up.length) failures.push(`${replica.label} (marked down)`);
    throw new DriverConnectError(new Error(`Every read replica is down: ${failures.join(', ')}`));
  }
}
