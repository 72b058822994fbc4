/**
 * Files the last run left as generated, kept as they are without rendering them again: the
 * run cache (run-cache.ts) says from which inputs each was made and what its stat was.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FileRecipe } from '../render/render-schema.js';
import type { ProducedFile } from './produce-file.js';
import { upToDateFile } from './produce-file.js';
import { fileStamp } from './file-stamp.js';
import type { CachedFile } from './run-cache.js';

/**
 * The text of a file the last run made from `cached.inputsHash`, when it is still what that run
 * wrote: untouched since (same stat: read, not hashed), or with a fingerprint that still matches
 * (`restamp`: its stat must be recorded again). Undefined when it must be generated again.
 */
export function keptFile(
  outDir: string,
  cached: CachedFile,
): { content: string; restamp: boolean } | undefined {
  const target = path.join(outDir, cached.path);
  const same = cached.stamp !== undefined && fileStamp(target) === cached.stamp;
  const content = same ? readQuietly(target) : upToDateFile(outDir, cached.path, cached.inputsHash);
  return content === undefined ? undefined : { content, restamp: !same };
}

/**
 * A file the last run left as generated from the same inputs, and untouched since (same stat):
 * kept as it is without hashing its fingerprint (one model changed: the other 999 files).
 */
export function keptByStamp(
  recipe: FileRecipe,
  last: CachedFile | undefined,
  outDir: string,
): ProducedFile | undefined {
  if (last?.stamp === undefined || last.inputsHash !== recipe.inputsHash) return undefined;
  const target = path.join(outDir, recipe.path);
  if (fileStamp(target) !== last.stamp) return undefined;
  const content = readQuietly(target);
  return content === undefined
    ? undefined
    : { path: recipe.path, content, previous: content, collisions: [], rendered: false };
}

function readQuietly(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
