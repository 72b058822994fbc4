/** The YAML front end: `schema.yaml` → validated SchemaIR, or a SchemaError listing every problem. */
export { loadSchemaFile, loadSchemaText } from './load-schema.js';
export { SchemaError, formatProblem, type SchemaProblem } from './schema-error.js';
