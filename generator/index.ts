/** gen-models' programmatic API. The runtime is a separate entry point: `gen-models/runtime`. */
export { generate, type GenerateOptions, type GenerateResult, type RuntimeMode } from './generate.js';
export type * from './ir.js';
export { SchemaError } from './schema/schema-error.js';
