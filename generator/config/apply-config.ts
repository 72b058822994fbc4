/**
 * The command line over the configuration file: a value comes from the file unless its flag was
 * given. yargs fills in defaults, so which flags were given is read from the arguments themselves.
 */
import { GenModelsError } from '../errors.js';
import type { GenModelsConfig } from './config-types.js';
import { findConfigFile } from './find-config.js';
import type { LoadedConfig } from './load-config.js';

/** The command-line values a configuration file can also give (yargs' camelCase names). */
export interface ConfigurableArguments {
  schema?: string;
  fromDb?: string;
  schemas?: string[];
  include?: string[];
  exclude?: string[];
  keepNames: boolean;
  schemaOut?: string;
  out: string;
  runtime: 'bundled' | 'package' | 'sequelize';
  templates?: string;
  prune: boolean;
  force: boolean;
  quiet: boolean;
  config?: string;
}

const FLAGS = [
  'fromDb',
  'schemas',
  'include',
  'exclude',
  'keepNames',
  'schemaOut',
  'out',
  'runtime',
  'templates',
  'prune',
  'force',
  'quiet',
] as const satisfies readonly (keyof ConfigurableArguments & keyof GenModelsConfig)[];

const ALIASES: Readonly<Record<string, string>> = { o: 'out', q: 'quiet' };

/** camelCase names of the flags present in argv (`--out x`, `--out=x`, `-o x`, `--no-prune`). */
export function givenFlags(argv: readonly string[]): Set<string> {
  const given = new Set<string>();
  for (const token of argv) {
    if (token === '--') break;
    const long = /^--(?:no-)?([^=]+)/.exec(token);
    if (long) given.add(long[1]!.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()));
    else if (/^-[a-zA-Z]+$/.test(token)) for (const c of token.slice(1)) given.add(ALIASES[c] ?? c);
  }
  return given;
}

/**
 * Loads the configuration (`--config`, or found from `cwd` upwards) and fills in every value
 * whose flag was not given. Without a configuration file the arguments are returned as they are.
 */
export async function applyConfig<T extends ConfigurableArguments>(
  args: T,
  argv: readonly string[],
  cwd: string = process.cwd(),
): Promise<{ args: T; loaded?: LoadedConfig }> {
  const file = args.config ?? findConfigFile(cwd);
  if (file === undefined) return { args };
  // Loaded only with a configuration file: its YAML parser is ~20 ms of every other run.
  const { databaseUrl, loadConfigFile } = await import('./load-config.js');
  const loaded = await loadConfigFile(file);
  const { config } = loaded;
  const given = givenFlags(argv);
  const merged: ConfigurableArguments = { ...args };
  for (const flag of FLAGS) {
    if (flag === 'fromDb' || given.has(flag) || config[flag] === undefined) continue;
    (merged as unknown as Record<string, unknown>)[flag] = config[flag];
  }
  // A source on the command line replaces the file's source, whichever kind either is.
  const sourceGiven = args.schema !== undefined || given.has('fromDb');
  if (!sourceGiven) {
    if (config.schema !== undefined && config.fromDb !== undefined)
      throw new GenModelsError(`${file}: give either "schema" or "fromDb", not both`);
    merged.schema = config.schema;
    merged.fromDb = databaseUrl(config);
  }
  return { args: merged as T, loaded };
}
