/** gen-models' programmatic API. The runtime is a separate entry point: `gen-models/runtime`. */
export { generate, type GenerateOptions, type GenerateResult, type RuntimeMode } from './generate.js';
export type * from './ir.js';
export { FileSystemError, GenModelsError, UsageError } from './errors.js';
export { SchemaError } from './schema/schema-error.js';
export { ForeignFileError } from './output/write.js';
export { CollisionError } from './merge/merge-hand-written.js';
export { HandWrittenCodeError } from './merge/hand-written-code.js';
export { IntrospectionError } from './introspect/introspection-error.js';
export type {
  GenModelsConfig,
  NamingConfig,
  RenameMap,
  TypeOverride,
  NameCase,
} from './config/config-types.js';
export { NamingError } from './config/naming.js';
export { loadConfigFile, type LoadedConfig } from './config/load-config.js';
export { findConfigFile } from './config/find-config.js';
export { TypeOverrideError } from './config/type-overrides.js';
