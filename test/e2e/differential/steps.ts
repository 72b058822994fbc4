/**
 * What a scenario records: each call's result or error, each instance's state, and the rows a
 * write left (read back with raw SQL on a separate connection, so neither runtime reads its own
 * writes). One outcome per key `scenario/step`; both sides must produce the same keys.
 */
import { error, Normalizer } from './normalize.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- scenarios drive the models of two runtimes (the bundled one and Sequelize) through one loose shape */
export type AnyModel = any;
export type Models = Record<string, AnyModel>;
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Marks the line of the runner's output that holds the outcomes. */
export const OUTCOMES_MARK = 'OUTCOMES ';

export interface RawClient {
  query(sql: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

export interface Outcome {
  readonly key: string;
  readonly outcome: unknown;
}

/** The side's `Sequelize.Op` (each runtime has its own symbols). */
export type OpLike = Readonly<Record<string, symbol>>;

export interface Scenario {
  readonly name: string;
  run(steps: Steps, models: Models, op: OpLike): Promise<void>;
}

export class Steps {
  readonly outcomes: Outcome[] = [];
  private scenario = '';

  constructor(
    private readonly raw: RawClient,
    private readonly normalizer: Normalizer,
  ) {}

  begin(scenario: string): void {
    this.scenario = scenario;
  }

  private record(label: string, outcome: unknown): void {
    const key = `${this.scenario}/${label}`;
    if (this.outcomes.some((o) => o.key === key)) throw new Error(`step ${key} recorded twice`);
    this.outcomes.push({ key, outcome });
  }

  /** Runs a call and records what it resolved (normalized) or the error it threw; returns the result, or undefined after an error. */
  async call<T>(label: string, body: () => Promise<T> | T): Promise<T | undefined> {
    try {
      const result = await body();
      this.record(label, { result: this.normalizer.value(result) });
      return result;
    } catch (caught) {
      this.record(label, this.normalizer.value(caught instanceof Error ? caught : new Error(String(caught))));
      return undefined;
    }
  }

  /** An instance's state (or that there is none, after a failed call). */
  state(label: string, instance: unknown): void {
    this.record(label, instance === undefined ? '<no instance>' : this.normalizer.value(instance));
  }

  /** Rows read back with raw SQL, in an order that does not depend on either runtime. */
  async rows(label: string, sql: string, values: unknown[] = []): Promise<void> {
    const { rows } = await this.raw.query(sql, values);
    const normalized = rows.map((row) => this.normalizer.value(row));
    this.record(label, normalized.map((row) => JSON.stringify(row)).sort());
  }

  /** A crash outside any step: recorded so that the other side's keys still line up. */
  crashed(caught: unknown): void {
    const message = caught instanceof Error ? caught.message : String(caught);
    this.record('<scenario crashed>', { ...error(caught), message });
  }
}
