/**
 * Where the configuration file is: `--config FILE`, or the first folder from the working
 * directory upwards holding a `gen-models.config.*` file (as eslint and prettier look for theirs).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { GenModelsError } from '../errors.js';

/** File names looked for, in the order they win when a folder has several (which is an error). */
export const CONFIG_FILE_NAMES = [
  'gen-models.config.json',
  'gen-models.config.yaml',
  'gen-models.config.yml',
  'gen-models.config.mjs',
  'gen-models.config.ts',
] as const;

/** The configuration file that applies in `cwd`, or undefined when there is none up to the root. */
export function findConfigFile(cwd: string): string | undefined {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const found = CONFIG_FILE_NAMES.map((name) => path.join(dir, name)).filter((file) => existsSync(file));
    if (found.length > 1)
      throw new GenModelsError(
        `${dir} holds ${found.map((file) => path.basename(file)).join(' and ')}: keep one configuration file there, or choose one with --config`,
      );
    if (found.length === 1) return found[0];
    if (path.dirname(dir) === dir) return undefined;
  }
}
