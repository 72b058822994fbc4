/** What a run decides about every file it renders. */
export interface RenderOptions {
  /** Module the models import the runtime from: './runtime/index.js' (bundled) or 'gen-models/runtime'. */
  readonly runtimeModule: string;
  /** How the header names the schema, e.g. '../example-schema.yaml' or 'database "shop"'. */
  readonly sourceLabel: string;
  /**
   * 'sequelize': the models are written against the `sequelize` v6 package instead of the runtime
   * (docs/sequelize-runtime.md); absent for the runtime's own module.
   */
  readonly target?: 'sequelize';
}
