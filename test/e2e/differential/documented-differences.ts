/**
 * The differences between the bundled runtime and Sequelize 6 that docs/runtime.md documents as
 * deliberate, each keyed by `scenario/step` (`*` for every model of a real database) with both
 * sides' exact outcomes: any other difference, or this one changing, fails the suite.
 */
export interface DocumentedDifference {
  readonly key: string;
  /** The schemas where it shows: `example` or real database names. */
  readonly schemas: readonly string[];
  /** Words of docs/runtime.md that give the reason (checked to be there, whitespace aside). */
  readonly doc: string;
  readonly bundled: unknown;
  readonly sequelize: unknown;
}

export const DOCUMENTED_DIFFERENCES: readonly DocumentedDifference[] = [];
