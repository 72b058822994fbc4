/**
 * Formats generated TypeScript with prettier, using the user's prettier configuration for the
 * output folder when there is one (so committed files match the rest of their code base).
 */
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { Options } from 'prettier';
import { GenModelsError } from '../errors.js';

type Prettier = typeof import('prettier');

let prettierModule: Promise<Prettier> | undefined;

/** prettier is loaded on first use: `--help` and bad-input runs should not pay for it. */
function prettier(): Promise<Prettier> {
  prettierModule ??= import('prettier');
  return prettierModule;
}

export interface Formatter {
  format(source: string): Promise<string>;
  /** The resolved options, part of what decides whether a file is stale. */
  readonly options: Options;
  /** No prettier configuration applies: the generator's own layout is prettier's output. */
  readonly usesDefaults: boolean;
}

export async function createFormatter(outDir: string): Promise<Formatter> {
  const formatter = await resolveFormatter(outDir);
  await checkFormatter(formatter, outDir);
  return formatter;
}

/** The formatter for files in `outDir`, its options resolved but not yet tried (see checkFormatter). */
export async function resolveFormatter(outDir: string): Promise<Formatter> {
  const { format, resolveConfig } = await prettier();
  // Resolve as for a file inside the output folder: that is where the files will live. Without
  // prettier's cache: in a long-lived process (--watch, generate() in a program) it would keep
  // showing a configuration as it was at the first run.
  const userConfig = await resolveConfig(`${outDir}/__generated__.ts`, {
    editorconfig: true,
    useCache: false,
  }).catch((error: unknown) => {
    throw configurationError(outDir, error);
  });
  const options: Options = { ...(userConfig ?? {}), parser: 'typescript', endOfLine: 'lf' };
  const usesDefaults = userConfig === null || Object.keys(userConfig).length === 0;
  return { options, usesDefaults, format: (source) => format(source, options) };
}

/** The formatter of options resolved earlier (output/formatter-cache.ts): prettier is loaded only to format. */
export function formatterOf(options: Options, usesDefaults: boolean): Formatter {
  return { options, usesDefaults, format: async (source) => (await prettier()).format(source, options) };
}

/**
 * Tries the options once. A bad option value fails only when formatting: found here, it is not
 * taken for a syntax error in a file. (It loads prettier's TypeScript parser: a run that reuses
 * options already tried, see output/run-cache.ts, skips it.)
 */
export async function checkFormatter(formatter: Formatter, outDir: string): Promise<void> {
  await formatter.format('').catch((error: unknown) => {
    throw configurationError(outDir, error);
  });
}

function configurationError(outDir: string, error: unknown): GenModelsError {
  // prettier's first line may only name the file ("YAML Error in .prettierrc:"): the next says why.
  // prettier colours its message when the terminal supports colour (or FORCE_COLOR is set);
  // ours is one plain line whatever the terminal, so the colour codes go.
  const text = stripVTControlCharacters(error instanceof Error ? error.message : String(error));
  const reason = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .slice(0, 2)
    .join(' ');
  const folder = path.relative(process.cwd(), outDir) || '.';
  return new GenModelsError(`the prettier configuration for ${folder} is not valid: ${reason}`, {
    cause: error,
  });
}
