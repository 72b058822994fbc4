/**
 * The shape of a gen-models configuration file (and of `loadConfig()`'s result). It mirrors
 * config.schema.json at the package root, which validates the files; a unit test keeps the two
 * key lists equal.
 */
export type RuntimeChoice = 'bundled' | 'package';
export type NameCase = 'pascal' | 'camel' | 'snake' | 'keep';

/** A TypeScript type for an attribute, with the import lines it needs. */
export type TypeOverride = string | { readonly type: string; readonly import?: string | readonly string[] };

export interface NamingConfig {
  /** Model class names: default pascal. */
  readonly models?: NameCase;
  /** Attribute names: default camel. */
  readonly attributes?: NameCase;
  /** Singular model names (`users` -> `User`): default true. */
  readonly singular?: boolean;
  readonly rename?: {
    /** Generated model name -> wanted name. */
    readonly models?: Readonly<Record<string, string>>;
    /** `Model.attribute` (generated names) -> wanted attribute name. */
    readonly attributes?: Readonly<Record<string, string>>;
  };
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
