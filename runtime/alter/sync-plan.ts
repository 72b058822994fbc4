/** What alter plans: ordered DDL steps, each safe or destructive, with the reason it is needed. */

/**
 * safe: loses no data (add a column, widen a type, add an enum value, drop a constraint, ...).
 * destructive: may lose data (drop a column, narrow a type, remove an enum value, change the
 * primary key, a cast PostgreSQL may reject or round): runs only with `alter: { drop: true }`.
 */
export type StepKind = 'safe' | 'destructive';

export interface SyncStep {
  /** One SQL statement, ready to run (identifiers and DDL literals already quoted). */
  readonly sql: string;
  readonly kind: StepKind;
  /** Why the step is needed, in words: `add column "age" (missing in the table)`. */
  readonly reason: string;
  /** The table (`"schema"."table"` or `"table"`) or enum type the step changes. */
  readonly target: string;
  /**
   * Set when the data forbids the step whatever the permission (rows violate a new UNIQUE,
   * NOT NULL without a default, values that do not cast): the count and what to do.
   */
  readonly blocked?: string;
}

export interface SyncPlan {
  readonly steps: readonly SyncStep[];
}

/**
 * Steps alter would refuse: blocked ones always, destructive ones without `drop` permission. The
 * statements of one change (same target and reason, e.g. an enum rebuild) stand or fall together.
 */
export function refusedSteps(plan: SyncPlan, allowDestructive: boolean): SyncStep[] {
  const changeOf = (step: SyncStep) => JSON.stringify([step.target, step.reason]);
  const blockedChanges = new Set(plan.steps.filter((step) => step.blocked !== undefined).map(changeOf));
  return plan.steps.filter(
    (step) => blockedChanges.has(changeOf(step)) || (step.kind === 'destructive' && !allowDestructive),
  );
}
