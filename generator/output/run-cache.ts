/**
 * What a run of a YAML schema produced, remembered between runs, so that a run where nothing
 * changed does not read the schema at all (on 1,000 models, parsing and checking it is most of
 * the time). The entry is keyed by a hash of every input of the file recipes: the schema text,
 * the generator (version and build), templates, formatting options and render options. A hit
 * gives each file's path and inputs hash; the files on disk are still read and their
 * fingerprints checked exactly as when the schema is read, so an edited, deleted or stale file
 * sends the run down the full path. The cache is only ever a shortcut: a missing, unreadable or
 * unwritable cache costs speed, never correctness.
 *
 * Where: `$GEN_MODELS_CACHE_DIR`, else `<os tmpdir>/gen-models-cache-<uid>`, one small JSON
 * file per output folder. `GEN_MODELS_CACHE_DIR=off` turns it off.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hashOf } from '../file-marks.js';
import { packageVersion } from '../package-root.js';

export interface RunCacheEntry {
  readonly key: string;
  readonly modelCount: number;
  readonly files: readonly { readonly path: string; readonly inputsHash: string }[];
}

/** The key of a run: everything the recipes' paths and inputs hashes are a function of. */
export function runCacheKey(...inputs: unknown[]): string {
  // The build's time stands in for the generator's code: a rebuilt checkout is a new generator.
  return hashOf(packageVersion(), buildStamp(), ...inputs);
}

export function readRunCache(outDir: string, key: string): RunCacheEntry | undefined {
  const file = cacheFile(outDir);
  if (file === undefined) return undefined;
  try {
    const entry = JSON.parse(readFileSync(file, 'utf8')) as RunCacheEntry;
    return entry.key === key && Array.isArray(entry.files) ? entry : undefined;
  } catch {
    return undefined;
  }
}

export function writeRunCache(outDir: string, entry: RunCacheEntry): void {
  const file = cacheFile(outDir);
  if (file === undefined) return;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    // Written aside and renamed: two runs at once never leave half a file to read.
    const temporary = `${file}.${process.pid}`;
    writeFileSync(temporary, JSON.stringify(entry));
    renameSync(temporary, file);
  } catch {
    // Only a shortcut: the next run reads the schema.
  }
}

function cacheFile(outDir: string): string | undefined {
  const configured = process.env.GEN_MODELS_CACHE_DIR;
  if (configured === 'off') return undefined;
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  const folder = configured || path.join(os.tmpdir(), `gen-models-cache-${uid}`);
  return path.join(folder, `run-${hashOf(path.resolve(outDir))}.json`);
}

function buildStamp(): number {
  try {
    return statSync(__filename).mtimeMs;
  } catch {
    return 0;
  }
}
