/**
 * What a run of a YAML schema produced, remembered between runs, so that a run where nothing
 * changed does not read the schema at all (on 1,000 models, parsing and checking it is most of
 * the time). The entry is keyed by a hash of every input of the file recipes: the schema text,
 * the generator (version and build), templates, formatting options and render options. A hit
 * gives each file's path and inputs hash; the files on disk are still read and their
 * fingerprints checked exactly as when the schema is read, so an edited, deleted or stale file
 * sends the run down the full path (a file whose stat is still the one recorded is read but not
 * hashed again, see CachedFile.stamp). The cache is only ever a shortcut: a missing, unreadable or
 * unwritable cache costs speed, never correctness.
 *
 * Where: `$GEN_MODELS_CACHE_DIR/runs` (the folder the PGlite image uses too), else
 * `<os tmpdir>/gen-models-cache-<uid>`, one small JSON file per output folder.
 * `GEN_MODELS_RUN_CACHE=off` turns it off (`on` or unset: on; anything else is refused).
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { didYouMean } from '../../runtime/did-you-mean.js';
import { UsageError } from '../errors.js';
import { hashOf } from '../file-marks.js';
import { packageVersion } from '../package-root.js';
import type { AssociationTargets } from '../render/association-members.js';
import type { EditRecord } from '../schema/edited-models.js';
import type { FormatterRecord } from './formatter-cache.js';

export interface RunCacheEntry {
  readonly key: string;
  readonly modelCount: number;
  readonly files: readonly CachedFile[];
  /**
   * What a later run needs to read only the models an edit touched (schema/edited-models.ts),
   * when this run read the schema piece by piece and no configuration renamed or retyped it;
   * valid for runs whose other inputs have the same `baseKey` (see runCacheKeys).
   */
  readonly edits?: { readonly baseKey: string; readonly record: EditRecord };
  /** The prettier options of the output folder, and what they were resolved from (formatter-cache.ts). */
  readonly formatter?: FormatterRecord;
}

export interface CachedFile {
  readonly path: string;
  readonly inputsHash: string;
  /**
   * The file's stat (size, mtime, ctime, inode) when this run left it as generated: while it is
   * the same, the file is what it was, and its fingerprint need not be hashed again (as git's
   * index trusts a file whose stat is unchanged). ctime cannot be set back by tools that keep
   * mtime (touch -r, rsync -t), and gen-models replaces files by rename (a new inode).
   */
  readonly stamp?: string;
  /** A model file's association targets (render-schema.ts's FileRecipe.targets). */
  readonly targets?: AssociationTargets;
}

/**
 * The key of a run (everything the recipes' paths and inputs hashes are a function of: the
 * schema text and `inputs`), and its base key (the same without the schema text).
 */
export function runCacheKeys(schemaText: string, ...inputs: unknown[]): { key: string; baseKey: string } {
  // The build's time stands in for the generator's code: a rebuilt checkout is a new generator.
  const baseKey = hashOf(generatorStamp(), ...inputs);
  return { key: hashOf(baseKey, schemaText), baseKey };
}

/**
 * The entry of the last run into `outDir`, whatever its key: with the same key it stands for the
 * whole run; with another (the schema changed) its stamps still vouch for files whose inputs hash
 * is unchanged.
 */
export function readRunCache(outDir: string): RunCacheEntry | undefined {
  const file = cacheFile(outDir);
  if (file === undefined) return undefined;
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { generator?: unknown; entry?: RunCacheEntry };
    // Only this build's entries: another one may have written its parts (edits, formatter) in
    // another shape.
    const entry = stored.generator === generatorStamp() ? stored.entry : undefined;
    return typeof entry?.key === 'string' && Array.isArray(entry.files) ? entry : undefined;
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
    writeFileSync(temporary, JSON.stringify({ generator: generatorStamp(), entry }));
    renameSync(temporary, file);
  } catch {
    // Only a shortcut: the next run reads the schema.
  }
}

const RUN_CACHE_SETTINGS = ['on', 'off'];

/** GEN_MODELS_RUN_CACHE: unset or empty is on; a value other than on/off is refused, not taken for on. */
function runCacheSetting(): string {
  const value = process.env.GEN_MODELS_RUN_CACHE ?? '';
  if (value === '' || RUN_CACHE_SETTINGS.includes(value)) return value || 'on';
  const hint = didYouMean(value, RUN_CACHE_SETTINGS) || '';
  throw new UsageError(
    `GEN_MODELS_RUN_CACHE="${value}" is not a setting (on, off)${hint}; set it to off to turn the run cache off, or leave it unset`,
  );
}

/** The generator's version and build, which every part of an entry is a function of. */
function generatorStamp(): string {
  return hashOf(packageVersion(), buildStamp());
}

function cacheFile(outDir: string): string | undefined {
  const folder = cacheFolder();
  return folder && path.join(folder, `run-${hashOf(path.resolve(outDir))}.json`);
}

/**
 * The models parsed from a schema file (schema/load-incremental.ts), beside the run cache and
 * turned off with it; `salt` stands for the generator's code.
 */
export function modelCacheOf(schemaPath: string): { file: string; salt: string } | undefined {
  const folder = cacheFolder();
  if (folder === undefined) return undefined;
  const file = path.join(folder, `models-${hashOf(path.resolve(schemaPath))}.bin`);
  return { file, salt: generatorStamp() };
}

function cacheFolder(): string | undefined {
  if (runCacheSetting() === 'off') return undefined;
  const configured = process.env.GEN_MODELS_CACHE_DIR;
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  return configured ? path.join(configured, 'runs') : path.join(os.tmpdir(), `gen-models-cache-${uid}`);
}

function buildStamp(): number {
  try {
    return statSync(__filename).mtimeMs;
  } catch {
    return 0;
  }
}
