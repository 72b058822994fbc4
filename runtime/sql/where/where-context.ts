/** The types the where builders share: the statement's context and what a condition compares. */
import type { AttributeDefinition, ModelDefinition } from '../../model-definition.js';

export interface WhereContext {
  readonly def: ModelDefinition;
  readonly params: unknown[];
  /** A nested where object's condition ('TRUE' when empty): for fn arguments and where(). */
  readonly condition: (where: unknown) => string;
  /** The condition `logic` (a where value) on an expression target. */
  readonly conditionOn: (t: Target, logic: unknown) => string;
}

export type TargetKind = 'scalar' | 'array' | 'json' | 'jsonPath' | 'expression';

export interface Target {
  readonly kind: TargetKind;
  /** `Account.score`, `Account.meta.a.b`: how refusals name it. */
  readonly label: string;
  /** The column; undefined for an expression (`where(fn(...), ...)`). */
  readonly attr: AttributeDefinition | undefined;
  /** For jsonPath targets: the keys below the column. */
  readonly path: readonly string[];
  /** For expression targets: its SQL. */
  readonly sql?: string;
}
