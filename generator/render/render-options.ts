/** What a run decides about every file it renders. */
export interface RenderOptions {
  /** Module the models import the runtime from: './runtime/index.js' (bundled) or 'gen-models/runtime'. */
  readonly runtimeModule: string;
  /** How the header names the schema, e.g. '../example-schema.yaml' or 'database "shop"'. */
  readonly sourceLabel: string;
}
