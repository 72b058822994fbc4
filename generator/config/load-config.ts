/**
 * Reads and checks a configuration file: JSON and YAML through the `yaml` package (JSON is YAML,
 * and its tree keeps positions, so every problem is `file:line:column: message`, as in schema
 * files), `.mjs` through `import()` (its default export; problems name the key path). Paths in
 * the file are resolved against the file's folder, so the result is the same from any directory.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Document, LineCounter, parseDocument, type Node } from 'yaml';
import { FileSystemError, GenModelsError } from '../errors.js';
import { packageRoot } from '../package-root.js';
import { SchemaError, type SchemaProblem } from '../schema/schema-error.js';
import { checkConfigNode, type ConfigProblem, type JsonSchema } from './check-config.js';
import type { GenModelsConfig } from './config-types.js';

/** A checked configuration and the file it came from. */
export interface LoadedConfig {
  readonly file: string;
  readonly config: GenModelsConfig;
}

let configSchema: JsonSchema | undefined;

/** config.schema.json, shipped at the package root. */
export function loadConfigSchema(): JsonSchema {
  configSchema ??= JSON.parse(
    readFileSync(path.join(packageRoot(), 'config.schema.json'), 'utf8'),
  ) as JsonSchema;
  return configSchema;
}

export async function loadConfigFile(file: string): Promise<LoadedConfig> {
  const extension = path.extname(file);
  if (extension === '.ts' || extension === '.mts' || extension === '.cts')
    throw new GenModelsError(
      `${file}: gen-models does not load TypeScript configuration files (that would need a TypeScript loader at run time); rename it to ${path.basename(file, extension)}.mjs and remove its type annotations (keep the types with a JSDoc /** @type {import('gen-models').GenModelsConfig} */ comment)`,
    );
  const config =
    extension === '.mjs' || extension === '.js' || extension === '.cjs'
      ? await loadModuleConfig(file)
      : loadTextConfig(file, readText(file));
  return { file, config: resolvePaths(config, path.dirname(path.resolve(file))) };
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new GenModelsError(`configuration file ${file} does not exist`, { cause: error });
    throw new FileSystemError('read', file, error);
  }
}

/** JSON or YAML text: syntax errors and schema problems alike at their line and column. */
export function loadTextConfig(file: string, text: string): GenModelsConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number, message: string): SchemaProblem => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col, message };
  };
  const syntax = doc.errors.map((error) => at(error.pos[0], error.message.split('\n')[0]!));
  if (syntax.length > 0) throw new SchemaError(syntax);
  const problems = checkConfigNode(doc.contents as Node | null, loadConfigSchema());
  if (problems.length > 0)
    throw new SchemaError(problems.map((problem) => at(problem.node?.range?.[0] ?? 0, problem.message)));
  return (doc.toJS() ?? {}) as GenModelsConfig;
}

async function loadModuleConfig(file: string): Promise<GenModelsConfig> {
  let loaded: { default?: unknown };
  try {
    loaded = (await import(pathToFileURL(path.resolve(file)).href)) as { default?: unknown };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_MODULE_NOT_FOUND' && !existsFile(file))
      throw new GenModelsError(`configuration file ${file} does not exist`, { cause: error });
    throw new GenModelsError(`${file} failed to load: ${(error as Error).message}`, { cause: error });
  }
  if (loaded.default === undefined)
    throw new GenModelsError(`${file} has no default export: end it with export default { ... }`);
  return checkValue(file, loaded.default);
}

const existsFile = (file: string): boolean => {
  try {
    readFileSync(file);
    return true;
  } catch {
    return false;
  }
};

/** Checks a configuration given as a value (a module's export, or generate()'s `config`). */
export function checkValue(label: string, value: unknown): GenModelsConfig {
  const doc = new Document();
  doc.contents = doc.createNode(value ?? {}) as never;
  const problems = checkConfigNode(doc.contents as Node | null, loadConfigSchema());
  if (problems.length > 0) throw new ConfigError(label, problems);
  return value as GenModelsConfig;
}

/** Problems of a configuration without positions (an .mjs file's export): each names its key path. */
export class ConfigError extends GenModelsError {
  override readonly name = 'ConfigError';
  override readonly startsWithLocation = true;

  constructor(label: string, problems: readonly ConfigProblem[]) {
    super(
      problems
        .map((problem) => `${label}: ${problem.path ? `${problem.path}: ` : ''}${problem.message}`)
        .join('\n'),
    );
  }
}

/** Paths in a configuration file are relative to that file, not to where gen-models runs. */
function resolvePaths(config: GenModelsConfig, dir: string): GenModelsConfig {
  const resolve = (value: string | undefined) => (value === undefined ? undefined : path.resolve(dir, value));
  return {
    ...config,
    ...(config.schema !== undefined && { schema: resolve(config.schema) }),
    ...(config.out !== undefined && { out: resolve(config.out) }),
    ...(config.templates !== undefined && { templates: resolve(config.templates) }),
    ...(config.schemaOut !== undefined && { schemaOut: resolve(config.schemaOut) }),
  };
}

/** The database URL of `fromDb`: given, or read from the environment variable it names. */
export function databaseUrl(
  config: GenModelsConfig,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const fromDb = config.fromDb;
  if (fromDb === undefined || typeof fromDb === 'string') return fromDb;
  if (fromDb.url !== undefined && fromDb.urlEnv !== undefined)
    throw new GenModelsError('fromDb takes url or urlEnv, not both');
  if (fromDb.url !== undefined) return fromDb.url;
  if (fromDb.urlEnv === undefined)
    throw new GenModelsError('fromDb needs url or urlEnv (e.g. { "urlEnv": "DATABASE_URL" })');
  const url = env[fromDb.urlEnv];
  if (url === undefined || url === '')
    throw new GenModelsError(
      `the configuration reads the database URL from the environment variable ${fromDb.urlEnv}, which is not set; set it (export ${fromDb.urlEnv}=postgres://user@host:5432/database) or pass --from-db URL`,
    );
  return url;
}
