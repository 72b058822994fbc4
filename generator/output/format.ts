/**
 * Formats generated TypeScript with prettier, using the user's prettier configuration for the
 * output folder when there is one (so committed files match the rest of their code base).
 */
import type { Options } from 'prettier';

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
  const { format, resolveConfig } = await prettier();
  // Resolve as for a file inside the output folder: that is where the files will live.
  const userConfig = await resolveConfig(`${outDir}/__generated__.ts`, { editorconfig: true });
  const options: Options = { ...(userConfig ?? {}), parser: 'typescript', endOfLine: 'lf' };
  return {
    options,
    usesDefaults: userConfig === null || Object.keys(userConfig).length === 0,
    format: (source) => format(source, options),
  };
}
