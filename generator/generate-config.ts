/**
 * `generate({ config, configPath })`: a configuration (an object, a file, or both) turned into
 * generate()'s options, as the CLI turns its file and flags. Precedence, highest first: the
 * options given to generate(), the `config` object, the file at `configPath`. A source in the
 * configuration (`schema` or `fromDb`) is read here: `fromDb` is introspected with the naming
 * rules, and `schemaOut` is planned (written by generate() after the models).
 */
import { GenModelsError, UsageError } from './errors.js';
import type { GenModelsConfig } from './config/config-types.js';
import { checkValue, databaseUrl, loadConfigFile } from './config/load-config.js';
import { applyRenames, namingRules } from './config/naming.js';
import type { GenerateOptions } from './generate.js';
import type { SchemaOutPlan } from './schema-out.js';

export interface ConfiguredOptions {
  readonly options: GenerateOptions & { readonly outDir: string };
  /** With `fromDb` and `schemaOut`: the YAML to write after the models. */
  readonly schemaOut?: SchemaOutPlan;
}

export async function configuredOptions(options: GenerateOptions): Promise<ConfiguredOptions> {
  const config = await mergedConfig(options);
  const sourceGiven = options.schema !== undefined || options.schemaPath !== undefined;
  if (!sourceGiven && config.schema !== undefined && config.fromDb !== undefined)
    throw new GenModelsError('the configuration gives both "schema" and "fromDb": give one');
  const url = sourceGiven ? undefined : databaseUrl(config);
  const schema = options.schema ?? (url === undefined ? undefined : await introspect(url, config));
  const outDir = options.outDir ?? config.out;
  if (outDir === undefined) throw new UsageError('generate() needs outDir, or "out" in the configuration');
  const resolved = {
    ...options,
    schema,
    schemaPath: options.schemaPath ?? (schema === undefined ? config.schema : undefined),
    outDir,
    runtime: options.runtime ?? config.runtime,
    templatesDir: options.templatesDir ?? config.templates,
    prune: options.prune ?? config.prune,
    force: options.force ?? config.force,
    typeOverrides: options.typeOverrides ?? config.typeOverrides,
    naming: options.naming ?? config.naming,
  };
  if (config.schemaOut === undefined) return { options: resolved };
  if (url === undefined || schema === undefined)
    throw new UsageError('"schemaOut" needs "fromDb" (it writes the schema read from a database as YAML)');
  const { planSchemaYaml } = await import('./schema-out.js');
  return {
    options: resolved,
    schemaOut: planSchemaYaml(applyRenames(schema, resolved.naming?.rename), config.schemaOut),
  };
}

/** The file's configuration under the object's. */
async function mergedConfig(options: GenerateOptions): Promise<GenModelsConfig> {
  const file = options.configPath === undefined ? {} : (await loadConfigFile(options.configPath)).config;
  const given = options.config === undefined ? {} : checkValue('generate() config', options.config);
  return { ...file, ...given };
}

async function introspect(url: string, config: GenModelsConfig) {
  const { readDatabaseSchema } = await import('./introspect/from-db.js');
  return readDatabaseSchema(url, {
    schemas: config.schemas,
    include: config.include,
    exclude: config.exclude,
    keepNames: config.keepNames,
    naming: namingRules(config.naming, config.keepNames),
  });
}
