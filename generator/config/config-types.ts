/**
 * The shape of a gen-models configuration file (and of `loadConfig()`'s result). It mirrors
 * config.schema.json at the package root, which validates the files; a unit test keeps the two
 * key lists equal.
 */
export type RuntimeChoice = 'bundled' | 'package' | 'sequelize';
import type { NameCase } from '../introspect/names.js';

export type { NameCase };

/** A TypeScript type for an attribute, with the import lines it needs. */
export type TypeOverride = string | { readonly type: string; readonly import?: string | readonly string[] };

/** How models, attributes and associations are named (docs/configuration.md). */
export interface NamingConfig {
  /** --from-db model class names: default pascal; keep: the table name as it is. */
  readonly models?: NameCase;
  /** --from-db attribute names: default camel (keepNames is keep). */
  readonly attributes?: NameCase;
  /** --from-db singular model names (`users` -> `User`): default true; false keeps the table's number. */
  readonly singular?: boolean;
  readonly rename?: RenameMap;
}

/** Explicit renames, applied after the rules above, on --from-db and YAML schemas alike. */
export interface RenameMap {
  /** Generated model name -> wanted name. */
  readonly models?: Readonly<Record<string, string>>;
  /** `Model.attribute` (generated names) -> wanted attribute name; the column stays (`field`). */
  readonly attributes?: Readonly<Record<string, string>>;
  /** `Model.association` (generated names) -> wanted association name. */
  readonly associations?: Readonly<Record<string, string>>;
}

export interface GenModelsConfig {
  readonly $schema?: string;
  readonly schema?: string;
  readonly fromDb?: string | { readonly url?: string; readonly urlEnv?: string };
  readonly schemas?: readonly string[];
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
  readonly keepNames?: boolean;
  readonly schemaOut?: string;
  readonly out?: string;
  readonly runtime?: RuntimeChoice;
  readonly templates?: string;
  readonly prune?: boolean;
  readonly force?: boolean;
  readonly quiet?: boolean;
  readonly typeOverrides?: Readonly<Record<string, TypeOverride>>;
  readonly naming?: NamingConfig;
}
