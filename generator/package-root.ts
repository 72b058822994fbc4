import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GenModelsError } from './errors.js';

let cached: { root: string; version: string } | undefined;

/**
 * The installed package's own folder, found from this file whether it runs compiled
 * (dist/generator) or from source (generator/ under ts-jest): templates and the runtime
 * sources are read from there.
 */
export function packageRoot(): string {
  return packageInfo().root;
}

export function packageVersion(): string {
  return packageInfo().version;
}

function packageInfo(): { root: string; version: string } {
  if (cached) return cached;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name, version } = JSON.parse(readFileSync(manifest, 'utf8')) as {
        name?: string;
        version: string;
      };
      if (name === 'gen-models') return (cached = { root: dir, version });
    }
    if (path.dirname(dir) === dir)
      throw new GenModelsError(
        `cannot find the package.json of gen-models above ${__dirname}; reinstall gen-models`,
      );
  }
}
